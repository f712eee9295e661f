"""Prompts as infrastructure: immutable versions, a deployment log, and A/B experiments.

A version's body never changes once written: replies and LLM calls point at the version that
produced them, so "what did the agent say under v3" must keep one answer. Exactly one version
is deployed (``is_active``); an experiment sends a share of conversations to a candidate,
sticky per conversation, until an operator promotes the candidate or stops the test.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PromptVersion(models.Model):
    """An immutable system-prompt template. Replies record the version that produced them.

    The body is a ``str.format`` template with the fields ``business``, ``knowledge_base``,
    ``escalation`` and ``language``.
    """

    number = models.PositiveIntegerField(unique=True)
    body = models.TextField()
    changelog = models.TextField(blank=True)
    is_active = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="one_deployed_prompt"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


class PromptDeployment(models.Model):
    """Which version went live, when, by whom and why: the prompt's change history."""

    class Reason(models.TextChoices):
        DEPLOYED = "deployed", pgettext_lazy("prompt deployment reason", "Deployed")
        PROMOTED = "promoted", _("Promoted after an A/B test")

    version = models.ForeignKey(PromptVersion, on_delete=models.PROTECT, related_name="deployments")
    previous = models.ForeignKey(
        PromptVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=16, choices=Reason.choices)
    deployed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deployed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deployed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.version} {self.reason} at {self.deployed_at:%Y-%m-%d %H:%M}"


class PromptExperiment(models.Model):
    """An A/B test: the deployed version (control) against a candidate, per conversation.

    Which arm a conversation is in follows from the experiment and the conversation alone
    (see ``prompts_app.selectors.prompt_arm``), so it is sticky without a write on the reply
    path. The share is fixed for the life of the experiment: changing it would move
    conversations between arms; stop and start a new one instead.
    """

    class Outcome(models.TextChoices):
        RUNNING = "", _("Running")
        PROMOTED = "promoted", _("Candidate promoted")
        STOPPED = "stopped", _("Stopped, control kept")

    control = models.ForeignKey(PromptVersion, on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(PromptVersion, on_delete=models.PROTECT, related_name="+")
    candidate_percent = models.PositiveSmallIntegerField()
    is_running = models.BooleanField(default=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    note = models.CharField(max_length=300, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_running"], condition=Q(is_running=True), name="one_running_experiment"
            ),
            models.CheckConstraint(
                condition=Q(candidate_percent__gte=1, candidate_percent__lte=99),
                name="experiment_share_between_1_and_99",
            ),
            models.CheckConstraint(
                condition=~Q(control=models.F("candidate")), name="experiment_needs_two_versions"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.control} vs {self.candidate} ({self.candidate_percent}%)"

    @property
    def control_percent(self) -> int:
        return 100 - self.candidate_percent
