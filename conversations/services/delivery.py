"""Getting stored replies to the customer, once, and noticing anything left behind.

A reply is stored (and its customer messages marked answered) before it is sent, so a
worker that dies between the two leaves a pending row, not a lost answer: the sweeper sends
it. Each send is claimed with a conditional UPDATE first, so two workers never both call
WhatsApp for the same row.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.dispatch import Signal
from django.utils import timezone

from conversations.locks import ConversationLock
from conversations.models import Conversation, Message
from conversations.services.enqueue import reply_enqueue, send_enqueue
from conversations.whatsapp.client import WhatsAppError, send_text

logger = logging.getLogger(__name__)

# Meta refuses free-form messages more than 24 hours after the customer's last message
# (error 131047): only templates may be sent then.
SERVICE_WINDOW = dt.timedelta(hours=24)
OUTSIDE_WINDOW_CODE = "outside_24h_window"


def within_service_window(conversation: Conversation, *, now: dt.datetime | None = None) -> bool:
    last = conversation.last_inbound_at
    return last is not None and (now or timezone.now()) - last < SERVICE_WINDOW


def _claim(message_id: int, now: dt.datetime) -> bool:
    stale = now - dt.timedelta(seconds=settings.SWEEP_AFTER_SECONDS)
    return bool(
        Message.objects.filter(
            Q(send_claimed_at__isnull=True) | Q(send_claimed_at__lt=stale),
            pk=message_id,
            status=Message.Status.PENDING,
            wamid__isnull=True,
        ).update(send_claimed_at=now)
    )


def message_send(*, message_id: int) -> Message:
    """Send a stored outbound message by WhatsApp. A failure is kept on the row, never dropped."""
    now = timezone.now()
    claimed = _claim(message_id, now)
    message = Message.objects.select_related("conversation__agent", "conversation__contact").get(
        pk=message_id
    )
    if not claimed:
        return message  # sent, failed for good, or another sender is on it right now
    conversation = message.conversation
    if not within_service_window(conversation, now=now):
        return _fail(
            message,
            code=OUTSIDE_WINDOW_CODE,
            title="More than 24 hours since the customer's last message: WhatsApp only "
            "allows template messages now.",
        )
    try:
        result = send_text(
            phone_number_id=conversation.agent.phone_number_id,
            to=conversation.contact.address,
            body=message.text,
            sandbox=conversation.is_sandbox,
        )
    except WhatsAppError as error:
        logger.error("sending message %s failed: %s", message.pk, error)
        return _fail(message, code=error.code, title=error.title)
    message.wamid = result.wamid
    message.status = Message.Status.SENT
    message.sent_at = message.status_at = timezone.now()
    message.save(update_fields=["wamid", "status", "sent_at", "status_at"])
    return message


# Sent once a message is stored as failed: monitoring raises the "send failed" alert from it
# (monitoring.receivers); conversations records what happened and never imports the layer
# above it. Arguments: message, code (WhatsApp's error code) and title (its whole text).
send_failed = Signal()


def _fail(message: Message, *, code: str, title: str) -> Message:
    message.status = Message.Status.FAILED
    message.error_code = code
    message.error_title = title[:500]
    message.status_at = timezone.now()
    message.save(update_fields=["status", "error_code", "error_title", "status_at"])
    send_failed.send(sender=Message, message=message, code=code, title=title)
    return message


@dataclass(frozen=True)
class SweepResult:
    conversations_requeued: tuple[int, ...]
    messages_resent: tuple[int, ...]
    handed_back: tuple[int, ...] = ()


def sweep(*, now: dt.datetime | None = None) -> SweepResult:
    """Re-enqueue whatever the normal path left behind: Redis was down at enqueue time, a
    worker died mid-job, a job was lost. Safe to run as often as you like."""
    now = now or timezone.now()
    # Imported here: handoff builds on this module's sending.
    from conversations.services.handoff import handoffs_release_recovered

    released = handoffs_release_recovered()
    cutoff = now - dt.timedelta(seconds=settings.SWEEP_AFTER_SECONDS)
    unanswered = Message.objects.unanswered().filter(
        conversation=OuterRef("pk"), created_at__lt=cutoff
    )
    requeued = []
    waiting = Conversation.objects.filter(Exists(unanswered)).exclude(
        # handed to people, who have been told: the inbox shows these, not the sweeper
        handed_off_at__isnull=False,
        handoff_notified_at__isnull=False,
    )
    for conversation_id in waiting.values_list("pk", flat=True):
        if ConversationLock(conversation_id).is_taken():
            continue  # a worker is on it right now
        reply_enqueue(conversation_id=conversation_id)
        requeued.append(conversation_id)
    stranded = Message.objects.filter(
        Q(send_claimed_at__isnull=True) | Q(send_claimed_at__lt=cutoff),
        direction=Message.Direction.OUTBOUND,
        status=Message.Status.PENDING,
        wamid__isnull=True,
        created_at__lt=cutoff,
    ).values_list("pk", flat=True)
    resent = []
    for message_id in stranded:
        send_enqueue(message_id=message_id)
        resent.append(message_id)
    if requeued or resent or released:
        logger.warning(
            "sweeper re-enqueued conversations %s, re-sent messages %s, handed back %s",
            requeued,
            resent,
            released,
        )
    return SweepResult(tuple(requeued), tuple(resent), tuple(released))
