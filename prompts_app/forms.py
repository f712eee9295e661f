from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from prompts_app.services import BODY_MAX_CHARS, CHANGELOG_MAX_CHARS


class PromptVersionForm(forms.Form):
    body = forms.CharField(
        label=_("System prompt"),
        strip=False,
        max_length=BODY_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "dir": "auto"}),
    )
    changelog = forms.CharField(
        label=_("What changed, and why"),
        max_length=CHANGELOG_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class ExperimentStartForm(forms.Form):
    percent = forms.IntegerField(
        label=_("Share of conversations on this version"),
        min_value=1,
        max_value=99,
        initial=50,
        help_text=_("The rest stay on the deployed version. A conversation keeps its arm."),
    )
    note = forms.CharField(
        label=_("What you expect"), required=False, max_length=300, widget=forms.TextInput()
    )


class ExperimentEndForm(forms.Form):
    decision = forms.ChoiceField(choices=[("promote", _("Promote")), ("stop", _("Stop"))])
