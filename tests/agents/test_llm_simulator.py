"""The Messages-API simulator, driven by the real anthropic SDK over HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anthropic
import pytest

from agents.llm.simulator import (
    ModelLimits,
    SimulatorConfig,
    SimulatorServer,
    serve,
    uniform_limits,
)
from conversations.services.handoff import HAND_TO_TEAM_TOOL
from prompts_app.defaults import DEFAULT_SYSTEM_PROMPT

# The SDK warns that Sonnet 4.5 is deprecated; it is still the middle model class here.
pytestmark = pytest.mark.filterwarnings("ignore:The model .* is deprecated:DeprecationWarning")

PROJECT = Path(__file__).resolve().parents[2]
HAIKU = "claude-haiku-4-5"
SONNET = "claude-sonnet-4-5"

ENGLISH_KB = """\
Salon Dana is a hair salon at 12 Herzl Street, Tel Aviv.
Opening hours: Sunday to Thursday 9:00-19:00, Friday 8:00-13:00. Closed on Saturday.
Women's haircut: 180 ₪. Men's haircut: 90 ₪.
Hair coloring starts at 250 ₪ and takes about two hours.
To book an appointment, reply here with a day and a time."""
ENGLISH_ESCALATION = "Good question! I'll check with Dana and get back to you today."

HEBREW_KB = """\
סלון דנה הוא מספרה ברחוב הרצל 12, תל אביב.
שעות פתיחה: ראשון עד חמישי 9:00-19:00, שישי 8:00-13:00.
תספורת נשים: 180 ₪. תספורת גברים: 90 ₪.
צבע לשיער מתחיל מ-250 ₪."""
HEBREW_ESCALATION = "שאלה טובה! אבדוק עם דנה ואחזור אלייך עוד היום."

LEAD_TOOL = {
    "name": "record_lead",
    "description": "Record what the customer told us about themselves.",
    "input_schema": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "phone": {"type": "string"},
            "email": {"type": "string"},
            "need": {"type": "string"},
            "budget": {"type": "string"},
            "timeline": {"type": "string"},
            "temperature": {"type": "string", "enum": ["cold", "warm", "hot"]},
        },
        "required": ["name"],
    },
}


def system_prompt(
    knowledge_base: str = ENGLISH_KB,
    escalation: str = ENGLISH_ESCALATION,
    language: str = "English",
) -> str:
    return DEFAULT_SYSTEM_PROMPT.format(
        business="Salon Dana",
        language=language,
        knowledge_base=knowledge_base,
        escalation=escalation,
    )


@pytest.fixture
def start_simulator() -> Iterator[Callable[..., SimulatorServer]]:
    """Starts a simulator with the given config fields; all are shut down after the test."""
    servers: list[SimulatorServer] = []

    def start(**fields: Any) -> SimulatorServer:
        server = serve(host="127.0.0.1", port=0, config=SimulatorConfig(**fields))
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture
def simulator(start_simulator) -> SimulatorServer:
    return start_simulator()


def sdk(server: SimulatorServer) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key="sk-ant-test", base_url=server.base_url, max_retries=0)


def ask(server: SimulatorServer, question: str, **overrides: Any) -> anthropic.types.Message:
    request: dict[str, Any] = {
        "model": HAIKU,
        "max_tokens": 300,
        "system": system_prompt(),
        "messages": [{"role": "user", "content": question}],
    }
    request.update(overrides)
    return sdk(server).messages.create(**request)


def text_of(message: anthropic.types.Message) -> str:
    return "".join(block.text for block in message.content if block.type == "text")


def http(
    server: SimulatorServer, method: str, path: str, body: Any = None, headers: dict | None = None
) -> tuple[int, dict[str, str], Any]:
    """A plain HTTP call, for what the SDK will not send (no API key) and the admin endpoints."""
    request = urllib.request.Request(
        server.base_url + path,
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"content-type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


# --------------------------------------------------------------------------- answers


def test_it_answers_a_price_question_from_the_knowledge_base(simulator):
    message = ask(simulator, "Hi, how much is a men's haircut?")

    assert text_of(message).startswith("Sure!")
    assert "Men's haircut: 90 ₪." in text_of(message)
    assert message.stop_reason == "end_turn"
    assert message.model == HAIKU
    assert message.id.startswith("msg_")


def test_it_answers_an_opening_hours_question_with_the_hours_fact(simulator):
    message = ask(simulator, "When are you open on Friday?")

    assert "Friday 8:00-13:00" in text_of(message)


def test_it_answers_in_hebrew_from_a_hebrew_knowledge_base(simulator):
    hebrew = system_prompt(HEBREW_KB, HEBREW_ESCALATION, language="Hebrew")

    price = text_of(ask(simulator, "כמה עולה תספורת גברים?", system=hebrew))
    hours = text_of(ask(simulator, "מתי אתם פתוחים?", system=hebrew))

    assert price.startswith("בשמחה!")
    assert "תספורת גברים: 90 ₪." in price
    assert "שישי 8:00-13:00" in hours


def test_it_answers_with_exactly_the_escalation_text_when_no_fact_matches(simulator):
    assert text_of(ask(simulator, "Do you sell bicycles?")) == ENGLISH_ESCALATION
    # The business's own name matches every fact, so it must not count as an answer.
    assert text_of(ask(simulator, "Can I bring my dog to Salon Dana?")) == ENGLISH_ESCALATION
    # A price question about something the knowledge base does not price is escalated too.
    assert text_of(ask(simulator, "How much is a manicure?")) == ENGLISH_ESCALATION


def test_it_greets_a_greeting_naming_the_business(simulator):
    english = text_of(ask(simulator, "Hello!"))
    hebrew_prompt = system_prompt(HEBREW_KB, HEBREW_ESCALATION, language="Hebrew")
    hebrew = text_of(ask(simulator, "שלום", system=hebrew_prompt))

    assert "Salon Dana" in english
    assert hebrew.startswith("שלום!")
    assert "Salon Dana" in hebrew


def test_it_answers_a_burst_of_messages_joined_into_one_turn(simulator):
    reply = text_of(ask(simulator, "hi\nhow much is a women's haircut\nand are you open friday?"))

    assert "180 ₪" in reply


def test_it_answers_thanks_with_a_welcome_not_the_escalation(simulator):
    assert text_of(ask(simulator, "Thanks so much!")) == "You're welcome!"


def test_the_same_request_always_gets_the_same_answer(simulator):
    answers = {text_of(ask(simulator, "What does hair coloring cost?")) for _ in range(3)}

    assert len(answers) == 1
    assert "250 ₪" in answers.pop()


def test_it_truncates_at_max_tokens(simulator):
    message = ask(simulator, "How much is a men's haircut?", max_tokens=3)

    assert message.stop_reason == "max_tokens"
    assert message.usage.output_tokens == 3
    assert len(text_of(message)) <= 12


def test_it_reports_input_and_output_token_usage(simulator):
    message = ask(simulator, "How much is a men's haircut?")
    counted = sdk(simulator).messages.count_tokens(
        model=HAIKU,
        system=system_prompt(),
        messages=[{"role": "user", "content": "How much is a men's haircut?"}],
    )

    assert message.usage.input_tokens == counted.input_tokens > 100
    assert message.usage.output_tokens > 5
    assert message.usage.cache_creation_input_tokens == 0
    assert message.usage.cache_read_input_tokens == 0


def test_it_streams_the_same_answer_as_server_sent_events(simulator):
    question = [{"role": "user", "content": "How much is a men's haircut?"}]
    with sdk(simulator).messages.stream(
        model=HAIKU, max_tokens=300, system=system_prompt(), messages=question
    ) as stream:
        streamed = stream.get_final_message()

    assert text_of(streamed) == text_of(ask(simulator, "How much is a men's haircut?"))
    assert streamed.usage.output_tokens > 5


# --------------------------------------------------------------------------- tool use


def test_it_fills_a_lead_extraction_tool_from_the_customers_turns(simulator):
    message = ask(
        simulator,
        "Agent: You can reach us at 03-555-1234.\n"
        "Customer: My name is Dana Cohen. I need a wedding hairdo for 6 people, budget around "
        "2,000 ₪, next month. Call me at 050-123-4567 or dana@example.com",
        tools=[LEAD_TOOL],
        tool_choice={"type": "tool", "name": "record_lead"},
    )

    assert message.stop_reason == "tool_use"
    (block,) = message.content
    assert block.type == "tool_use"
    assert block.name == "record_lead"
    assert block.id.startswith("toolu_")
    assert block.input == {
        "name": "Dana Cohen",
        "phone": "0501234567",
        "email": "dana@example.com",
        "need": "a wedding hairdo for 6 people",
        "budget": "2,000 ₪",
        "timeline": "next month",
        "temperature": "hot",
    }


def test_it_leaves_lead_fields_it_cannot_find_empty(simulator):
    message = ask(
        simulator,
        "שמי דנה ואני רוצה תספורת מחר",
        tools=[LEAD_TOOL],
        tool_choice={"type": "tool", "name": "record_lead"},
    )

    lead = message.content[0].input
    assert lead["name"] == "דנה"
    assert lead["need"] == "תספורת מחר"
    assert lead["timeline"] == "מחר"
    assert lead["phone"] is None
    assert lead["email"] is None


def handed_over(message: anthropic.types.Message) -> dict[str, Any] | None:
    """The input of the message's hand_to_team call, or None if it answered instead."""
    calls = [b for b in message.content if b.type == "tool_use" and b.name == "hand_to_team"]
    return calls[0].input if calls else None


def test_offered_the_handoff_tool_it_calls_it_where_the_knowledge_base_has_no_answer(simulator):
    message = ask(simulator, "Do you sell bicycles?", tools=[HAND_TO_TEAM_TOOL])

    assert message.stop_reason == "tool_use"
    text, call = message.content
    # Like a model, it says something first; the reply path sends its own notice instead.
    assert (text.type, text.text) == ("text", ENGLISH_ESCALATION)
    assert call.id.startswith("toolu_")
    assert call.input == {"reason": "not_in_knowledge_base", "note": "Do you sell bicycles?"}
    assert simulator.stats_snapshot()["handoffs"] == 1


def test_offered_the_handoff_tool_it_still_answers_what_the_knowledge_base_covers(simulator):
    price = ask(simulator, "How much is a men's haircut?", tools=[HAND_TO_TEAM_TOOL])
    hello = ask(simulator, "Hello!", tools=[HAND_TO_TEAM_TOOL])
    thanks = ask(simulator, "Thanks so much!", tools=[HAND_TO_TEAM_TOOL])

    assert "Men's haircut: 90 ₪." in text_of(price) and price.stop_reason == "end_turn"
    assert [handed_over(m) for m in (price, hello, thanks)] == [None, None, None]
    assert simulator.stats_snapshot()["handoffs"] == 0


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Can I speak to a human please?", "asked_for_person"),
        ("אפשר לדבר עם נציג?", "asked_for_person"),
        ("I want to complain, the stylist was rude to me", "complaint"),
        ("אני מאוכזבת מאוד מהצבע", "complaint"),
        ("[voice message]", "cannot_do"),
        ("[image] how much for this style?", "cannot_do"),
        ("כמה עולה מניקור?", "not_in_knowledge_base"),
    ],
)
def test_it_hands_over_a_request_for_a_person_a_complaint_and_media_it_cannot_read(
    simulator, question, reason
):
    hebrew = system_prompt(HEBREW_KB, HEBREW_ESCALATION, language="Hebrew")
    system = hebrew if any("\u05d0" <= c <= "\u05ea" for c in question) else system_prompt()

    message = ask(simulator, question, system=system, tools=[HAND_TO_TEAM_TOOL])

    assert handed_over(message)["reason"] == reason


def test_not_offered_the_tool_or_told_not_to_use_it_it_answers_with_the_escalation(simulator):
    none = ask(
        simulator,
        "Do you sell bicycles?",
        tools=[HAND_TO_TEAM_TOOL],
        tool_choice={"type": "none"},
    )

    assert text_of(none) == ENGLISH_ESCALATION and handed_over(none) is None
    assert text_of(ask(simulator, "Do you sell bicycles?")) == ENGLISH_ESCALATION


def test_a_summary_or_a_lead_extraction_never_hands_over(simulator):
    summary = ask(
        simulator,
        "Summarise: the customer asked for a person.",
        system="You summarise conversations.",
        tools=[HAND_TO_TEAM_TOOL],
    )

    assert handed_over(summary) is None


# --------------------------------------------------------------------------- validation


def test_a_system_role_inside_messages_is_a_bad_request(simulator):
    with pytest.raises(anthropic.BadRequestError) as raised:
        ask(
            simulator,
            "",
            messages=[
                {"role": "system", "content": "You are helpful."},
                {"role": "user", "content": "Hi"},
            ],
        )

    assert raised.value.type == "invalid_request_error"
    assert "top-level `system` parameter" in raised.value.api_message
    assert raised.value.request_id.startswith("req_")


def test_roles_that_do_not_alternate_are_a_bad_request(simulator):
    twice = [{"role": "user", "content": "Hi"}, {"role": "user", "content": "Hello?"}]

    with pytest.raises(anthropic.BadRequestError):
        ask(simulator, "", messages=twice)


def test_an_unknown_model_is_not_found(simulator):
    with pytest.raises(anthropic.NotFoundError) as raised:
        ask(simulator, "Hi", model="gpt-4o")

    assert raised.value.type == "not_found_error"


def test_a_request_without_an_api_key_is_unauthorised(simulator):
    body = {"model": HAIKU, "max_tokens": 10, "messages": [{"role": "user", "content": "Hi"}]}

    status, headers, payload = http(simulator, "POST", "/v1/messages", body)

    assert status == 401
    assert payload["type"] == "error"
    assert payload["error"]["type"] == "authentication_error"
    assert payload["request_id"] == headers["request-id"]


def test_count_tokens_counts_the_system_prompt_messages_and_tools(simulator):
    client = sdk(simulator)
    question = [{"role": "user", "content": "How much is a haircut?"}]

    bare = client.messages.count_tokens(model=HAIKU, messages=question)
    with_system = client.messages.count_tokens(
        model=HAIKU, system=system_prompt(), messages=question
    )
    with_tools = client.messages.count_tokens(
        model=HAIKU, system=system_prompt(), messages=question, tools=[LEAD_TOOL]
    )

    assert 0 < bare.input_tokens < with_system.input_tokens < with_tools.input_tokens
    with pytest.raises(anthropic.BadRequestError):
        client.messages.count_tokens(
            model=HAIKU,
            messages=[{"role": "system", "content": "x"}],  # type: ignore[list-item]
        )


# --------------------------------------------------------------------------- rate limits


def test_it_answers_429_with_retry_after_once_requests_per_minute_are_spent(start_simulator):
    server = start_simulator(limits=uniform_limits(rpm=2))
    ask(server, "Hi")
    ask(server, "Hi")

    with pytest.raises(anthropic.RateLimitError) as raised:
        ask(server, "Hi")

    headers = raised.value.response.headers
    assert raised.value.type == "rate_limit_error"
    assert int(headers["retry-after"]) == 30  # 2 per minute refill one every 30 seconds
    assert headers["anthropic-ratelimit-requests-remaining"] == "0"
    assert server.stats_snapshot()["rate_limited"] == 1
    # Another model class has its own budget.
    assert text_of(ask(server, "Hi", model=SONNET))


def test_output_tokens_are_charged_after_the_answer_so_the_next_request_waits(start_simulator):
    server = start_simulator(limits={"haiku": ModelLimits(output_tpm=10)})

    first = ask(server, "How much is a men's haircut?")  # answers ~12 tokens: over the limit
    with pytest.raises(anthropic.RateLimitError) as raised:
        ask(server, "How much is a men's haircut?")

    assert first.usage.output_tokens > 10
    assert int(raised.value.response.headers["retry-after"]) >= 6


def test_a_reached_spend_limit_is_a_429_without_retry_after(start_simulator):
    server = start_simulator(spend_limit_reached=True)

    with pytest.raises(anthropic.RateLimitError) as raised:
        ask(server, "Hi")

    assert raised.value.error_code == "enforced_spend_limit_reached"
    assert "retry-after" not in raised.value.response.headers
    assert server.stats_snapshot()["spend_limited"] == 1


def test_every_response_carries_rate_limit_headers(start_simulator):
    server = start_simulator(limits=uniform_limits(rpm=50, input_tpm=50_000, output_tpm=10_000))

    raw = sdk(server).messages.with_raw_response.create(
        model=HAIKU,
        max_tokens=100,
        system=system_prompt(),
        messages=[{"role": "user", "content": "How much is a haircut?"}],
    )
    message = raw.parse()

    assert raw.headers["request-id"].startswith("req_")
    assert raw.headers["anthropic-ratelimit-requests-limit"] == "50"
    assert raw.headers["anthropic-ratelimit-requests-remaining"] == "49"
    assert raw.headers["anthropic-ratelimit-input-tokens-limit"] == "50000"
    remaining_input = int(raw.headers["anthropic-ratelimit-input-tokens-remaining"])
    assert remaining_input == 50_000 - message.usage.input_tokens
    assert raw.headers["anthropic-ratelimit-output-tokens-limit"] == "10000"
    reset = datetime.fromisoformat(raw.headers["anthropic-ratelimit-requests-reset"])
    assert reset.tzinfo is not None
    assert 0 <= (reset - datetime.now(UTC)).total_seconds() <= 3


# --------------------------------------------------------------------------- faults


def test_an_injected_529_is_an_overloaded_error(start_simulator):
    server = start_simulator(error_rate_529=1.0)

    with pytest.raises(anthropic.OverloadedError) as raised:
        ask(server, "Hi")

    assert raised.value.type == "overloaded_error"
    assert server.stats_snapshot()["overloaded"] == 1


def test_an_injected_500_is_an_internal_server_error(start_simulator):
    server = start_simulator(error_rate_500=1.0)

    with pytest.raises(anthropic.InternalServerError) as raised:
        ask(server, "Hi")

    assert raised.value.status_code == 500
    assert raised.value.type == "api_error"


def test_seeded_fault_injection_replays_the_same_way(start_simulator):
    def outcomes(server: SimulatorServer) -> list[str]:
        results = []
        for _ in range(12):
            try:
                ask(server, "Hi")
                results.append("ok")
            except anthropic.OverloadedError:
                results.append("529")
        return results

    first = outcomes(start_simulator(error_rate_529=0.5, seed=7))
    second = outcomes(start_simulator(error_rate_529=0.5, seed=7))

    assert first == second
    assert {"ok", "529"} == set(first)


def test_the_admin_endpoint_switches_an_outage_on_and_off_at_runtime(simulator):
    status, _, config = http(simulator, "POST", "/_simulator/config", {"outage": True})
    assert status == 200
    assert config["outage"] is True
    with pytest.raises(anthropic.OverloadedError):
        ask(simulator, "Hi")

    http(simulator, "POST", "/_simulator/config", {"outage": False})
    assert text_of(ask(simulator, "Hi"))

    status, _, stats = http(simulator, "GET", "/_simulator/stats")
    assert status == 200
    assert stats["requests"] == 2
    assert stats["by_status"] == {"529": 1, "200": 1}
    assert stats["by_model_class"] == {"haiku": 1}  # the outage answered before reading it


def test_the_admin_endpoint_rejects_an_unknown_setting_and_changes_nothing(simulator):
    status, _, payload = http(
        simulator, "POST", "/_simulator/config", {"latency_ms": 10, "turbo": True}
    )

    assert status == 400
    assert "turbo" in payload["error"]
    assert simulator.config.latency_ms == 0


def test_limits_changed_at_runtime_apply_to_the_next_request(simulator):
    simulator.update_config(rpm=1)
    ask(simulator, "Hi")

    with pytest.raises(anthropic.RateLimitError):
        ask(simulator, "Hi")


def test_latency_is_added_to_every_answer(start_simulator):
    server = start_simulator(latency_ms=150)

    started = time.monotonic()
    ask(server, "Hi")

    assert time.monotonic() - started >= 0.15


def test_it_serves_concurrent_requests_in_parallel(start_simulator):
    server = start_simulator(latency_ms=200)
    client = sdk(server)
    errors: list[Exception] = []

    def call() -> None:
        try:
            client.messages.create(
                model=HAIKU, max_tokens=50, messages=[{"role": "user", "content": "Hi"}]
            )
        except Exception as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=call) for _ in range(8)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert time.monotonic() - started < 1.2  # 8 x 200 ms one after another would be 1.6 s
    assert server.stats_snapshot()["max_in_flight"] > 1


# --------------------------------------------------------------------------- prompt caching


def long_cached_system(repeat: int) -> list[dict[str, Any]]:
    filler = "\n".join(f"Note {i}: our stylists trained in Milan and Paris." for i in range(repeat))
    return [
        {
            "type": "text",
            "text": system_prompt(ENGLISH_KB + "\n" + filler),
            "cache_control": {"type": "ephemeral"},
        }
    ]


def test_a_long_cached_system_block_is_written_once_then_read(simulator):
    system = long_cached_system(repeat=400)  # well over Haiku's 4,096-token minimum

    first = ask(simulator, "How much is a men's haircut?", system=system)
    second = ask(simulator, "When are you open on Friday?", system=system)

    assert first.usage.cache_creation_input_tokens > 4096
    assert first.usage.cache_read_input_tokens == 0
    assert second.usage.cache_creation_input_tokens == 0
    assert second.usage.cache_read_input_tokens == first.usage.cache_creation_input_tokens
    # Only the uncached remainder (the question) is billed as plain input.
    assert second.usage.input_tokens < 30
    assert "Friday 8:00-13:00" in text_of(second)


def test_a_cached_block_below_the_model_minimum_is_not_cached(simulator):
    system = long_cached_system(repeat=150)  # ~2,000 tokens: enough for Sonnet, not for Haiku

    haiku = [ask(simulator, "Hi", system=system) for _ in range(2)]
    sonnet = [ask(simulator, "Hi", system=system, model=SONNET) for _ in range(2)]

    assert all(m.usage.cache_creation_input_tokens == 0 for m in haiku)
    assert all(m.usage.cache_read_input_tokens == 0 for m in haiku)
    assert sonnet[0].usage.cache_creation_input_tokens > 1024
    assert sonnet[1].usage.cache_read_input_tokens == sonnet[0].usage.cache_creation_input_tokens


def test_cache_reads_do_not_count_toward_input_tokens_per_minute(start_simulator):
    system = long_cached_system(repeat=400)
    server = start_simulator(limits={"haiku": ModelLimits(input_tpm=12_000)})

    first = ask(server, "Hi", system=system)  # writes ~6,000 tokens to the cache
    ask(server, "Hi", system=system)  # reads them: charges only the question
    ask(server, "Hi", system=system)

    assert first.usage.cache_creation_input_tokens > 4096
    assert server.stats_snapshot()["rate_limited"] == 0


# --------------------------------------------------------------------------- the command


def test_the_management_command_serves_until_sigterm_without_a_database():
    process = subprocess.Popen(
        [sys.executable, "manage.py", "llm_simulator", "--port", "0", "--rpm", "5"],
        cwd=PROJECT,
        env={**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        banner = process.stdout.readline()
        assert "listening on http://127.0.0.1:" in banner, process.stderr.read()
        client = anthropic.Anthropic(api_key="sk-ant-test", base_url=banner.split()[-1])
        raw = client.messages.with_raw_response.create(
            model=HAIKU, max_tokens=50, messages=[{"role": "user", "content": "Hi"}]
        )
        assert raw.headers["anthropic-ratelimit-requests-limit"] == "5"
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=10)

    assert process.returncode == 0, err
    assert "stopped" in out
