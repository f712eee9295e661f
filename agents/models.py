from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DEFAULT_TIME_ZONE = "Asia/Jerusalem"


def validate_time_zone(name: str) -> None:
    """An IANA time zone name that ``zoneinfo`` knows ("Asia/Jerusalem", "Europe/London")."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValidationError(
            _("%(name)s is not a time zone. Use an IANA name such as Asia/Jerusalem."),
            code="invalid_time_zone",
            params={"name": name or '""'},
        ) from None


class Business(models.Model):
    """The tenant. Every row a user can see hangs off a business they are a member of."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    # Where the business is: pages show its times in this zone, and the reply prompt tells
    # the model the local date and time ("are you open now?").
    time_zone = models.CharField(
        max_length=64, default=DEFAULT_TIME_ZONE, validators=[validate_time_zone]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "businesses"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        REVIEWER = "reviewer", _("Reviewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "business"], name="membership_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.business} ({self.role})"


class Agent(models.Model):
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="agents")
    name = models.CharField(max_length=200)
    # Meta's id of the business phone number; the webhook picks the agent by it.
    phone_number_id = models.CharField(max_length=64, unique=True)
    display_phone_number = models.CharField(max_length=32, blank=True)
    # A new agent answers customers with the AI only once an owner switches it on (and its
    # knowledge base has content); until then every conversation goes to people. The chat
    # sandbox answers either way, so owners can try it first.
    is_live = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    verbatim_messages = models.PositiveIntegerField(
        default=6,
        help_text="The most recent messages sent to the model word for word; older ones are "
        "folded into the conversation's rolling summary.",
    )
    # Model routing: the cheap model by default, a stronger one for long conversations and
    # priority customers, the strongest only to review hot leads.
    reply_model = models.CharField(max_length=64, default="claude-haiku-4-5")
    escalated_model = models.CharField(max_length=64, default="claude-sonnet-4-5")
    long_conversation_messages = models.PositiveIntegerField(
        default=15,
        help_text="Conversations longer than this many messages use the escalated model.",
    )
    hot_lead_review_model = models.CharField(max_length=64, default="claude-opus-4-5")
    # The degradation ladder: consecutive LLM failures that step the agent down to each rung.
    cached_after_failures = models.PositiveIntegerField(default=2)
    rules_after_failures = models.PositiveIntegerField(default=5)
    human_after_failures = models.PositiveIntegerField(default=10)
    recover_straight_to_full = models.BooleanField(
        default=False,
        help_text="On a successful probe go straight back to full AI instead of one rung up.",
    )
    # What happens to a reply with claims the knowledge base does not support (issue 5):
    # default = 1-2 flags hold it for review, more replace it with the fallback.
    grounding_policy = models.CharField(max_length=16, default="default")
    # Ask the cheap model for a second opinion on flagged claims (agents/grounding/judge.py).
    grounding_judge = models.BooleanField(default=False)
    # An operator's pin overrides the ladder until it is removed.
    pinned_mode = models.CharField(max_length=16, blank=True)
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pinned_at = models.DateTimeField(null=True, blank=True)
    pin_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.business})"


# The languages the agent's fixed texts are kept in; any other conversation language gets
# the English text.
TEXT_LANGUAGES = ("en", "he")


class AgentText(models.Model):
    """One of the agent's fixed customer-facing texts, in one language.

    A missing row means the default below: an owner only stores what they changed, and a
    language added later starts with its default.
    """

    class Kind(models.TextChoices):
        # Said when the knowledge base does not cover a question, and in place of a reply
        # the grounding check refuses.
        ESCALATION = "escalation", _("When the agent does not know")
        # Sent once when a conversation is handed to people.
        HANDOFF = "handoff", _("When a person takes over")

    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="texts")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    language = models.CharField(max_length=8)
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agent", "kind", "language"], name="agenttext_unique_kind_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agent} {self.kind} ({self.language})"


DEFAULT_TEXTS: dict[str, dict[str, str]] = {
    AgentText.Kind.ESCALATION: {
        "en": "I don't have that information. Let me pass you to a member of our team.",
        "he": "אין לי את המידע הזה. אעביר אותך לאחד מאנשי הצוות שלנו.",
    },
    AgentText.Kind.HANDOFF: {
        "en": "Thanks for your message! A member of our team will get back to you shortly.",
        "he": "תודה על ההודעה! אחד מאנשי הצוות שלנו יחזור אליך בהקדם.",
    },
}


class Mode(models.TextChoices):
    """The degradation ladder, best first."""

    FULL_AI = "full_ai", _("Full AI")
    CACHED_AI = "cached_ai", _("Cached answers")
    RULES_ONLY = "rules_only", _("Rules only")
    HUMAN_ONLY = "human_only", _("Humans only")


class ModeTransition(models.Model):
    """Every change of an agent's mode, automatic or by hand, with its reason."""

    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="mode_transitions")
    from_mode = models.CharField(max_length=16, choices=Mode.choices)
    to_mode = models.CharField(max_length=16, choices=Mode.choices)
    reason = models.CharField(max_length=300)
    automatic = models.BooleanField(default=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.agent}: {self.from_mode} -> {self.to_mode}"


class Rule(models.Model):
    """A rule-based answer for when the LLM is down: keywords or a pattern -> a response."""

    class Kind(models.TextChoices):
        KEYWORDS = "keywords", _("Any of these words")
        PATTERN = "pattern", _("Regular expression")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="rules")
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.KEYWORDS)
    # Keywords: comma-separated, matched as whole words in either language.
    match = models.TextField(blank=True)
    response = models.TextField()
    language = models.CharField(max_length=8, blank=True, help_text="en, he, or blank for any")
    is_default = models.BooleanField(default=False, help_text="Answers when no other rule matches.")
    priority = models.IntegerField(default=100, help_text="Lower runs first.")
    # A rule that promises a person ("a team member will send you our prices") hands the
    # conversation to the inbox when it answers, so the promise is kept.
    hands_to_people = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "id"]

    def __str__(self) -> str:
        return self.name


class CachedAnswer(models.Model):
    """An AI answer that was sent and not flagged, reusable while the LLM is down."""

    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="cached_answers")
    question_key = models.CharField(max_length=300)
    question = models.TextField()
    answer = models.TextField()
    language = models.CharField(max_length=8, default="en")
    hits = models.PositiveIntegerField(default=0)
    last_hit_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-hits", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agent", "question_key"], name="cachedanswer_unique_question"
            )
        ]

    def __str__(self) -> str:
        return self.question[:60]


class KnowledgeBase(models.Model):
    business = models.OneToOneField(
        Business, on_delete=models.CASCADE, related_name="knowledge_base"
    )
    content = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Knowledge base of {self.business}"


class LlmCall(models.Model):
    """The ledger: one row per LLM call, whatever it was for and however it ended."""

    class Purpose(models.TextChoices):
        REPLY = "reply", pgettext_lazy("LLM call purpose", "Reply")
        SUMMARY = "summary", pgettext_lazy("LLM call purpose", "Summary")
        EXTRACTION = "extraction", _("Lead extraction")
        REVIEW = "review", _("Hot-lead review")
        JUDGE = "judge", _("Grounding judge")
        PROBE = "probe", _("Recovery probe")

    class Outcome(models.TextChoices):
        OK = "ok", pgettext_lazy("LLM call outcome", "OK")
        ERROR = "error", pgettext_lazy("LLM call outcome", "Error")

    agent = models.ForeignKey(
        Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="llm_calls"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="llm_calls",
    )
    prompt_version = models.ForeignKey(
        "prompts_app.PromptVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="llm_calls",
    )
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    model = models.CharField(max_length=64)
    input_tokens = models.PositiveIntegerField(default=0)
    output_tokens = models.PositiveIntegerField(default=0)
    cache_creation_input_tokens = models.PositiveIntegerField(default=0)
    cache_read_input_tokens = models.PositiveIntegerField(default=0)
    estimated_input_tokens = models.PositiveIntegerField(default=0)
    cost_usd = models.DecimalField(max_digits=12, decimal_places=6, default=0)
    latency_ms = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=1)
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    error_class = models.CharField(max_length=32, blank=True)
    error_message = models.CharField(max_length=500, blank=True)
    request_id = models.CharField(max_length=128, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["agent", "created_at"], name="llmcall_agent_time")]

    def __str__(self) -> str:
        return f"{self.purpose} {self.model} {self.outcome}"
