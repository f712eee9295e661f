"""The top bar names the user's businesses on every page, without the view passing them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page", ["conversations:list", "conversations:leads", "agents:list", "metrics_dashboard"]
)
def test_a_member_sees_their_businesses_in_the_top_bar(client, tenant, page) -> None:
    factories.make_business(name="Not Theirs")
    client.force_login(tenant.owner)

    body = client.get(reverse(page)).content.decode()

    assert '<span class="account-business">Salon Dana</span>' in body
    assert "Not Theirs" not in body


def test_an_operator_is_told_they_see_every_business(client, tenant, operator) -> None:
    client.force_login(operator)

    body = client.get(reverse("agents:list")).content.decode()

    assert "Operator · all businesses" in body
