from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from agents.models import Agent, Business


class Alert(models.Model):
    """Something an operator should know: a degradation, a recovery, a failed send."""

    class Kind(models.TextChoices):
        DEGRADED = "degraded", _("Agent degraded")
        RECOVERED = "recovered", _("Agent recovered")
        SEND_FAILED = "send_failed", _("WhatsApp send failed")
        SPEND_LIMIT = "spend_limit", _("LLM spend limit reached")
        METRIC = "metric", _("Business metric out of range")
        METRIC_OK = "metric_ok", _("Business metric back in range")

    class Severity(models.TextChoices):
        INFO = "info", _("Info")
        WARNING = "warning", _("Warning")
        CRITICAL = "critical", _("Critical")

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


class MetricAlertRule(models.Model):
    """When a business metric leaves its range, say so: one alert going out, one coming back.

    Every business has one row per metric, created with the recommended settings the first
    time the rules are evaluated or shown; owners change the threshold, window and minimum
    sample, or switch a rule off. The row also keeps the rule's state, so an alert is raised
    on a transition, never on every evaluation.
    """

    class Metric(models.TextChoices):
        APOLOGIES = "apologies", _("Apologies")
        ESCALATIONS = "escalations", _("Escalations")
        LEAD_CAPTURE = "lead_capture", _("Lead capture")
        UNSUPPORTED = "unsupported", _("Unsupported claims")
        LLM_ERRORS = "llm_errors", _("LLM errors")

    class Window(models.IntegerChoices):
        HOUR = 1, _("the last hour")
        DAY = 24, _("the last 24 hours")
        WEEK = 168, _("the last 7 days")

    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="metric_alert_rules"
    )
    metric = models.CharField(max_length=16, choices=Metric.choices)
    is_active = models.BooleanField(default=True)
    threshold_percent = models.PositiveSmallIntegerField()
    window_hours = models.PositiveSmallIntegerField(choices=Window.choices)
    min_sample = models.PositiveIntegerField()
    is_firing = models.BooleanField(default=False)
    fired_at = models.DateTimeField(null=True, blank=True)
    # The last evaluation: the rate (None when the sample was too small) and its sample.
    last_value = models.FloatField(null=True, blank=True)
    last_sample = models.PositiveIntegerField(default=0)
    last_checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["business_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["business", "metric"], name="one_rule_per_metric"),
            models.CheckConstraint(
                condition=models.Q(threshold_percent__gte=1, threshold_percent__lte=100),
                name="alert_threshold_between_1_and_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business}: {self.get_metric_display()}"
