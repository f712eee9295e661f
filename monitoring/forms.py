from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from monitoring.models import MetricAlertRule


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
