from __future__ import annotations

from django.conf import settings
from django.db import models


class Business(models.Model):
    """The tenant. Every row a user can see hangs off a business they are a member of."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "businesses"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", "Owner"
        REVIEWER = "reviewer", "Reviewer"

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
    escalation_text = models.TextField(
        default="I don't have that information. Let me pass you to a member of our team.",
        help_text="What the agent says when the knowledge base does not cover a question.",
    )
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
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.business})"


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
        REPLY = "reply", "Reply"
        SUMMARY = "summary", "Summary"
        EXTRACTION = "extraction", "Lead extraction"
        REVIEW = "review", "Hot-lead review"
        JUDGE = "judge", "Grounding judge"
        PROBE = "probe", "Recovery probe"

    class Outcome(models.TextChoices):
        OK = "ok", "OK"
        ERROR = "error", "Error"

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
