"""The simulator's hallucinations: a seeded share of customer replies carries one claim of a
chosen kind that no knowledge base supports, and the real reply path holds it for review."""

from __future__ import annotations

import importlib.util
import json
import re
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import anthropic
import pytest

from agents.grounding.validator import validate_reply
from agents.llm.simulator import (
    HALLUCINATION_KINDS,
    HALLUCINATIONS,
    JUDGE_MARKER,
    SimulatorConfig,
    apply_config_changes,
    compose,
    compose_answer,
    serve,
)
from agents.management.commands.llm_simulator import Command
from agents.models import KnowledgeBase
from agents.selectors import agent_text
from conversations.models import Contact, Conversation, Message, Review
from conversations.services.reply import conversation_reply
from prompts_app.defaults import DEFAULT_SYSTEM_PROMPT
from tests.factories import HAIRCUT_KB, add_message

pytestmark = pytest.mark.filterwarnings("ignore:The model .* is deprecated:DeprecationWarning")

PROJECT = Path(__file__).resolve().parents[2]
HEBREW = re.compile(r"[\u05d0-\u05ea]")
LANGUAGES = {"en": "English", "he": "Hebrew"}
QUESTIONS = {
    "en": ["How much is a men's haircut?", "Hi", "Where are you?", "Do you do nails?"],
    "he": ["כמה עולה תספורת גברים?", "שלום", "איפה אתם?", "אתם עושים ציפורניים?"],
}
# A salon that states policies, payment methods and an address, so that every kind of
# claim has something to contradict.
POLICY_KB = (
    HAIRCUT_KB
    + """\
Appointments only, no walk-ins.
No pets, sorry.
Payment by cash, credit card or Bit.
סלון דנה, רחוב הרצל 12, תל אביב. בתיאום מראש בלבד. ללא חיות מחמד.
"""
)
# The validator's kinds a claim of each simulator kind is flagged as: invented numbers and
# wrong bindings are flagged by the kind of value; a "free" offer may be read as a price of 0.
FLAGGED_AS = {
    "number": {"price", "duration"},
    "binding": {"price", "duration"},
    "action": {"action"},
    "contact": {"contact"},
    "entity": {"entity"},
    "offer": {"offer", "price"},
    "policy": {"policy"},
}


def system_prompt(language: str = "en", knowledge_base: str = HAIRCUT_KB) -> str:
    return DEFAULT_SYSTEM_PROMPT.format(
        business="Salon Dana",
        language=LANGUAGES[language],
        knowledge_base=knowledge_base,
        escalation="Let me check that with the team.",
    )


def customer(text: str) -> list[dict[str, Any]]:
    return [{"role": "user", "content": text}]


def honest(question: str, language: str = "en", knowledge_base: str = HAIRCUT_KB) -> str:
    return compose_answer(system_prompt(language, knowledge_base), customer(question))


def lying(
    kind: str,
    question: str,
    language: str = "en",
    *,
    rate: float = 1.0,
    seed: int = 0,
    knowledge_base: str = HAIRCUT_KB,
) -> tuple[str, str | None]:
    return compose(
        system_prompt(language, knowledge_base),
        customer(question),
        hallucination={kind: rate},
        seed=seed,
    )


def template_pattern(template: str) -> re.Pattern[str]:
    """A table entry as a pattern: its placeholders match anything."""
    parts = re.split(r"{\w+}", template)
    return re.compile(".+?".join(re.escape(part) for part in parts))


def added(answer: str, question: str, language: str, knowledge_base: str = HAIRCUT_KB) -> str:
    plain = honest(question, language, knowledge_base)
    assert answer.startswith(plain + " "), (answer, plain)
    return answer[len(plain) + 1 :]


# --------------------------------------------------------------------------- configuration


def test_the_simulator_is_honest_unless_asked():
    assert set(SimulatorConfig().hallucination_rates().values()) == {0.0}
    for question in QUESTIONS["en"]:
        assert lying("action", question, rate=0.0) == (honest(question), None)


def test_a_rate_for_one_kind_leaves_the_others_at_the_common_rate():
    config = SimulatorConfig(hallucination={"action": 0.5}, hallucination_rate=0.1)
    rates = config.hallucination_rates()
    assert rates["action"] == 0.5
    assert {rates[kind] for kind in HALLUCINATION_KINDS if kind != "action"} == {0.1}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hallucination": {"lies": 0.1}}, "hallucination.lies: unknown claim kind"),
        ({"hallucination": {"action": 1.5}}, "hallucination.action: expected a probability"),
        ({"hallucination": {"action": -0.1}}, "hallucination.action: expected a probability"),
        ({"hallucination": {"action": "often"}}, "hallucination.action: expected a probability"),
        ({"hallucination": {"action": True}}, "hallucination.action: expected a probability"),
        ({"hallucination": [0.1]}, "hallucination: expected an object"),
        ({"hallucination_rate": 2}, "hallucination_rate: expected a probability"),
    ],
)
def test_a_bad_hallucination_setting_is_refused_and_changes_nothing(changes, message):
    config = SimulatorConfig(hallucination={"contact": 0.2})
    with pytest.raises(ValueError, match=re.escape(message)):
        apply_config_changes(config, {"latency_ms": 10, **changes})
    assert config.latency_ms == 0
    assert config.hallucination == {"contact": 0.2}
    assert config.hallucination_rate == 0.0


def test_a_bad_hallucination_setting_is_refused_at_start_too():
    with pytest.raises(ValueError, match="unknown claim kind"):
        SimulatorConfig(hallucination={"lies": 0.1})
    with pytest.raises(ValueError, match="hallucination_rate"):
        SimulatorConfig(hallucination_rate=1.5)


def test_hallucination_rates_set_at_runtime_add_up_kind_by_kind():
    config = SimulatorConfig()
    apply_config_changes(config, {"hallucination": {"action": 0.1}})
    apply_config_changes(config, {"hallucination": {"contact": 1}, "hallucination_rate": 0.05})
    assert config.hallucination == {"action": 0.1, "contact": 1.0}
    assert config.hallucination_rates()["offer"] == 0.05


def test_the_admin_endpoint_refuses_an_unknown_kind_with_a_clear_message():
    server = serve(port=0)
    try:
        request = urllib.request.Request(
            server.base_url + "/_simulator/config",
            data=json.dumps({"hallucination": {"fibs": 0.5}}).encode(),
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 400
        assert "hallucination.fibs: unknown claim kind" in json.loads(refused.value.read())["error"]
        assert server.config.hallucination == {}
        shown = server.update_config(hallucination={"policy": 0.25})
        assert shown["hallucination"] == {"policy": 0.25}
    finally:
        server.shutdown()


# --------------------------------------------------------------------------- how often


def many_questions(n: int) -> list[str]:
    return [f"How much is a men's haircut? (asking for friend {i})" for i in range(n)]


def test_at_rate_zero_no_reply_lies_and_at_rate_one_every_reply_does():
    for question in many_questions(50):
        assert lying("contact", question, rate=0.0)[1] is None
        assert lying("contact", question, rate=1.0)[1] == "contact"


def test_a_rate_in_between_makes_about_that_share_of_replies_lie():
    told = [lying("offer", q, rate=0.3)[1] for q in many_questions(600)]
    share = told.count("offer") / len(told)
    assert 0.25 <= share <= 0.35
    assert set(told) == {"offer", None}


def test_rates_for_several_kinds_lie_in_their_shares_at_most_once_a_reply():
    rates = {"action": 0.1, "contact": 0.1, "policy": 0.2}
    counts = Counter(
        compose(system_prompt(), customer(q), hallucination=rates)[1] for q in many_questions(800)
    )
    assert counts[None] / 800 == pytest.approx(0.6, abs=0.06)
    assert counts["policy"] / 800 == pytest.approx(0.2, abs=0.05)
    assert counts["action"] / 800 == pytest.approx(0.1, abs=0.04)


def test_rates_adding_up_to_more_than_one_make_every_reply_lie_once():
    config = SimulatorConfig(hallucination_rate=1.0)
    counts = Counter(
        compose(system_prompt(), customer(q), hallucination=config.hallucination_rates())[1]
        for q in many_questions(140)
    )
    assert counts[None] == 0
    assert set(counts) == set(HALLUCINATION_KINDS)


def test_a_replay_gives_the_same_answers_and_another_seed_other_ones():
    questions = many_questions(200)
    first = [lying("action", q, rate=0.4, seed=7) for q in questions]
    assert [lying("action", q, rate=0.4, seed=7) for q in questions] == first
    other = [lying("action", q, rate=0.4, seed=8) for q in questions]
    assert other != first
    assert sum(kind is not None for _, kind in other) / 200 == pytest.approx(0.4, abs=0.1)


# --------------------------------------------------------------------------- what it says


@pytest.mark.parametrize("language", ["en", "he"])
@pytest.mark.parametrize("kind", ["action", "contact", "entity", "offer", "policy"])
def test_each_kind_says_a_claim_from_its_table_in_the_replys_language(kind, language):
    patterns = [template_pattern(getattr(lie, language)) for lie in HALLUCINATIONS[kind]]
    for seed in range(4):
        for question in QUESTIONS[language]:
            answer, told = lying(kind, question, language, seed=seed, knowledge_base=POLICY_KB)
            assert told == kind
            claim = added(answer, question, language, POLICY_KB)
            assert any(p.fullmatch(claim) for p in patterns), claim
            if kind != "contact":  # an English street in a Hebrew reply stays English
                assert bool(HEBREW.search(claim)) == (language == "he"), claim


def test_every_claim_in_the_table_is_said_in_both_languages():
    for kind, lies in HALLUCINATIONS.items():
        for lie in lies:
            assert lie.en and not HEBREW.search(lie.en), (kind, lie.en)
            assert lie.he and (HEBREW.search(lie.he) or lie.he == "{fact}"), (kind, lie.he)


def test_invented_contacts_are_reserved_names_and_sim_codes():
    claims = {
        added(lying("contact", q, seed=seed)[0], q, "en")
        for q in QUESTIONS["en"]
        for seed in range(12)
    }
    assert "Our e-mail is hello@salon-dana-mail.example" in claims
    assert "Our website is https://www.salon-dana-online.example" in claims
    assert "Follow us on Instagram: @salon_dana_sim 📸" in claims
    assert any(re.fullmatch(r"Your discount code is SIM\d\d 😊", claim) for claim in claims)


def test_a_wrong_house_number_keeps_the_street_of_the_knowledge_base():
    claims = {
        added(lying("contact", q, "he", seed=seed, knowledge_base=POLICY_KB)[0], q, "he", POLICY_KB)
        for q in QUESTIONS["he"]
        for seed in range(12)
    }
    addresses = [claim for claim in claims if claim.startswith("הכתובת שלנו")]
    assert addresses
    assert all(re.fullmatch(r"הכתובת שלנו: רחוב הרצל (\d+)\.", a) for a in addresses)
    assert "רחוב הרצל 12." not in " ".join(addresses)


def test_a_policy_claim_contradicts_a_policy_the_knowledge_base_states():
    kb = HAIRCUT_KB + "No pets, sorry.\n"
    claims = {added(lying("policy", q, seed=s, knowledge_base=kb)[0], q, "en", kb)
              for q in QUESTIONS["en"] for s in range(6)}  # fmt: skip
    assert claims == {"Sure, bring your dog along, pets are welcome 🐶"}


def test_an_entity_the_knowledge_base_names_is_never_claimed():
    kb = HAIRCUT_KB + "We take PayPal. We work with Maccabi.\n"
    claims = {added(lying("entity", q, seed=s, knowledge_base=kb)[0], q, "en", kb)
              for q in QUESTIONS["en"] for s in range(6)}  # fmt: skip
    assert claims == {"We also have a branch in Haifa."}


NUMBER_KBS = {
    "haircut": HAIRCUT_KB,
    "demo": None,  # seed_demo's knowledge base, loaded below
    "garage": """\
Oil change: $60, about 40 minutes. Brake pads: $150-200 per axle.
Open Monday to Friday 8am to 6pm. Phone: 555-0100.
""",
}


def number_kbs() -> dict[str, str]:
    from prompts_app.management.commands.seed_demo import KNOWLEDGE_BASE

    return {**NUMBER_KBS, "demo": KNOWLEDGE_BASE}


@pytest.mark.parametrize("kind", ["number", "binding"])
@pytest.mark.parametrize("language", ["en", "he"])
def test_an_invented_number_or_binding_is_one_the_validator_flags(kind, language):
    for name, kb in number_kbs().items():
        questions = QUESTIONS[language] + ["How much is an oil change?", "כמה עולה החלפת שמן?"]
        for seed in range(5):
            for question in questions:
                answer, told = lying(kind, question, language, seed=seed, knowledge_base=kb)
                assert told in (kind, "number")  # one price only: the binding is a number
                kinds = {
                    flag.kind for flag in validate_reply(reply=answer, knowledge_base=kb).flags
                }
                assert kinds & FLAGGED_AS[kind], (name, answer)
                assert honest(question, language, kb) != answer


def test_a_quoted_price_is_changed_in_place_not_added_to():
    answer, told = lying("number", "How much is a men's haircut?")
    assert told == "number"
    assert answer.startswith("Sure! Women's haircut: ₪") and "₪180" not in answer


def test_a_wrong_binding_puts_another_lines_price_on_the_service_asked_about():
    kb = "Men's haircut: ₪90.\nBeard trim: ₪40.\n"
    answer, told = lying("binding", "How much is a men's haircut?", knowledge_base=kb)
    assert (answer, told) == ("Sure! Men's haircut: ₪40.", "binding")


# --------------------------------------------------------------------------- only replies


def sdk(server) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key="sk-ant-test", base_url=server.base_url, max_retries=0)


def test_only_customer_replies_lie_never_tools_summaries_or_the_judge():
    server = serve(port=0, config=SimulatorConfig(hallucination_rate=1.0))
    client = sdk(server)
    tool = {
        "name": "record_lead",
        "input_schema": {"type": "object", "properties": {"email": {"type": "string"}}},
    }
    try:
        lead = client.messages.create(
            model="claude-haiku-4-5",
            max_tokens=200,
            system=system_prompt(),
            messages=customer("I'm dana@example.com and I want a haircut"),
            tools=[tool],
            tool_choice={"type": "tool", "name": "record_lead"},
        )
        assert lead.content[0].input == {"email": "dana@example.com"}
        summary = client.messages.create(
            model="claude-haiku-4-5",
            max_tokens=200,
            system="Summarise this conversation for the team.",
            messages=customer("Customer: how much is a haircut? Agent: ₪180."),
        )
        assert summary.content[0].text == "Customer: how much is a haircut? Agent: ₪180."
        judge = client.messages.create(
            model="claude-haiku-4-5",
            max_tokens=200,
            system=f"{JUDGE_MARKER} Judge each claim.",
            messages=customer(
                "<knowledge_base>Men's haircut: ₪90</knowledge_base>"
                "<claims>1. Men's haircut: ₪90 (price)</claims>"
            ),
        )
        assert judge.content[0].text == "1: SUPPORTED"
        assert server.stats_snapshot()["hallucinations"] == 0
        reply = client.messages.create(
            model="claude-haiku-4-5",
            max_tokens=200,
            system=system_prompt(),
            messages=customer("How much is a men's haircut?"),
        )
        assert reply.content[0].text != honest("How much is a men's haircut?")
        stats = server.stats_snapshot()
        assert stats["hallucinations"] == 1
        assert sum(stats["by_hallucination"].values()) == 1
    finally:
        server.shutdown()


# --------------------------------------------------------------------------- the command


def command_config(*arguments: str) -> SimulatorConfig:
    command = Command()
    options = vars(command.create_parser("manage.py", "llm_simulator").parse_args(arguments))
    return command._config(options)


def test_the_command_takes_a_rate_for_every_kind_and_rates_kind_by_kind():
    config = command_config(
        "--hallucination-rate", "0.03", "--hallucination", "action=0.2, offer=0"
    )
    assert config.hallucination == {"action": 0.2, "offer": 0.0}
    assert config.hallucination_rates()["contact"] == 0.03
    assert set(command_config().hallucination_rates().values()) == {0.0}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--hallucination", "fibs=0.1"), "unknown claim kind"),
        (("--hallucination", "action=lots"), "expected a probability"),
        (("--hallucination", "action"), "expected a probability"),
        (("--hallucination-rate", "1.5"), "between 0 and 1"),
    ],
)
def test_the_command_refuses_a_bad_hallucination_flag(arguments, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        command_config(*arguments)


def run_dev() -> Any:
    spec = importlib.util.spec_from_file_location("run_dev", PROJECT / "scripts" / "run_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_run_lies_in_about_one_reply_in_five_unless_the_environment_says_otherwise():
    module = run_dev()
    assert module.hallucination_rate({}) == module.DEMO_HALLUCINATION_RATE
    per_kind = float(module.DEMO_HALLUCINATION_RATE)
    assert len(HALLUCINATION_KINDS) * per_kind == pytest.approx(0.2, abs=0.02)
    assert module.hallucination_rate({"SIMULATOR_HALLUCINATION_RATE": "0"}) == "0"
    assert module.hallucination_rate({"SIMULATOR_HALLUCINATION_RATE": "0.1"}) == "0.1"
    with pytest.raises(ValueError, match="SIMULATOR_HALLUCINATION_RATE"):
        module.hallucination_rate({"SIMULATOR_HALLUCINATION_RATE": "lots"})


def test_the_demo_rate_makes_about_one_reply_in_five_lie():
    rates = SimulatorConfig(hallucination_rate=float(run_dev().DEMO_HALLUCINATION_RATE))
    told = [
        compose(system_prompt(), customer(q), hallucination=rates.hallucination_rates())[1]
        for q in many_questions(1000)
    ]
    assert sum(kind is not None for kind in told) / 1000 == pytest.approx(0.21, abs=0.04)


# --------------------------------------------------------------------------- the reply path


@pytest.fixture
def conversation(tenant) -> Conversation:
    KnowledgeBase.objects.filter(business=tenant.business).update(content=POLICY_KB)
    contact = Contact.objects.create(business=tenant.business, wa_id="972501234567")
    return Conversation.objects.create(
        business=tenant.business, agent=tenant.agent, contact=contact
    )


def held_reply(conversation: Conversation, question: str) -> Message:
    add_message(conversation, text=question, wamid="wamid.HALLUCINATION", needs_reply=True)
    outcome = conversation_reply(conversation_id=conversation.pk)
    assert outcome.status == "answered"
    return Message.objects.get(pk=outcome.reply_ids[0])


E2E_QUESTIONS = {"en": "How much is a men's haircut?", "he": "כמה עולה תספורת גברים?"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "he"])
@pytest.mark.parametrize("kind", HALLUCINATION_KINDS)
def test_a_hallucinated_reply_is_held_for_review_with_its_kind_flagged(
    kind, language, conversation, prompt_version, llm_simulator, redis_client
):
    conversation.agent.grounding_policy = "review"  # held whatever the number of flags
    conversation.agent.save(update_fields=["grounding_policy"])
    llm_simulator.update_config(hallucination={kind: 1.0})
    reply = held_reply(conversation, E2E_QUESTIONS[language])
    assert llm_simulator.stats_snapshot()["by_hallucination"] == {kind: 1}
    assert reply.author == "ai" and reply.status == Message.Status.HELD, reply.text
    kinds = {flag["kind"] for flag in reply.review.flags}
    assert kinds & FLAGGED_AS[kind], (reply.text, reply.review.flags)
    assert reply.review.original_text == reply.text


@pytest.mark.django_db
def test_an_invented_price_under_the_default_policy_is_held_for_review(
    conversation, prompt_version, llm_simulator, redis_client
):
    llm_simulator.update_config(hallucination={"number": 1.0})
    reply = held_reply(conversation, "How much is a men's haircut?")
    assert reply.status == Message.Status.HELD
    assert [flag["kind"] for flag in reply.review.flags] == ["price"]


@pytest.mark.django_db
def test_an_invented_price_under_the_fallback_policy_sends_the_escalation_text(
    conversation, prompt_version, llm_simulator, redis_client
):
    conversation.agent.grounding_policy = "fallback"
    conversation.agent.save(update_fields=["grounding_policy"])
    llm_simulator.update_config(hallucination={"binding": 1.0})
    reply = held_reply(conversation, "How much is a men's haircut?")
    escalation = agent_text(agent=conversation.agent, kind="escalation", language="en")
    assert (reply.author, reply.text) == ("fallback", escalation)
    conversation.refresh_from_db()
    assert conversation.handed_off_at is not None


@pytest.mark.django_db
def test_an_honest_simulator_sends_the_reply(
    conversation, prompt_version, llm_simulator, redis_client
):
    reply = held_reply(conversation, "How much is a men's haircut?")
    assert reply.status != Message.Status.HELD
    assert not Review.objects.filter(message=reply).exists()
