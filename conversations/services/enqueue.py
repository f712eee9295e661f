"""Putting reply work on the queue. Only ever after the transaction that stored it commits."""

from __future__ import annotations

import datetime as dt
import functools
import logging

import django_rq
from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def reply_enqueue(*, conversation_id: int, delay: dt.timedelta | None = None) -> None:
    from conversations.jobs import reply_to_conversation

    queue = django_rq.get_queue(settings.REPLY_QUEUE, commit_mode="auto")
    if delay:
        queue.enqueue_in(delay, reply_to_conversation, conversation_id)
    else:
        queue.enqueue(reply_to_conversation, conversation_id)


def reply_enqueue_on_commit(*, conversation_id: int) -> None:
    transaction.on_commit(functools.partial(_enqueue_or_log, conversation_id))


def send_enqueue(*, message_id: int) -> None:
    from conversations.jobs import send_message

    django_rq.get_queue(settings.REPLY_QUEUE, commit_mode="auto").enqueue(send_message, message_id)


def _enqueue_or_log(conversation_id: int) -> None:
    # The message is already stored: if Redis blinks now the sweeper answers it later, and
    # the webhook still owes Meta its 200.
    # Wait out the debounce before looking: a burst still arriving gets one reply.
    delay = settings.REPLY_DEBOUNCE_SECONDS
    try:
        reply_enqueue(
            conversation_id=conversation_id,
            delay=dt.timedelta(seconds=delay) if delay else None,
        )
    except Exception:
        logger.exception("could not enqueue a reply for conversation %s", conversation_id)
