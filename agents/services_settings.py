"""Writes an owner makes from the browser: the knowledge base, the agent's settings (its
texts in each language, the business's time zone) and switching the agent on and off.

Both check their input here as well as in the form, so a caller that skips the form (a
script, a test, the shell) cannot store a knowledge base the prompt cannot carry or a
ladder that steps down out of order.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from agents.grounding.validator import GroundingResult, Policy, validate_reply
from agents.models import (
    DEFAULT_TEXTS,
    TEXT_LANGUAGES,
    Agent,
    AgentText,
    Business,
    CachedAnswer,
    KnowledgeBase,
    validate_time_zone,
)
from agents.selectors import agent_live_state, agent_texts

logger = logging.getLogger(__name__)

# The whole knowledge base goes into every reply prompt: past this it costs more per reply
# than the reply is worth, and crowds the conversation out of the model's attention.
KNOWLEDGE_BASE_MAX_CHARS = 50_000


# --- knowledge base ---------------------------------------------------------------------------


def knowledge_base_normalise(content: str) -> str:
    """Browsers post textareas with CRLF line ends; the prompt and the validator read LF."""
    return content.replace("\r\n", "\n").replace("\r", "\n")


def knowledge_base_size_problem(content: str) -> str | None:
    if len(content) > KNOWLEDGE_BASE_MAX_CHARS:
        return gettext(
            "The knowledge base can hold at most %(limit)s characters; "
            "this text has %(length)s. Shorten it and save again."
        ) % {"limit": f"{KNOWLEDGE_BASE_MAX_CHARS:,}", "length": f"{len(content):,}"}
    return None


def knowledge_base_facts(*, content: str) -> GroundingResult:
    """What the grounding validator reads from ``content``: what replies will be held to."""
    return validate_reply(reply="", knowledge_base=content)


def knowledge_base_update(
    *, business: Business, content: str, by: AbstractBaseUser | None = None
) -> tuple[KnowledgeBase, int]:
    """Store the business's knowledge base; returns it and how many cached answers were dropped.

    Cached answers stand in for the LLM while it is down and are sent word for word, so one
    quoting a price the new text no longer states would tell customers the old price exactly
    when nobody is checking. Those the new text does not support are dropped with the save.
    """
    content = knowledge_base_normalise(content)
    problem = knowledge_base_size_problem(content)
    if problem:
        raise ValidationError({"content": problem})
    with transaction.atomic():
        knowledge_base, created = KnowledgeBase.objects.select_for_update().get_or_create(
            business=business, defaults={"content": content}
        )
        if not created and knowledge_base.content == content:
            return knowledge_base, 0
        if not created:
            knowledge_base.content = content
            knowledge_base.save(update_fields=["content", "updated_at"])
        stale = [
            entry.pk
            for entry in CachedAnswer.objects.filter(agent__business=business).only("pk", "answer")
            if validate_reply(reply=entry.answer, knowledge_base=content).flags
        ]
        CachedAnswer.objects.filter(pk__in=stale).delete()
    logger.info(
        "knowledge base of business %s updated by %s (%s characters, %s cached answers dropped)",
        business.pk,
        by.get_username() if by else "nobody",
        len(content),
        len(stale),
    )
    return knowledge_base, len(stale)


# --- agent settings ---------------------------------------------------------------------------

# The agent's fixed texts, one setting per kind and language: "escalation_text_he".
TEXT_FIELDS: dict[str, tuple[str, str]] = {
    f"{kind}_text_{language}": (kind, language)
    for kind in DEFAULT_TEXTS
    for language in TEXT_LANGUAGES
}
# Settings of the agent's business, changed from the agent's page.
BUSINESS_FIELDS = ("time_zone",)
AGENT_SETTINGS_FIELDS = (
    *TEXT_FIELDS,
    *BUSINESS_FIELDS,
    "grounding_policy",
    "grounding_judge",
    "reply_model",
    "escalated_model",
    "hot_lead_review_model",
    "long_conversation_messages",
    "verbatim_messages",
    "cached_after_failures",
    "rules_after_failures",
    "human_after_failures",
    "recover_straight_to_full",
)
MODEL_FIELDS = ("reply_model", "escalated_model", "hot_lead_review_model")
# Columns of Agent itself: what is left once the texts and the business's fields are out.
AGENT_FIELDS = tuple(n for n in AGENT_SETTINGS_FIELDS if n not in {*TEXT_FIELDS, *BUSINESS_FIELDS})
# Bounds an owner cannot sensibly leave: a verbatim window past this is the billing trap the
# rolling summary exists to avoid; a ladder rung past this never triggers.
COUNT_BOUNDS = {
    "long_conversation_messages": (1, 1000),
    "verbatim_messages": (1, 50),
    "cached_after_failures": (1, 1000),
    "rules_after_failures": (1, 1000),
    "human_after_failures": (1, 1000),
}


def model_choices() -> list[str]:
    return list(settings.LLM_MODELS)


def agent_settings_problems(fields: dict[str, object]) -> dict[str, str]:
    """What is wrong with these settings, by field; empty when they can be saved.

    ``fields`` is the agent's whole set of settings (the form's, or the stored ones merged
    with a change), so the ladder's order is checked across its three rungs.
    """
    problems: dict[str, str] = {}
    for name in TEXT_FIELDS:
        if name in fields and not str(fields[name]).strip():
            problems[name] = gettext(
                "This message cannot be empty: customers would get a blank reply."
            )
    if "time_zone" in fields:
        try:
            validate_time_zone(str(fields["time_zone"]))
        except ValidationError as error:
            problems["time_zone"] = " ".join(error.messages)
    if "grounding_policy" in fields and fields["grounding_policy"] not in set(Policy):
        problems["grounding_policy"] = gettext("Choose one of the listed policies.")
    known = model_choices()
    for name in MODEL_FIELDS:
        if name in fields and fields[name] not in known:
            problems[name] = gettext("Choose one of the configured models: %(models)s.") % {
                "models": ", ".join(known)
            }
    for name, (low, high) in COUNT_BOUNDS.items():
        value = fields.get(name)
        if name in fields and (not isinstance(value, int) or not low <= value <= high):
            problems[name] = gettext("Enter a whole number from %(low)s to %(high)s.") % {
                "low": low,
                "high": high,
            }
    rungs = [fields.get(n) for n in ("cached_after_failures", "rules_after_failures")]
    rungs.append(fields.get("human_after_failures"))
    if all(isinstance(r, int) for r in rungs) and not rungs[0] < rungs[1] < rungs[2]:
        problems.setdefault(
            "rules_after_failures",
            gettext(
                "The ladder steps down in order: cached answers, then rules, then humans. "
                "Each threshold must be higher than the one before "
                "(now %(cached)s, %(rules)s, %(human)s)."
            )
            % {"cached": rungs[0], "rules": rungs[1], "human": rungs[2]},
        )
    return problems


def agent_settings_current(*, agent: Agent) -> dict[str, object]:
    """Every setting as the agent uses it now: its texts (stored or default) included."""
    texts = agent_texts(agent=agent)
    return (
        {name: getattr(agent, name) for name in AGENT_FIELDS}
        | {name: texts[key] for name, key in TEXT_FIELDS.items()}
        | {name: getattr(agent.business, name) for name in BUSINESS_FIELDS}
    )


def agent_settings_update(*, agent: Agent, by: AbstractBaseUser | None = None, **fields) -> Agent:
    """Change the agent's settings; only the fields that changed are written.

    A text set back to its language's default is stored as no text at all, so the agent
    follows the default (and any improvement to it) again."""
    unknown = set(fields) - set(AGENT_SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"not agent settings: {sorted(unknown)}")
    with transaction.atomic():
        # Locked: two owners saving at once must not combine into a ladder neither chose.
        agent = Agent.objects.select_for_update().select_related("business").get(pk=agent.pk)
        current = agent_settings_current(agent=agent)
        merged = current | fields
        problems = agent_settings_problems(merged)
        if problems:
            raise ValidationError(problems)
        changed = [name for name, value in fields.items() if current[name] != value]
        agent_changes = [name for name in changed if name in AGENT_FIELDS]
        for name in agent_changes:
            setattr(agent, name, fields[name])
        if agent_changes:
            agent.save(update_fields=agent_changes)
        business_changes = [name for name in changed if name in BUSINESS_FIELDS]
        for name in business_changes:
            setattr(agent.business, name, fields[name])
        if business_changes:
            agent.business.save(update_fields=business_changes)
        for name in (n for n in changed if n in TEXT_FIELDS):
            _agent_text_store(agent=agent, name=name, text=str(fields[name]).strip())
    if changed:
        logger.info(
            "agent %s settings %s changed by %s",
            agent.pk,
            ", ".join(changed),
            by.get_username() if by else "nobody",
        )
    return agent


def _agent_text_store(*, agent: Agent, name: str, text: str) -> None:
    kind, language = TEXT_FIELDS[name]
    if text == DEFAULT_TEXTS[kind][language]:
        AgentText.objects.filter(agent=agent, kind=kind, language=language).delete()
        return
    AgentText.objects.update_or_create(
        agent=agent, kind=kind, language=language, defaults={"text": text}
    )


# --- going live -------------------------------------------------------------------------------


def agent_live_set(*, agent: Agent, live: bool, by: AbstractBaseUser | None = None) -> Agent:
    """Switch the agent on (it answers customers with the AI) or off (people answer).

    Switching on is refused while the business's knowledge base is empty: the agent would
    have nothing to answer from, and would only tell every customer it does not know.
    """
    with transaction.atomic():
        agent = Agent.objects.select_for_update().select_related("business").get(pk=agent.pk)
        if live and agent_live_state(agent=agent).knowledge_base_empty:
            raise ValidationError(
                gettext(
                    "The knowledge base is empty, so the agent has nothing to answer from. "
                    "Write the knowledge base first, then switch the agent on."
                ),
                code="knowledge_base_empty",
            )
        if agent.is_live == live:
            return agent
        agent.is_live = live
        agent.save(update_fields=["is_live"])
    logger.info(
        "agent %s switched %s by %s",
        agent.pk,
        "on" if live else "off",
        by.get_username() if by else "nobody",
    )
    return agent
