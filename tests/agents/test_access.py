"""Who may see and change what, the one rule every view fetches through: an outsider gets a
404 (no hint the thing exists), a member without the role a 403, whatever the view."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from agents.access import Access, agent_get_for_user, business_get_for_user

pytestmark = pytest.mark.django_db


def fetch_agent(tenant, user, access: Access):
    return agent_get_for_user(user=user, agent_id=tenant.agent.pk, access=access)


def fetch_business(tenant, user, access: Access):
    return business_get_for_user(user=user, business_id=tenant.business.pk, access=access)


@pytest.mark.parametrize("access", list(Access))
@pytest.mark.parametrize("fetch", [fetch_agent, fetch_business])
def test_an_outsider_gets_a_404_whatever_they_ask_for(tenant, outsider, fetch, access) -> None:
    with pytest.raises(Http404):
        fetch(tenant, outsider, access)


@pytest.mark.parametrize("fetch", [fetch_agent, fetch_business])
def test_every_member_sees_and_only_owners_and_operators_edit(tenant, operator, fetch) -> None:
    for user in (tenant.owner, tenant.reviewer, operator):
        assert fetch(tenant, user, Access.VIEW).pk
    for user in (tenant.owner, operator):
        assert fetch(tenant, user, Access.EDIT).pk
    with pytest.raises(PermissionDenied):
        fetch(tenant, tenant.reviewer, Access.EDIT)


def test_only_an_operator_operates_an_agent(tenant, operator) -> None:
    assert fetch_agent(tenant, operator, Access.OPERATE) == tenant.agent
    for member in (tenant.owner, tenant.reviewer):
        with pytest.raises(PermissionDenied):
            fetch_agent(tenant, member, Access.OPERATE)


def test_a_missing_agent_is_a_404_even_for_an_operator(operator) -> None:
    with pytest.raises(Http404):
        agent_get_for_user(user=operator, agent_id=987654, access=Access.VIEW)
