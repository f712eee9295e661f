"""Local time: pages show times on the business's clock, and the reply prompt tells the model
the business's local date, weekday and time, so "are you open now?" is answered from the
knowledge base's hours."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agents.models import Business, Membership
from conversations.models import Lead, Message
from conversations.services.reply import conversation_reply, local_time_block
from tests.factories import (
    add_message,
    hold_reply,
    make_agent,
    make_business,
    make_conversation,
    make_member,
    valid_settings,
)

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

WINTER = dt.datetime(2026, 1, 18, 3, 29, tzinfo=dt.UTC)  # a Sunday; Israel is UTC+2
SUMMER = dt.datetime(2026, 7, 19, 3, 29, tzinfo=dt.UTC)  # a Sunday; Israel is UTC+3 (IDT)


@pytest.fixture(autouse=True)
def clean_redis(redis_client):
    return redis_client


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


# --- pages ------------------------------------------------------------------------------------


def test_a_0329_utc_message_shows_0529_in_tel_aviv_in_winter_and_0629_in_summer(client, tenant):
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text="Are you open on Friday?", at=WINTER)
    add_message(conversation, text="And in the summer?", at=SUMMER)

    body = (
        logged_in(client, tenant.owner)
        .get(reverse("conversations:detail", args=[conversation.pk]))
        .content.decode()
    )

    assert "18 Jan, 05:29" in body and "19 Jul, 06:29" in body
    assert "03:29</time>" not in body  # only the machine-readable attribute is UTC
    assert 'title="Sunday 18 January 2026, 05:29 IST"' in body
    assert 'title="Sunday 19 July 2026, 06:29 IDT"' in body
    assert 'datetime="2026-01-18T03:29:00+00:00"' in body  # machine-readable stays UTC
    assert "Asia/Jerusalem" in body  # the page says which clock


def test_each_row_is_shown_on_its_own_businesss_clock(client, tenant, operator):
    london = make_business(name="London Cuts")
    Business.objects.filter(pk=london.pk).update(time_zone="Europe/London")
    there = make_conversation(agent=make_agent(business=london), wa_id="447700900123")
    here = make_conversation(agent=tenant.agent)
    add_message(there, text="hi", at=WINTER)
    add_message(here, text="hi", at=WINTER)

    body = logged_in(client, operator).get(reverse("conversations:list")).content.decode()

    assert 'title="Sunday 18 January 2026, 03:29 GMT"' in body
    assert 'title="Sunday 18 January 2026, 05:29 IST"' in body


def test_the_review_queue_and_inbox_show_local_times(client, tenant):
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    review = hold_reply(conversation)
    Message.objects.filter(conversation=conversation).update(timestamp=WINTER)
    type(review).objects.filter(pk=review.pk).update(created_at=WINTER)

    body = logged_in(client, tenant.reviewer).get(reverse("conversations:review")).content.decode()

    assert 'title="Sunday 18 January 2026, 05:29 IST"' in body


def test_the_leads_csv_writes_local_times_with_their_offset(client, tenant):
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    lead = Lead.objects.create(
        business=tenant.business, conversation=conversation, name="Noa", need="keratin"
    )
    Lead.objects.filter(pk=lead.pk).update(updated_at=SUMMER)

    response = logged_in(client, tenant.owner).get(reverse("conversations:leads_export"))

    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "2026-07-19T06:29:00+03:00" in body


def test_an_owner_sets_the_time_zone_and_a_made_up_one_is_refused(client, tenant):
    owner = logged_in(client, tenant.owner)
    url = reverse("agents:settings", args=[tenant.agent.pk])

    refused = owner.post(url, valid_settings(time_zone="Mars/Olympus_Mons"))
    assert refused.status_code == 400
    assert Business.objects.get(pk=tenant.business.pk).time_zone == "Asia/Jerusalem"

    assert owner.post(url, valid_settings(time_zone="Europe/London")).status_code == 302
    assert Business.objects.get(pk=tenant.business.pk).time_zone == "Europe/London"


def test_the_model_refuses_a_name_zoneinfo_does_not_know():
    business = Business(name="Nowhere", slug="nowhere", time_zone="Asia/Atlantis")

    with pytest.raises(ValidationError, match="not a time zone"):
        business.full_clean()


def test_a_member_of_two_businesses_sees_each_on_its_own_clock(client, tenant):
    london = make_business(name="London Cuts")
    Business.objects.filter(pk=london.pk).update(time_zone="Europe/London")
    both = make_member(business=london)
    Membership.objects.create(user=both, business=tenant.business, role="reviewer")
    add_message(make_conversation(agent=make_agent(business=london)), text="a", at=SUMMER)
    add_message(make_conversation(agent=tenant.agent), text="b", at=SUMMER)

    body = logged_in(client, both).get(reverse("conversations:list")).content.decode()

    assert "06:29 IDT" in body and "04:29 BST" in body


# --- the prompt -------------------------------------------------------------------------------


def test_the_prompt_block_gives_the_local_date_weekday_and_time_in_the_conversations_language(
    tenant,
):
    conversation = make_conversation(agent=tenant.agent)

    english = local_time_block(conversation=conversation, language="en", at=WINTER)
    hebrew = local_time_block(conversation=conversation, language="he", at=SUMMER)

    assert "Sunday, 2026-01-18, 05:29 (Asia/Jerusalem, UTC+02:00)" in english
    assert "יום ראשון, 2026-07-19, 06:29 (Asia/Jerusalem, UTC+03:00)" in hebrew


def _weekday(zone: str) -> str:
    return timezone.now().astimezone(ZoneInfo(zone)).strftime("%A")


def _open_only_today_in(zone: str) -> str:
    """Hours open all day on the weekday it is now in ``zone``, closed the other six."""
    today = _weekday(zone)
    days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    lines = [f"- {day}: {'00:00-23:59' if day == today else 'closed'}" for day in days]
    return "Salon Sun, Main Street 1.\nOpening hours:\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("zone", "answer"),
    [
        # Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: never the same
        # weekday. Same hours, same moment: only the business's local time tells them apart.
        ("Pacific/Kiritimati", "Yes, we're open now."),
        ("Pacific/Pago_Pago", "Sorry, we're closed right now."),
    ],
)
def test_are_you_open_now_is_answered_from_the_hours_and_the_businesss_local_time(
    zone, answer, prompt_version, llm_simulator
):
    business = make_business(knowledge_base=_open_only_today_in("Pacific/Kiritimati"))
    Business.objects.filter(pk=business.pk).update(time_zone=zone)
    conversation = make_conversation(agent=make_agent(business=business))
    add_message(conversation, text="Hi, are you open now?", wamid="wamid.NOW1", needs_reply=True)

    outcome = conversation_reply(conversation_id=conversation.pk)

    reply = Message.objects.get(pk=outcome.reply_ids[0])
    assert reply.author == "ai"
    assert reply.text.startswith(answer)
    assert _weekday(zone) in reply.text  # it quoted the hours of the business's today


def test_a_hebrew_customer_gets_the_answer_in_hebrew(prompt_version, llm_simulator):
    business = make_business(knowledge_base=_open_only_today_in("Asia/Jerusalem"))
    conversation = make_conversation(agent=make_agent(business=business))
    add_message(conversation, text="אתם פתוחים עכשיו?", wamid="wamid.NOW2", needs_reply=True)

    outcome = conversation_reply(conversation_id=conversation.pk)

    reply = Message.objects.get(pk=outcome.reply_ids[0])
    assert reply.text.startswith("כן, אנחנו פתוחים עכשיו.")
