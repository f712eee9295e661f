"""The leads page and its CSV export: scoping by membership, filters, the file Excel opens."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conversations.models import Lead
from tests import factories
from tests.factories import make_conversation

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
LEADS = reverse("conversations:leads")
EXPORT = reverse("conversations:leads_export")


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def make_lead(agent, *, wa_id: str, **fields: object) -> Lead:
    conversation = make_conversation(agent=agent, wa_id=wa_id)
    return Lead.objects.create(business=agent.business, conversation=conversation, **fields)


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def hot_lead(tenant) -> Lead:
    return make_lead(
        tenant.agent,
        wa_id="972501110001",
        name="דנה לוי",
        phone="+972501234567",
        need="צבע לשיער",
        budget="400 ש״ח",
        timeline="מחר",
        score=Lead.Score.HOT,
        review="Ready to book: call her this morning.",
        reviewed_at=timezone.now(),
    )


@pytest.fixture
def warm_lead(tenant) -> Lead:
    return make_lead(
        tenant.agent,
        wa_id="972501110002",
        email="noa@example.com",
        need="men's haircut",
        score=Lead.Score.WARM,
    )


@pytest.fixture
def uncaptured_lead(tenant) -> Lead:
    return make_lead(tenant.agent, wa_id="972501110003", name="Yossi", score=Lead.Score.COLD)


@pytest.fixture
def other_business_lead(outsider) -> Lead:
    agent = outsider.memberships.get().business.agents.get()
    return make_lead(
        agent, wa_id="972501110004", name="Outsider's customer", need="pizza", score="warm"
    )


# --- the page -------------------------------------------------------------------------------


def test_the_page_sends_an_anonymous_visitor_to_log_in(client, hot_lead) -> None:
    response = client.get(LEADS)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_owner_sees_their_captured_leads_with_score_details_and_review(
    client, tenant, hot_lead, warm_lead, uncaptured_lead
) -> None:
    response = logged_in(client, tenant.owner).get(LEADS)

    assert response.status_code == 200
    body = response.content.decode()
    assert "HOT" in body and "WARM" in body
    for text in ("דנה לוי", "+972501234567", "צבע לשיער", "400 ש״ח", "מחר", "noa@example.com"):
        assert text in body
    assert "Ready to book: call her this morning." in body
    assert "Salon Dana" in body
    assert reverse("conversations:detail", args=[hot_lead.conversation_id]) in body
    assert '<span class="lead-name" dir="auto">' in body
    assert "Yossi" not in body  # a name but no need: not captured, not shown by default
    assert 'href="/leads/"' in body and 'aria-current="page">Leads' in body


def test_every_filter_keeps_a_real_link_and_all_shows_uncaptured_leads(
    client, tenant, hot_lead, uncaptured_lead
) -> None:
    response = logged_in(client, tenant.owner).get(LEADS, {"score": "all"})

    body = response.content.decode()
    assert "Yossi" in body and "דנה לוי" in body
    for show in ("captured", "hot", "warm", "cold", "all"):
        assert f'href="?score={show}"' in body


def test_filtering_by_score_shows_only_that_score(client, tenant, hot_lead, warm_lead) -> None:
    response = logged_in(client, tenant.owner).get(LEADS, {"score": "warm"})

    body = response.content.decode()
    assert "noa@example.com" in body
    assert "דנה לוי" not in body


def test_an_unknown_filter_means_the_default(client, tenant, hot_lead, uncaptured_lead) -> None:
    response = logged_in(client, tenant.owner).get(LEADS, {"score": "<script>"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "דנה לוי" in body and "Yossi" not in body
    assert "&lt;script&gt;" not in body


def test_a_filter_click_gets_only_the_table_fragment(client, tenant, hot_lead) -> None:
    response = logged_in(client, tenant.owner).get(LEADS, {"score": "hot"}, **HTMX)

    body = response.content.decode()
    assert 'id="leads"' in body and "דנה לוי" in body
    assert "<html" not in body
    assert "HX-Request" in response["Vary"]


def test_an_outsider_sees_none_of_the_tenants_leads(client, outsider, hot_lead) -> None:
    response = logged_in(client, outsider).get(LEADS)

    body = response.content.decode()
    assert "דנה לוי" not in body
    assert "Leads appear here as customers tell your agent their name, contact details" in body


def test_the_operator_sees_every_business_leads(
    client, operator, hot_lead, other_business_lead
) -> None:
    body = logged_in(client, operator).get(LEADS).content.decode()

    assert "דנה לוי" in body
    assert "Outsider&#x27;s customer" in body
    assert "Other Business" in body


def test_the_page_costs_the_same_queries_for_one_lead_or_many(client, tenant, hot_lead) -> None:
    client = logged_in(client, tenant.owner)
    with CaptureQueriesContext(connection) as one:
        assert client.get(LEADS).status_code == 200
    for n in range(8):
        make_lead(tenant.agent, wa_id=f"97250222{n:04d}", name=f"Lead {n}", need="haircut")
    with CaptureQueriesContext(connection) as many:
        body = client.get(LEADS).content.decode()

    assert "Lead 7" in body
    assert len(many) == len(one)
    assert len(one) <= 6


# --- the CSV export -------------------------------------------------------------------------


def test_the_export_sends_an_anonymous_visitor_to_log_in(client, hot_lead) -> None:
    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_export_is_utf8_with_a_bom_and_keeps_hebrew_intact(client, tenant, hot_lead) -> None:
    response = logged_in(client, tenant.owner).get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="leads-captured.csv"'
    header, row = csv_rows(response)
    assert header == [
        "business",
        "name",
        "phone",
        "email",
        "need",
        "budget",
        "timeline",
        "score",
        "captured",
        "conversation_url",
        "updated_at",
    ]
    record = dict(zip(header, row, strict=True))
    assert record["business"] == "Salon Dana"
    assert record["name"] == "דנה לוי"
    assert record["need"] == "צבע לשיער"
    assert record["budget"] == "400 ש״ח"
    assert record["phone"] == "+972501234567"
    assert record["score"] == "hot"
    assert record["captured"] == "yes"
    assert record["conversation_url"] == (
        f"http://testserver/conversations/{hot_lead.conversation_id}/"
    )
    # On the business's clock (Asia/Jerusalem), with its offset, to the second.
    local = hot_lead.updated_at.astimezone(ZoneInfo("Asia/Jerusalem"))
    assert record["updated_at"] == local.isoformat(timespec="seconds")


def test_the_export_respects_the_filter(
    client, tenant, hot_lead, warm_lead, uncaptured_lead
) -> None:
    client = logged_in(client, tenant.owner)

    warm = csv_rows(client.get(EXPORT, {"score": "warm"}))[1:]
    everyone = csv_rows(client.get(EXPORT, {"score": "all"}))[1:]

    assert [row[3] for row in warm] == ["noa@example.com"]
    assert len(everyone) == 3
    assert {row[8] for row in everyone} == {"yes", "no"}


def test_an_outsider_exports_only_their_own_leads(
    client, outsider, hot_lead, other_business_lead
) -> None:
    rows = csv_rows(logged_in(client, outsider).get(EXPORT))

    assert [row[1] for row in rows[1:]] == ["Outsider's customer"]


def test_the_export_of_a_user_with_no_leads_is_just_the_header(client, tenant) -> None:
    user = factories.make_member(business=factories.make_business(name="Empty"))

    rows = csv_rows(logged_in(client, user).get(EXPORT))

    assert len(rows) == 1


def test_the_export_keeps_a_customers_formula_as_text(client, tenant) -> None:
    make_lead(tenant.agent, wa_id="972501110009", name="=HYPERLINK(1)", need="haircut")

    rows = csv_rows(logged_in(client, tenant.owner).get(EXPORT))

    assert rows[1][1] == "'=HYPERLINK(1)"
