"""A local stand-in for the Anthropic Messages API.

Tests, the demo and the benchmarks talk to it with the official ``anthropic`` SDK over real
HTTP, so the whole LLM path (headers, status codes, retries, rate-limit headers, prompt
caching, usage accounting) runs without the network. It answers deterministically from the
knowledge base in our system prompt (``prompts_app/defaults.py``), fills lead-extraction
tools from the conversation, calls the ``hand_to_team`` tool when offered it where its
knowledge base has no answer (or the customer wants a person, complains, or sent media),
and can be told to be slow, rate limited, over its spend limit, failing, down or lying (a
share of customer replies carrying one invented claim of a chosen kind, see
``HALLUCINATIONS``), at start or at runtime (``server.update_config`` or
``POST /_simulator/config``)::

    server = serve(port=0, config=SimulatorConfig(latency_ms=50))
    client = anthropic.Anthropic(api_key="sk-ant-test", base_url=server.base_url)
    ...
    server.shutdown()
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import hashlib
import json
import math
import random
import re
import socket
import threading
import time
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

# --------------------------------------------------------------------------- configuration

MODEL_CLASSES = ("haiku", "sonnet", "opus")
# The shortest prefix Anthropic caches (Haiku 4.5, Sonnet 4.5, Opus 4.5); shorter is not cached.
CACHE_MINIMUM_TOKENS = {"haiku": 4096, "sonnet": 1024, "opus": 4096}
CACHE_TTL_SECONDS = {"5m": 300.0, "1h": 3600.0}
MAX_CACHE_BREAKPOINTS = 4
LIMIT_FIELDS = ("rpm", "input_tpm", "output_tpm")
# The unsupported claims a customer reply can be made to carry (``HALLUCINATIONS``).
HALLUCINATION_KINDS = ("number", "binding", "action", "contact", "entity", "offer", "policy")


@dataclass
class ModelLimits:
    """Per-minute limits of one model class (the whole account), refilled continuously."""

    # Generous, tier-4-like defaults so ordinary tests never trip them; drills lower them.
    rpm: int = 4000
    input_tpm: int = 2_000_000
    output_tpm: int = 400_000


def uniform_limits(**fields: int) -> dict[str, ModelLimits]:
    """The same limits for every model class, e.g. ``uniform_limits(rpm=2)``."""
    return {name: ModelLimits(**fields) for name in MODEL_CLASSES}


@dataclass
class SimulatorConfig:
    latency_ms: int = 0
    latency_jitter_ms: int = 0  # each request waits latency_ms ± a uniform jitter
    limits: dict[str, ModelLimits] = field(default_factory=uniform_limits)
    error_rate_529: float = 0.0
    error_rate_500: float = 0.0
    seed: int = 0  # seeds fault injection and jitter, so a drill replays the same way
    spend_limit_reached: bool = False
    outage: bool = False  # every request answers 529
    verbose: bool = False  # log each request to stderr
    # The share of customer replies that carry one invented claim of each kind: kind -> 0..1.
    # A kind not named here takes ``hallucination_rate``. Honest (0) unless asked.
    hallucination: dict[str, float] = field(default_factory=dict)
    hallucination_rate: float = 0.0

    def limits_for(self, model_class: str) -> ModelLimits:
        return self.limits.get(model_class) or ModelLimits()

    def __post_init__(self) -> None:
        self.hallucination = checked_hallucination(self.hallucination)
        if not 0.0 <= self.hallucination_rate <= 1.0:
            raise ValueError("hallucination_rate: expected a probability between 0 and 1")

    def hallucination_rates(self) -> dict[str, float]:
        """The rate of every kind, ``hallucination_rate`` for those not set one by one."""
        return {
            kind: self.hallucination.get(kind, self.hallucination_rate)
            for kind in HALLUCINATION_KINDS
        }


def checked_hallucination(rates: Any) -> dict[str, float]:
    """``{"action": 0.1, ...}`` as floats, or ValueError naming the bad kind or rate."""
    if not isinstance(rates, dict):
        raise ValueError("hallucination: expected an object of claim kinds and rates")
    checked = {}
    for kind, rate in rates.items():
        if kind not in HALLUCINATION_KINDS:
            raise ValueError(
                f"hallucination.{kind}: unknown claim kind, expected one of "
                f"{', '.join(HALLUCINATION_KINDS)}"
            )
        if type(rate) not in (int, float) or not 0.0 <= rate <= 1.0:
            raise ValueError(f"hallucination.{kind}: expected a probability between 0 and 1")
        checked[kind] = float(rate)
    return checked


def apply_config_changes(config: SimulatorConfig, changes: dict[str, Any]) -> None:
    """Apply a drill's changes; everything is checked first, so a bad request changes nothing.

    ``rpm``/``input_tpm``/``output_tpm`` at the top level set every model class;
    ``{"limits": {"haiku": {"rpm": 5}}}`` sets one. Likewise ``hallucination_rate`` is the
    rate of every claim kind not set on its own, and ``{"hallucination": {"action": 0.1}}``
    sets one kind and leaves the others as they were.
    """
    updated = copy.deepcopy(config)
    names = {f.name for f in dataclasses.fields(SimulatorConfig)}
    for key, value in changes.items():
        if key in LIMIT_FIELDS:
            for model_class in MODEL_CLASSES:
                _set_limit(updated.limits.setdefault(model_class, ModelLimits()), key, value)
        elif key == "limits":
            if not isinstance(value, dict):
                raise ValueError("limits: expected an object of model classes")
            for model_class, fields in value.items():
                if model_class not in MODEL_CLASSES or not isinstance(fields, dict):
                    raise ValueError(f"limits.{model_class}: expected one of {MODEL_CLASSES}")
                for name, number in fields.items():
                    _set_limit(updated.limits.setdefault(model_class, ModelLimits()), name, number)
        elif key == "hallucination":
            updated.hallucination.update(checked_hallucination(value))
        elif key in names:
            current = getattr(updated, key)
            if isinstance(current, float) and type(value) is int:
                value = float(value)
            if type(value) is not type(current):
                raise ValueError(f"{key}: expected {type(current).__name__}")
            rate = key.startswith("error_rate") or key == "hallucination_rate"
            if rate and not 0.0 <= value <= 1.0:
                raise ValueError(f"{key}: expected a probability between 0 and 1")
            if key.startswith("latency") and value < 0:
                raise ValueError(f"{key}: must not be negative")
            setattr(updated, key, value)
        else:
            raise ValueError(f"{key}: unknown setting")
    for name in names:
        setattr(config, name, getattr(updated, name))


def _set_limit(limits: ModelLimits, name: str, value: Any) -> None:
    if name not in LIMIT_FIELDS:
        raise ValueError(f"{name}: expected one of {LIMIT_FIELDS}")
    if type(value) is not int or value < 1:
        raise ValueError(f"{name}: expected a positive integer")
    setattr(limits, name, value)


def model_class(model: str) -> str:
    """Opus models share one budget, Sonnet another, Haiku its own; unknown families count as
    Sonnet, the middle of the range."""
    for name in MODEL_CLASSES:
        if name in model:
            return name
    return "sonnet"


# --------------------------------------------------------------------------- token counting


def estimate_tokens(text: str) -> int:
    """About 4 characters a token for ASCII and 2 for Hebrew and other scripts, rounded up.

    Counted in quarter tokens so that truncation (``_truncate``) agrees with it exactly.
    """
    return (_quarter_tokens(text) + 3) // 4


def _quarter_tokens(text: str) -> int:
    return sum(2 if ord(ch) > 0x7F else 1 for ch in text)


MESSAGE_OVERHEAD_TOKENS = 3  # role markers around each message


@dataclass(frozen=True)
class Segment:
    """One cacheable block of the prompt, in Anthropic's caching order: tools, system, messages.

    Tokens are counted per block and summed, so every prefix has a stable size and key.
    """

    canonical: str
    tokens: int
    cache_ttl: float | None  # set when the block carries cache_control: a breakpoint


def _segments(tools: list[dict], system: list[dict], messages: list[dict]) -> list[Segment]:
    segments = [_segment(tool, "tool", _dumps(tool)) for tool in tools]
    segments += [_segment(block, "system", block["text"]) for block in system]
    for message in messages:
        for index, block in enumerate(_blocks(message)):
            text = block["text"] if block["type"] == "text" else _dumps(block)
            overhead = MESSAGE_OVERHEAD_TOKENS if index == 0 else 0
            segments.append(_segment(block, message["role"], text, overhead))
    return segments


def _segment(block: dict, where: str, text: str, overhead: int = 0) -> Segment:
    control = block.get("cache_control")
    ttl = CACHE_TTL_SECONDS.get(control.get("ttl", "5m"), 300.0) if control else None
    return Segment(f"{where}:{text}", estimate_tokens(text) + overhead, ttl)


def _dumps(block: dict) -> str:
    # cache_control marks a breakpoint; it is not part of the content that gets counted.
    content = {key: value for key, value in block.items() if key != "cache_control"}
    return json.dumps(content, sort_keys=True, ensure_ascii=False)


def _blocks(message: dict) -> list[dict]:
    content = message["content"]
    return [{"type": "text", "text": content}] if isinstance(content, str) else content


# --------------------------------------------------------------------------- requests


class ApiError(Exception):
    """An error answered in Anthropic's shape."""

    def __init__(
        self,
        status: int,
        kind: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        details: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message
        self.headers = headers or {}
        self.details = details

    def payload(self, request_id: str) -> dict[str, Any]:
        error: dict[str, Any] = {"type": self.kind, "message": self.message}
        if self.details:
            error["details"] = self.details
        return {"type": "error", "error": error, "request_id": request_id}


def invalid(message: str) -> ApiError:
    return ApiError(400, "invalid_request_error", message)


@dataclass
class ParsedRequest:
    model: str
    model_class: str
    max_tokens: int
    system_text: str
    messages: list[dict]
    tools: list[dict]
    tool_choice: dict | None
    stop_sequences: list[str]
    stream: bool
    segments: list[Segment]

    @property
    def input_tokens(self) -> int:
        return sum(segment.tokens for segment in self.segments)


def parse_request(body: Any, *, needs_max_tokens: bool) -> ParsedRequest:
    """Validate a Messages (or count_tokens) body the way Anthropic does."""
    if not isinstance(body, dict):
        raise invalid("Request body must be a JSON object")
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise invalid("model: Field required")
    max_tokens = body.get("max_tokens")
    if needs_max_tokens or max_tokens is not None:
        if type(max_tokens) is not int:
            raise invalid("max_tokens: Field required and must be an integer")
        if max_tokens < 1:
            raise invalid("max_tokens: Input should be greater than or equal to 1")
    system = _checked_system(body.get("system"))
    messages = _checked_messages(body.get("messages"))
    tools = _checked_tools(body.get("tools"))
    tool_choice = _checked_tool_choice(body.get("tool_choice"), tools)
    stop_sequences = body.get("stop_sequences") or []
    if not isinstance(stop_sequences, list) or not all(isinstance(s, str) for s in stop_sequences):
        raise invalid("stop_sequences: Input should be a list of strings")
    segments = _segments(tools, system, messages)
    breakpoints = sum(1 for segment in segments if segment.cache_ttl is not None)
    if breakpoints > MAX_CACHE_BREAKPOINTS:
        raise invalid(
            f"A maximum of {MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. "
            f"Found {breakpoints}."
        )
    if not model.startswith("claude-"):
        raise ApiError(404, "not_found_error", f"model: {model}")
    return ParsedRequest(
        model=model,
        model_class=model_class(model),
        max_tokens=max_tokens or 0,
        system_text="\n".join(block["text"] for block in system),
        messages=messages,
        tools=tools,
        tool_choice=tool_choice,
        stop_sequences=stop_sequences,
        stream=body.get("stream") is True,
        segments=segments,
    )


def _checked_system(system: Any) -> list[dict]:
    if system is None:
        return []
    if isinstance(system, str):
        return [{"type": "text", "text": system}] if system else []
    if isinstance(system, list) and all(
        isinstance(b, dict) and b.get("type") == "text" and isinstance(b.get("text"), str)
        for b in system
    ):
        for block in system:
            _check_cache_control(block, "system")
        return system
    raise invalid("system: Input should be a valid string or a list of text blocks")


def _checked_messages(messages: Any) -> list[dict]:
    if not isinstance(messages, list) or not messages:
        raise invalid("messages: at least one message is required")
    previous = None
    for index, message in enumerate(messages):
        role = message.get("role") if isinstance(message, dict) else None
        if role == "system":
            raise invalid(
                'messages: Unexpected role "system". The Messages API accepts a top-level '
                '`system` parameter, not "system" as an input message role.'
            )
        if role not in ("user", "assistant"):
            raise invalid(f"messages.{index}.role: Input should be 'user' or 'assistant'")
        if index == 0 and role != "user":
            raise invalid('messages: first message must use the "user" role')
        if role == previous:
            raise invalid(
                'messages: roles must alternate between "user" and "assistant", '
                f'but found multiple "{role}" roles in a row'
            )
        previous = role
        _check_content(message.get("content"), f"messages.{index}.content")
    return messages


def _check_content(content: Any, where: str) -> None:
    if isinstance(content, str):
        if not content.strip():
            raise invalid(f"{where}: text content blocks must be non-empty")
        return
    if not isinstance(content, list) or not content:
        raise invalid(f"{where}: Input should be a valid string or a non-empty list of blocks")
    for block in content:
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            raise invalid(f"{where}: each content block needs a type")
        if block["type"] == "text" and not (isinstance(block.get("text"), str) and block["text"]):
            raise invalid(f"{where}: text content blocks must be non-empty")
        _check_cache_control(block, where)


def _check_cache_control(block: dict, where: str) -> None:
    control = block.get("cache_control")
    if control is not None and (
        not isinstance(control, dict)
        or control.get("type") != "ephemeral"
        or control.get("ttl", "5m") not in CACHE_TTL_SECONDS
    ):
        raise invalid(f'{where}.cache_control: expected {{"type": "ephemeral", "ttl": "5m"|"1h"}}')


def _checked_tools(tools: Any) -> list[dict]:
    if tools is None:
        return []
    if not isinstance(tools, list):
        raise invalid("tools: Input should be a valid list")
    for index, tool in enumerate(tools):
        if not isinstance(tool, dict) or not isinstance(tool.get("name"), str):
            raise invalid(f"tools.{index}.name: Field required")
        if not isinstance(tool.get("input_schema"), dict):
            raise invalid(f"tools.{index}.input_schema: Field required")
        _check_cache_control(tool, f"tools.{index}")
    return tools


def _checked_tool_choice(choice: Any, tools: list[dict]) -> dict | None:
    if choice is None:
        return None
    if not isinstance(choice, dict) or choice.get("type") not in ("auto", "any", "tool", "none"):
        raise invalid("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'")
    if choice["type"] == "tool" and choice.get("name") not in {t["name"] for t in tools}:
        raise invalid(f"tool_choice: Tool '{choice.get('name')}' not found in tools")
    if choice["type"] == "any" and not tools:
        raise invalid("tool_choice: 'any' requires at least one tool")
    return choice


# --------------------------------------------------------------------------- answers
#
# A retrieval answerer, not a language model: it splits the knowledge base into facts and
# returns the ones that share the most words with the customer's last message. Enough to make
# grounding, escalation and language handling observable and repeatable.

_WORD = re.compile(r"\w+")
_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
_HEBREW_PREFIXES = frozenset("והבלמשכ")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_BULLET = re.compile(r"^(?:[-*•·]|\d+[.)])\s+")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOP_WORDS = _word_set(
    """a an the and or but if of to in on at for from by with about as is are was were be
    been am do does did have has had i me my we our you your it its this that these those
    there here what which who how can could would should will may might must please thanks
    thank hi hello hey ok okay yes no not so just also too very any some get tell know want
    like need wondering let us they them their he she his her him one
    של את על עם זה זו זאת אני אתה אתם אתן הוא היא הם הן יש אין לא כן מה מי איך גם או אם כל
    רק עוד אבל כי אל לי לך לכם לכן שלכם שלך שלי אצלכם אפשר רוצה רציתי לדעת תודה בבקשה היי
    שלום הי טוב בוקר ערב צריך צריכה אשמח יהיה היה הזה הזאת אלה אותו אותה"""
)
_GREETINGS = _word_set(
    "hi hello hey hiya howdy shalom morning evening afternoon שלום היי הי אהלן הלו בוקר ערב"
)
_GREETING_FILLER = _word_set(
    "there good all everyone guys team day טוב מה נשמע שלומך שלומכם צהריים"
)
_THANKS = _word_set("thanks thank thx תודה")
_THANKS_FILLER = _word_set("you so much very lot great ok okay cool perfect רבה מעולה סבבה אחלה")


@dataclass(frozen=True)
class _Intent:
    """Question words that ask for a kind of fact, and how to recognise such facts."""

    triggers: frozenset[str]
    strong: re.Pattern[str]  # worth 2 points to a fact
    weak: re.Pattern[str] | None = None  # worth 1


_INTENTS = (
    _Intent(  # price
        _word_set(
            """price prices pricing cost costs much fee fees charge expensive cheap pay כמה מחיר
            מחירים עולה עולים עלות לשלם תשלום יקר זול"""
        ),
        re.compile(r"[₪$€£]|ש[\"״]ח|\bnis\b|shekel|שקל", re.I),
        re.compile(r"\d"),
    ),
    _Intent(  # opening hours
        _word_set(
            """hours hour open opening close closing closed when times שעות שעה פתוח פתוחה פתוחים
            פותחים סוגרים סגור מתי"""
        ),
        re.compile(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s?(?:am|pm)\b", re.I),
        re.compile(
            r"\bopen|\bclosed?\b|hours|פתוח|סגור|שעות|sunday|monday|tuesday|wednesday|thursday"
            r"|friday|saturday|ראשון|חמישי|שישי|שבת",
            re.I,
        ),
    ),
    _Intent(  # location
        _word_set("where address located location directions איפה כתובת מיקום נמצאים"),
        re.compile(
            r"address|street|\bst\.|\broad\b|avenue|\bave\b|floor|רחוב|רח'|כתובת|קומה", re.I
        ),
    ),
    _Intent(  # booking
        _word_set("book booking appointment reserve reservation schedule לקבוע תור להזמין"),
        re.compile(r"book|appointment|reserv|schedul|תור|הזמנ|לקבוע", re.I),
    ),
)

_OPENERS = {"en": "Sure!", "he": "בשמחה!"}
_WELCOME = {"en": "You're welcome!", "he": "בכיף!"}
_DEFAULT_ESCALATION = {
    "en": "Let me check that with the team and get back to you shortly.",
    "he": "אבדוק את זה עם הצוות ואחזור אליך בהקדם.",
}
_SUMMARY_REQUEST = re.compile(r"summar|סכם|סיכום", re.I)


@dataclass(frozen=True)
class _Fact:
    text: str
    terms: frozenset[str]  # every form of every word of the fact and of its heading


# The grounding judge's system prompt starts with this marker (agents/grounding/judge.py).
JUDGE_MARKER = "<grounding_judge>"
_CLAIM_LINE = re.compile(r"^\s*(\d+)\.\s*(.+?)\s*$", re.MULTILINE)


def judge_claims(question: str) -> str:
    """A deterministic stand-in for the LLM judge: a claim is supported when every number in
    it (thousands separators ignored) appears in the knowledge base, or it has no number and
    its words do. Good enough to exercise the judge's plumbing, not to grade anything."""
    knowledge = _tagged(question, "knowledge_base") or ""
    claims = _tagged(question, "claims") or ""
    known_numbers = set(re.findall(r"\d+", knowledge.replace(",", "")))
    known_words = _terms(knowledge)
    verdicts = []
    for number, claim in _CLAIM_LINE.findall(claims):
        claim = re.sub(r"\s*\([a-z]+\)$", "", claim)  # the "(kind)" suffix
        numbers = re.findall(r"\d+", claim.replace(",", ""))
        supported = (
            all(n in known_numbers for n in numbers) if numbers else _terms(claim) <= known_words
        )
        verdicts.append(f"{number}: {'SUPPORTED' if supported else 'UNSUPPORTED'}")
    return "\n".join(verdicts)


def compose_answer(
    system_text: str,
    messages: list[dict],
    *,
    hallucination: dict[str, float] | None = None,
    seed: int = 0,
) -> str:
    """The reply to the last user message: 1-2 knowledge-base facts, a greeting, or escalation.

    ``hallucination`` (kind -> rate, see ``HALLUCINATIONS``) makes that share of customer
    replies carry one unsupported claim; the draw is seeded by ``seed`` and the request.
    """
    return compose(system_text, messages, hallucination=hallucination, seed=seed)[0]


def compose(
    system_text: str,
    messages: list[dict],
    *,
    hallucination: dict[str, float] | None = None,
    seed: int = 0,
) -> tuple[str, str | None]:
    """``compose_answer``, and the kind of the claim it invented (None when it invented none).

    Only a customer reply (a system prompt with a knowledge base) ever lies: never the
    grounding judge, a summary, or a forced tool call (``extract_tool_input``).
    """
    question = _last_user_text(messages)
    if JUDGE_MARKER in system_text:
        return judge_claims(question), None
    knowledge = _tagged(system_text, "knowledge_base")
    escalation = _tagged(system_text, "escalation")
    language = _reply_language(system_text, question)
    if knowledge is None:  # not a customer reply: a summary request or something we don't know
        if _SUMMARY_REQUEST.search(system_text) or _SUMMARY_REQUEST.search(question):
            return _summarise(question), None
        return escalation or _DEFAULT_ESCALATION[language], None
    business = _business_name(system_text)
    answer = _open_now(question, knowledge, _tagged(system_text, "local_time"), language)
    answer = answer or _customer_answer(question, knowledge, escalation, business, language)
    if not hallucination or not any(hallucination.values()):
        return answer, None
    # Keyed without the local time, which changes every minute: a seeded run replays its lies.
    rng = _request_rng(seed, _LOCAL_TIME_BLOCK.sub("", system_text), messages)
    kind = _lie_kind(hallucination, rng)
    if kind is None:
        return answer, None
    return _lie(kind, answer, knowledge, business or "", language, rng)


def _customer_answer(
    question: str, knowledge: str, escalation: str | None, business: str | None, language: str
) -> str:
    if _is_greeting(question):
        return _greeting(business, language)
    if _only(question, _THANKS, _THANKS_FILLER):
        return _WELCOME[language]
    # The business's own name is in every fact and every question; it tells nothing apart.
    excluded = _terms(business) if business else frozenset()
    facts = _best_facts(question, _facts(knowledge), excluded)
    if not facts:
        return escalation or _DEFAULT_ESCALATION[language]
    return f"{_OPENERS[language]} {' '.join(facts)}"


# "Are you open now?": answered from the knowledge base's hours and the business's local
# time in the prompt (<local_time>, conversations/services/reply.py), quoting the hours line.
_OPEN_NOW = re.compile(
    r"\bopen\s+(?:right\s+)?now\b|\bstill\s+open\b|\bopen\s+at\s+the\s+moment\b"
    r"|פתוח(?:ים|ה)?\s+(?:עכשיו|כרגע)|(?:עכשיו|כרגע)\s+פתוח",
    re.I,
)
_LOCAL_TIME_BLOCK = re.compile(r"\s*<local_time>.*?</local_time>", re.S)
_LOCAL_NOW = re.compile(r"(\d{4})-(\d{2})-(\d{2}), (\d{2}):(\d{2})")
_DAY_NAMES = (  # Monday first, as date.weekday() counts
    ("monday", "mon", "שני", "ב׳", "ב'"),
    ("tuesday", "tue", "שלישי", "ג׳", "ג'"),
    ("wednesday", "wed", "רביעי", "ד׳", "ד'"),
    ("thursday", "thu", "חמישי", "ה׳", "ה'"),
    ("friday", "fri", "שישי", "ו׳", "ו'"),
    ("saturday", "sat", "שבת", "ש׳", "ש'"),
    ("sunday", "sun", "ראשון", "א׳", "א'"),
)
_DAY = {name: index for index, names in enumerate(_DAY_NAMES) for name in names}
_DAY_TOKEN = re.compile(
    r"(?<![\w\u05d0-\u05ea])[ובל]?("
    + "|".join(sorted(map(re.escape, _DAY), key=len)[::-1])
    + r")(?![\w\u05d0-\u05ea])",
    re.I,
)
_DAY_RANGE = re.compile(r"^\s*(?:-|–|to|through|till|until|עד|ועד)\s*$", re.I)
_HOURS = re.compile(r"(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})")
_CLOSED = re.compile(r"\bclosed\b|סגור", re.I)
_EVERY_DAY = re.compile(r"\bevery\s+day\b|\bdaily\b|כל\s+(?:יום|הימים)", re.I)
_OPEN_WORDS = {
    "en": ("Yes, we're open now.", "Sorry, we're closed right now."),
    "he": ("כן, אנחנו פתוחים עכשיו.", "מצטערים, אנחנו סגורים כרגע."),
}


def _open_now(question: str, knowledge: str, local_time: str | None, language: str) -> str | None:
    """Open or closed at the business's local time, with the knowledge base's line for today;
    None when the question is not that, or the prompt or the knowledge base cannot tell."""
    now = _LOCAL_NOW.search(local_time or "")
    if not now or not _OPEN_NOW.search(question):
        return None
    year, month, day, hour, minute = map(int, now.groups())
    weekday, minutes = datetime(year, month, day).weekday(), 60 * hour + minute
    clauses = [c.strip(" -*•·:") for c in re.split(r"[\n,;]|\.\s", knowledge) if c.strip()]
    # Prefer the lines in the customer's language when the knowledge base has both.
    clauses.sort(key=lambda clause: bool(_HEBREW_LETTER.search(clause)) != (language == "he"))
    for clause in clauses:
        if weekday not in _clause_days(clause):
            continue
        hours = _HOURS.search(clause)
        if hours:
            start_h, start_m, end_h, end_m = map(int, hours.groups())
            end = 60 * end_h + end_m
            end = 1440 if end in (0, 1439) else end  # "until 00:00" or "23:59": the whole day
            is_open = 60 * start_h + start_m <= minutes < end
        elif _CLOSED.search(clause):
            is_open = False
        else:
            continue
        return f"{_OPEN_WORDS[language][0 if is_open else 1]} {clause}"
    return None


def _clause_days(clause: str) -> set[int]:
    """The weekdays a line of hours is about: "Sunday to Thursday", "א׳-ה׳", "Friday"."""
    if _EVERY_DAY.search(clause):
        return set(range(7))
    found = list(_DAY_TOKEN.finditer(clause))
    days = {_DAY[m.group(1).lower()] for m in found}
    for first, second in zip(found, found[1:], strict=False):
        if _DAY_RANGE.match(clause[first.end() : second.start()]):
            day, last = _DAY[first.group(1).lower()], _DAY[second.group(1).lower()]
            while day != last:  # Sunday to Thursday wraps past Saturday
                days.add(day)
                day = (day + 1) % 7
    return days


def _message_text(message: dict) -> str:
    return "\n".join(b["text"] for b in _blocks(message) if b["type"] == "text")


def _last_user_text(messages: list[dict]) -> str:
    return next((_message_text(m) for m in reversed(messages) if m["role"] == "user"), "")


def _tagged(text: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}>\s*(.*?)\s*</{tag}>", text, re.S)
    return match.group(1) if match else None


def _reply_language(system_text: str, question: str) -> str:
    match = re.search(r"Reply in ([^\n.]+)", system_text)
    declared = match.group(1).strip().lower() if match else ""
    if "hebrew" in declared or "עברית" in declared or declared in ("he", "iw", "he-il"):
        return "he"
    if "english" in declared or declared in ("en", "en-us", "en-gb"):
        return "en"
    return "he" if _HEBREW_LETTER.search(question) else "en"  # "the customer's language"


def _business_name(system_text: str) -> str | None:
    match = re.search(r"assistant of (.+?)\. You answer", system_text) or re.search(
        r"assistant of ([^\n]+?)\.(?:\s|$)", system_text
    )
    return match.group(1).strip() if match else None


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1 or w.isdigit()]


def _forms(word: str) -> frozenset[str]:
    """The word and its bare form: without one Hebrew prefix letter, or an English plural.

    Both are kept because a leading ה or מ may be part of the root (מחיר), not a prefix.
    """
    forms = {word}
    if len(word) > 3 and _HEBREW_LETTER.match(word) and word[0] in _HEBREW_PREFIXES:
        forms.add(word[1:])
    elif len(word) > 3 and word.isascii() and word.endswith("s"):
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
    return frozenset(forms)


def _terms(text: str) -> frozenset[str]:
    return frozenset(form for word in _words(text) for form in _forms(word))


def _facts(knowledge: str) -> list[_Fact]:
    """Lines and sentences of the knowledge base; a "Heading:" line lends its words to the
    facts under it (until a blank line) without being quoted itself."""
    facts: list[_Fact] = []
    heading: frozenset[str] = frozenset()
    for raw in knowledge.splitlines():
        line = _BULLET.sub("", raw.strip())
        if not line:
            heading = frozenset()
        elif line.endswith(":") or line.startswith("#"):
            heading = _terms(line)
        else:
            for sentence in _SENTENCE_END.split(line):
                if sentence.strip():
                    facts.append(_Fact(sentence.strip(), _terms(sentence) | heading))
    return facts


def _best_facts(question: str, facts: list[_Fact], excluded: frozenset[str]) -> list[str]:
    content: list[frozenset[str]] = []
    intents: set[int] = set()
    for word in dict.fromkeys(_words(question)):
        forms = _forms(word)
        if forms & _STOP_WORDS:
            continue
        asked = {i for i, intent in enumerate(_INTENTS) if forms & intent.triggers}
        if asked:
            intents |= asked
        elif not forms & excluded:
            content.append(forms)
    if not content and not intents:
        return []
    scored: list[tuple[int, int, str]] = []
    for index, fact in enumerate(facts):
        overlap = sum(1 for forms in content if forms & fact.terms)
        # A question about something specific needs a fact that mentions it: "how much is a
        # manicure" must not be answered with the haircut price.
        if content and not overlap:
            continue
        bonus = sum(_intent_bonus(_INTENTS[i], fact.text) for i in intents)
        if overlap or bonus:
            scored.append((3 * overlap + bonus, index, fact.text))
    if not scored:
        return []
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen = scored[:1] + [s for s in scored[1:2] if 2 * s[0] >= scored[0][0]]
    return [text for _, _, text in sorted(chosen, key=lambda item: item[1])]  # in KB order


def _intent_bonus(intent: _Intent, text: str) -> int:
    if intent.strong.search(text):
        return 2
    return 1 if intent.weak and intent.weak.search(text) else 0


def _is_greeting(text: str) -> bool:
    return _only(text, _GREETINGS, _GREETING_FILLER)


def _only(text: str, words: frozenset[str], filler: frozenset[str]) -> bool:
    """Whether the text is one of ``words``, give or take some ``filler``: "hi there"."""
    found = _words(text)
    return any(w in words for w in found) and all(w in words or w in filler for w in found)


def _greeting(business: str | None, language: str) -> str:
    if language == "he":
        who = f" כאן העוזר של {business} בוואטסאפ." if business else ""
        return f"שלום!{who} איך אפשר לעזור?"
    who = f" This is the WhatsApp assistant of {business}." if business else ""
    return f"Hi!{who} How can I help you today?"


def _summarise(text: str, limit: int = 60) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _truncate(text: str, max_tokens: int) -> str:
    budget, kept = 4 * max_tokens, 0
    for index, ch in enumerate(text):
        kept += 2 if ord(ch) > 0x7F else 1
        if kept > budget:
            return text[:index]
    return text


# --------------------------------------------------------------------------- hallucination
#
# A share of customer replies can be made to carry one claim that no knowledge base supports,
# so that the demo, the fault drill and the end-to-end tests see the validator hold a reply,
# queue it for review or replace it with the fallback, for real. Whether a reply lies, and
# how, is drawn from a generator seeded by the config's seed and the request itself: the same
# request always gets the same answer, and a replayed drill the same lies.


@dataclass(frozen=True)
class Lie:
    """One unsupported claim in both languages.

    ``when``: the knowledge base must match it for the claim to contradict it (a policy);
    ``unless``: a knowledge base that matches it might support the claim, so it is not told.
    Placeholders: {money} an invented price, {minutes} an invented duration, {slug} and
    {handle} from the business's name, {code} a number, {address} the knowledge base's
    street with a wrong house number.
    """

    en: str
    he: str
    when: str = ""
    unless: str = ""


# Every claim the simulator can invent, by kind: the one table to read or extend.
HALLUCINATIONS: dict[str, tuple[Lie, ...]] = {
    # When the answer quotes a price, that price is changed in place instead (KB price plus
    # an offset that is no number of the knowledge base).
    "number": (
        Lie("The price for that is {money}.", "המחיר לזה הוא {money}."),
        Lie("It takes about {minutes} minutes.", "זה לוקח בערך {minutes} דקות."),
    ),
    # The answer's price is swapped for another knowledge-base sentence's; an answer without
    # a price gets a priced knowledge-base sentence ({fact}) with another sentence's price.
    "binding": (Lie("{fact}", "{fact}"),),
    "action": (
        Lie(
            "Done ✅ I've booked you in for Tuesday at 10:00, see you then!",
            "רשמתי אותך ליום שלישי ב-10:00 ✅",
        ),
        Lie("I've sent you a confirmation by e-mail ✅", "שלחתי לך אישור במייל ✅"),
        Lie(
            "I've passed your details to the team, someone will call you within the hour.",
            "העברתי את הפרטים שלך לצוות, מישהו יתקשר אליך תוך שעה.",
            unless=r"within the hour|call you back|תוך שעה|נחזור אליך",
        ),
    ),
    "contact": (
        Lie("Our e-mail is hello@{slug}-mail.example", "המייל שלנו: hello@{slug}-mail.example"),
        Lie(
            "Our website is https://www.{slug}-online.example",
            "האתר שלנו: https://www.{slug}-online.example",
        ),
        Lie("Follow us on Instagram: @{handle}_sim 📸", "עקבו אחרינו באינסטגרם: @{handle}_sim 📸"),
        Lie("Your discount code is SIM{code} 😊", "קוד ההנחה שלך: SIM{code} 😊"),
        Lie("Our address is {address}.", "הכתובת שלנו: {address}."),
    ),
    "entity": (
        Lie(
            "We also take PayPal and Apple Pay.",
            "אפשר לשלם גם בפייפאל ובאפל פיי.",
            unless=r"paypal|apple\s*pay|פייפאל|אפל\s*פיי",
        ),
        Lie("We work with Maccabi too 👍", "אנחנו עובדים גם עם מכבי 👍", unless=r"maccabi|מכבי"),
        Lie("We also have a branch in Haifa.", "יש לנו גם סניף בחיפה.", unless=r"haifa|חיפה"),
    ),
    "offer": (
        Lie(
            "Your first visit is on the house 🎁",
            "הביקור הראשון עלינו, בחינם 🎁",
            unless=r"on the house|first visit|ביקור\S* ה?ראשון|עלינו",
        ),
        Lie(
            "The first consultation is free 🎁",
            "הייעוץ הראשון עלינו, בחינם",
            unless=r"consultation|ייעוץ|עלינו",
        ),
        Lie(
            "We'll beat any quote you get 💪",
            "נשבור כל הצעת מחיר שתקבלו 💪",
            unless=r"\bbeat\b|\bmatch\b|הצעת מחיר",
        ),
    ),
    # The opposite of a policy the knowledge base states; with none stated, the first.
    "policy": (
        Lie(
            "No need to book, just drop in whenever you like 😊",
            "אין צורך לקבוע תור, פשוט תקפצו מתי שנוח לכם 😊",
            when=r"appointments? only|by appointment|walk-?ins?|book (?:ahead|in advance)"
            r"|בתיאום מראש|רק (?:ב|עם )?תור|לפי תור|בתיאום בלבד|קביעת תור",
            unless=r"walk-?ins? (?:are )?welcome|no (?:appointment|booking)s? (?:is |are )?"
            r"(?:needed|necessary|required)|without (?:an )?appointment|בלי תור|ללא תור"
            r"|אין צורך (?:לקבוע |ב)?תור",
        ),
        Lie(
            "Sure, bring your dog along, pets are welcome 🐶",
            "אפשר להגיע עם הכלב, חיות מחמד מתקבלות בברכה 🐶",
            when=r"\bno (?:pets|dogs|animals)\b|(?:pets|dogs|animals) (?:are )?not allowed"
            r"|(?:ללא|בלי|אין כניסה ל|אסור להביא) ?(?:חיות|בעלי חיים|כלבים)",
        ),
        Lie(
            "No need to cancel ahead, changes on the day are fine.",
            "אין צורך לבטל מראש, אפשר לשנות גם באותו יום.",
            when=r"cancel\w*.{0,40}\b\d+\s*hours?|לבטל.{0,40}\d+ שעות|ביטול.{0,40}\d+ שעות",
        ),
        Lie(
            "A deposit is required to hold your booking.",
            "צריך להשאיר מקדמה כדי לשריין את התור.",
            when=r"\bno deposit|ללא מקדמה|בלי מקדמה|אין (?:צורך ב)?מקדמה",
        ),
    ),
}

_KB_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "₪150-200", "20-30 minutes": not a phone number (03-555-1234) nor hours (09:00-19:00).
_KB_RANGE = re.compile(
    r"(?<![\d:.-])(\d+(?:\.\d+)?)\s*(?:-|–|—|to|עד)\s*[₪$€£]?\s*(\d+(?:\.\d+)?)(?![\d:-])"
)
_AMOUNT = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_PRICE_IN_TEXT = re.compile(
    rf"[₪$€£]\s?{_AMOUNT}|{_AMOUNT}(?=\s?(?:₪|ש[\"״]ח|nis\b|NIS\b|shekels?\b|שקל))"
)
_CURRENCY = re.compile(r"[₪$€£]")
_ADDRESS_EN = re.compile(
    r"\b(\d{1,4})\s+((?:[A-Z][\w'-]*\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?"
    r"|Boulevard|Blvd\.?))"
)
_ADDRESS_HE = re.compile(
    r"(?<![\u05d0-\u05ea])[בהו]?((?:רחוב|רח['׳]|שדרות|שד['׳])\s+[\u05d0-\u05ea\"״׳'-]+"
    r"(?:\s+[\u05d0-\u05ea\"״׳'-]+)?)\s+(\d{1,4})(?!\d)"
)
_PRICE_OFFSETS = (15, 25, 35, 45, 55, 65, 75, 85)
_MINUTES = (25, 40, 50, 55, 70, 75, 80, 100, 110, 130)


def _request_rng(seed: int, system_text: str, messages: list[dict]) -> random.Random:
    """A generator of its own for one request: the same request, the same draws."""
    key = json.dumps([seed, system_text, messages], sort_keys=True, ensure_ascii=False)
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def _lie_kind(rates: dict[str, float], rng: random.Random) -> str | None:
    """At most one kind a reply: kind k with probability rates[k] (scaled down when the
    rates add up to more than 1, so that every reply then carries exactly one claim)."""
    total = sum(rates.get(kind, 0.0) for kind in HALLUCINATION_KINDS)
    if total <= 0:
        return None
    draw = rng.random() * max(1.0, total)
    for kind in HALLUCINATION_KINDS:
        draw -= rates.get(kind, 0.0)
        if draw < 0:
            return kind
    return None


def _lie(
    kind: str, answer: str, knowledge: str, business: str, language: str, rng: random.Random
) -> tuple[str, str]:
    """The answer with one claim of ``kind``; a kind this knowledge base leaves nothing to
    invent for (binding with one price, every entity named) falls back to a number."""
    numbers = _Numbers.of(knowledge)
    if kind == "binding":
        told = _wrong_binding(answer, knowledge, language, rng)
        if told is not None:
            return told, kind
        kind = "number"
    if kind == "number":
        woven = _price_changed(answer, numbers, rng)
        if woven is not None:
            return woven, kind
    lies = _applicable(kind, knowledge)
    values = _placeholders(knowledge, business, language, numbers, rng)
    lies = [lie for lie in lies if _fillable(getattr(lie, language), values)]
    if not lies:
        return _lie("number", answer, knowledge, business, language, rng)
    claim = getattr(rng.choice(lies), language).format(**values)
    return f"{answer} {claim}", kind


def _applicable(kind: str, knowledge: str) -> list[Lie]:
    table = HALLUCINATIONS[kind]
    told = [lie for lie in table if not (lie.unless and re.search(lie.unless, knowledge, re.I))]
    if kind != "policy":
        return told
    contradicting = [lie for lie in told if re.search(lie.when, knowledge, re.I)]
    return contradicting or [lie for lie in told[:1] if lie is table[0]]


def _fillable(template: str, values: dict[str, str]) -> bool:
    names = re.findall(r"{(\w+)}", template)
    return all(values.get(name) for name in names)


@dataclass(frozen=True)
class _Numbers:
    """What the knowledge base states as numbers, so an invented one is none of them."""

    values: frozenset[float]
    ranges: tuple[tuple[float, float], ...]
    prices: tuple[float, ...]
    currency: str

    @classmethod
    def of(cls, knowledge: str) -> _Numbers:
        plain = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", knowledge)
        ranges = tuple(
            (min(float(a), float(b)), max(float(a), float(b))) for a, b in _KB_RANGE.findall(plain)
        )
        prices = tuple(sorted(_prices(knowledge)))
        currency = _CURRENCY.search(knowledge)
        return cls(
            frozenset(float(n) for n in _KB_NUMBER.findall(plain)),
            ranges,
            prices,
            currency.group() if currency else "₪",
        )

    def unknown(self, value: float) -> bool:
        return value not in self.values and not any(lo <= value <= hi for lo, hi in self.ranges)

    def invented_price(self, base: float, rng: random.Random) -> int:
        offsets = list(_PRICE_OFFSETS)
        rng.shuffle(offsets)
        for offset in offsets:
            if self.unknown(base + offset):
                return int(base + offset)
        return int(max(self.values, default=0) + 1 + rng.randint(1, 9) * 10)

    def invented_minutes(self, rng: random.Random) -> int | None:
        minutes = list(_MINUTES)
        rng.shuffle(minutes)
        return next(
            (m for m in minutes if self.unknown(m) and self.unknown(m / 60)),
            None,
        )


def _price_changed(text: str, numbers: _Numbers, rng: random.Random) -> str | None:
    """The first price quoted in ``text`` made up: the knowledge base's price plus an offset."""
    match = _PRICE_IN_TEXT.search(text)
    if match is None:
        return None
    value = float((match.group(1) or match.group(2)).replace(",", ""))
    return _with_price(text, numbers.invented_price(value, rng))


def _wrong_binding(answer: str, knowledge: str, language: str, rng: random.Random) -> str | None:
    """A price of another knowledge-base sentence on the subject of a priced one: "Men's
    haircut: ₪180" when ₪180 is the women's price. Changed in place when the answer quotes
    the sentence, else appended; None when the knowledge base has no two prices to mix up."""
    priced = [(fact.text, _prices(fact.text)) for fact in _facts(knowledge)]
    priced = [(text, values) for text, values in priced if values]
    quoted = _prices(answer)
    scripts: dict[float, set[bool]] = {}
    for text, values in priced:
        for value in values:
            scripts.setdefault(value, set()).add(_is_hebrew(text))

    def wrong_for(target: str) -> list[float]:
        # A price the other language's sentences state too would read as a translation; one
        # from a sentence sharing a word with the target ("blow-dry") may be its price too.
        own, hebrew, words = _prices(target), _is_hebrew(target), _content_terms(target)
        values = sorted(
            value
            for value, where in scripts.items()
            if where == {hebrew} and value not in own and value not in quoted
        )
        unrelated = [
            value
            for value in values
            if not any(value in held and words & _content_terms(text) for text, held in priced)
        ]
        return unrelated or values

    for text, _ in priced:
        if text in answer and (candidates := wrong_for(text)):
            return answer.replace(text, _with_price(text, rng.choice(candidates)), 1)
    in_language_first = sorted(priced, key=lambda item: _is_hebrew(item[0]) != (language == "he"))
    for text, _ in in_language_first:
        if candidates := wrong_for(text):
            return f"{answer} {_with_price(text, rng.choice(candidates))}"
    return None


def _content_terms(text: str) -> frozenset[str]:
    return frozenset(t for t in _terms(text) if t not in _STOP_WORDS and not t.isdigit())


def _is_hebrew(text: str) -> bool:
    return bool(_HEBREW_LETTER.search(text))


def _with_price(text: str, value: float) -> str:
    """``text`` with its first price's number replaced."""
    found = _PRICE_IN_TEXT.search(text)
    assert found is not None  # only priced text comes here
    group = 1 if found.group(1) else 2
    return text[: found.start(group)] + _plain(value) + text[found.end(group) :]


def _prices(text: str) -> set[float]:
    return {float((a or b).replace(",", "")) for a, b in _PRICE_IN_TEXT.findall(text)}


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _placeholders(
    knowledge: str, business: str, language: str, numbers: _Numbers, rng: random.Random
) -> dict[str, str]:
    slug = "-".join(re.findall(r"[a-z0-9]+", business.lower())) or "our-shop"
    base = rng.choice(numbers.prices) if numbers.prices else 100.0
    minutes = numbers.invented_minutes(rng)
    return {
        "money": f"{numbers.currency}{numbers.invented_price(base, rng)}",
        "minutes": str(minutes) if minutes else "",
        "slug": slug,
        "handle": slug.replace("-", "_"),
        "code": str(rng.randint(10, 99)),
        "address": _wrong_address(knowledge, language, numbers),
    }


def _wrong_address(knowledge: str, language: str, numbers: _Numbers) -> str:
    """The knowledge base's street with a house number it does not give, or ""."""
    english = _ADDRESS_EN.search(knowledge)
    hebrew = _ADDRESS_HE.search(knowledge)
    if hebrew is not None and (language == "he" or english is None):
        return f"{hebrew.group(1)} {_other_house(int(hebrew.group(2)), numbers)}"
    if english is not None:
        return f"{_other_house(int(english.group(1)), numbers)} {english.group(2)}"
    return ""


def _other_house(house: int, numbers: _Numbers) -> int:
    return next((n for n in range(house + 2, house + 100) if numbers.unknown(n)), house + 100)


# --------------------------------------------------------------------------- handing over
#
# The reply path offers the model a tool to hand the conversation to people
# (conversations/services/handoff.py, HAND_TO_TEAM_TOOL). Offered it, the simulator calls it
# where a careful model would: for a question its knowledge base does not answer, a request
# for a person, a complaint, or media it cannot read. Not offered it, it answers as before
# (with the escalation text where the knowledge base has no answer).

HANDOFF_TOOL_NAME = "hand_to_team"
_WANTS_A_PERSON = re.compile(
    r"\b(?:human|real person|a person|representative|manager|talk to (?:someone|somebody)"
    r"|speak (?:to|with) (?:someone|somebody|a person|a human))\b"
    r"|נציג|בן\s?אדם|אדם אמיתי|לדבר עם מישהו|מנהל",
    re.I,
)
_COMPLAINT = re.compile(
    r"\b(?:complain\w*|complaint|terrible|awful|horrible|unacceptable|disappointed"
    r"|disappointing|rude|worst|ruined|furious|angry|not happy|unhappy)\b"
    r"|תלונה|להתלונן|מתלונן|מתלוננת|גרוע|מאוכזב|לא מרוצה|חצוף|חצופה|הרסו|זלזול",
    re.I,
)
# The placeholders the WhatsApp parser stores for media (conversations/whatsapp/parser.py).
_UNREADABLE = re.compile(r"^\[(?:voice message|audio|image|video|document|sticker)\b", re.M)


def handoff_reason(system_text: str, messages: list[dict]) -> str | None:
    """Why a customer reply should hand the conversation to people, or None to answer it."""
    if JUDGE_MARKER in system_text:
        return None
    knowledge = _tagged(system_text, "knowledge_base")
    if knowledge is None:  # a summary, an extraction: not a customer reply
        return None
    question = _last_user_text(messages)
    if _WANTS_A_PERSON.search(question):
        return "asked_for_person"
    if _COMPLAINT.search(question):
        return "complaint"
    if _UNREADABLE.search(question):
        return "cannot_do"
    language = _reply_language(system_text, question)
    unanswered = _tagged(system_text, "escalation") or _DEFAULT_ESCALATION[language]
    if compose(system_text, messages)[0] == unanswered:
        return "not_in_knowledge_base"
    return None


def _handoff_reply(request: ParsedRequest, tool: dict, reason: str) -> tuple[list[dict], int]:
    """A short sentence for the customer, then the tool call, as models usually write it."""
    enum = tool.get("input_schema", {}).get("properties", {}).get("reason", {}).get("enum")
    if enum and reason not in enum:
        reason = enum[0]
    question = _last_user_text(request.messages)
    language = _reply_language(request.system_text, question)
    text = _tagged(request.system_text, "escalation") or _DEFAULT_ESCALATION[language]
    arguments = {"reason": reason, "note": _summarise(question, 25)}
    blocks = [
        {"type": "text", "text": text},
        {"type": "tool_use", "id": _new_id("toolu_"), "name": tool["name"], "input": arguments},
    ]
    return blocks, estimate_tokens(text) + estimate_tokens(json.dumps(arguments))


# --------------------------------------------------------------------------- tool input
#
# For a forced tool call, fill the schema's properties from what the customer wrote. The
# property names decide which extractor runs: "customer_phone" gets the phone number.

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d\s().-]{6,}\d(?!\w)")
_NAME = (
    re.compile(
        r"(?i:\b(?:my name is|my name's|i am|i'm|this is|call me))\s+"
        r"([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
    ),
    re.compile(
        r"(?:קוראים לי|השם שלי הוא|השם שלי|שמי)\s+([\u05d0-\u05ea'\"]+(?:\s+[\u05d0-\u05ea'\"]+)?)"
    ),
)
_HEBREW_VERBS = _word_set("רוצה רוצים מעוניין מעוניינת צריך צריכה מחפש מחפשת ואני")
_MONEY = (
    r"(?:[₪$€]\s?\d[\d,.]*\s?k?|\d[\d,.]*\s?k?\s?(?:₪|\$|€|nis\b|ils\b|shekels?|dollars?"
    r"|ש[\"״]ח|שקלים|שקל|אלף))"
)
_BUDGET = re.compile(rf"(?i:budget|תקציב)\D{{0,25}}?({_MONEY}|\d[\d,.]*\s?k?)", re.I)
_ANY_MONEY = re.compile(_MONEY, re.I)
_DAYS = "sunday|monday|tuesday|wednesday|thursday|friday|saturday"
_TIMELINE = re.compile(
    r"(?i:\b(?:asap|urgent(?:ly)?|today|tonight|tomorrow|this (?:week|weekend|month)"
    rf"|next (?:week|weekend|month|year|{_DAYS})|(?:in|within) (?:a|one|two|three|\d+) "
    rf"(?:days?|weeks?|months?)|on (?:{_DAYS})|by the end of the (?:week|month))\b)"
    r"|בשבוע הבא|בחודש הבא|בסוף השבוע|השבוע|החודש|מחרתיים|מחר|היום|הערב|דחוף|בהקדם"
)
_NEED = (
    re.compile(
        r"(?i:\b(?:i need|i want|i'd like|i would like|i'm looking for|i am looking for"
        r"|looking for|i'm interested in|interested in))\s+(?:to\s+)?([^.!?\n,]+)"
    ),
    re.compile(
        r"(?:אני צריכה|אני צריך|אני רוצה|אני מחפשת|אני מחפש|מעוניינת ב|מעוניין ב|מחפשת|מחפש"
        r"|צריכה|צריך|רוצה)\s*([^.!?\n,]+)"
    ),
)
# (extractor, substrings of property names it fills), first match wins.
_LEAD_FIELDS = (
    ("email", ("email",)),
    ("phone", ("phone", "mobile", "telephone", "whatsapp")),
    ("name", ("name",)),
    ("budget", ("budget",)),
    ("timeline", ("timeline", "timeframe", "when", "urgency", "deadline", "date")),
    ("need", ("need", "interest", "service", "request", "product", "looking_for")),
)
_AGENT_LINE = re.compile(r"\s*(?:assistant|agent|bot|business|ai)\s*:", re.I)


def extract_tool_input(schema: dict, messages: list[dict]) -> dict[str, Any]:
    """Every property of the schema: a value found in the customer's turns, or None.

    Numeric and enum properties (a lead score, a temperature) are graded by how many of the
    lead fields were found, assuming enums run from cold to hot.
    """
    text = _customer_text(messages)
    properties = schema.get("properties") or {}
    result: dict[str, Any] = {}
    for name in properties:
        key = next((k for k, parts in _LEAD_FIELDS if any(p in name.lower() for p in parts)), None)
        if key:
            result[name] = _EXTRACTORS[key](text)
    share = sum(v is not None for v in result.values()) / len(result) if result else 0.0
    for name, spec in properties.items():
        if name not in result:
            result[name] = _graded(spec if isinstance(spec, dict) else {}, share)
    return result


def _customer_text(messages: list[dict]) -> str:
    # A transcript pasted into one user turn carries the agent's lines too; the business's own
    # phone number there is not the lead's.
    lines = [
        line
        for message in messages
        if message["role"] == "user"
        for line in _message_text(message).splitlines()
        if not _AGENT_LINE.match(line)
    ]
    return "\n".join(lines)


def _extract_name(text: str) -> str | None:
    for pattern in _NAME:
        if match := pattern.search(text):
            first, *rest = match.group(1).split()
            if rest and (rest[0] in _STOP_WORDS or rest[0] in _HEBREW_VERBS):
                rest = []
            return " ".join([first, *rest])
    return None


def _extract_phone(text: str) -> str | None:
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 9 <= len(digits) <= 15:
            return ("+" if match.group().startswith("+") else "") + digits
    return None


def _extract_first(pattern: re.Pattern[str], text: str, group: int = 0) -> str | None:
    match = pattern.search(text)
    return match.group(group).strip() if match else None


def _extract_need(text: str) -> str | None:
    for pattern in _NEED:
        if match := pattern.search(text):
            return match.group(1).strip()[:120] or None
    return None


_EXTRACTORS = {
    "email": lambda text: _extract_first(_EMAIL, text),
    "phone": _extract_phone,
    "name": _extract_name,
    "budget": lambda text: _extract_first(_BUDGET, text, 1) or _extract_first(_ANY_MONEY, text),
    "timeline": lambda text: _extract_first(_TIMELINE, text),
    "need": _extract_need,
}


def _graded(spec: dict, share: float) -> Any:
    if isinstance(spec.get("enum"), list) and spec["enum"]:
        options = spec["enum"]
        return options[min(len(options) - 1, int(share * len(options)))]
    if spec.get("type") in ("integer", "number"):
        low, high = spec.get("minimum", 0), spec.get("maximum", 100)
        value = low + share * (high - low)
        return round(value) if spec["type"] == "integer" else value
    return None


# --------------------------------------------------------------------------- rate limits


class TokenBucket:
    """Refilled continuously at capacity per minute; may go below zero when output tokens are
    charged after the fact, as Anthropic's do."""

    def __init__(self, per_minute: int, now: float) -> None:
        self.capacity = float(per_minute)
        self.level = self.capacity
        self.updated = now

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.updated) * self.capacity / 60)
        self.updated = now

    def seconds_until(self, amount: float) -> float:
        return max(0.0, (amount - self.level) * 60 / self.capacity)

    def headers(self, name: str, wall_now: float) -> dict[str, str]:
        prefix = f"anthropic-ratelimit-{name}"
        return {
            f"{prefix}-limit": str(int(self.capacity)),
            f"{prefix}-remaining": str(max(0, math.floor(self.level))),
            f"{prefix}-reset": _rfc3339(wall_now + self.seconds_until(self.capacity)),
        }


@dataclass
class _ClassBudget:
    limits: ModelLimits
    requests: TokenBucket
    input: TokenBucket
    output: TokenBucket

    @classmethod
    def full(cls, limits: ModelLimits, now: float) -> _ClassBudget:
        return cls(
            dataclasses.replace(limits),
            TokenBucket(limits.rpm, now),
            TokenBucket(limits.input_tpm, now),
            TokenBucket(limits.output_tpm, now),
        )

    def refill(self, now: float) -> None:
        for bucket in (self.requests, self.input, self.output):
            bucket.refill(now)

    def headers(self) -> dict[str, str]:
        wall_now = time.time()
        headers = self.requests.headers("requests", wall_now)
        headers |= self.input.headers("input-tokens", wall_now)
        headers |= self.output.headers("output-tokens", wall_now)
        tightest = min((self.input, self.output), key=lambda bucket: bucket.level)
        headers |= tightest.headers("tokens", wall_now)
        return headers


def _rfc3339(timestamp: float) -> str:
    return datetime.fromtimestamp(math.ceil(timestamp), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- prompt cache


@dataclass(frozen=True)
class CachePlan:
    read: int = 0
    written: int = 0
    keys: tuple[tuple[str, float], ...] = ()  # (prefix key, ttl) to store or refresh


class PromptCache:
    """Which prompt prefixes are warm. A key covers the model and every block up to a
    breakpoint, so changing anything earlier misses, as with Anthropic."""

    def __init__(self) -> None:
        self._expiry: dict[str, float] = {}

    def plan(self, model: str, segments: list[Segment], minimum: int, now: float) -> CachePlan:
        digest = hashlib.sha256(model.encode())
        prefix, breakpoints = 0, []
        for segment in segments:
            digest.update(b"\x00" + segment.canonical.encode())
            prefix += segment.tokens
            if segment.cache_ttl is not None and prefix >= minimum:
                breakpoints.append((prefix, digest.copy().hexdigest(), segment.cache_ttl))
        if not breakpoints:
            return CachePlan()
        read = max((n for n, key, _ in breakpoints if self._expiry.get(key, 0) > now), default=0)
        return CachePlan(read, breakpoints[-1][0] - read, tuple((k, t) for _, k, t in breakpoints))

    def commit(self, plan: CachePlan, now: float) -> None:
        for key, ttl in plan.keys:  # a read refreshes the entry's lifetime too
            self._expiry[key] = max(self._expiry.get(key, 0), now + ttl)
        if len(self._expiry) > 10_000:
            self._expiry = {k: t for k, t in self._expiry.items() if t > now}


# --------------------------------------------------------------------------- the simulator


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


def _json(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(status, json.dumps(payload, ensure_ascii=False).encode(), headers or {})


def _new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:24]


class Simulator:
    """The API's state and behaviour, independent of sockets: budgets, cache, faults, stats."""

    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.config_lock = threading.Lock()
        self._lock = threading.Lock()  # budgets, cache, random draws and stats
        self._reset_state()

    def _reset_state(self) -> None:
        self._faults = random.Random(self.config.seed)
        self._jitter = random.Random(self.config.seed + 1)
        self._budgets: dict[str, _ClassBudget] = {}
        self._cache = PromptCache()
        self._stats: Counter[str] = Counter()
        self._by_status: Counter[int] = Counter()
        self._by_model_class: Counter[str] = Counter()
        self._by_hallucination: Counter[str] = Counter()

    def update_config(self, changes: dict[str, Any]) -> dict[str, Any]:
        with self.config_lock:
            apply_config_changes(self.config, changes)
            if "seed" in changes:
                with self._lock:
                    self._faults = random.Random(self.config.seed)
                    self._jitter = random.Random(self.config.seed + 1)
            return dataclasses.asdict(self.config)

    def reset(self) -> None:
        """Forget budgets, cached prefixes and counters, as after a quiet hour."""
        with self.config_lock, self._lock:
            self._reset_state()

    def stats_snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                **{key: self._stats[key] for key in _STAT_KEYS},
                "by_status": dict(self._by_status),
                "by_model_class": dict(self._by_model_class),
                "by_hallucination": dict(self._by_hallucination),
            }

    def _config_snapshot(self) -> SimulatorConfig:
        with self.config_lock:
            return copy.deepcopy(self.config)

    # ----------------------------------------------------------------- routing

    def handle(self, method: str, path: str, headers: Message, raw: bytes) -> Response:
        route = (method, path.rstrip("/"))
        if route == ("POST", "/v1/messages"):
            return self._messages(headers, raw)
        if route == ("POST", "/v1/messages/count_tokens"):
            return self._count_tokens(headers, raw)
        if route == ("GET", "/_simulator/stats"):
            return _json(200, self.stats_snapshot())
        if route == ("GET", "/_simulator/config"):
            with self.config_lock:
                return _json(200, dataclasses.asdict(self.config))
        if route == ("POST", "/_simulator/config"):
            try:
                changes = json.loads(raw or b"{}")
                if not isinstance(changes, dict):
                    raise ValueError("expected a JSON object of settings")
                return _json(200, self.update_config(changes))
            except ValueError as error:  # JSONDecodeError is a ValueError
                return _json(400, {"error": str(error)})
        if route == ("POST", "/_simulator/reset"):
            self.reset()
            return _json(200, self.stats_snapshot())
        error = ApiError(404, "not_found_error", f"{method} {path}: no such endpoint")
        request_id = _new_id("req_")
        return _json(404, error.payload(request_id), {"request-id": request_id})

    # ----------------------------------------------------------------- /v1/messages

    def _messages(self, headers: Message, raw: bytes) -> Response:
        config = self._config_snapshot()
        request_id = _new_id("req_")
        with self._lock:
            self._stats["requests"] += 1
            self._stats["in_flight"] += 1
            self._stats["max_in_flight"] = max(
                self._stats["max_in_flight"], self._stats["in_flight"]
            )
        error: ApiError | None = None
        try:
            response = self._answer(config, headers, raw, request_id)
        except Exception as raised:
            if not isinstance(raised, ApiError):
                # A bug in the simulator: the client sees an upstream 500, the log the cause.
                traceback.print_exc()
                raised = ApiError(500, "api_error", "Internal server error")
            error = raised
            response = _json(
                error.status, error.payload(request_id), {"request-id": request_id, **error.headers}
            )
        with self._lock:
            self._stats["in_flight"] -= 1
            self._by_status[response.status] += 1
            self._stats[_outcome(response.status)] += 1
            if response.status == 429 and error and error.details:
                self._stats["spend_limited"] += 1
        return response

    def _answer(
        self, config: SimulatorConfig, headers: Message, raw: bytes, request_id: str
    ) -> Response:
        if config.outage:
            raise ApiError(529, "overloaded_error", "Overloaded")
        _authenticate(headers)
        request = parse_request(_decode(raw), needs_max_tokens=True)
        with self._lock:
            self._by_model_class[request.model_class] += 1
            # Two draws every time, so a seeded drill replays the same faults whatever the rates.
            overloaded = self._faults.random() < config.error_rate_529
            broken = self._faults.random() < config.error_rate_500
        if overloaded or broken:
            self._sleep(config)
            if overloaded:
                raise ApiError(529, "overloaded_error", "Overloaded")
            raise ApiError(500, "api_error", "Internal server error")
        if config.spend_limit_reached:
            raise ApiError(
                429,
                "rate_limit_error",
                "You have reached your specified API usage limits. "
                "You will regain access at the start of the next billing period.",
                details={"error_code": "enforced_spend_limit_reached"},
            )
        plan = self._admit(config, request)
        self._sleep(config)
        content, stop_reason, stop_sequence, output_tokens, lied = _reply(request, config)
        with self._lock:
            budget = self._budget(config, request.model_class, time.monotonic())
            budget.output.level -= output_tokens  # charged after the fact, as Anthropic does
            limit_headers = budget.headers()
            usage = {
                "input_tokens": request.input_tokens - plan.read - plan.written,
                "output_tokens": output_tokens,
                "cache_creation_input_tokens": plan.written,
                "cache_read_input_tokens": plan.read,
            }
            self._stats.update(usage)
            if lied:
                self._stats["hallucinations"] += 1
                self._by_hallucination[lied] += 1
            if any(block.get("name") == HANDOFF_TOOL_NAME for block in content):
                self._stats["handoffs"] += 1
        message = {
            "id": _new_id("msg_"),
            "type": "message",
            "role": "assistant",
            "model": request.model,
            "content": content,
            "stop_reason": stop_reason,
            "stop_sequence": stop_sequence,
            "usage": usage,
        }
        headers_out = {"request-id": request_id, **limit_headers}
        if request.stream:
            return Response(200, _event_stream(message), headers_out, "text/event-stream")
        return _json(200, message, headers_out)

    def _admit(self, config: SimulatorConfig, request: ParsedRequest) -> CachePlan:
        """Take one request and the uncached input tokens from the class's buckets, or 429."""
        now = time.monotonic()
        with self._lock:
            budget = self._budget(config, request.model_class, now)
            minimum = CACHE_MINIMUM_TOKENS[request.model_class]
            plan = self._cache.plan(request.model, request.segments, minimum, now)
            charged = request.input_tokens - plan.read  # cache reads are free of input TPM
            limits = budget.limits
            waits = (
                (budget.requests.seconds_until(1), limits.rpm, "requests"),
                (budget.input.seconds_until(charged), limits.input_tpm, "input tokens"),
                (budget.output.seconds_until(1), limits.output_tpm, "output tokens"),
            )
            wait, limit, what = max(waits, key=lambda item: item[0])
            if wait > 0:
                retry_after = str(max(1, math.ceil(wait)))
                raise ApiError(
                    429,
                    "rate_limit_error",
                    f"This request would exceed your organization's rate limit of {limit:,} "
                    f"{what} per minute for {request.model_class} models. Please retry after "
                    f"{retry_after} seconds.",
                    headers={"retry-after": retry_after, **budget.headers()},
                )
            budget.requests.level -= 1
            budget.input.level -= charged
            self._cache.commit(plan, now)
            return plan

    def _budget(self, config: SimulatorConfig, name: str, now: float) -> _ClassBudget:
        limits = config.limits_for(name)
        budget = self._budgets.get(name)
        if budget is None or budget.limits != limits:  # new limits start with full buckets
            budget = self._budgets[name] = _ClassBudget.full(limits, now)
        budget.refill(now)
        return budget

    def _sleep(self, config: SimulatorConfig) -> None:
        delay = config.latency_ms
        if config.latency_jitter_ms:
            with self._lock:
                delay += self._jitter.uniform(-config.latency_jitter_ms, config.latency_jitter_ms)
        if delay > 0:
            time.sleep(delay / 1000)

    # ----------------------------------------------------------------- count_tokens

    def _count_tokens(self, headers: Message, raw: bytes) -> Response:
        request_id = _new_id("req_")
        with self._lock:
            self._stats["count_tokens"] += 1
        try:
            if self.config.outage:
                raise ApiError(529, "overloaded_error", "Overloaded")
            _authenticate(headers)
            request = parse_request(_decode(raw), needs_max_tokens=False)
        except ApiError as error:
            return _json(error.status, error.payload(request_id), {"request-id": request_id})
        return _json(200, {"input_tokens": request.input_tokens}, {"request-id": request_id})


_STAT_KEYS = (
    "requests",
    "ok",
    "rate_limited",  # every 429, spend-limit ones included
    "spend_limited",
    "overloaded",
    "server_errors",
    "client_errors",
    "count_tokens",
    "in_flight",
    "max_in_flight",
    "input_tokens",
    "output_tokens",
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "hallucinations",  # customer replies that carry an invented claim
    "handoffs",  # customer replies that called the hand_to_team tool
)


def _outcome(status: int) -> str:
    if status == 200:
        return "ok"
    if status == 429:
        return "rate_limited"
    if status == 529:
        return "overloaded"
    return "server_errors" if status >= 500 else "client_errors"


def _authenticate(headers: Message) -> None:
    # Any key will do; an OAuth bearer token is accepted as the real API accepts one.
    key = (headers.get("x-api-key") or "").strip()
    bearer = (headers.get("authorization") or "").removeprefix("Bearer ").strip()
    if not key and not bearer:
        raise ApiError(401, "authentication_error", "x-api-key header is required")


def _decode(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise invalid("Request body is not valid JSON") from None


def _reply(
    request: ParsedRequest, config: SimulatorConfig
) -> tuple[list[dict], str, str | None, int, str | None]:
    """The content blocks, stop_reason, stop_sequence and output tokens of the answer, and
    the kind of the claim it invented, if it did."""
    choice = request.tool_choice or {}
    if choice.get("type") in ("tool", "any"):
        name = choice.get("name") or request.tools[0]["name"]
        tool = next(t for t in request.tools if t["name"] == name)
        arguments = extract_tool_input(tool["input_schema"], request.messages)
        block = {"type": "tool_use", "id": _new_id("toolu_"), "name": name, "input": arguments}
        return [block], "tool_use", None, estimate_tokens(json.dumps(arguments)), None
    handoff_tool = next((t for t in request.tools if t["name"] == HANDOFF_TOOL_NAME), None)
    if handoff_tool is not None and choice.get("type") != "none":
        reason = handoff_reason(request.system_text, request.messages)
        if reason is not None:
            blocks, output = _handoff_reply(request, handoff_tool, reason)
            return blocks, "tool_use", None, output, None
    text, lied = compose(
        request.system_text,
        request.messages,
        hallucination=config.hallucination_rates(),
        seed=config.seed,
    )
    stop_reason, stop_sequence = "end_turn", None
    found = [(text.find(s), s) for s in request.stop_sequences if s and s in text]
    if found:
        cut, stop_sequence = min(found)
        text, stop_reason = text[:cut], "stop_sequence"
    if estimate_tokens(text) > request.max_tokens:
        text, stop_reason, stop_sequence = _truncate(text, request.max_tokens), "max_tokens", None
    output = estimate_tokens(text)
    return [{"type": "text", "text": text}], stop_reason, stop_sequence, output, lied


def _event_stream(message: dict) -> bytes:
    """The same message as Anthropic's server-sent events, for ``stream=True``."""
    usage = message["usage"]
    start = {**message, "content": [], "stop_reason": None, "stop_sequence": None}
    events = [("message_start", {"message": {**start, "usage": {**usage, "output_tokens": 1}}})]
    for index, block in enumerate(message["content"]):
        if block["type"] == "text":
            opening, text = {"type": "text", "text": ""}, block["text"]
            deltas = [
                {"type": "text_delta", "text": text[i : i + 24]} for i in range(0, len(text), 24)
            ]
        else:
            opening = {**block, "input": {}}
            partial = json.dumps(block["input"], ensure_ascii=False)
            deltas = [{"type": "input_json_delta", "partial_json": partial}]
        events.append(("content_block_start", {"index": index, "content_block": opening}))
        events += [("content_block_delta", {"index": index, "delta": delta}) for delta in deltas]
        events.append(("content_block_stop", {"index": index}))
    delta = {"stop_reason": message["stop_reason"], "stop_sequence": message["stop_sequence"]}
    output = {"output_tokens": usage["output_tokens"]}
    events.append(("message_delta", {"delta": delta, "usage": output}))
    events.append(("message_stop", {}))
    return "".join(
        f"event: {name}\ndata: {json.dumps({'type': name, **data}, ensure_ascii=False)}\n\n"
        for name, data in events
    ).encode()


# --------------------------------------------------------------------------- HTTP server


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects; every reply has a length
    server_version = "SwitchboardLLMSimulator/1.0"
    sys_version = ""
    timeout = 300  # drop an idle keep-alive connection eventually
    server: SimulatorServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def do_GET(self) -> None:  # noqa: N802 - the name BaseHTTPRequestHandler dispatches to
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def _serve(self, method: str) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.send_error(400, "bad Content-Length")
            return
        raw = self.rfile.read(length) if length > 0 else b""
        response = self.server.simulator.handle(method, urlsplit(self.path).path, self.headers, raw)
        self.send_response(response.status, "Overloaded" if response.status == 529 else None)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base signature
        if self.server.simulator.config.verbose:
            super().log_message(format, *args)


class SimulatorServer(ThreadingHTTPServer):
    """The simulator on a socket. ``serve()`` builds one and runs it in a daemon thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], simulator: Simulator) -> None:
        super().__init__(address, _Handler)
        self.simulator = simulator
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopped = False

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def base_url(self) -> str:
        host = self.server_address[0]
        host = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    @property
    def config(self) -> SimulatorConfig:
        """The live config: set fields directly, or several at once with ``update_config``."""
        return self.simulator.config

    def update_config(self, **changes: Any) -> dict[str, Any]:
        return self.simulator.update_config(changes)

    @property
    def stats(self) -> dict[str, Any]:
        return self.simulator.stats_snapshot()

    def stats_snapshot(self) -> dict[str, Any]:
        return self.simulator.stats_snapshot()

    def reset(self) -> None:
        self.simulator.reset()

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"llm-simulator-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def track(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(connection)

    def shutdown(self) -> None:
        """Stop accepting, and close kept-alive connections so no client talks to a ghost."""
        if self._stopped:
            return
        self._stopped = True
        if self._thread is not None:
            super().shutdown()
            self._thread.join(timeout=5)
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the client
                connection.shutdown(socket.SHUT_RDWR)
        self.server_close()


def serve(
    host: str = "127.0.0.1", port: int = 0, config: SimulatorConfig | None = None
) -> SimulatorServer:
    """Start the simulator in a daemon thread; it accepts connections when this returns."""
    server = SimulatorServer((host, port), Simulator(config or SimulatorConfig()))
    server.start()
    return server
