"""Reads for the review queue and the human inbox. Every query is scoped by the user's memberships.

Both pages poll. The client's cursor is what it shows: the review queue sends the ids of its
pending cards, the inbox each conversation's id with the id of the last message it shows.
The answer holds only what changed: items to add, items decided or handed back, threads with
new messages. A cursor of "the highest id seen" would be shorter, but replies are stored by
concurrent workers whose transactions can commit out of id order, and an item that commits
late behind such a cursor would never reach the page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, Max, OuterRef, Prefetch, QuerySet, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agents.grounding.findings import ACTION, AFFIRMATION, CONTACT, ENTITY, OFFER, POLICY
from agents.grounding.validator import FACT_KINDS_BESIDE, validate_reply
from agents.models import AgentText
from agents.selectors import User, agent_text, business_filter_for_user
from conversations.models import Conversation, Message, Review

REVIEW_PAGE_LIMIT = 50
INBOX_PAGE_LIMIT = 50
INBOX_THREAD_MESSAGES = 6

KIND_LABELS: dict[str, str | Promise] = {
    "price": pgettext_lazy("claim kind", "Price"),
    "time": pgettext_lazy("claim kind", "Time"),
    "days": pgettext_lazy("claim kind", "Days"),
    "duration": pgettext_lazy("claim kind", "Duration"),
    "percent": pgettext_lazy("claim kind", "Percentage"),
    "phone": pgettext_lazy("claim kind", "Phone number"),
    "certainty": pgettext_lazy("claim kind", "Certainty"),
    "quantity": pgettext_lazy("claim kind", "Quantity"),
    OFFER: pgettext_lazy("claim kind", "Offer"),
    ACTION: pgettext_lazy("claim kind", "Action"),
    CONTACT: pgettext_lazy("claim kind", "Contact or code"),
    ENTITY: pgettext_lazy("claim kind", "Service or option"),
    POLICY: pgettext_lazy("claim kind", "Policy"),
    AFFIRMATION: pgettext_lazy("claim kind", "Agreement"),
}

# Claims without a number: the reviewer is told what the kind means, and shown the
# knowledge-base lines the claim contradicts, or that nothing there supports it. (The
# numeric kinds are judged beside the knowledge base's facts of their kind instead.)
KIND_EXPLANATIONS: dict[str, str | Promise] = {
    OFFER: _(
        "The agent offered something free, included, waived, upgraded or matched that the "
        "knowledge base does not offer."
    ),
    ACTION: _(
        "The agent cannot book, send or arrange anything; the knowledge base does not say the "
        "business does this."
    ),
    CONTACT: _(
        "Addresses, phone numbers, e-mails, links, handles and codes must be written in the "
        "knowledge base; this one is not."
    ),
    ENTITY: _(
        "The knowledge base does not name this payment method, health fund, brand, branch, "
        "language, amenity or service, or says it is not offered."
    ),
    POLICY: _("The reply says the opposite of a policy the knowledge base states."),
    AFFIRMATION: _(
        "The agent agreed to what the customer asked, but the knowledge base does not support it."
    ),
}


def kind_label(kind: str) -> str | Promise:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


# --- the review queue ---------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    number: int  # 1-based, the mark's superscript and the legend's entry
    kind: str
    label: str | Promise
    claim: str
    reason: str
    marked: bool  # False when its span could not be highlighted (out of range, overlapping)
    explanation: str | Promise = ""  # what the kind means, for the kinds without a number
    evidence: tuple[str, ...] = ()  # the knowledge-base lines that contradict the claim

    @property
    def unsupported(self) -> bool:
        """A claim without a number that no knowledge-base line contradicts: nothing there
        supports it either."""
        return bool(self.explanation) and not self.evidence


@dataclass(frozen=True)
class Segment:
    """A piece of the held reply: plain text, or the text of one flag."""

    text: str
    flag: Flag | None = None


@dataclass(frozen=True)
class Facts:
    """What the knowledge base states of one kind the reply made claims of."""

    kind: str
    label: str | Promise
    facts: tuple[str, ...]


@dataclass(frozen=True)
class ReviewCard:
    review: Review
    questions: list[Message]  # the customer's messages the held reply answers
    segments: list[Segment]
    flags: list[Flag]
    facts: list[Facts]
    knowledge_base: str

    @property
    def pk(self) -> int:
        return self.review.pk

    @property
    def is_pending(self) -> bool:
        return self.review.decision == Review.Decision.PENDING

    @property
    def fallback_text(self) -> str:
        """What a rejection sends the customer: the escalation text in their language."""
        conversation = self.review.message.conversation
        return agent_text(
            agent=conversation.agent, kind=AgentText.Kind.ESCALATION, language=conversation.language
        )


def _evidence(raw: dict) -> tuple[str, ...]:
    """The stored knowledge-base lines; flags stored before they were kept have none."""
    lines = raw.get("evidence")
    if not isinstance(lines, list):
        return ()
    return tuple(line for line in lines if isinstance(line, str) and line.strip())


def reply_segments(*, text: str, flags: list[dict]) -> tuple[list[Segment], list[Flag]]:
    """Cut the reply into plain and flagged pieces, in text order, and list the flags.

    The spans index ``text``; the template escapes every piece, so nothing of the reply is
    ever marked safe. A span that is malformed, out of range or overlaps one already taken is
    left unhighlighted; its flag is still listed.
    """
    spans = []
    for number, raw in enumerate(flags, 1):
        start, end = raw.get("start"), raw.get("end")
        if type(start) is int and type(end) is int and 0 <= start < end <= len(text):
            spans.append((start, end, number))
    kept, position = [], 0
    for start, end, number in sorted(spans):
        if start >= position:
            kept.append((start, end, number))
            position = end
    marked = {number for _, _, number in kept}
    listed = [
        Flag(
            number=number,
            kind=str(raw.get("kind", "")),
            label=kind_label(str(raw.get("kind", ""))),
            claim=str(raw.get("claim", "")),
            reason=str(raw.get("reason", "")),
            marked=number in marked,
            explanation=KIND_EXPLANATIONS.get(str(raw.get("kind", "")), ""),
            evidence=_evidence(raw),
        )
        for number, raw in enumerate(flags, 1)
    ]
    segments, position = [], 0
    for start, end, number in kept:
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], listed[number - 1]))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments, listed


def _facts_beside(*, review: Review, flags: list[Flag], knowledge_base: str) -> list[Facts]:
    """The knowledge base's facts, as the validator reads them, for each kind flagged.

    A kind without a number that the validator states no facts of is left out: its flags
    carry their own knowledge-base lines (or the note that nothing supports them).
    """
    by_kind = validate_reply(
        reply=review.original_text,
        knowledge_base=knowledge_base,
        language=review.message.conversation.language,
    ).facts_by_kind()
    beside = []
    for kind in dict.fromkeys(flag.kind for flag in flags):
        texts = [text for k in FACT_KINDS_BESIDE.get(kind, (kind,)) for text in by_kind.get(k, [])]
        if not texts and kind in KIND_EXPLANATIONS:
            continue
        beside.append(Facts(kind, kind_label(kind), tuple(dict.fromkeys(texts))))
    return beside


def _reviews() -> QuerySet[Review]:
    return Review.objects.select_related(
        "business__knowledge_base",
        "decided_by",
        "message__conversation__contact",
        "message__conversation__agent",
    ).prefetch_related(
        # The card's fallback text, in the conversation's language (ReviewCard.fallback_text).
        "message__conversation__agent__texts",
        Prefetch(
            "message__answers",
            queryset=Message.objects.order_by("timestamp", "id"),
            to_attr="questions",
        ),
    )


def _pending(*, user: User) -> QuerySet[Review]:
    return (
        _reviews()
        .filter(business_filter_for_user(user=user), decision=Review.Decision.PENDING)
        .order_by("created_at", "id")
    )


def _cards(reviews: Iterable[Review]) -> list[ReviewCard]:
    cards = []
    for review in reviews:
        knowledge_base = getattr(review.business, "knowledge_base", None)
        kb_text = knowledge_base.content if knowledge_base else ""
        segments, flags = reply_segments(text=review.original_text, flags=review.flags)
        pending = review.decision == Review.Decision.PENDING
        facts = _facts_beside(review=review, flags=flags, knowledge_base=kb_text) if pending else []
        cards.append(
            ReviewCard(
                review=review,
                questions=getattr(review.message, "questions", []),
                segments=segments,
                flags=flags,
                facts=facts,
                knowledge_base=kb_text,
            )
        )
    return cards


def review_get_for_user(*, user: User, review_id: int) -> Review:
    """Fetch and authorise in one call: a review the user may not see is a 404, never a 403."""
    review = _reviews().filter(business_filter_for_user(user=user), pk=review_id).first()
    if review is None:
        raise Http404("No such review")
    return review


def review_card(*, review: Review) -> ReviewCard:
    return _cards([review])[0]


def review_list_pending_for_user(*, user: User, limit: int = REVIEW_PAGE_LIMIT) -> list[ReviewCard]:
    """Held replies waiting for a decision, oldest first."""
    return _cards(_pending(user=user)[:limit])


def review_count_pending_for_user(*, user: User) -> int:
    return Review.objects.filter(
        business_filter_for_user(user=user), decision=Review.Decision.PENDING
    ).count()


@dataclass(frozen=True)
class ReviewUpdates:
    new: list[ReviewCard]  # pending, not on the page yet: appended
    decided: list[ReviewCard]  # on the page as pending, decided since: marked
    gone: list[int]  # on the page, no longer visible to the user: removed


def review_updates_for_user(
    *, user: User, shown: list[int], limit: int = REVIEW_PAGE_LIMIT
) -> ReviewUpdates:
    """What changed for a page showing the pending cards ``shown``."""
    shown = list(dict.fromkeys(shown))[:limit]
    current = {
        review.pk: review
        for review in _reviews().filter(business_filter_for_user(user=user), pk__in=shown)
    }
    decided = [
        current[pk]
        for pk in shown
        if pk in current and current[pk].decision != Review.Decision.PENDING
    ]
    still_pending = len(current) - len(decided)
    room = max(0, limit - still_pending)
    new = _pending(user=user).exclude(pk__in=shown)[:room] if room else []
    return ReviewUpdates(
        new=_cards(new),
        decided=_cards(decided),
        gone=[pk for pk in shown if pk not in current],
    )


# --- the human inbox ----------------------------------------------------------------------

# Messages that answer the customer. The handoff notice and the fallback tell them a person
# will answer; they are not that answer, and a held reply has not been sent.
_ANSWERS = (Message.Author.HUMAN, Message.Author.AI, Message.Author.CACHED, Message.Author.RULES)
_NOT_SENT = (Message.Status.HELD, Message.Status.FAILED)


@dataclass(frozen=True)
class InboxItem:
    conversation: Conversation  # annotated with ``waiting_since``
    messages: list[Message]  # the last few, oldest first
    cursor: int  # the id of the last message shown; 0 for none

    @property
    def pk(self) -> int:
        return self.conversation.pk


def _inbox(*, user: User) -> QuerySet[Conversation]:
    """Conversations handed to people, newest handoff first, with how long the customer waits.

    The customer is waiting since their first message after the last real answer.
    """
    last_answer = (
        Message.objects.filter(
            conversation=OuterRef("pk"),
            direction=Message.Direction.OUTBOUND,
            author__in=_ANSWERS,
        )
        .exclude(status__in=_NOT_SENT)
        .order_by("-id")
        .values("id")[:1]
    )
    first_unanswered = (
        Message.objects.filter(
            conversation=OuterRef("pk"),
            direction=Message.Direction.INBOUND,
            needs_reply=True,
            id__gt=OuterRef("last_answer_id"),
        )
        .order_by("id")
        .values("timestamp")[:1]
    )
    return (
        Conversation.objects.filter(
            business_filter_for_user(user=user), handed_off_at__isnull=False
        )
        .select_related("business", "agent", "contact")
        .annotate(last_answer_id=Coalesce(Subquery(last_answer), Value(0)))
        .annotate(waiting_since=Subquery(first_unanswered))
        .order_by("-handed_off_at", "-id")
    )


def _recent_messages(conversation_ids: list[int]) -> dict[int, list[Message]]:
    """The last few messages of each conversation, in one query."""
    if not conversation_ids:
        return {}
    ranked = (
        Message.objects.filter(conversation_id__in=conversation_ids)
        .select_related("sent_by")
        .annotate(
            rank=Window(RowNumber(), partition_by=F("conversation_id"), order_by=F("id").desc())
        )
        .filter(rank__lte=INBOX_THREAD_MESSAGES)
        .order_by("conversation_id", "id")
    )
    threads: dict[int, list[Message]] = defaultdict(list)
    for message in ranked:
        threads[message.conversation_id].append(message)
    return threads


def _items(conversations: Iterable[Conversation]) -> list[InboxItem]:
    conversations = list(conversations)
    threads = _recent_messages([c.pk for c in conversations])
    items = []
    for conversation in conversations:
        messages = threads.get(conversation.pk, [])
        items.append(InboxItem(conversation, messages, messages[-1].pk if messages else 0))
    return items


def inbox_list_for_user(*, user: User, limit: int = INBOX_PAGE_LIMIT) -> list[InboxItem]:
    return _items(_inbox(user=user)[:limit])


def inbox_item_for_user(*, user: User, conversation_id: int) -> InboxItem | None:
    """One conversation of the inbox; None once it is no longer handed to people."""
    return next(iter(_items(_inbox(user=user).filter(pk=conversation_id))), None)


def inbox_count_for_user(*, user: User) -> int:
    return Conversation.objects.filter(
        business_filter_for_user(user=user), handed_off_at__isnull=False
    ).count()


@dataclass(frozen=True)
class InboxUpdates:
    new: list[InboxItem]  # handed off, not on the page yet: prepended
    changed: list[InboxItem]  # on the page, with messages after the page's cursor
    waiting: list[Conversation]  # on the page and still handed off: the waiting time ticks
    gone: list[int]  # on the page, handed back or no longer visible: marked


def inbox_updates_for_user(
    *, user: User, shown: dict[int, int], limit: int = INBOX_PAGE_LIMIT
) -> InboxUpdates:
    """What changed for a page showing ``shown``: conversation id -> last message id shown."""
    shown = dict(list(shown.items())[:limit])
    present = list(_inbox(user=user).filter(pk__in=shown))
    latest = dict(
        Message.objects.filter(conversation__in=present)
        .order_by()
        .values("conversation_id")
        .annotate(last=Max("id"))
        .values_list("conversation_id", "last")
    )
    changed = [c for c in present if latest.get(c.pk, 0) != shown[c.pk]]
    present_ids = {c.pk for c in present}
    room = max(0, limit - len(present))
    new = _inbox(user=user).exclude(pk__in=shown)[:room] if room else []
    return InboxUpdates(
        new=_items(new),
        changed=_items(changed),
        waiting=present,
        gone=[pk for pk in shown if pk not in present_ids],
    )
