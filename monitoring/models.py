from __future__ import annotations

from django.db import models

from agents.models import Agent, Business


class Alert(models.Model):
    """Something an operator should know: a degradation, a recovery, a failed send."""

    class Kind(models.TextChoices):
        DEGRADED = "degraded", "Agent degraded"
        RECOVERED = "recovered", "Agent recovered"
        SEND_FAILED = "send_failed", "WhatsApp send failed"
        SPEND_LIMIT = "spend_limit", "LLM spend limit reached"

    class Severity(models.TextChoices):
        INFO = "info", "Info"
        WARNING = "warning", "Warning"
        CRITICAL = "critical", "Critical"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    severity = models.CharField(max_length=8, choices=Severity.choices)
    business = models.ForeignKey(
        Business, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    agent = models.ForeignKey(
        Agent, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    # Delivery to Slack happens off the reply path; its outcome is kept here.
    notified_at = models.DateTimeField(null=True, blank=True)
    notify_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title
