"""Who may see and change what: access helpers that fetch and authorise in one call.

One rule for every view. A thing the user cannot see (another business's, or one that does
not exist) is a 404, never a hint that it exists. A thing they can see but may not change is
a 403: every member of a business sees its agents, rules, knowledge base and settings;
owners (and operators) change them; only operators (staff) pin an agent's mode.

Views ask for what they are about to do (``access=Access.EDIT``) and get the object back or
the right error; pages that only show whether a button is there use the predicates
(:func:`user_can_edit`, :func:`user_is_operator`).
"""

from __future__ import annotations

import enum

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from agents.models import Agent, Business, Membership
from agents.selectors import User, business_filter_for_user, business_list_for_user


class Access(enum.Enum):
    """What a view is about to do with a business's thing."""

    VIEW = "view"  # any member; any operator
    EDIT = "edit"  # the business's owners; any operator
    OPERATE = "operate"  # operators only (pinning a mode)


def user_is_operator(*, user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def user_can_edit(*, user: User, business: Business) -> bool:
    """Owners edit their business's knowledge base, rules, settings and cache; operators
    edit everyone's."""
    return (
        user_is_operator(user=user)
        or Membership.objects.filter(
            user=user, business=business, role=Membership.Role.OWNER
        ).exists()
    )


def _authorise(*, user: User, business: Business, access: Access) -> None:
    """Raise PermissionDenied unless ``user``, who can see ``business``, may do ``access``."""
    if access is Access.EDIT and not user_can_edit(user=user, business=business):
        raise PermissionDenied("Only the business's owners can change this.")
    if access is Access.OPERATE and not user_is_operator(user=user):
        raise PermissionDenied("Only operators can do this.")


def business_get_for_user(
    *, user: User, business_id: int, access: Access = Access.VIEW
) -> Business:
    business = get_object_or_404(business_list_for_user(user=user), pk=business_id)
    _authorise(user=user, business=business, access=access)
    return business


def agent_list_for_user(*, user: User) -> QuerySet[Agent]:
    return Agent.objects.filter(business_filter_for_user(user=user)).select_related(
        "business", "pinned_by"
    )


def agent_get_for_user(*, user: User, agent_id: int, access: Access = Access.VIEW) -> Agent:
    agent = get_object_or_404(agent_list_for_user(user=user), pk=agent_id)
    _authorise(user=user, business=agent.business, access=access)
    return agent
