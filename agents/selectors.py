"""Reads about businesses, and the one rule every tenant-scoped query goes through.

A user sees a business when they hold a Membership of it; staff users (operators) see every
business. Anonymous or deactivated users see none. Queries in other apps scope themselves
with :func:`business_filter_for_user` so the rule lives in one place.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db.models import Q, QuerySet

from agents.models import Business, Membership

User = AbstractUser | AnonymousUser


def user_is_operator(*, user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


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
