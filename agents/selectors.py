"""Reads about businesses, and the one rule every tenant-scoped query goes through.

A user sees a business when they hold a Membership of it; staff users (operators) see every
business. Anonymous or deactivated users see none. Queries in other apps scope themselves
with :func:`business_filter_for_user` so the rule lives in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from agents.models import (
    DEFAULT_TEXTS,
    DEFAULT_TIME_ZONE,
    TEXT_LANGUAGES,
    Agent,
    Business,
    KnowledgeBase,
    Membership,
)

User = AbstractUser | AnonymousUser


def business_filter_for_user(*, user: User, field: str = "business") -> Q:
    """A filter for any queryset whose ``field`` points at a Business.

    A subquery (``IN (SELECT business_id ...)``) rather than a join, so that rows are never
    duplicated and annotations on the scoped queryset are not disturbed by a GROUP BY.
    """
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_staff:
        return Q()
    member_of = Membership.objects.filter(user=user).values("business_id")
    return Q(**{f"{field}__in": member_of})


def business_list_for_user(*, user: User) -> QuerySet[Business]:
    return Business.objects.filter(business_filter_for_user(user=user, field="pk"))


def business_can_be_seen_by(*, user: User, business_id: int) -> bool:
    return business_list_for_user(user=user).filter(pk=business_id).exists()


# --- local time -------------------------------------------------------------------------------


def business_zone(*, business: Business) -> ZoneInfo:
    """The business's time zone; a name zoneinfo no longer knows falls back to the default
    rather than breaking every page and reply of the business."""
    try:
        return ZoneInfo(business.time_zone)
    except (ValueError, LookupError):
        return ZoneInfo(DEFAULT_TIME_ZONE)


def business_local_time(*, business: Business, at: dt.datetime | None = None) -> dt.datetime:
    """``at`` (default: now) on the business's clock, aware, in its zone."""
    return (at or timezone.now()).astimezone(business_zone(business=business))


# --- the agent's fixed texts ------------------------------------------------------------------


def text_language(language: str) -> str:
    """The language a text is kept in for a conversation in ``language``: itself if the
    agent's texts have it, else English."""
    return language if language in TEXT_LANGUAGES else "en"


def agent_text(*, agent: Agent, kind: str, language: str) -> str:
    """What the agent says for ``kind`` ("escalation", "handoff") in ``language``: the
    owner's text for that language, else the default in that language.

    The one place the reply path, the handoff notice and the review queue get these texts,
    so a Hebrew-speaking customer never gets the English one.
    """
    if kind not in DEFAULT_TEXTS:
        raise ValueError(f"unknown agent text kind {kind!r}; expected one of {list(DEFAULT_TEXTS)}")
    language = text_language(language)
    return agent_texts(agent=agent)[(kind, language)]


def agent_texts(*, agent: Agent) -> dict[tuple[str, str], str]:
    """Every (kind, language) text the agent would send now: stored or default.

    Reads ``agent.texts``, so a list that prefetched them (``prefetch_related("texts")``)
    costs no query per agent; otherwise one small query (a row per changed text)."""
    stored = {
        (row.kind, row.language): row.text
        for row in agent.texts.all()
        if row.language in TEXT_LANGUAGES and row.text.strip()
    }
    return {
        (kind, language): stored.get((kind, language), DEFAULT_TEXTS[kind][language])
        for kind in DEFAULT_TEXTS
        for language in TEXT_LANGUAGES
    }


# --- going live -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveState:
    """Whether the agent answers customers with the AI, and if not, why."""

    is_live: bool  # an owner switched it on
    knowledge_base_empty: bool

    @property
    def answers_customers(self) -> bool:
        return self.is_live and not self.knowledge_base_empty


def agent_live_state(*, agent: Agent) -> LiveState:
    content = (
        KnowledgeBase.objects.filter(business_id=agent.business_id)
        .values_list("content", flat=True)
        .first()
    )
    return LiveState(is_live=agent.is_live, knowledge_base_empty=not (content or "").strip())
