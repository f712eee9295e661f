from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from monitoring.models import EVENT_KINDS, MetricAlertRule, NotificationKind
from monitoring.notifications import normalize_phone


class AlertRuleForm(forms.Form):
    is_active = forms.BooleanField(label=pgettext_lazy("alert rule switch", "On"), required=False)
    threshold_percent = forms.IntegerField(label=_("Threshold (%)"), min_value=1, max_value=100)
    window_hours = forms.TypedChoiceField(
        label=_("Over"), choices=MetricAlertRule.Window.choices, coerce=int
    )
    min_sample = forms.IntegerField(label=_("At least"), min_value=1, max_value=100_000)

    @classmethod
    def for_rule(cls, rule: MetricAlertRule, data: object = None) -> AlertRuleForm:
        return cls(
            data,
            prefix=f"rule-{rule.pk}",
            initial={
                "is_active": rule.is_active,
                "threshold_percent": rule.threshold_percent,
                "window_hours": rule.window_hours,
                "min_sample": rule.min_sample,
            },
        )


# --- notifications ----------------------------------------------------------------------------

_KIND_CHOICES = [(kind, NotificationKind(kind).label) for kind in EVENT_KINDS]


def _kinds_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        choices=_KIND_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )


class NotificationSettingsForm(forms.Form):
    """An owner's settings for the whole business. Checkbox lists arrive as repeated names,
    so the page can lay them out as one grid of kinds by destination."""

    owner_email_kinds = _kinds_field()
    reviewer_email_kinds = _kinds_field()
    slack_webhook_url = forms.URLField(
        label=_("Slack incoming webhook"), required=False, max_length=500, assume_scheme="https"
    )
    slack_kinds = _kinds_field()
    whatsapp_number = forms.CharField(label=_("Staff WhatsApp number"), required=False)
    whatsapp_kinds = _kinds_field()
    waiting_minutes = forms.IntegerField(
        label=_("A customer waits too long after (minutes)"), min_value=1, max_value=1440
    )
    quiet_start = forms.TimeField(label=_("Quiet hours from"), required=False)
    quiet_end = forms.TimeField(label=_("Quiet hours until"), required=False)
    urgent_kinds = _kinds_field()
    language = forms.ChoiceField(
        label=_("Language of Slack and WhatsApp messages"), choices=settings.LANGUAGES
    )

    def clean_whatsapp_number(self) -> str:
        raw = self.cleaned_data["whatsapp_number"].strip()
        if not raw:
            return ""
        try:
            return normalize_phone(raw)
        except ValueError:
            raise forms.ValidationError(
                _("Write the number with its country code, such as +972 50 123 4567.")
            ) from None

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("quiet_start"), data.get("quiet_end")
        if (start is None) != (end is None):
            raise forms.ValidationError(_("Quiet hours need both a start and an end, or neither."))
        if start is not None and start == end:
            raise forms.ValidationError(_("Quiet hours cannot start and end at the same time."))
        return data


class NotificationPreferenceForm(forms.Form):
    """A member's own e-mails: follow the role's default, or choose the kinds."""

    follow_role = forms.BooleanField(label=_("Follow my role's default"), required=False)
    email_kinds = _kinds_field()
    language = forms.ChoiceField(label=_("Language of my e-mails"), choices=settings.LANGUAGES)
