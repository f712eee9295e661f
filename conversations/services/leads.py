"""Lead capture: what a customer tells the agent about themselves, and how warm they are.

After each answered turn the reply path calls :func:`lead_extraction_enqueue`, which puts one
``extract_lead`` job on the background queue (a Redis NX flag keeps a burst of turns from
stacking jobs; the job clears it as it starts, so a turn that lands mid-job gets its own run).

Extraction (:func:`lead_extract`) reads the customer's messages after the lead's watermark
(``extracted_through_id``):

1. **Deterministic**: phone numbers (Israeli ``050-1234567``, ``0501234567``, ``03-5551234``,
   ``972501234567``; international ``+972 50 123 4567``, ``+1 (415) 555-2671``, ``0044 ...``)
   and e-mail addresses, by regex. Phones are stored in E.164 (``+972501234567``), e-mails in
   lower case. When present they always win over the model's reading.
2. **Structured LLM call**: the cheap model is forced to call the ``record_lead`` tool, whose
   schema carries name, phone, email, need, budget and timeline.

Merging never overwrites a known field with an empty value. If the LLM is unavailable or the
shared budget is short, the deterministic part is kept and the watermark stays where it was, so
the next run reads those messages again (after a budget shortfall that run is scheduled).

Scoring (:func:`lead_score`) is deterministic:

- *contact*: the customer volunteered a name, a phone number or an e-mail address. Their
  WhatsApp number does not count: every conversation has one, so it says nothing about intent.
- *captured* (``Lead.is_captured``, ``Lead.objects.captured()``): a contact and a need.
- **HOT**: captured, and either a budget (any) or a near timeline: today, tonight, tomorrow,
  the day after, this week or weekend, next week, a weekday's name, ASAP/urgent/right away,
  "in N days" or "within N weeks" up to 14 days, or a date from today up to 14 days ahead
  (day first: ``28/11``, ``28.11.2026``, ``2026-11-28``, ``28 November``, ``28 בנובמבר``); and the
  Hebrew words for these (היום, הערב, מחר, מחרתיים, השבוע, סוף השבוע, שבוע הבא, בעוד שבוע,
  שבועיים, בעוד N ימים, דחוף, בהקדם, מיד, יום ראשון ... יום שישי, שבת). A bare "now" is not
  enough ("not now").
- **WARM**: captured, not hot.
- **COLD**: everything else.

A lead that turns HOT is reviewed once by the agent's strongest model
(:func:`lead_review_enqueue`, :func:`lead_review`): the enqueue is guarded by ``reviewed_at``
and an NX flag, the job re-checks ``reviewed_at`` under a Redis lock and stores the review
only if no one else did.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from typing import Any

import django_rq
from django.conf import settings
from django.utils import timezone

from agents.llm.budget import Priority
from agents.llm.client import LlmResponse, LlmUnavailable
from agents.llm.gateway import BudgetExhausted, llm_call
from agents.llm.router import model_for
from agents.models import Agent, LlmCall
from conversations.models import Conversation, Lead, Message

logger = logging.getLogger(__name__)

LEAD_FIELDS = ("name", "phone", "email", "need", "budget", "timeline")
NEAR_DAYS = 14
# The extraction reads at most this many messages after the watermark (a lead far behind,
# after hours of LLM outage, is caught up from the most recent ones).
MAX_EXTRACTION_MESSAGES = 30
REVIEW_TRANSCRIPT_MESSAGES = 20
LLM_MAX_TOKENS = 300  # six short fields, or a 2-3 sentence review
# Long enough for a busy queue to reach the job; short enough that a flag orphaned by a
# crashed enqueue does not silence extraction for long.
QUEUED_TTL_SECONDS = 300
REVIEW_QUEUED_TTL_SECONDS = 3600
REVIEW_LOCK_SECONDS = 600


def _queued_key(conversation_id: int) -> str:
    return f"switchboard:lead-extraction-queued:{conversation_id}"


def _review_queued_key(lead_id: int) -> str:
    return f"switchboard:lead-review-queued:{lead_id}"


def _review_lock_key(lead_id: int) -> str:
    return f"switchboard:lead-reviewing:{lead_id}"


def _redis():
    return django_rq.get_connection(settings.BACKGROUND_QUEUE)


# --------------------------------------------------------------------------- phones, e-mails

# A run of digits with at most a few separators between any two; validated and normalised
# below, so dates (25/11/2026), prices (1,500) and times (10:30) never pass.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?[ \t]*\(?\d(?:[ \t.\-()]{0,3}\d){6,18}(?!\w)")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"(?![A-Za-z0-9-])"
)


def phone_normalise(raw: str) -> str | None:
    """E.164 for an Israeli or international number as a customer writes it, else None.

    Without a ``+`` or ``00`` only Israeli forms are accepted (a leading 0 with 9 or 10 digits,
    or 972 with 11 or 12): a bare run of digits is more often an order number than a phone.
    """
    text = raw.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or digits.startswith("00"):
        number = digits[2:] if not text.startswith("+") else digits
        if number.startswith("9720"):  # "+972 050 ...": the trunk 0 does not belong
            number = "972" + number[4:]
        return f"+{number}" if 8 <= len(number) <= 15 else None
    if digits.startswith("972") and len(digits) in (11, 12):
        return f"+{digits}"
    if digits.startswith("0") and len(digits) in (9, 10):
        return f"+972{digits[1:]}"
    return None


def phones_in(text: str) -> list[str]:
    """Every phone number in ``text``, normalised, in order of appearance."""
    found: list[str] = []
    for match in _PHONE_CANDIDATE.finditer(text):
        number = phone_normalise(match.group())
        if number:
            found.append(number)
            continue
        # Two numbers separated by a space read as one run; try the pieces.
        pieces = match.group().split()
        start = 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                number = phone_normalise(" ".join(pieces[start:end]))
                if number:
                    found.append(number)
                    start = end
                    break
            else:
                start += 1
    return found


def emails_in(text: str) -> list[str]:
    return [match.group().lower() for match in _EMAIL.finditer(text)]


def contact_details_in(messages: list[Message]) -> dict[str, str]:
    """The phone and e-mail the customer gave most recently: the newest message that has one,
    the first in that message."""
    found: dict[str, str] = {}
    for message in reversed(messages):
        if "phone" not in found and (phones := phones_in(message.text)):
            found["phone"] = phones[0]
        if "email" not in found and (emails := emails_in(message.text)):
            found["email"] = emails[0]
    return found


# --------------------------------------------------------------------------- scoring

_NEAR_WORDS = re.compile(
    r"(?i:\b(?:asap|a\.s\.a\.p|as soon as possible|urgent(?:ly)?|right (?:away|now)|immediately"
    r"|today|tonight|tomorrow|day after tomorrow|this (?:week|weekend)|next week"
    r"|end of (?:the|this) week|(?:in|within) a (?:couple|few) (?:of )?days"
    r"|(?:sun|mon|tues|wednes|thurs|fri|satur)day)\b)"
    # Hebrew: whole words, allowing the one-letter prefixes (ב, ו, ל, ה) glued to them.
    r"|(?<![\u05d0-\u05ea])[ובלה]?(?:היום|הערב|מחר|מחרתיים|השבוע|סוף השבוע|שבוע הבא"
    r"|בעוד שבוע|שבועיים|דחוף|דחופה|בהקדם|מיד|מייד|יום (?:ראשון|שני|שלישי|רביעי|חמישי|שישי)"
    r"|שבת)(?![\u05d0-\u05ea])"
)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_RELATIVE = re.compile(
    r"(?i:\b(?:in|within)\s+(?:the\s+next\s+)?(\d+|a|an|one|two|three|four|five)\s+"
    r"(day|week)s?\b)"
)
_HEBREW_RELATIVE = re.compile(r"בעוד\s+(\d+)\s+(ימים|יום|שבועות)")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "ינואר"),
            ("february", "feb", "פברואר"),
            ("march", "mar", "מרץ", "מרס"),
            ("april", "apr", "אפריל"),
            ("may", "מאי"),
            ("june", "jun", "יוני"),
            ("july", "jul", "יולי"),
            ("august", "aug", "אוגוסט"),
            ("september", "sep", "sept", "ספטמבר"),
            ("october", "oct", "אוקטובר"),
            ("november", "nov", "נובמבר"),
            ("december", "dec", "דצמבר"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC_DATE = re.compile(r"(?<![\d.:/-])(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?(?![\d:])")
_DAY_MONTH = re.compile(rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+ב?({_MONTH_NAMES})\b")
_MONTH_DAY = re.compile(rf"(?i)\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")


def _dates_in(text: str, *, today: dt.date) -> list[dt.date]:
    """Day-first dates in ``text``; without a year, the next time that day comes round."""
    found: list[tuple[int, int, int | None]] = []
    for year, month, day in _ISO_DATE.findall(text):
        found.append((int(day), int(month), int(year)))
    for day, month, year in _NUMERIC_DATE.findall(_ISO_DATE.sub(" ", text)):
        full_year = int(year) + (2000 if len(year) == 2 else 0) if year else None
        found.append((int(day), int(month), full_year))
    for day, month in _DAY_MONTH.findall(text):
        found.append((int(day), _MONTHS[month.lower()], None))
    for month, day in _MONTH_DAY.findall(text):
        found.append((int(day), _MONTHS[month.lower()], None))
    dates: list[dt.date] = []
    for day, month, year in found:
        try:
            date = dt.date(year or today.year, month, day)
            if year is None and date < today:
                date = dt.date(today.year + 1, month, day)
        except ValueError:
            continue
        dates.append(date)
    return dates


def timeline_is_near(timeline: str, *, today: dt.date) -> bool:
    """Whether the customer wants it within ``NEAR_DAYS`` days (see the module docstring)."""
    if not timeline:
        return False
    if _NEAR_WORDS.search(timeline):
        return True
    for amount, unit in _RELATIVE.findall(timeline):
        count = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount.lower()]
        if count * (7 if unit.lower() == "week" else 1) <= NEAR_DAYS:
            return True
    for amount, unit in _HEBREW_RELATIVE.findall(timeline):
        if int(amount) * (7 if unit == "שבועות" else 1) <= NEAR_DAYS:
            return True
    return any(0 <= (date - today).days <= NEAR_DAYS for date in _dates_in(timeline, today=today))


def lead_score(*, lead: Lead, today: dt.date) -> str:
    """HOT, WARM or COLD from the lead's fields alone (the rule is in the module docstring)."""
    if not lead.is_captured:
        return Lead.Score.COLD
    if lead.budget or timeline_is_near(lead.timeline, today=today):
        return Lead.Score.HOT
    return Lead.Score.WARM


# --------------------------------------------------------------------------- extraction

RECORD_LEAD_TOOL: dict[str, Any] = {
    "name": "record_lead",
    "description": (
        "Record what the customer has said about themselves as a potential buyer. Leave out "
        "any field the customer has not stated."
    ),
    "input_schema": {
        "type": "object",
        "properties": {
            "name": {"type": "string", "description": "The customer's name, as they gave it."},
            "phone": {
                "type": "string",
                "description": "A phone number the customer gave for contacting them.",
            },
            "email": {"type": "string", "description": "The customer's e-mail address."},
            "need": {
                "type": "string",
                "description": "What the customer wants from the business, as a short phrase "
                "in their language.",
            },
            "budget": {
                "type": "string",
                "description": "The budget or price range the customer mentioned, with currency.",
            },
            "timeline": {
                "type": "string",
                "description": "When the customer wants it, in their words (e.g. 'tomorrow', "
                "'next week', '28/11').",
            },
        },
        "required": [],
    },
}

EXTRACTION_SYSTEM = """\
You read a WhatsApp conversation between a business's assistant and a customer, and record \
what the customer said about themselves by calling record_lead. Only what the customer stated \
in these messages: never the business's own phone number, address or prices, never a guess. \
Leave a field out when the customer did not state it. Keep the customer's language."""

_EMPTY_VALUES = {"", "none", "null", "n/a", "na", "unknown", "-", "—", "לא ידוע"}
_MAX_LENGTHS = {"name": 200, "phone": 64, "email": 254, "need": 500, "budget": 200, "timeline": 200}


def lead_extraction_enqueue(*, conversation_id: int, delay: dt.timedelta | None = None) -> bool:
    """Put one ``extract_lead`` job on the background queue; False if one is already waiting."""
    from conversations.jobs import extract_lead

    ttl = QUEUED_TTL_SECONDS + (math.ceil(delay.total_seconds()) if delay else 0)
    if not _redis().set(_queued_key(conversation_id), "1", nx=True, ex=ttl):
        return False
    queue = django_rq.get_queue(settings.BACKGROUND_QUEUE, commit_mode="auto")
    if delay:
        queue.enqueue_in(delay, extract_lead, conversation_id)
    else:
        queue.enqueue(extract_lead, conversation_id)
    return True


def lead_extract(*, conversation_id: int, today: dt.date | None = None) -> Lead | None:
    """Read the customer's new messages into the conversation's lead and score it.

    None when the conversation is gone. Never raises for an unavailable LLM: the deterministic
    fields are kept and the messages are read again next time.
    """
    # Cleared first: a turn that lands while this runs must be able to enqueue its own run.
    _redis().delete(_queued_key(conversation_id))
    conversation = Conversation.objects.select_related("agent").filter(pk=conversation_id).first()
    if conversation is None:
        return None
    lead, _ = Lead.objects.get_or_create(
        conversation=conversation, defaults={"business_id": conversation.business_id}
    )
    watermark = lead.extracted_through_id
    context = list(
        Message.objects.filter(conversation=conversation, id__gt=watermark)
        .exclude(direction=Message.Direction.INBOUND, needs_reply=False)
        .order_by("-id")[:MAX_EXTRACTION_MESSAGES]
    )[::-1]
    customer = [m for m in context if m.direction == Message.Direction.INBOUND]
    changed: dict[str, Any] = {}
    if customer:
        found: dict[str, str] = {}
        read_through = watermark
        try:
            found = _fields_from_llm(conversation=conversation, lead=lead, messages=context)
            read_through = customer[-1].pk
        except LlmUnavailable as error:
            logger.warning(
                "lead extraction for conversation %s: LLM unavailable (%s): %s",
                conversation_id,
                error.kind,
                error,
            )
        except BudgetExhausted as short:
            logger.info(
                "lead extraction for conversation %s: budget short, retrying in %.0fs",
                conversation_id,
                short.wait_seconds,
            )
            lead_extraction_enqueue(
                conversation_id=conversation_id,
                delay=dt.timedelta(seconds=math.ceil(short.wait_seconds) or 1),
            )
        found.update(contact_details_in(customer))
        for field in LEAD_FIELDS:
            value = found.get(field, "")
            if value and value != getattr(lead, field):
                changed[field] = value
        if read_through != watermark:
            changed["extracted_through_id"] = read_through
    for field, value in changed.items():
        setattr(lead, field, value)
    score = lead_score(lead=lead, today=today or timezone.localdate())
    if score != lead.score:
        changed["score"] = lead.score = score
    if changed:
        if set(changed) - {"extracted_through_id"}:
            changed["updated_at"] = lead.updated_at = timezone.now()
        # Conditional on the watermark we read: a concurrent run that got there first wins,
        # and this one's reading is dropped rather than merged over it.
        if not Lead.objects.filter(pk=lead.pk, extracted_through_id=watermark).update(**changed):
            lead.refresh_from_db()
    if lead.score == Lead.Score.HOT and lead.reviewed_at is None:
        lead_review_enqueue(lead_id=lead.pk)
    return lead


def _fields_from_llm(
    *, conversation: Conversation, lead: Lead, messages: list[Message]
) -> dict[str, str]:
    known = "\n".join(
        f"{field}: {getattr(lead, field)}" for field in LEAD_FIELDS if getattr(lead, field)
    )
    system = EXTRACTION_SYSTEM
    if known:
        system += (
            f"\n\nAlready known about this customer (repeat a field only to correct it):\n{known}"
        )
    response = _background_llm_call(
        purpose=LlmCall.Purpose.EXTRACTION,
        agent=conversation.agent,
        conversation_id=conversation.pk,
        system=system,
        content=_transcript(messages),
        tools=[RECORD_LEAD_TOOL],
        tool_choice={"type": "tool", "name": RECORD_LEAD_TOOL["name"]},
    )
    return _cleaned(_tool_input(response, RECORD_LEAD_TOOL["name"]))


def _background_llm_call(
    *, purpose: str, agent: Agent, conversation_id: int, system: str, content: str, **extra: Any
) -> LlmResponse:
    """One user turn to the model the router picks for ``purpose``, at background priority.

    The wait for budget is bounded: past it the gateway raises ``BudgetExhausted`` and the job
    is rescheduled, rather than holding a worker while customers' replies need the budget.
    """
    return llm_call(
        purpose=purpose,
        model=model_for(agent=agent, purpose=purpose),
        system=system,
        messages=[{"role": "user", "content": content}],
        max_tokens=LLM_MAX_TOKENS,
        priority=Priority.BACKGROUND,
        max_wait=settings.LLM_BUDGET_MAX_WAIT_SECONDS,
        agent_id=agent.pk,
        conversation_id=conversation_id,
        **extra,
    )


def _transcript(messages: list[Message]) -> str:
    # Every line carries its speaker, so a multi-line reply is never read as the customer's.
    lines = []
    for message in messages:
        speaker = "Customer" if message.direction == Message.Direction.INBOUND else "Assistant"
        lines += [f"{speaker}: {line}" for line in message.text.splitlines() if line.strip()]
    return "\n".join(lines) or "Customer: (no text)"


def _tool_input(response: LlmResponse, name: str) -> dict[str, Any]:
    for block in response.content:
        if getattr(block, "type", None) == "tool_use" and getattr(block, "name", None) == name:
            return dict(block.input or {})
    logger.warning("lead extraction: the model did not call %s", name)
    return {}


def _cleaned(raw: dict[str, Any]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for field in LEAD_FIELDS:
        value = raw.get(field)
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            continue
        text = " ".join(str(value).split())
        if text.lower() in _EMPTY_VALUES:
            continue
        if field == "phone":
            text = phone_normalise(text) or ""
        elif field == "email":
            text = next(iter(emails_in(text)), "")
        if text:
            fields[field] = text[: _MAX_LENGTHS[field]]
    return fields


# --------------------------------------------------------------------------- review

REVIEW_SYSTEM = """\
You advise a small business about a hot sales lead that came in on WhatsApp. In 2 or 3 \
sentences, assess how ready this customer is to buy and what matters to them, then give the \
one next step you recommend to the business (who should do what, and by when). Use only what \
is below; do not invent facts. Write in the language of the conversation. Reply with the \
assessment only."""


def lead_review_enqueue(*, lead_id: int) -> bool:
    """Queue the one review of a hot lead; False if it is reviewed or a review is queued."""
    from conversations.jobs import review_lead

    if Lead.objects.filter(pk=lead_id, reviewed_at__isnull=False).exists():
        return False
    if not _redis().set(_review_queued_key(lead_id), "1", nx=True, ex=REVIEW_QUEUED_TTL_SECONDS):
        return False
    django_rq.get_queue(settings.BACKGROUND_QUEUE, commit_mode="auto").enqueue(review_lead, lead_id)
    return True


def lead_review(*, lead_id: int) -> bool:
    """Have the strongest model assess a hot lead, once. True if this run stored the review."""
    redis = _redis()
    lead = Lead.objects.select_related("business", "conversation__agent").filter(pk=lead_id).first()
    if lead is None or lead.reviewed_at is not None or lead.score != Lead.Score.HOT:
        redis.delete(_review_queued_key(lead_id))
        return False
    # Two jobs for one lead can exist only if the queued flag expired; this keeps them serial.
    if not redis.set(_review_lock_key(lead_id), "1", nx=True, ex=REVIEW_LOCK_SECONDS):
        return False
    try:
        lead.refresh_from_db(fields=["reviewed_at"])
        if lead.reviewed_at is not None:
            return False
        response = _background_llm_call(
            purpose=LlmCall.Purpose.REVIEW,
            agent=lead.conversation.agent,
            conversation_id=lead.conversation_id,
            system=REVIEW_SYSTEM,
            content=_review_request(lead),
        )
    except LlmUnavailable as error:
        # The next extraction that finds the lead still hot queues the review again.
        logger.warning("hot-lead review of lead %s: LLM unavailable (%s)", lead_id, error.kind)
        redis.delete(_review_queued_key(lead_id))
        return False
    except BudgetExhausted as short:
        delay = dt.timedelta(seconds=math.ceil(short.wait_seconds) or 1)
        from conversations.jobs import review_lead

        redis.expire(
            _review_queued_key(lead_id), REVIEW_QUEUED_TTL_SECONDS + int(delay.total_seconds())
        )
        django_rq.get_queue(settings.BACKGROUND_QUEUE, commit_mode="auto").enqueue_in(
            delay, review_lead, lead_id
        )
        return False
    finally:
        redis.delete(_review_lock_key(lead_id))
    return bool(
        Lead.objects.filter(pk=lead_id, reviewed_at__isnull=True).update(
            review=response.text.strip(), reviewed_at=timezone.now()
        )
    )


def _review_request(lead: Lead) -> str:
    details = "\n".join(
        f"{field}: {getattr(lead, field) or '(not given)'}" for field in LEAD_FIELDS
    )
    recent = list(
        Message.objects.filter(conversation_id=lead.conversation_id)
        .exclude(direction=Message.Direction.INBOUND, needs_reply=False)
        .order_by("-id")[:REVIEW_TRANSCRIPT_MESSAGES]
    )[::-1]
    return (
        f"<business>{lead.business.name}</business>\n"
        f"<lead>\n{details}\n</lead>\n"
        f"<conversation>\n{_transcript(recent)}\n</conversation>\n"
        "Assess this lead and recommend the next step."
    )
