"""Store what the WhatsApp webhook delivers. Runs inside the webhook request: store, then 200.

Everything is written in one transaction and the reply jobs are enqueued after it commits,
so a worker never looks for a message that is not there yet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest

from agents.models import Agent
from conversations.models import Contact, Conversation, Message
from conversations.services.enqueue import reply_enqueue_on_commit
from conversations.whatsapp.parser import InboundMessage, ParsedWebhook, StatusUpdate

logger = logging.getLogger(__name__)

# Outbound statuses in the order Meta reports them. A status only ever moves forwards: Meta
# may deliver them out of order, or skip "delivered" when a message is read at once.
STATUS_RANK = {
    Message.Status.PENDING: 0,
    Message.Status.SENT: 1,
    Message.Status.DELIVERED: 2,
    Message.Status.READ: 3,
}


@dataclass
class IngestResult:
    stored: int = 0
    duplicates: int = 0
    unknown_numbers: set[str] = field(default_factory=set)
    statuses_applied: int = 0
    statuses_ignored: int = 0
    conversations_to_reply: set[int] = field(default_factory=set)


def webhook_ingest(*, parsed: ParsedWebhook) -> IngestResult:
    result = IngestResult()
    with transaction.atomic():
        agents = _agents_by_phone_number_id(parsed)
        for inbound in parsed.messages:
            agent = agents.get(inbound.phone_number_id)
            if agent is None:
                result.unknown_numbers.add(inbound.phone_number_id)
                continue
            _store_inbound(agent=agent, inbound=inbound, result=result)
        for status in parsed.statuses:
            if message_status_apply(update=status):
                result.statuses_applied += 1
            else:
                result.statuses_ignored += 1
        for conversation_id in sorted(result.conversations_to_reply):
            reply_enqueue_on_commit(conversation_id=conversation_id)
    if result.unknown_numbers:
        # 200 anyway: Meta would otherwise retry a delivery nobody here can take, for days.
        logger.warning(
            "webhook for unknown phone_number_id %s ignored",
            ", ".join(sorted(result.unknown_numbers)),
        )
    return result


def _agents_by_phone_number_id(parsed: ParsedWebhook) -> dict[str, Agent]:
    ids = {m.phone_number_id for m in parsed.messages}
    if not ids:
        return {}
    agents = Agent.objects.select_related("business").filter(
        phone_number_id__in=ids, is_active=True
    )
    return {agent.phone_number_id: agent for agent in agents}


def _store_inbound(*, agent: Agent, inbound: InboundMessage, result: IngestResult) -> None:
    if Message.objects.filter(wamid=inbound.wamid).exists():
        result.duplicates += 1
        return
    contact = contact_get_or_create(
        agent=agent, wa_id=inbound.wa_id, user_id=inbound.user_id, profile_name=inbound.profile_name
    )
    conversation, _ = Conversation.objects.get_or_create(
        agent=agent, contact=contact, defaults={"business": agent.business}
    )
    try:
        # A savepoint: the same wamid posted concurrently by a Meta retry loses the race here
        # without undoing the rest of the batch.
        with transaction.atomic():
            Message.objects.create(
                conversation=conversation,
                direction=Message.Direction.INBOUND,
                wamid=inbound.wamid,
                type=inbound.type,
                text=inbound.text,
                author=Message.Author.CUSTOMER,
                status=Message.Status.RECEIVED,
                needs_reply=inbound.needs_reply,
                timestamp=inbound.timestamp,
            )
    except IntegrityError:
        result.duplicates += 1
        return
    result.stored += 1
    # Deliveries arrive out of order: the conversation's clocks only move forwards.
    when = Value(inbound.timestamp)
    Conversation.objects.filter(pk=conversation.pk).update(
        last_inbound_at=Greatest(Coalesce(F("last_inbound_at"), when), when),
        last_message_at=Greatest(Coalesce(F("last_message_at"), when), when),
    )
    if inbound.needs_reply:
        result.conversations_to_reply.add(conversation.pk)


def contact_get_or_create(
    *, agent: Agent, wa_id: str | None, user_id: str | None, profile_name: str
) -> Contact:
    """The business's contact for this sender, matched on either identity Meta gave us."""
    business = agent.business
    contact = None
    if wa_id:
        contact = Contact.objects.filter(business=business, wa_id=wa_id).first()
    if contact is None and user_id:
        contact = Contact.objects.filter(business=business, user_id=user_id).first()
    if contact is None:
        lookup = {"wa_id": wa_id} if wa_id else {"user_id": user_id}
        contact, created = Contact.objects.get_or_create(
            business=business,
            **lookup,
            defaults={"wa_id": wa_id, "user_id": user_id, "profile_name": profile_name},
        )
        if created:
            return contact
    changed = []
    if wa_id and not contact.wa_id:
        contact.wa_id = wa_id
        changed.append("wa_id")
    if user_id and not contact.user_id:
        contact.user_id = user_id
        changed.append("user_id")
    if profile_name and contact.profile_name != profile_name:
        contact.profile_name = profile_name
        changed.append("profile_name")
    if changed:
        contact.save(update_fields=changed)
    return contact


def message_status_apply(*, update: StatusUpdate) -> bool:
    """Move an outbound message's status forwards. False if nothing changed (unknown, stale)."""
    messages = Message.objects.filter(wamid=update.wamid, direction=Message.Direction.OUTBOUND)
    if update.status == Message.Status.FAILED:
        # A failure can only follow a send that had not reached the phone yet.
        changed = messages.filter(status__in=[Message.Status.PENDING, Message.Status.SENT]).update(
            status=Message.Status.FAILED,
            status_at=update.timestamp,
            error_code=update.error.code if update.error else "",
            error_title=update.error.title if update.error else "",
        )
        return changed > 0
    rank = STATUS_RANK[update.status]
    earlier = [status for status, r in STATUS_RANK.items() if r < rank]
    # One conditional UPDATE: two statuses for the same message racing in two requests
    # cannot move it backwards.
    changed = messages.filter(status__in=earlier).update(
        status=update.status, status_at=update.timestamp
    )
    return changed > 0
