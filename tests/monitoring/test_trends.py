"""Two weeks day by day: the sparklines on the metrics page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from agents.models import LlmCall
from conversations.models import Conversation, Lead, Message
from monitoring.trends import sparkline, trends_for_businesses
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db


def on(day: dt.date, *rows) -> None:
    """Move the rows' creation to noon of ``day`` (auto_now_add cannot be set directly)."""
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    for row in rows:
        type(row).objects.filter(pk=row.pk).update(created_at=noon)


def test_each_day_gets_its_own_lead_capture_apologies_escalations_and_cost(tenant):
    today = timezone.now().date()
    yesterday = today - dt.timedelta(days=1)
    early, late = (make_conversation(agent=tenant.agent, wa_id=f"97250444000{n}") for n in range(2))
    on(
        yesterday,
        add_message(early, text="How much?", needs_reply=True),
        add_message(early, text="Sorry, I don't know.", direction="out"),
        Lead.objects.create(business=tenant.business, conversation=early, name="Noa", need="cut"),
    )
    add_message(late, text="Hi", needs_reply=True)
    add_message(late, text="A haircut is ₪90.", direction="out")
    add_message(late, text="Let me check.", direction="out", author=Message.Author.FALLBACK)
    Conversation.objects.filter(pk=late.pk).update(handed_off_at=timezone.now())
    on(
        yesterday,
        LlmCall.objects.create(
            agent=tenant.agent, purpose="reply", model="m", outcome="ok", cost_usd=Decimal("0.002")
        ),
    )

    trend = trends_for_businesses(businesses=[tenant.business], today=today)[tenant.business.pk]

    assert trend.days[-2:] == [yesterday, today] and len(trend.days) == 14
    assert trend.lead_capture[-3:] == [None, 1.0, 0.0]  # no conversations two days ago: a gap
    assert trend.apology[-2:] == [1.0, 0.0]
    assert trend.escalation[-2:] == [0.0, 1.0]  # handed off and a fallback, capped at 100%
    assert trend.cost[-2:] == [0.002, 0.0]


def test_the_sandbox_is_left_out(tenant):
    sandbox = make_conversation(agent=tenant.agent, wa_id="sandbox-1")
    Conversation.objects.filter(pk=sandbox.pk).update(is_sandbox=True)
    add_message(sandbox, text="Sorry!", direction="out")

    trend = trends_for_businesses(businesses=[tenant.business])[tenant.business.pk]

    assert sum(trend.ai_replies) == 0 and sum(trend.conversations) == 0


def test_a_sparkline_leaves_gaps_and_marks_today():
    line = sparkline([0.5, 1.0, None, 0.0, None, 0.25, 0.5], width=60, height=24)

    assert line.segments == ["0.0,12.0 10.0,2.0", "50.0,17.0 60.0,12.0"]
    assert line.dots == [(30.0, 22.0), (60.0, 12.0)]  # the lone day, and today
    assert line.values == "50% 100% – 0% – 25% 50%"


def test_the_metrics_page_draws_the_sparklines(client, tenant):
    conversation = make_conversation(agent=tenant.agent)
    add_message(conversation, text="Hi", needs_reply=True)
    client.force_login(tenant.owner)

    page = client.get("/dashboard/").content.decode()

    assert page.count('<svg class="sparkline"') == 4
    assert "Last 14 days, oldest first: – – – – – – – – – – – – – 0%" in page
