"""Forms for the owner's pages: the knowledge base, the agent's settings, the sandbox."""

from __future__ import annotations

from zoneinfo import available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _

from agents.grounding.validator import Policy
from agents.models import Agent
from agents.services_settings import (
    AGENT_SETTINGS_FIELDS,
    COUNT_BOUNDS,
    agent_settings_current,
    agent_settings_problems,
    knowledge_base_normalise,
    knowledge_base_size_problem,
    model_choices,
)

# Shown beside the select; the order is the order of the select, recommended first.
POLICY_CHOICES: list[tuple[str, str, str]] = [
    (
        Policy.DEFAULT,
        _("Balanced (recommended)"),
        _(
            "One or two unsupported claims: the reply waits for a reviewer. More: the customer "
            "gets the escalation text and a person takes over."
        ),
    ),
    (
        Policy.REVIEW,
        _("Review every flagged reply"),
        _("Any reply with an unsupported claim waits until a reviewer approves or edits it."),
    ),
    (
        Policy.FALLBACK,
        _("Never send a flagged reply"),
        _(
            "Any unsupported claim replaces the reply with the escalation text and hands the "
            "conversation to a person."
        ),
    ),
    (
        Policy.LOG,
        _("Send and log"),
        _("Flagged replies go out as written; the flags are only logged."),
    ),
    (
        Policy.PASS,
        _("Send without checking"),
        _("Replies go out as written and nobody sees the flags. Not recommended."),
    ),
]


class KnowledgeBaseForm(forms.Form):
    # No max_length here: the service's limit counts characters after line-end
    # normalisation, and one message for both says the same thing in the same words.
    content = forms.CharField(
        required=False,
        strip=False,
        label=_("Knowledge base"),
        widget=forms.Textarea(
            attrs={"rows": 24, "dir": "auto", "spellcheck": "false", "class": "kb-text"}
        ),
    )

    def clean_content(self) -> str:
        content = knowledge_base_normalise(self.cleaned_data["content"])
        problem = knowledge_base_size_problem(content)
        if problem:
            raise forms.ValidationError(problem, code="max_length")
        return content


def _count_field(name: str, label: str, help_text: str) -> forms.IntegerField:
    low, high = COUNT_BOUNDS[name]
    return forms.IntegerField(min_value=low, max_value=high, label=label, help_text=help_text)


def _model_field(label: str, help_text: str) -> forms.ChoiceField:
    # A callable: the choices follow settings.LLM_MODELS as it is when the form is built.
    return forms.ChoiceField(
        choices=lambda: [(key, key) for key in model_choices()], label=label, help_text=help_text
    )


def _text_field(label: str, help_text: str, language: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "rtl" if language == "he" else "ltr"}),
    )


_ESCALATION_HELP = _(
    "Said when the knowledge base does not cover a question, and in place of a reply the "
    "grounding check refuses."
)
_HANDOFF_HELP = _("Sent once when the conversation is handed to your team.")


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


class AgentSettingsForm(forms.Form):
    # Each text in English and in Hebrew: the customer gets the one in their language.
    escalation_text_en = _text_field(
        _("When the agent does not know (English)"), _ESCALATION_HELP, "en"
    )
    escalation_text_he = _text_field(
        _("When the agent does not know (Hebrew)"), _ESCALATION_HELP, "he"
    )
    handoff_text_en = _text_field(_("When a person takes over (English)"), _HANDOFF_HELP, "en")
    handoff_text_he = _text_field(_("When a person takes over (Hebrew)"), _HANDOFF_HELP, "he")
    time_zone = forms.ChoiceField(
        label=_("Time zone of the business"),
        help_text=_(
            "Pages show times on this clock, and the agent knows the local day and time "
            "(“are you open now?”)."
        ),
        choices=time_zone_choices,
    )
    grounding_policy = forms.ChoiceField(
        label=_("Replies with claims the knowledge base does not support"),
        choices=[(value, label) for value, label, _ in POLICY_CHOICES],
    )
    grounding_judge = forms.BooleanField(
        required=False,
        label=_("Ask the AI for a second opinion"),
        help_text=_(
            "Flagged claims go to the cheap model, which may clear paraphrases the rules "
            "could not read. Costs a short extra call per flagged reply."
        ),
    )
    reply_model = _model_field(_("Everyday replies"), _("The cheap model answers most messages."))
    escalated_model = _model_field(
        _("Long conversations and priority customers"), _("A stronger model for the harder cases.")
    )
    hot_lead_review_model = _model_field(
        _("Hot-lead review"), _("The strongest model reads each hot lead once.")
    )
    long_conversation_messages = _count_field(
        "long_conversation_messages",
        _("Long conversation after"),
        _("Messages; longer conversations use the stronger model."),
    )
    verbatim_messages = _count_field(
        "verbatim_messages",
        _("Recent messages sent word for word"),
        _("Older ones are folded into a summary, which keeps every reply's cost down."),
    )
    cached_after_failures = _count_field(
        "cached_after_failures",
        _("Cached answers after"),
        _("Consecutive AI failures before the agent answers from its cache."),
    )
    rules_after_failures = _count_field(
        "rules_after_failures",
        _("Rule-based answers after"),
        _("Consecutive failures before it falls back to your rules."),
    )
    human_after_failures = _count_field(
        "human_after_failures",
        _("Humans only after"),
        _("Consecutive failures before every conversation goes to your team."),
    )
    recover_straight_to_full = forms.BooleanField(
        required=False,
        label=_("Recover straight to full AI"),
        help_text=_(
            "When the AI answers again, go straight back to full AI instead of one step at a time."
        ),
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        # Only fields that parsed: a field with its own error is not checked twice.
        parsed = {name: cleaned[name] for name in AGENT_SETTINGS_FIELDS if name in cleaned}
        for field, message in agent_settings_problems(parsed).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned

    @classmethod
    def for_agent(cls, agent: Agent, *, read_only: bool = False) -> AgentSettingsForm:
        current = agent_settings_current(agent=agent)
        form = cls(initial={name: current[name] for name in AGENT_SETTINGS_FIELDS})
        if read_only:
            for field in form.fields.values():
                field.disabled = True
        return form


class SandboxMessageForm(forms.Form):
    text = forms.CharField(
        max_length=4096,  # what WhatsApp lets a customer send in one text message
        label=_("Your message"),
        widget=forms.Textarea(
            attrs={
                "rows": 2,
                "dir": "auto",
                "placeholder": _(
                    "Write as a customer would, e.g. How much is a haircut? / כמה עולה תספורת?"
                ),
                "autocomplete": "off",
            }
        ),
    )
