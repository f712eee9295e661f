"""Shared fixtures: personas, the real Redis, the Messages-API simulator.

Services: tests marked ``redis`` use the real Redis at ``REDIS_URL`` (``make test`` points it
at database 15). With ``CI=true`` a missing service fails the test instead of skipping it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import redis
from django.conf import settings
from django.utils import translation

from agents.models import Agent, Business, Membership
from tests import factories

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def service_missing(what: str, error: Exception) -> None:
    message = f"{what} is not reachable: {error}"
    if IN_CI:
        pytest.fail(f"{message} (CI=true: a missing service is a failure, not a skip)")
    pytest.skip(message)


def pytest_collection_finish(session: pytest.Session) -> None:
    # In CI the integration tests must run against PostgreSQL, never fall back to SQLite.
    engine = settings.DATABASES["default"]["ENGINE"]
    if IN_CI and "postgresql" not in engine:
        raise pytest.UsageError(
            f"CI=true but DATABASE_URL selects {engine}: point it at PostgreSQL"
        )


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Every test starts and ends in English. LocaleMiddleware activates the browser's language
    for the thread and never resets it, so a Hebrew request would otherwise leave the next
    test's services (whose messages are translated) speaking Hebrew."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def no_debounce(settings) -> None:
    """Replies go out as soon as a worker looks; tests of the debounce set it themselves."""
    settings.REPLY_DEBOUNCE_SECONDS = 0


@pytest.fixture
def redis_client() -> Iterator[redis.Redis]:
    """The real Redis behind the queues, emptied before and after the test.

    Refuses to run against database 0, where a developer's own data may live.
    """
    client = redis.Redis.from_url(settings.REDIS_URL)
    db = client.connection_pool.connection_kwargs.get("db", 0)
    if int(db) == 0:
        pytest.fail("tests flush Redis: point REDIS_URL at a scratch database such as /15")
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        service_missing(f"Redis at {settings.REDIS_URL}", error)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@dataclass
class Tenant:
    business: Business
    agent: Agent
    owner: object
    reviewer: object


@pytest.fixture
def tenant(db) -> Tenant:
    business = factories.make_business(name="Salon Dana")
    return Tenant(
        business=business,
        agent=factories.make_agent(business=business, phone_number_id="106540352242922"),
        owner=factories.make_member(business=business, role=Membership.Role.OWNER),
        reviewer=factories.make_member(business=business, role=Membership.Role.REVIEWER),
    )


@pytest.fixture
def outsider(db) -> object:
    """A member of some other business: must get 404 for anything of ``tenant``'s."""
    other = factories.make_business(name="Other Business")
    factories.make_agent(business=other)
    return factories.make_member(business=other)


@pytest.fixture
def operator(db) -> object:
    return factories.make_user(username="operator", is_staff=True)


@pytest.fixture
def prompt_version(db):
    return factories.make_prompt_version()


@pytest.fixture
def graph_api(settings) -> Iterator[object]:
    """A local stand-in for Meta's Graph API; the WhatsApp sender talks to it over HTTP."""
    from tests.stubs import graph_api_stub

    stub = graph_api_stub()
    settings.WHATSAPP_API_URL = stub.url + "/v23.0"
    settings.WHATSAPP_ACCESS_TOKEN = "EAAG-test-token"
    yield stub
    stub.shutdown()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def llm_simulator(settings) -> Iterator[object]:
    """The Messages-API simulator on a free localhost port; the SDK talks to it over HTTP."""
    from agents.llm.simulator import serve

    server = serve(host="127.0.0.1", port=0)
    settings.ANTHROPIC_BASE_URL = server.base_url
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    try:
        yield server
    finally:
        server.shutdown()
