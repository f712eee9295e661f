"""Writes about agents: pins, rules, cached answers, the default rule set."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from agents.ladder import agent_mode, mode_english_name
from agents.models import Agent, Business, CachedAnswer, Mode, ModeTransition, Rule
from agents.rules import DEFAULT_RULES, rule_problems

# --- pins -------------------------------------------------------------------------------------


def agent_pin(*, agent: Agent, mode: str, by: AbstractUser, reason: str) -> Agent:
    """Fix the agent's mode until someone unpins it; the ladder keeps counting underneath."""
    mode = Mode(mode)  # ValueError for a mode that does not exist
    with transaction.atomic():
        # Locked: two operators pinning at once get two transitions that chain correctly.
        agent = Agent.objects.select_for_update().select_related("business").get(pk=agent.pk)
        before = agent_mode(agent=agent)
        agent.pinned_mode = mode
        agent.pinned_by = by
        agent.pinned_at = timezone.now()
        agent.pin_reason = reason.strip()[:200]
        agent.save(update_fields=["pinned_mode", "pinned_by", "pinned_at", "pin_reason"])
        ModeTransition.objects.create(
            agent=agent,
            from_mode=before,
            to_mode=mode,
            reason=_with_reason(
                f"Pinned to {mode_english_name(mode)} by {_name(by)}", agent.pin_reason
            ),
            automatic=False,
            by=by,
        )
    return agent


def agent_unpin(*, agent: Agent, by: AbstractUser) -> Agent:
    """Hand the agent back to the ladder, in whatever mode the ladder has reached."""
    with transaction.atomic():
        agent = Agent.objects.select_for_update().select_related("business").get(pk=agent.pk)
        if not agent.pinned_mode:
            return agent
        before = agent_mode(agent=agent)
        agent.pinned_mode = ""
        agent.pinned_by = None
        agent.pinned_at = None
        agent.pin_reason = ""
        agent.save(update_fields=["pinned_mode", "pinned_by", "pinned_at", "pin_reason"])
        ModeTransition.objects.create(
            agent=agent,
            from_mode=before,
            to_mode=agent_mode(agent=agent),
            reason=f"Unpinned by {_name(by)}; the ladder decides again",
            automatic=False,
            by=by,
        )
    return agent


def _name(user: AbstractUser) -> str:
    return user.get_full_name() or user.get_username()


def _with_reason(text: str, reason: str) -> str:
    return f"{text}: {reason}"[:300] if reason else text


# --- rules ------------------------------------------------------------------------------------

RULE_FIELDS = (
    "name",
    "kind",
    "match",
    "response",
    "language",
    "priority",
    "is_default",
    "is_active",
    "hands_to_people",
)


def _rule_check(*, kind: str, match: str, is_default: bool) -> None:
    problems = rule_problems(kind=kind, match=match, is_default=is_default)
    if problems:
        raise ValidationError(problems)


def rule_create(
    *,
    business: Business,
    name: str,
    response: str,
    kind: str = Rule.Kind.KEYWORDS,
    match: str = "",
    language: str = "",
    priority: int = 100,
    is_default: bool = False,
    is_active: bool = True,
    hands_to_people: bool = False,
) -> Rule:
    _rule_check(kind=kind, match=match, is_default=is_default)
    return Rule.objects.create(
        business=business,
        name=name,
        kind=kind,
        match=match,
        response=response,
        language=language,
        priority=priority,
        is_default=is_default,
        is_active=is_active,
        hands_to_people=hands_to_people,
    )


def rule_update(*, rule: Rule, **fields: object) -> Rule:
    unknown = set(fields) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"not rule fields: {sorted(unknown)}")
    changed = [name for name, value in fields.items() if getattr(rule, name) != value]
    merged = {
        name: fields.get(name, getattr(rule, name)) for name in ("kind", "match", "is_default")
    }
    _rule_check(**merged)
    for name in changed:
        setattr(rule, name, fields[name])
    if changed:
        rule.save(update_fields=[*changed, "updated_at"])
    return rule


def rule_delete(*, rule: Rule) -> None:
    rule.delete()


def business_install_defaults(*, business: Business) -> list[Rule]:
    """Create the default rules (English and Hebrew) the business does not have yet.

    Idempotent: a rule counts as present when the business has one of that name and
    language, edited or not, so running it again never duplicates or overwrites anything.
    """
    existing = set(Rule.objects.filter(business=business).values_list("name", "language"))
    missing = [
        Rule(business=business, **spec)
        for spec in DEFAULT_RULES
        if (spec["name"], spec["language"]) not in existing
    ]
    return Rule.objects.bulk_create(missing)


# --- cached answers ---------------------------------------------------------------------------


def cached_answer_delete(*, entry: CachedAnswer) -> None:
    entry.delete()
