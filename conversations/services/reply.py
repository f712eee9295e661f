"""The reply path: unanswered customer messages in, one grounded reply out, sent once.

A job calls ``conversation_reply`` with a conversation id. It holds the conversation's lock,
waits out the debounce so a burst gets one reply that reads all of it, answers every message
still unanswered, and keeps going until nothing is left, so a message that lands mid-reply
is answered next. A job that finds the lock taken looks again shortly.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agents.llm.client import LlmUnavailable
from agents.llm.gateway import BudgetExhausted, llm_call
from agents.llm.router import model_for
from agents.models import KnowledgeBase, LlmCall
from conversations.language import detect_language
from conversations.locks import ConversationLock
from conversations.models import Conversation, Message
from conversations.services.delivery import message_send
from conversations.services.enqueue import reply_enqueue
from conversations.services.memory import history_for_reply, summary_enqueue_if_due
from prompts_app.selectors import prompt_version_active
from prompts_app.services import prompt_render

logger = logging.getLogger(__name__)

MAX_ROUNDS = 5
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
            if reply is None:
                return ReplyOutcome("lost_lock", tuple(replies))
            replies.append(reply.pk)
            # The fencing check: if our lock expired mid-call another worker may own this
            # conversation now; the stored reply stays pending and the sweeper sends it.
            if lock.is_held():
                message_send(message_id=reply.pk)
    finally:
        lock.release()
    if replies:
        _after_reply(conversation_id)
    return ReplyOutcome("answered" if replies else "nothing_to_answer", tuple(replies))


def _unanswered(conversation_id: int) -> list[Message]:
    return list(
        Message.objects.filter(
            conversation_id=conversation_id,
            direction=Message.Direction.INBOUND,
            needs_reply=True,
            answered_by__isnull=True,
        ).order_by("timestamp", "id")
    )


def _debounce_remaining(pending: list[Message]) -> float:
    newest = max(m.created_at for m in pending)
    elapsed = (timezone.now() - newest).total_seconds()
    return settings.REPLY_DEBOUNCE_SECONDS - elapsed


def _answer(
    *, conversation_id: int, pending: list[Message], lock: ConversationLock
) -> Message | None:
    conversation = Conversation.objects.select_related("agent", "business", "contact").get(
        pk=conversation_id
    )
    language = detect_language(" ".join(m.text for m in pending), default=conversation.language)
    version = prompt_version_active()
    knowledge_base = KnowledgeBase.objects.filter(business=conversation.business).first()
    system = prompt_render(
        version=version,
        business_name=conversation.business.name,
        knowledge_base=knowledge_base.content if knowledge_base else "",
        escalation=conversation.agent.escalation_text,
        language=language,
    )
    history = history_for_reply(conversation=conversation, pending=pending)
    model = model_for(
        agent=conversation.agent,
        purpose=LlmCall.Purpose.REPLY,
        conversation_messages=Message.objects.filter(conversation_id=conversation_id).count(),
        priority_customer=conversation.contact.is_priority,
    )
    author = Message.Author.AI
    try:
        response = llm_call(
            purpose=LlmCall.Purpose.REPLY,
            model=model,
            system=system,
            system_suffix=_summary_block(conversation),
            messages=build_turns(history + pending),
            max_tokens=settings.LLM_REPLY_MAX_TOKENS,
            agent_id=conversation.agent_id,
            conversation_id=conversation_id,
            prompt_version_id=version.pk,
            max_wait=settings.LLM_BUDGET_MAX_WAIT_SECONDS,
        )
        text = response.text
        model = response.model
    except LlmUnavailable as error:
        logger.warning(
            "LLM unavailable for conversation %s (%s): %s", conversation_id, error.kind, error
        )
        text = ""
    if not text:
        # A canned answer beats an error: the customer hears from a person soon.
        text = conversation.agent.escalation_text
        author = Message.Author.FALLBACK
    now = timezone.now()
    with transaction.atomic():
        if not lock.is_held():
            # Our lock expired and another worker may be answering these very messages.
            logger.warning("lost the reply lock of conversation %s; not storing", conversation_id)
            return None
        reply = Message.objects.create(
            conversation_id=conversation_id,
            direction=Message.Direction.OUTBOUND,
            type="text",
            text=text,
            author=author,
            status=Message.Status.PENDING,
            prompt_version=version if author == Message.Author.AI else None,
            llm_model=model if author == Message.Author.AI else "",
            timestamp=now,
        )
        Message.objects.filter(pk__in=[m.pk for m in pending], answered_by__isnull=True).update(
            answered_by=reply
        )
        Conversation.objects.filter(pk=conversation_id).update(
            language=language, last_message_at=now
        )
    return reply


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
    except Exception:
        logger.exception("could not schedule background work for conversation %s", conversation_id)
