"""The reply path: unanswered customer messages in, one grounded reply out, sent once.

A job calls ``conversation_reply`` with a conversation id. It holds the conversation's lock,
waits out the debounce so a burst gets one reply that reads all of it, answers every message
still unanswered, and keeps going until nothing is left, so a message that lands mid-reply
is answered next. A job that finds the lock taken looks again shortly.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agents.answer_cache import answer_cache_lookup, answer_cache_store
from agents.grounding.judge import judge_flags
from agents.grounding.validator import Decision, Policy, decide, validate_reply
from agents.ladder import agent_mode, ladder_record_failure, ladder_record_success
from agents.language import detect_language
from agents.llm.client import LlmUnavailable
from agents.llm.gateway import BudgetExhausted, llm_call
from agents.llm.router import model_for
from agents.models import Agent, AgentText, LlmCall, Mode
from agents.rules import rule_match
from agents.selectors import agent_live_state, agent_text, agent_texts, business_local_time
from conversations.locks import ConversationLock
from conversations.models import Conversation, Message, Review
from conversations.services import handoff
from conversations.services.delivery import message_send
from conversations.services.enqueue import reply_enqueue
from conversations.services.leads import lead_extraction_enqueue
from conversations.services.memory import history_for_reply, summary_enqueue_if_due
from prompts_app.models import PromptVersion
from prompts_app.selectors import prompt_version_for_conversation
from prompts_app.services import prompt_render

logger = logging.getLogger(__name__)

MAX_ROUNDS = 5


class Handover(enum.Enum):
    """What _answer returns when the messages are for people to answer, not the agent."""

    LEFT_FOR_PEOPLE = "left_for_people"


LEFT_FOR_PEOPLE = Handover.LEFT_FOR_PEOPLE
LOCKED_RETRY_DELAY = dt.timedelta(seconds=2)


@dataclass(frozen=True)
class ReplyOutcome:
    # answered, nothing_to_answer, locked, debouncing, rescheduled, lost_lock, missing
    status: str
    reply_ids: tuple[int, ...] = ()


def conversation_reply(*, conversation_id: int) -> ReplyOutcome:
    if not Conversation.objects.filter(pk=conversation_id).exists():
        return ReplyOutcome("missing")
    lock = ConversationLock(conversation_id)
    if not lock.acquire():
        # Someone is writing this conversation's reply. Look again shortly rather than wait
        # here holding a worker; the holder also re-checks before it lets go.
        reply_enqueue(conversation_id=conversation_id, delay=LOCKED_RETRY_DELAY)
        return ReplyOutcome("locked")
    replies: list[int] = []
    try:
        for _ in range(MAX_ROUNDS):
            pending = _unanswered(conversation_id)
            if not pending:
                break
            wait = _debounce_remaining(pending)
            if wait > 0:
                reply_enqueue(
                    conversation_id=conversation_id, delay=dt.timedelta(seconds=math.ceil(wait))
                )
                return ReplyOutcome("debouncing", tuple(replies))
            try:
                reply = _answer(conversation_id=conversation_id, pending=pending, lock=lock)
            except BudgetExhausted as short:
                # The shared LLM budget is spoken for: free this worker and come back when
                # the buckets will have refilled.
                reply_enqueue(
                    conversation_id=conversation_id,
                    delay=dt.timedelta(seconds=math.ceil(short.wait_seconds)),
                )
                return ReplyOutcome("rescheduled", tuple(replies))
            if reply is LEFT_FOR_PEOPLE:
                break  # handed off and the customer already told: people answer from here
            if reply is None:
                return ReplyOutcome("lost_lock", tuple(replies))
            replies.append(reply.pk)
            # The fencing check: if our lock expired mid-call another worker may own this
            # conversation now; the stored reply stays pending and the sweeper sends it.
            if reply.status == Message.Status.PENDING and lock.is_held():
                message_send(message_id=reply.pk)
    finally:
        lock.release()
    if replies:
        _after_reply(conversation_id)
    return ReplyOutcome("answered" if replies else "nothing_to_answer", tuple(replies))


def _unanswered(conversation_id: int) -> list[Message]:
    return list(
        Message.objects.unanswered()
        .filter(conversation_id=conversation_id)
        .order_by("timestamp", "id")
    )


def _debounce_remaining(pending: list[Message]) -> float:
    newest = max(m.created_at for m in pending)
    elapsed = (timezone.now() - newest).total_seconds()
    return settings.REPLY_DEBOUNCE_SECONDS - elapsed


@dataclass
class Draft:
    """A reply before it is stored: what it says, who wrote it, and what happens to it."""

    text: str
    author: str
    version: PromptVersion | None = None
    model: str = ""
    flags: list[dict] = field(default_factory=list)
    hold: bool = False
    cacheable: bool = False
    hand_off: str = ""  # hand the conversation to people, for this reason


@dataclass(frozen=True)
class ToolHandoff:
    """The reply model called ``hand_to_team``: people answer, the customer gets the notice."""

    reason: str
    note: str = ""


def _answer(
    *, conversation_id: int, pending: list[Message], lock: ConversationLock
) -> Message | Handover | None:
    conversation = Conversation.objects.select_related(
        "agent", "business", "contact", "business__knowledge_base"
    ).get(pk=conversation_id)
    agent = conversation.agent
    question = "\n".join(m.text for m in pending)
    language = detect_language(question, default=conversation.language)
    if not conversation.is_sandbox and not agent_live_state(agent=agent).answers_customers:
        # Not switched on, or nothing to answer from: people answer, the customer is told
        # once. The sandbox still answers, so owners can try the agent before going live.
        if conversation.handed_off_at is None:
            handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_NOT_LIVE)
        return _store_handoff_notice(conversation, pending, lock, language=language)
    mode = agent_mode(agent=agent)
    if mode != Mode.HUMAN_ONLY and handoff.handed_off_by_mode_only(conversation=conversation):
        # Handed over only because the AI was down; it is back, and nobody took it up.
        conversation = handoff.conversation_hand_back(conversation=conversation)
    if conversation.handed_off_at is None and handoff.asks_for_a_person(question):
        handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_CUSTOMER)
    if conversation.handed_off_at is None and handoff.cannot_read(pending):
        # A voice note, a photo, a file: the model would only be guessing at what it says.
        handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_MEDIA)
    if conversation.handed_off_at is None and mode == Mode.HUMAN_ONLY:
        handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_MODE)
    if conversation.handed_off_at is not None:
        return _store_handoff_notice(conversation, pending, lock, language=language)

    draft = None
    if mode == Mode.FULL_AI:
        draft = _ai_draft(conversation=conversation, pending=pending, language=language)
        if isinstance(draft, ToolHandoff):
            handoff.conversation_hand_off(conversation=conversation, reason=draft.reason)
            return _store_handoff_notice(conversation, pending, lock, language=language)
        if draft is None:
            mode = Mode.CACHED_AI  # this reply degrades at once; the ladder decides the next
    if draft is None and mode == Mode.CACHED_AI:
        cached = answer_cache_lookup(agent=agent, question=question)
        if cached is not None:
            draft = Draft(text=cached.answer, author=Message.Author.CACHED)
    if draft is None and mode in (Mode.CACHED_AI, Mode.RULES_ONLY):
        rule = rule_match(business=conversation.business, text=question, language=language)
        if rule is not None:
            draft = Draft(
                text=rule.response,
                author=Message.Author.RULES,
                # The rule promised a person: the inbox gets the conversation, and the rule's
                # answer is the notice, so the customer is not told twice. Not BY_MODE: that
                # one is released as soon as the agent is out of humans-only mode.
                hand_off=handoff.BY_PROMISE if rule.hands_to_people else "",
            )
    if draft is None:
        handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_MODE)
        return _store_handoff_notice(conversation, pending, lock, language=language)
    if not draft.hand_off and not draft.hold and _promises_a_person(agent, draft.text):
        # The backstop behind the tool: whatever wrote it, a reply that promises a person
        # hands the conversation over, and is itself the customer's notice.
        draft.hand_off = handoff.BY_PROMISE
    if draft.hand_off:
        draft.cacheable = False  # a later customer's same question is not a handoff by rote
    return _store_draft(conversation, pending, lock, draft, language=language, question=question)


def _promises_a_person(agent: Agent, text: str) -> bool:
    return handoff.promises_a_person(text, agent_texts=agent_texts(agent=agent).values())


def _ai_draft(
    *, conversation: Conversation, pending: list[Message], language: str
) -> Draft | ToolHandoff | None:
    """The LLM's reply, checked against the knowledge base; None if the LLM failed.

    The model is offered the ``hand_to_team`` tool; when it calls it, people take the
    conversation (``ToolHandoff``) and whatever text it wrote beside the call is not sent:
    the customer gets the agent's handoff text, once."""
    agent = conversation.agent
    version = prompt_version_for_conversation(conversation_id=conversation.pk)
    knowledge_base = getattr(conversation.business, "knowledge_base", None)
    knowledge = knowledge_base.content if knowledge_base else ""
    system = prompt_render(
        version=version,
        business_name=conversation.business.name,
        knowledge_base=knowledge,
        escalation=agent_text(agent=agent, kind=AgentText.Kind.ESCALATION, language=language),
        language=language,
    )
    history = history_for_reply(conversation=conversation, pending=pending)
    model = model_for(
        agent=agent,
        purpose=LlmCall.Purpose.REPLY,
        conversation_messages=Message.objects.filter(conversation=conversation).count(),
        priority_customer=conversation.contact.is_priority,
    )
    try:
        response = llm_call(
            purpose=LlmCall.Purpose.REPLY,
            model=model,
            system=system,
            system_suffix=_system_suffix(conversation, language=language),
            messages=build_turns(history + pending),
            max_tokens=settings.LLM_REPLY_MAX_TOKENS,
            agent_id=agent.pk,
            conversation_id=conversation.pk,
            prompt_version_id=version.pk,
            max_wait=settings.LLM_BUDGET_MAX_WAIT_SECONDS,
            tools=[handoff.HAND_TO_TEAM_TOOL],
        )
    except LlmUnavailable as error:
        logger.warning("LLM unavailable for conversation %s (%s)", conversation.pk, error.kind)
        ladder_record_failure(agent=agent, kind=error.kind)
        return None
    ladder_record_success(agent=agent)
    called = response.tool_input(handoff.HAND_TO_TEAM)
    if called is not None:
        decided = ToolHandoff(
            reason=handoff.reason_for_tool(called), note=str(called.get("note") or "")[:500]
        )
        logger.info(
            "conversation %s handed to the team by the model (%s): %s",
            conversation.pk,
            called.get("reason"),
            decided.note,
        )
        return decided
    if not response.text:
        return None
    result = validate_reply(
        reply=response.text,
        knowledge_base=knowledge,
        language=language,
        question="\n".join(message.text for message in pending),
    )
    found = result.flags
    if found and agent.grounding_judge:
        found = judge_flags(
            flags=found,
            reply=response.text,
            knowledge_base=knowledge,
            model=model_for(agent=agent, purpose=LlmCall.Purpose.JUDGE),
            agent_id=agent.pk,
            conversation_id=conversation.pk,
        )
    flags = [f.as_dict() for f in found]
    draft = Draft(
        text=response.text,
        author=Message.Author.AI,
        version=version,
        model=response.model,
        flags=flags,
        # A sandbox chat is an owner experimenting: nothing it says is reused for customers.
        cacheable=not flags and not conversation.is_sandbox,
    )
    decision = decide(flags=found, policy=_policy(agent.grounding_policy))
    if decision == Decision.HOLD:
        draft.hold = True
    elif decision == Decision.FALLBACK:
        # Too many unsupported claims to show anyone: the customer gets the escalation
        # wording and a person takes the conversation.
        draft = Draft(
            text=agent_text(agent=agent, kind=AgentText.Kind.ESCALATION, language=language),
            author=Message.Author.FALLBACK,
            version=version,  # the prompt whose reply failed the check, for its metrics
            flags=flags,
            hand_off=handoff.BY_VALIDATOR,
        )
    elif flags:
        logger.info("sending reply with %s unverified claims (policy %s)", len(flags), decision)
    return draft


def _policy(name: str) -> Policy:
    try:
        return Policy(name)
    except ValueError:
        return Policy.DEFAULT


def _store_draft(
    conversation: Conversation,
    pending: list[Message],
    lock: ConversationLock,
    draft: Draft,
    *,
    language: str,
    question: str,
) -> Message | None:
    now = timezone.now()
    with transaction.atomic():
        if not lock.is_held():
            # Our lock expired and another worker may be answering these very messages.
            logger.warning("lost the reply lock of conversation %s; not storing", conversation.pk)
            return None
        reply = Message.objects.create(
            conversation=conversation,
            direction=Message.Direction.OUTBOUND,
            type="text",
            text=draft.text,
            author=draft.author,
            status=Message.Status.HELD if draft.hold else Message.Status.PENDING,
            prompt_version=draft.version,
            llm_model=draft.model,
            timestamp=now,
        )
        Message.objects.filter(pk__in=[m.pk for m in pending], answered_by__isnull=True).update(
            answered_by=reply
        )
        Conversation.objects.filter(pk=conversation.pk).update(
            language=language, last_message_at=now
        )
        if draft.hold:
            Review.objects.create(
                message=reply,
                business=conversation.business,
                flags=draft.flags,
                original_text=draft.text,
            )
        if draft.hand_off:
            handoff.conversation_hand_off(conversation=conversation, reason=draft.hand_off)
            # The fallback already tells the customer a person will answer.
            Conversation.objects.filter(pk=conversation.pk).update(handoff_notified_at=now)
    if draft.cacheable:
        transaction.on_commit(
            lambda: answer_cache_store(
                agent=conversation.agent, question=question, answer=draft.text, language=language
            )
        )
    return reply


def _store_handoff_notice(
    conversation: Conversation, pending: list[Message], lock: ConversationLock, *, language: str
) -> Message | Handover | None:
    if not lock.is_held():
        return None
    notice = handoff.handoff_notice_store(
        conversation=conversation, pending=pending, language=language
    )
    return LEFT_FOR_PEOPLE if notice is None else notice


def _system_suffix(conversation: Conversation, *, language: str) -> str:
    """The per-request part of the system prompt, after the cached prefix: the business's
    local time (it changes every minute, and would spoil the cache) and the summary."""
    blocks = [local_time_block(conversation=conversation, language=language)]
    blocks.append(_summary_block(conversation))
    return "\n\n".join(block for block in blocks if block)


_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "he": ("יום שני", "יום שלישי", "יום רביעי", "יום חמישי", "יום שישי", "שבת", "יום ראשון"),
}
_LOCAL_TIME = {
    "en": "Now at the business: {weekday}, {date}, {time} ({zone}, UTC{offset}). Use it for "
    "questions such as 'are you open now?' or 'tomorrow', with the knowledge base's hours.",
    "he": "השעה עכשיו אצל העסק: {weekday}, {date}, {time} ({zone}, UTC{offset}). השתמש בה "
    "לשאלות כמו 'אתם פתוחים עכשיו?' או 'מחר', לפי שעות הפתיחה במאגר הידע.",
}


def local_time_block(
    *, conversation: Conversation, language: str, at: dt.datetime | None = None
) -> str:
    """The business's current local date, weekday and time, in the conversation's language.

    The date is ISO (2026-01-18) and the time 24-hour in both languages, so the model (and
    the simulator) read it the same way whatever the words around it."""
    local = business_local_time(business=conversation.business, at=at)
    words = "he" if language == "he" else "en"
    offset = local.strftime("%z")
    line = _LOCAL_TIME[words].format(
        weekday=_WEEKDAYS[words][local.weekday()],
        date=local.date().isoformat(),
        time=local.strftime("%H:%M"),
        zone=local.tzinfo.key if hasattr(local.tzinfo, "key") else local.tzname(),
        offset=f"{offset[:3]}:{offset[3:]}",
    )
    return f"<local_time>\n{line}\n</local_time>"


def _summary_block(conversation: Conversation) -> str:
    if not conversation.summary:
        return ""
    return f"<conversation_summary>\n{conversation.summary}\n</conversation_summary>"


def build_turns(messages: list[Message]) -> list[dict[str, str]]:
    """Messages API turns: user/assistant alternating, starting with the customer.

    Consecutive messages from one side (a burst) become one turn, one message per line.
    """
    turns: list[dict[str, str]] = []
    for message in messages:
        role = "user" if message.direction == Message.Direction.INBOUND else "assistant"
        if not turns and role == "assistant":
            continue
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"] += "\n" + message.text
        else:
            turns.append({"role": role, "content": message.text})
    return turns


def _after_reply(conversation_id: int) -> None:
    """Background work once the customer has their answer; never delays or breaks it."""
    try:
        conversation = Conversation.objects.select_related("agent").get(pk=conversation_id)
        summary_enqueue_if_due(conversation=conversation)
        if not conversation.is_sandbox:
            lead_extraction_enqueue(conversation_id=conversation_id)
    except Exception:
        logger.exception("could not schedule background work for conversation %s", conversation_id)
