"""The health endpoints: /healthz answers without touching a service, /readyz checks the
database and Redis and names the one that is down."""

from __future__ import annotations

import pytest
from django.urls import reverse


def test_healthz_says_ok_without_touching_services(client, settings):
    # No ``db`` fixture: pytest-django fails any database access here.
    settings.REDIS_URL = "redis://127.0.0.1:1/15"

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.redis
@pytest.mark.django_db
def test_readyz_is_ok_when_database_and_redis_answer(client, redis_client):
    response = client.get(reverse("readyz"))

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "redis": "ok"}


@pytest.mark.django_db
def test_readyz_is_503_and_names_redis_when_redis_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/15"  # nothing listens on port 1

    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "ok"
    assert body["redis"].startswith("error: ConnectionError")
