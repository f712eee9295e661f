from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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


# --- notifications to the business ------------------------------------------------------------


class NotificationKind(models.TextChoices):
    """What a business is told about: each is something a person has to act on."""

    HANDOFF = "handoff", _("A conversation waits for a person")
    REVIEW = "review", _("A reply is held for review")
    HOT_LEAD = "hot_lead", _("A hot lead")
    WAITING = "waiting", _("A customer waits too long for a reply")
    ALERT = "alert", _("An alert rule is out of range")
    TEST = "test", _("Test notification")


# The kinds a business can switch; TEST is only ever sent by the button on the settings page.
EVENT_KINDS = [kind for kind in NotificationKind.values if kind != NotificationKind.TEST]


def all_event_kinds() -> list[str]:
    return list(EVENT_KINDS)


def reviewer_default_kinds() -> list[str]:
    # Reviewers work the queue and the inbox; leads and metrics are the owner's business.
    return [NotificationKind.HANDOFF, NotificationKind.REVIEW, NotificationKind.WAITING]


def whatsapp_default_kinds() -> list[str]:
    return [NotificationKind.HANDOFF, NotificationKind.HOT_LEAD]


def urgent_default_kinds() -> list[str]:
    # A buyer ready to book tonight goes elsewhere by morning; everything else can wait.
    return [NotificationKind.HOT_LEAD]


class NotificationSettings(models.Model):
    """One business's answer to "who is told what, where, and when not".

    E-mail goes to the business's members: each role has a default list of kinds, set here by
    an owner; a member who chooses their own list (``NotificationPreference``) gets that
    instead. Slack and WhatsApp are one destination each for the whole business. Created with
    these defaults the first time the business is scanned or its page is shown.
    """

    business = models.OneToOneField(
        Business, on_delete=models.CASCADE, related_name="notification_settings"
    )
    owner_email_kinds = models.JSONField(default=all_event_kinds)
    reviewer_email_kinds = models.JSONField(default=reviewer_default_kinds)
    # A Slack incoming webhook of the business's own workspace; empty: no Slack.
    slack_webhook_url = models.URLField(max_length=500, blank=True)
    slack_kinds = models.JSONField(default=all_event_kinds)
    # A staff phone (international digits, as WhatsApp's wa_id): told by WhatsApp only while
    # that phone has written to the business's number in the last 24 hours.
    whatsapp_number = models.CharField(max_length=20, blank=True)
    whatsapp_kinds = models.JSONField(default=whatsapp_default_kinds)
    # A customer whose message has had no reply for this long is "waiting too long".
    waiting_minutes = models.PositiveSmallIntegerField(default=15)
    # Quiet hours, in the business's time zone; both empty: none. May wrap midnight.
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    # Kinds sent even in quiet hours; the rest wait until the quiet hours end.
    urgent_kinds = models.JSONField(default=urgent_default_kinds)
    # The language of the Slack and WhatsApp messages (e-mails follow each recipient).
    language = models.CharField(max_length=8, default="en")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "notification settings"

    def __str__(self) -> str:
        return f"Notification settings of {self.business}"


class NotificationPreference(models.Model):
    """A member's own choice of e-mails from one business, instead of their role's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    # None: follow the role's default, as the owner sets it.
    email_kinds = models.JSONField(null=True, blank=True)
    # The language the member's e-mails are written in.
    language = models.CharField(max_length=8, default="en")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "business"], name="one_preference_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.business}"


class Notification(models.Model):
    """One message about one event to one recipient on one channel: the outbox and its log.

    ``(event_key, channel, recipient_key)`` is unique, so the scan that creates these rows can
    run as often as it likes and every event is told once to each recipient. Delivery is a
    background job; a failure is kept here and retried with a backoff.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SLACK = "slack", "Slack"
        WHATSAPP = "whatsapp", "WhatsApp"

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("notification status", "Waiting to be sent")
        SENDING = "sending", pgettext_lazy("notification status", "Sending")
        SENT = "sent", pgettext_lazy("notification status", "Sent")
        FAILED = "failed", pgettext_lazy("notification status", "Failed")
        SKIPPED = "skipped", pgettext_lazy("notification status", "Not sent")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=16, choices=NotificationKind.choices)
    # The event: "<kind>:<id of the record>[:<occurrence>]", e.g. "handoff:12:1767225600".
    event_key = models.CharField(max_length=100)
    # The id of the conversation, review, lead or alert, to check it is still open at delivery.
    object_id = models.BigIntegerField(null=True, blank=True)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    # "user:<id>", "slack" or "whatsapp:<number>": the recipient, stable across edits.
    recipient_key = models.CharField(max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The e-mail address or phone number it goes to; Slack's URL is read at delivery.
    address = models.CharField(max_length=254, blank=True)
    language = models.CharField(max_length=8, default="en")
    subject = models.CharField(max_length=200)
    body = models.TextField()
    link = models.CharField(max_length=500)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    # When it may next be sent: now, the end of the quiet hours, or after a failure's backoff.
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "channel", "recipient_key"], name="notify_each_event_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status__in=["pending", "sending"]),
                name="notification_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_key} by {self.channel} to {self.recipient_key} ({self.status})"
