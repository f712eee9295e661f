"""The business selectors every page reads through: a member sees the businesses they belong
to, an operator every one, an anonymous or deactivated user none."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from agents.selectors import business_can_be_seen_by, business_list_for_user

pytestmark = pytest.mark.django_db


def test_a_member_sees_only_the_businesses_they_belong_to(tenant, outsider) -> None:
    assert list(business_list_for_user(user=tenant.owner)) == [tenant.business]
    assert not business_can_be_seen_by(user=outsider, business_id=tenant.business.pk)


def test_an_operator_sees_every_business(tenant, outsider, operator) -> None:
    assert business_list_for_user(user=operator).count() == 2


def test_an_anonymous_user_sees_no_business(tenant) -> None:
    assert not business_list_for_user(user=AnonymousUser()).exists()


def test_a_deactivated_member_sees_nothing(tenant) -> None:
    tenant.owner.is_active = False
    tenant.owner.save(update_fields=["is_active"])
    assert not business_list_for_user(user=tenant.owner).exists()
