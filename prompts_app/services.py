from __future__ import annotations

from prompts_app.models import PromptVersion

LANGUAGE_NAMES = {"en": "English", "he": "Hebrew"}


def prompt_render(
    *,
    version: PromptVersion,
    business_name: str,
    knowledge_base: str,
    escalation: str,
    language: str,
) -> str:
    return version.body.format(
        business=business_name,
        knowledge_base=knowledge_base.strip() or "(empty: answer nothing from it)",
        escalation=escalation.strip(),
        language=LANGUAGE_NAMES.get(language, "the customer's language"),
    )
