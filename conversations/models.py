"""Contacts, conversations, messages, leads and reviews, and the business definitions read
from them.

Each definition the pages, alerts, notifications and /metrics count by lives here once, as a
QuerySet method (or, for a single row, a method beside it): a *captured* lead, an
*unanswered* customer message, an *escalated* conversation, an AI *apology*, a reply *held*
for review. They sit on the models rather than in ``monitoring`` because ``conversations``
needs them too (the reply path, the sweeper, lead scoring) and may not import the layer above;
``monitoring/metrics.py`` turns these counts into rates.
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agents.models import Agent, Business
from prompts_app.models import PromptVersion


class Contact(models.Model):
    """A customer of one business.

    Since 2026 Meta sends a business-scoped ``user_id`` and may omit the phone number
    (``wa_id``) for users with a username, so either may be missing and neither alone is
    the key.
    """

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="contacts")
    # NULL, not "", for a missing identity: the unique constraints below must ignore it.
    wa_id = models.CharField(max_length=32, null=True, blank=True)  # noqa: DJ001
    user_id = models.CharField(max_length=128, null=True, blank=True)  # noqa: DJ001
    profile_name = models.CharField(max_length=200, blank=True)
    is_priority = models.BooleanField(
        default=False, help_text="Priority customers are answered by the escalated model."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["business", "wa_id"],
                condition=Q(wa_id__isnull=False),
                name="contact_unique_wa_id",
            ),
            models.UniqueConstraint(
                fields=["business", "user_id"],
                condition=Q(user_id__isnull=False),
                name="contact_unique_user_id",
            ),
            models.CheckConstraint(
                condition=Q(wa_id__isnull=False) | Q(user_id__isnull=False),
                name="contact_has_an_identity",
            ),
        ]

    def __str__(self) -> str:
        return self.profile_name or self.wa_id or self.user_id or f"contact {self.pk}"

    @property
    def address(self) -> str:
        """What WhatsApp's ``to`` field takes: the phone number, else the business-scoped id."""
        return self.wa_id or self.user_id or ""


class ConversationQuerySet(models.QuerySet["Conversation"]):
    def real(self) -> ConversationQuerySet:
        """Conversations with customers: an owner's sandbox chats are left out of every count."""
        return self.filter(is_sandbox=False)

    def with_people(self) -> ConversationQuerySet:
        """Handed to a person and not handed back yet."""
        return self.filter(handed_off_at__isnull=False)

    def escalated(
        self, *, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> ConversationQuerySet:
        """*Escalated* in the window: handed to a person, or answered by the fallback (a
        handoff notice, a reply the knowledge-base check replaced). Each conversation counts
        once, however many notices or fallbacks it got."""
        return self.filter(escalated_in_window(since=since, until=until))


def escalated_in_window(*, since: dt.datetime | None, until: dt.datetime | None = None) -> Q:
    """The condition of :meth:`ConversationQuerySet.escalated`, for ``Count(filter=...)`` in
    an aggregate over conversations. Open ends mean all time."""
    handed = Q(handed_off_at__isnull=False)
    fallbacks = Message.objects.filter(conversation=OuterRef("pk"), author=Message.Author.FALLBACK)
    if since is not None:
        handed &= Q(handed_off_at__gte=since)
        fallbacks = fallbacks.filter(created_at__gte=since)
    if until is not None:
        handed &= Q(handed_off_at__lt=until)
        fallbacks = fallbacks.filter(created_at__lt=until)
    return handed | Q(Exists(fallbacks))


class Conversation(models.Model):
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="conversations")
    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="conversations")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="conversations")
    language = models.CharField(max_length=8, default="en")
    # The rolling summary covers every message up to and including summary_through_id; the
    # reply prompt carries it plus the messages after it verbatim.
    summary = models.TextField(blank=True)
    summary_through_id = models.BigIntegerField(default=0)
    summary_updated_at = models.DateTimeField(null=True, blank=True)
    # An owner trying the agent from the browser: the real reply path, but nothing is ever
    # sent to WhatsApp, and metrics leave it out.
    is_sandbox = models.BooleanField(default=False)
    # Handed to a person: the AI stays quiet until someone hands it back.
    handed_off_at = models.DateTimeField(null=True, blank=True, db_index=True)
    handoff_reason = models.CharField(max_length=200, blank=True)
    # The customer is told once per handoff, not on every message.
    handoff_notified_at = models.DateTimeField(null=True, blank=True)
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agent", "contact"], name="conversation_unique_contact")
        ]

    def __str__(self) -> str:
        return f"{self.contact} with {self.agent.name}"


# Replies that apologise: a rising share means the agent is failing customers politely.
APOLOGY = re.compile(
    r"\b(sorry|apologi[sz]e|unfortunately|regret)\b|מצטער|מצטערת|סליחה|לצערי|מתנצל",
    re.IGNORECASE,
)


class MessageQuerySet(models.QuerySet["Message"]):
    def real(self) -> MessageQuerySet:
        """Messages of conversations with customers, not of sandbox chats."""
        return self.filter(conversation__is_sandbox=False)

    def unanswered(self) -> MessageQuerySet:
        """*Unanswered*: a customer message that needs a reply and has none stored yet.
        Matches the partial index ``message_unanswered``."""
        return self.filter(UNANSWERED)

    def replies(self) -> MessageQuerySet:
        """Everything sent to customers, whoever wrote it."""
        return self.filter(direction=Message.Direction.OUTBOUND)

    def written_by_model(self) -> MessageQuerySet:
        """Replies the model wrote: sent as written, held for review, or replaced by the
        fallback (at the knowledge-base check or by a reviewer's rejection). The sample of the
        *unsupported claims* rate. A handoff notice is a fallback too, but carries no prompt
        version: the model wrote nothing."""
        return self.filter(
            Q(author=Message.Author.AI)
            | Q(author=Message.Author.FALLBACK, prompt_version__isnull=False)
        )

    def replaced_by_fallback(self) -> MessageQuerySet:
        """Model replies the knowledge-base check replaced by the fallback. With the replies
        *held* for review (every one has a ``Review``, a rejected one included) they are the
        replies with an *unsupported claim*."""
        return self.filter(
            author=Message.Author.FALLBACK, prompt_version__isnull=False, review__isnull=True
        )

    def by_people(self) -> MessageQuerySet:
        """Replies a person wrote (the inbox, WhatsApp's own app): what ends a handoff's wait."""
        return self.filter(direction=Message.Direction.OUTBOUND, author=Message.Author.HUMAN)

    def written_by_ai(self) -> MessageQuerySet:
        """Replies whose text the AI wrote: sent as written or approved by a reviewer, not the
        ones a reviewer rewrote (which keep the AI as author) nor a person's own replies. What
        an *apology* is looked for in."""
        return self.filter(author=Message.Author.AI).exclude(
            review__decision=Review.Decision.EDITED
        )


class Message(models.Model):
    class Direction(models.TextChoices):
        INBOUND = "in", pgettext_lazy("message direction", "Inbound")
        OUTBOUND = "out", pgettext_lazy("message direction", "Outbound")

    class Author(models.TextChoices):
        CUSTOMER = "customer", _("Customer")
        AI = "ai", _("AI")
        CACHED = "cached", _("Cached answer")
        HUMAN = "human", _("Human")
        RULES = "rules", pgettext_lazy("message author", "Rules")
        FALLBACK = "fallback", _("Fallback")

    class Status(models.TextChoices):
        # inbound
        RECEIVED = "received", pgettext_lazy("message status", "Received")
        # outbound, in the order Meta reports them; a status never moves backwards
        PENDING = "pending", pgettext_lazy("message status", "Pending")
        # Written but waiting for a reviewer: not sent until approved or edited.
        HELD = "held", pgettext_lazy("message status", "Held for review")
        SENT = "sent", pgettext_lazy("message status", "Sent")
        DELIVERED = "delivered", pgettext_lazy("message status", "Delivered")
        READ = "read", pgettext_lazy("message status", "Read")
        FAILED = "failed", pgettext_lazy("message status", "Failed")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    # Meta retries deliveries for days: the wamid is the idempotency key for inbound messages
    # and the handle statuses use for outbound ones. NULLs are distinct, so unsent rows coexist.
    wamid = models.CharField(max_length=255, unique=True, null=True, blank=True)
    type = models.CharField(max_length=32, default="text")
    text = models.TextField(blank=True)
    author = models.CharField(max_length=16, choices=Author.choices)
    status = models.CharField(max_length=16, choices=Status.choices)
    error_code = models.CharField(max_length=32, blank=True)
    error_title = models.CharField(max_length=500, blank=True)
    # Inbound reactions and system notices need no answer; everything else the customer
    # sends is answered exactly once.
    needs_reply = models.BooleanField(default=False)
    # Set on an inbound message once a reply covering it has been stored.
    answered_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    prompt_version = models.ForeignKey(
        PromptVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="messages"
    )
    llm_model = models.CharField(max_length=64, blank=True)
    # The person who wrote or approved an outbound message, for human and reviewed replies.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Claimed by the one sender allowed to call WhatsApp for this row; a claim that is old and
    # still unsent means that sender died, and the sweeper may claim it again.
    send_claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    status_at = models.DateTimeField(null=True, blank=True)
    # When WhatsApp says the customer sent it (inbound) or when we created it (outbound).
    timestamp = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["timestamp", "id"]
        indexes = [
            models.Index(fields=["conversation", "id"], name="message_conversation_cursor"),
            models.Index(
                fields=["conversation"],
                condition=Q(direction="in", needs_reply=True, answered_by__isnull=True),
                name="message_unanswered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.type} {self.wamid or self.pk}"

    @staticmethod
    def apologises(text: str) -> bool:
        """An *apology*: a text that says sorry (English or Hebrew). Counted only among
        :meth:`MessageQuerySet.written_by_ai`: a person's "sorry" is not the agent failing."""
        return bool(APOLOGY.search(text))


# An inbound message still waiting for its reply (see ``MessageQuerySet.unanswered``), as a
# condition for subqueries and combined filters.
UNANSWERED = Q(direction=Message.Direction.INBOUND, needs_reply=True, answered_by__isnull=True)


class LeadQuerySet(models.QuerySet["Lead"]):
    def captured(self) -> LeadQuerySet:
        """*Captured* (as :attr:`Lead.is_captured`): a need, and a name or a way to reach the
        customer."""
        return self.filter(LEAD_CAPTURED)

    def real(self) -> LeadQuerySet:
        return self.filter(conversation__is_sandbox=False)


class Lead(models.Model):
    """What the conversation has told us about a potential customer, and how warm they are."""

    class Score(models.TextChoices):
        HOT = "hot", pgettext_lazy("lead score", "Hot")
        WARM = "warm", pgettext_lazy("lead score", "Warm")
        COLD = "cold", pgettext_lazy("lead score", "Cold")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="leads")
    conversation = models.OneToOneField(Conversation, on_delete=models.CASCADE, related_name="lead")
    name = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=64, blank=True)
    email = models.CharField(max_length=254, blank=True)
    need = models.TextField(blank=True)
    budget = models.CharField(max_length=200, blank=True)
    timeline = models.CharField(max_length=200, blank=True)
    score = models.CharField(max_length=8, choices=Score.choices, default=Score.COLD)
    # The last message the extraction has read: each run reads only what came after.
    extracted_through_id = models.BigIntegerField(default=0)
    # A hot lead is reviewed once by the strongest model.
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["business", "score"], name="lead_business_score")]

    def __str__(self) -> str:
        return f"{self.name or self.phone or self.email or 'lead'} ({self.score})"

    @property
    def is_captured(self) -> bool:
        """A conversation has captured a lead once it has a contact detail or name, and a need.
        The same rule as ``LEAD_CAPTURED``, on one row already in memory."""
        return bool((self.name or self.phone or self.email) and self.need)


# *Captured*, as a condition (see ``LeadQuerySet.captured``).
LEAD_CAPTURED = ~Q(need="") & (~Q(name="") | ~Q(phone="") | ~Q(email=""))


class ReviewQuerySet(models.QuerySet["Review"]):
    def real(self) -> ReviewQuerySet:
        """Replies *held* for review in conversations with customers, not sandbox chats."""
        return self.filter(message__conversation__is_sandbox=False)

    def pending(self) -> ReviewQuerySet:
        """Held replies still waiting for a reviewer."""
        return self.filter(decision=Review.Decision.PENDING)


class Review(models.Model):
    """A reply held because its claims were not all supported, and what a reviewer decided."""

    class Decision(models.TextChoices):
        PENDING = "pending", pgettext_lazy("review decision", "Waiting")
        APPROVED = "approved", pgettext_lazy("review decision", "Approved")
        EDITED = "edited", pgettext_lazy("review decision", "Edited and sent")
        REJECTED = "rejected", pgettext_lazy("review decision", "Rejected")

    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="review")
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="reviews")
    flags = models.JSONField(default=list)
    original_text = models.TextField()
    decision = models.CharField(
        max_length=16, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"review of message {self.message_id} ({self.decision})"
