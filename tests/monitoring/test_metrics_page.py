"""The metrics page's login: its cards are polled every 10 s, so a session that expires
mid-poll must send the whole tab to log in, not swap the login form into the cards."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

POLL = {"HX-Request": "true", "HX-Current-URL": "http://testserver/dashboard/?window=24h"}


def test_an_expired_sessions_poll_sends_the_tab_to_log_in_and_back(client, tenant) -> None:
    client.force_login(tenant.owner)
    assert client.get(reverse("metrics_dashboard"), headers=POLL).status_code == 200
    client.logout()  # the session expires between two polls

    response = client.get(reverse("metrics_dashboard"), headers=POLL)

    assert response.status_code == 200
    assert response["HX-Redirect"] == "/login/?next=/dashboard/%3Fwindow%3D24h"
    assert b"<form" not in response.content  # nothing for htmx to swap into the cards
    assert "HX-Request" in response["Vary"]


def test_a_visitor_who_is_not_logged_in_is_redirected_to_log_in(client) -> None:
    response = client.get(reverse("metrics_dashboard") + "?window=30d")

    assert response.status_code == 302
    assert response.url == "/login/?next=/dashboard/%3Fwindow%3D30d"
    assert "HX-Request" in response["Vary"]


def test_the_page_and_its_cards_are_cached_apart(client, tenant) -> None:
    client.force_login(tenant.owner)

    page = client.get(reverse("metrics_dashboard"))
    cards = client.get(reverse("metrics_dashboard"), headers=POLL)

    assert b"<html" in page.content and b"<html" not in cards.content
    assert "HX-Request" in page["Vary"] and "HX-Request" in cards["Vary"]
