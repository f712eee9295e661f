"""Lead capture: deterministic contact details, extraction through the LLM, scoring, review."""

from __future__ import annotations

import datetime as dt

import django_rq
import pytest
from rq import SimpleWorker
from rq.registry import ScheduledJobRegistry

from agents.models import LlmCall
from conversations.models import Conversation, Lead, Message
from conversations.services.leads import (
    emails_in,
    lead_extract,
    lead_extraction_enqueue,
    lead_review,
    lead_score,
    phones_in,
    timeline_is_near,
)
from tests.factories import add_message, make_conversation

TODAY = dt.date(2026, 11, 25)  # a Wednesday


def customer_says(conversation: Conversation, text: str) -> Message:
    return add_message(conversation, text=text, needs_reply=True)


def agent_says(conversation: Conversation, text: str) -> Message:
    return add_message(conversation, text=text, direction=Message.Direction.OUTBOUND)


def background_queue() -> django_rq.queues.DjangoRQ:
    return django_rq.get_queue("background")


def run_background_jobs(redis_client) -> None:
    SimpleWorker([background_queue()], connection=redis_client).work(burst=True)


@pytest.fixture
def conversation(tenant) -> Conversation:
    return make_conversation(agent=tenant.agent, wa_id="972541112233", name="Dana")


# --- phones and e-mails, by regex -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You can call me on 050-1234567", ["+972501234567"]),
        ("0501234567", ["+972501234567"]),
        ("my number: +972 50 123 4567.", ["+972501234567"]),
        ("+972 050-123-4567", ["+972501234567"]),
        ("972501234567", ["+972501234567"]),
        ("the office is 03-5551234", ["+97235551234"]),
        ("(03) 555-1234", ["+97235551234"]),
        ("הטלפון שלי 050-1234567, תודה", ["+972501234567"]),
        ("תתקשרו למספר 0541234567 אחרי חמש", ["+972541234567"]),
        ("From the US: +1 (415) 555-2671", ["+14155552671"]),
        ("London 00 44 20 7946 0958", ["+442079460958"]),
        ("mobile 050-1234567 or home 03-5551234", ["+972501234567", "+97235551234"]),
        ("050-1234567 03-5551234", ["+972501234567", "+97235551234"]),
    ],
)
def test_it_finds_israeli_and_international_phone_numbers(text, expected) -> None:
    assert phones_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The budget is 1,500 shekels",
        "Can I come on 25/11/2026 at 10:30?",
        "on 2026-11-25",
        "order number 1234567",
        "התקציב שלי 2000 ש״ח",
        "10.12.2026",
    ],
)
def test_it_does_not_mistake_prices_dates_and_order_numbers_for_phones(text) -> None:
    assert phones_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to Dana.Levi@Example.co.il please", ["dana.levi@example.co.il"]),
        ("המייל שלי: dana@example.com.", ["dana@example.com"]),
        ("שלחו לdana+salon@mail.example.org", ["dana+salon@mail.example.org"]),
        ("no address here, just @mentions and a@b", []),
    ],
)
def test_it_finds_email_addresses_in_english_and_hebrew_text(text, expected) -> None:
    assert emails_in(text) == expected


# --- scoring --------------------------------------------------------------------------------


def lead(**fields: str) -> Lead:
    return Lead(**fields)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": "Dana", "need": "haircut", "timeline": "tomorrow"}, "hot"),
        ({"phone": "+972501234567", "need": "haircut", "budget": "₪200"}, "hot"),
        ({"email": "d@example.com", "need": "תספורת", "timeline": "מחר בבוקר"}, "hot"),
        ({"name": "דנה", "need": "צבע", "timeline": "ביום שישי"}, "hot"),
        ({"name": "Dana", "need": "haircut", "timeline": "ASAP"}, "hot"),
        ({"name": "Dana", "need": "haircut", "timeline": "28/11"}, "hot"),
        ({"name": "Dana", "need": "haircut", "timeline": "in 10 days"}, "hot"),
        ({"name": "Dana", "need": "haircut", "timeline": "20/12"}, "warm"),
        ({"name": "Dana", "need": "haircut", "timeline": "next month"}, "warm"),
        ({"name": "דנה", "need": "צבע", "timeline": "בחודש הבא"}, "warm"),
        ({"name": "Dana", "need": "haircut"}, "warm"),
        ({"phone": "+972501234567", "need": "haircut"}, "warm"),
        ({"need": "haircut", "timeline": "tomorrow", "budget": "₪200"}, "cold"),
        ({"name": "Dana", "phone": "+972501234567", "timeline": "tomorrow"}, "cold"),
        ({}, "cold"),
    ],
)
def test_it_scores_a_lead_by_contact_need_and_urgency(fields, expected) -> None:
    assert lead_score(lead=lead(**fields), today=TODAY) == expected


def test_a_date_counts_as_near_only_from_today_up_to_two_weeks_ahead() -> None:
    assert timeline_is_near("25/11", today=TODAY)
    assert timeline_is_near("9.12.2026", today=TODAY)
    assert not timeline_is_near("10.12.2026", today=TODAY)
    # Without a year a day already past means next year's.
    assert not timeline_is_near("24/11", today=TODAY)


def test_a_captured_lead_has_a_contact_detail_or_name_and_a_need() -> None:
    assert lead(name="Dana", need="haircut").is_captured
    assert lead(email="d@example.com", need="haircut").is_captured
    assert not lead(name="Dana", phone="+972501234567").is_captured
    assert not lead(need="haircut").is_captured


# --- extraction through the LLM (the simulator, over HTTP) ---------------------------------


@pytest.mark.django_db
def test_extraction_merges_what_each_turn_adds_and_never_blanks_a_known_field(
    conversation, llm_simulator, redis_client
) -> None:
    customer_says(conversation, "Hi, my name is Dana Levi. I need a women's haircut")
    first = lead_extract(conversation_id=conversation.pk, today=TODAY)

    assert (first.name, first.need) == ("Dana Levi", "a women's haircut")
    assert first.score == "warm"

    agent_says(conversation, "Happy to help! When would you like to come? Call us on 03-555-1234")
    last = customer_says(conversation, "Tomorrow if possible, my number is 050-1234567")
    second = lead_extract(conversation_id=conversation.pk, today=TODAY)

    second.refresh_from_db()
    assert second.pk == first.pk
    assert second.name == "Dana Levi"  # the second turn has no name: kept, not blanked
    assert second.need == "a women's haircut"
    assert second.phone == "+972501234567"  # the customer's, never the business's
    assert second.timeline == "Tomorrow"
    assert second.score == "hot"
    assert second.extracted_through_id == last.pk
    calls = LlmCall.objects.filter(purpose=LlmCall.Purpose.EXTRACTION)
    assert calls.count() == 2
    assert {c.model for c in calls} == {conversation.agent.reply_model}
    assert all(c.outcome == "ok" and c.conversation_id == conversation.pk for c in calls)


@pytest.mark.django_db
def test_extraction_reads_a_hebrew_conversation(conversation, llm_simulator, redis_client) -> None:
    customer_says(conversation, "שלום, קוראים לי דנה. אני צריכה צבע לשיער")
    customer_says(conversation, "אפשר מחר? המייל שלי dana@example.co.il, תקציב 400 ש״ח")

    lead = lead_extract(conversation_id=conversation.pk, today=TODAY)

    assert lead.name == "דנה"
    assert lead.need == "צבע לשיער"
    assert lead.email == "dana@example.co.il"
    assert lead.timeline == "מחר"
    assert "400" in lead.budget
    assert lead.score == "hot"


@pytest.mark.django_db
def test_extraction_reads_only_messages_after_its_watermark(
    conversation, llm_simulator, redis_client
) -> None:
    customer_says(conversation, "my name is Dana and I need a haircut")
    lead_extract(conversation_id=conversation.pk, today=TODAY)
    requests = llm_simulator.stats_snapshot()["requests"]

    lead_extract(conversation_id=conversation.pk, today=TODAY)

    assert llm_simulator.stats_snapshot()["requests"] == requests  # nothing new, no call


@pytest.mark.django_db
def test_the_contact_details_the_customer_gives_last_win(
    conversation, llm_simulator, redis_client
) -> None:
    customer_says(conversation, "I need a haircut, call 050-1234567")
    lead_extract(conversation_id=conversation.pk, today=TODAY)
    customer_says(conversation, "sorry, wrong number. It's 052-7654321")

    lead = lead_extract(conversation_id=conversation.pk, today=TODAY)

    assert lead.phone == "+972527654321"


@pytest.mark.django_db
def test_when_the_llm_is_down_it_keeps_the_deterministic_fields_and_reads_again_later(
    conversation, redis_client, settings, caplog
) -> None:
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.ANTHROPIC_BASE_URL = "http://127.0.0.1:1"
    settings.LLM_MAX_ATTEMPTS = 1
    customer_says(conversation, "I need a haircut. 050-1234567 / dana@example.com")

    lead = lead_extract(conversation_id=conversation.pk, today=TODAY)

    lead.refresh_from_db()
    assert (lead.phone, lead.email) == ("+972501234567", "dana@example.com")
    assert lead.need == ""  # only the model reads needs
    assert lead.extracted_through_id == 0  # the next run reads these messages again
    assert "LLM unavailable" in caplog.text
    assert LlmCall.objects.get(purpose=LlmCall.Purpose.EXTRACTION).outcome == "error"


@pytest.mark.django_db
def test_when_the_budget_is_short_it_keeps_the_deterministic_fields_and_tries_again_later(
    conversation, llm_simulator, redis_client, settings
) -> None:
    settings.LLM_LIMITS_BY_CLASS = {
        "haiku": {"requests": 1, "input_tokens": 1_000_000, "output_tokens": 100_000}
    }
    settings.LLM_BUDGET_MAX_WAIT_SECONDS = 0
    customer_says(conversation, "I need a haircut, my email is dana@example.com")

    lead = lead_extract(conversation_id=conversation.pk, today=TODAY)

    lead.refresh_from_db()
    assert lead.email == "dana@example.com"
    assert lead.extracted_through_id == 0
    assert llm_simulator.stats_snapshot()["requests"] == 0
    assert len(ScheduledJobRegistry(queue=background_queue())) == 1


@pytest.mark.django_db
def test_extraction_is_enqueued_once_until_the_job_starts(
    conversation, llm_simulator, redis_client
) -> None:
    customer_says(conversation, "my name is Dana and I need a haircut")

    assert lead_extraction_enqueue(conversation_id=conversation.pk) is True
    assert lead_extraction_enqueue(conversation_id=conversation.pk) is False
    assert background_queue().count == 1
    run_background_jobs(redis_client)

    assert Lead.objects.get(conversation=conversation).is_captured
    assert lead_extraction_enqueue(conversation_id=conversation.pk) is True


@pytest.mark.django_db
def test_extraction_of_a_deleted_conversation_does_nothing(redis_client) -> None:
    assert lead_extract(conversation_id=987654) is None


# --- the hot-lead review --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_hot_lead_is_reviewed_once_by_the_strongest_model_however_often_it_is_extracted(
    conversation, llm_simulator, redis_client
) -> None:
    customer_says(conversation, "Hi, my name is Dana. I need a women's haircut tomorrow")
    for _ in range(3):
        lead_extract(conversation_id=conversation.pk, today=TODAY)
    customer_says(conversation, "my number is 050-1234567")
    lead_extract(conversation_id=conversation.pk, today=TODAY)
    assert background_queue().count == 1

    run_background_jobs(redis_client)
    customer_says(conversation, "see you tomorrow!")
    lead_extract(conversation_id=conversation.pk, today=TODAY)
    assert background_queue().count == 0
    run_background_jobs(redis_client)

    lead = Lead.objects.get(conversation=conversation)
    assert lead.score == "hot"
    assert lead.reviewed_at is not None
    assert lead.review
    review = LlmCall.objects.get(purpose=LlmCall.Purpose.REVIEW)
    assert review.model == conversation.agent.hot_lead_review_model
    assert lead_review(lead_id=lead.pk) is False  # a stray second job changes nothing
    assert LlmCall.objects.filter(purpose=LlmCall.Purpose.REVIEW).count() == 1


@pytest.mark.django_db
def test_a_warm_lead_is_not_reviewed(conversation, llm_simulator, redis_client) -> None:
    customer_says(conversation, "my name is Dana and I need a haircut")

    lead_extract(conversation_id=conversation.pk, today=TODAY)

    assert background_queue().count == 0


@pytest.mark.django_db
def test_a_review_that_fails_is_queued_again_by_the_next_extraction(
    conversation, llm_simulator, redis_client, settings
) -> None:
    customer_says(conversation, "Hi, my name is Dana. I need a haircut tomorrow")
    lead_extract(conversation_id=conversation.pk, today=TODAY)
    settings.LLM_MAX_ATTEMPTS = 1
    llm_simulator.update_config(outage=True)
    run_background_jobs(redis_client)
    assert Lead.objects.get(conversation=conversation).reviewed_at is None

    llm_simulator.update_config(outage=False)
    lead_extract(conversation_id=conversation.pk, today=TODAY)
    run_background_jobs(redis_client)

    assert Lead.objects.get(conversation=conversation).reviewed_at is not None
    reviews = LlmCall.objects.filter(purpose=LlmCall.Purpose.REVIEW)
    assert sorted(reviews.values_list("outcome", flat=True)) == ["error", "ok"]
