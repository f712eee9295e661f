"""Forms parse and check input; the services do the writing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agents.models import Mode, Rule
from agents.rules import rule_problems

LANGUAGE_CHOICES = [("", _("Any language")), ("en", _("English")), ("he", _("Hebrew"))]


class PinForm(forms.Form):
    mode = forms.ChoiceField(choices=Mode.choices)
    reason = forms.CharField(max_length=200, required=False, strip=True)


class RuleForm(forms.Form):
    name = forms.CharField(max_length=100)
    kind = forms.ChoiceField(choices=Rule.Kind.choices, initial=Rule.Kind.KEYWORDS)
    match = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        help_text=_(
            "Keywords: words or phrases separated by commas. Pattern: a regular expression."
        ),
    )
    response = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))
    language = forms.ChoiceField(choices=LANGUAGE_CHOICES, required=False)
    priority = forms.IntegerField(initial=100, min_value=-10_000, max_value=10_000)
    is_default = forms.BooleanField(
        required=False,
        label=pgettext_lazy("rule", "Default"),
        help_text=_("Answers when no other rule matches."),
    )
    is_active = forms.BooleanField(required=False, initial=True, label=_("Active"))
    hands_to_people = forms.BooleanField(
        required=False,
        label=_("Hand to a person"),
        help_text=_("The answer promises a person, so the conversation goes to the inbox."),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        if "kind" in cleaned:
            problems = rule_problems(
                kind=cleaned["kind"],
                match=cleaned.get("match", ""),
                is_default=cleaned.get("is_default", False),
            )
            for field, message in problems.items():
                self.add_error(field, message)
        return cleaned

    @classmethod
    def for_rule(cls, rule: Rule) -> RuleForm:
        return cls(initial={name: getattr(rule, name) for name in cls.base_fields})


class TryRulesForm(forms.Form):
    text = forms.CharField(max_length=2000, required=False, strip=True)
    language = forms.ChoiceField(
        choices=[("auto", _("Detect")), ("en", _("English")), ("he", _("Hebrew"))], required=False
    )
