"""Handing a conversation to a person, answering from the browser, and handing it back.

A conversation goes to the human inbox when the agent is not live yet (or its knowledge base
is empty), when the agent is in HUMAN_ONLY mode, when the grounding check replaces a reply
with the fallback, when the customer asks for a person, when the reply model calls the
``hand_to_team`` tool (``HAND_TO_TEAM_TOOL``), when a reply or a rule answer promises the
customer a person (``promises_a_person``), when the customer sends media the agent cannot
read, or when an operator decides so. The customer is told once per handoff; after that the
AI stays quiet and people answer from the inbox until someone hands the conversation back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from agents.models import AgentText
from agents.selectors import agent_text
from conversations.models import Conversation, Message
from conversations.services.delivery import message_send, within_service_window
from conversations.services.enqueue import reply_enqueue_on_commit

# Reasons, kept as constants: the reply path releases handoffs made by the mode by itself
# once the agent has recovered, and only those. They are stored in English; the pages
# translate these known ones when they show them (``{% translate conversation.handoff_reason %}``).
BY_MODE = gettext_noop("The agent is in humans-only mode")
BY_VALIDATOR = gettext_noop("A reply made claims the knowledge base does not support")
BY_CUSTOMER = gettext_noop("The customer asked for a person")
BY_OPERATOR = gettext_noop("Handed over by a team member")
BY_NOT_LIVE = gettext_noop("The agent is not live yet")
# The reply model's own decision, through the hand_to_team tool, one reason per tool reason.
BY_KNOWLEDGE_GAP = gettext_noop("The knowledge base does not answer the customer's question")
BY_COMPLAINT = gettext_noop("The customer has a complaint")
BY_CANNOT_DO = gettext_noop("The customer asked for something the agent cannot do")
BY_AGENT = gettext_noop("The agent handed the conversation to a person")
# Decided without the model: what the agent cannot read, and what a reply already promised.
BY_MEDIA = gettext_noop("The customer sent a voice message, image or file the agent cannot read")
BY_PROMISE = gettext_noop("The agent told the customer a person would answer")

# The tool offered to the reply model. The simulator answers with it by name
# (agents/llm/simulator.py, HANDOFF_TOOL_NAME), as a real model would.
HAND_TO_TEAM = "hand_to_team"
TOOL_REASONS = {
    "not_in_knowledge_base": BY_KNOWLEDGE_GAP,
    "asked_for_person": BY_CUSTOMER,
    "complaint": BY_COMPLAINT,
    "cannot_do": BY_CANNOT_DO,
}
HAND_TO_TEAM_TOOL: dict[str, Any] = {
    "name": HAND_TO_TEAM,
    "description": (
        "Hand this conversation to a person on the business's team, instead of answering. "
        "Call it when the knowledge base does not answer the customer's question "
        "(not_in_knowledge_base), when the customer asks for a person (asked_for_person), "
        "when the customer complains or is upset (complaint), or when the customer wants "
        "something you cannot do here, such as making, changing or cancelling a booking, or "
        "understanding a voice message, an image or a file (cannot_do). A person takes the "
        "conversation and the customer is told so. Never tell the customer that a person "
        "will get back to them without calling this tool."
    ),
    "input_schema": {
        "type": "object",
        "properties": {
            "reason": {"type": "string", "enum": list(TOOL_REASONS)},
            "note": {
                "type": "string",
                "description": "One sentence for the team: what the customer needs.",
            },
        },
        "required": ["reason", "note"],
    },
}
# Message types the agent cannot read: the parser stores a placeholder ("[voice message]").
UNREADABLE_TYPES = frozenset({"audio", "image", "video", "document"})

_ASKS_FOR_A_PERSON = re.compile(
    r"\b(human|real person|a person|representative|operator|agent please|talk to (?:someone|a"
    r" manager)|speak (?:to|with) (?:someone|a person|a human|a manager))\b"
    r"|נציג|בן\s?אדם|אדם אמיתי|לדבר עם מישהו|מנהל(?:ת)?\b",
    re.IGNORECASE,
)


# A reply that promises the customer a person: someone will get back to them, or the agent
# passes (or offers to pass) the request on. What the customer can do themselves ("you can
# call us") and what the team is ("our team is friendly") are not promises.
_PEOPLE = (
    r"(?:team|staff|colleagues?|someone|somebody|some\s?one|representatives?|humans?|persons?"
    r"|people|members?|managers?|owner|one of us|agents?|receptionists?|stylists?|advisers?"
    r"|advisors?|specialists?|consultants?|experts?)"
)
_FOLLOW_UP = (
    r"(?:get back|get in touch|be in touch|contact|call|ring|reach out|reach you|reply|respond"
    r"|answer|follow up|send|confirm|text|message|e-?mail|take over|look into|assist you"
    r"|help you with (?:this|that|it)|sort (?:this|that|it) out|let you know|update you)"
)
_PROMISES_EN = re.compile(
    # "A team member will get back to you", "someone from our team is going to call you"
    rf"\b{_PEOPLE}\b[^.?!\n]{{0,40}}?(?:\bwill|'ll|\bshall|\bis going to|\bare going to)"
    rf"\s+(?:\w+\s+){{0,2}}?{_FOLLOW_UP}\b"
    # "Let me pass you to...", "I'll forward your request", "would you like me to pass it on?"
    r"|\b(?:i'll|i will|i'd|i would|i can|i shall|we'll|we will|we can|let me|let us|allow me"
    r"|me to|shall i|should i)\s+(?:\w+\s+){0,3}?(?:pass|forward|hand|transfer|connect|refer"
    r"|escalate|put you through|get (?:someone|somebody|a person|a human|one of)"
    r"|have (?:someone|somebody|a|one of|the|our)|ask (?:someone|somebody|a|one of|the|our)"
    r"|check (?:this |that |it )?with|let (?:the|our|a|someone|somebody)\b[^.?!\n]{0,25}\bknow"
    r"|get back to you|be in touch|contact you|call you|reach out)\b"
    # "you'll hear from us", "your message has been passed on to the team"
    r"|\byou(?:'ll| will) hear (?:back )?from\b"
    r"|\b(?:request|message|question|enquiry|inquiry|details|query)\s+(?:has been|was|is being"
    r"|will be|have been)\s+(?:passed|forwarded|sent|handed|escalated|shared)\b"
    r"|\b(?:passing|forwarding|handing|transferring|connecting|escalating)\s+(?:you|this|that"
    r"|it|your)\b",
    re.IGNORECASE,
)
_HE = r"(?<![\u05d0-\u05ea])[והשכלב]?"  # a word start, after at most one prefix letter
_PROMISES_HE = re.compile(
    # "נציג יחזור אליך", "מישהו מהצוות יצור איתך קשר", "הצוות שלנו ישלח לך"
    rf"{_HE}(?:נציג|נציגה|נציגים|נציגות|מישהו|מישהי|אחד|אחת|איש|אשת|אנשי|חבר|חברת|צוות|הצוות"
    rf"|מנהל|מנהלת|בעל|בעלת|המנהל|המנהלת)[^.?!\n]{{0,30}}?{_HE}(?:יחזור|תחזור|יחזרו|יצור|תיצור"
    r"|ייצור|יצרו|ייצרו|יענה|תענה|יענו|ישלח|תשלח|ישלחו|יאשר|תאשר|יאשרו|יתקשר|תתקשר|יתקשרו|יטפל"
    r"|תטפל|יטפלו|יעדכן|תעדכן|יעדכנו|ידבר|תדבר|ידברו)"
    # "אעביר את פנייתך לצוות", "אבדוק עם הצוות ואחזור אליך", "ניצור איתך קשר", "מעביר אותך"
    rf"|{_HE}(?:אעביר|נעביר|העברתי|העברנו|אני מעביר|אני מעבירה|מעביר|מעבירה|מעבירים)\s+"
    r"(?:את\s+)?(?:פנייתך|פנייתכם|הפנייה|הפניה|פנייה|ההודעה|הודעתך|הבקשה|בקשתך|השאלה|שאלתך|אותך"
    r"|אתכם|אותכם|את זה|זאת|זה)"
    rf"|{_HE}(?:אעביר|נעביר|העברתי|העברנו|מעביר|מעבירה)[^.?!\n]{{0,30}}?\s"
    r"(?:לצוות|לנציג|לנציגה|למנהל|למנהלת|לבעלים|לאחד|לאחת|למישהו)"
    rf"|{_HE}(?:אבדוק|נבדוק|אברר|נברר|אתייעץ|נתייעץ)\s+(?:את זה\s+|זאת\s+)?(?:עם|מול)"
    rf"|{_HE}(?:אחזור|נחזור|נחזיר)\s+(?:אליך|אלייך|אליכם|אלייכם|לך|לכם|תשובה)"
    rf"|{_HE}(?:ניצור|אצור|נצור|יצרו|ייצרו)\s+(?:איתך|אתך|עמך|איתכם|אתכם|עמכם|קשר)"
    rf"|{_HE}(?:נתקשר|אתקשר|יתקשרו)\s+(?:אליך|אלייך|אליכם)"
    rf"|{_HE}(?:אחבר|נחבר)\s+(?:אותך|אתכם|אותכם)",
)


class HandoffError(ValueError):
    pass


def asks_for_a_person(text: str) -> bool:
    return bool(_ASKS_FOR_A_PERSON.search(text))


def promises_a_person(text: str, *, agent_texts: Iterable[str] = ()) -> bool:
    """Whether a reply tells the customer a person will answer, in English or Hebrew.

    The backstop behind the ``hand_to_team`` tool: a reply (or a rule answer) that says "A
    team member will get back to you", "Let me pass you to the team", "I can pass your
    request on", "נציג יחזור אליך" or "אעביר את פנייתך לצוות" hands the conversation over, so
    the promise is kept. ``agent_texts`` are the agent's own escalation and handoff wording,
    a promise whatever words the owner chose. What the customer can do ("you can call us")
    is no promise."""
    if _PROMISES_EN.search(text) or _PROMISES_HE.search(text):
        return True
    said = _normalised(text)
    return any(own and own in said for own in map(_normalised, agent_texts))


def _normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def cannot_read(messages: Sequence[Message]) -> bool:
    """Whether any of the customer's messages is media the agent cannot read."""
    return any(message.type in UNREADABLE_TYPES for message in messages)


def reason_for_tool(tool_input: dict[str, Any]) -> str:
    """The stored (translatable) handoff reason for the model's ``hand_to_team`` input.

    The model's input is not trusted: an unknown or missing reason still hands over."""
    return TOOL_REASONS.get(str(tool_input.get("reason", "")), BY_AGENT)


def conversation_hand_off(*, conversation: Conversation, reason: str) -> Conversation:
    # Conditional: of two hand-offs racing, one wins and the customer is told once.
    Conversation.objects.filter(pk=conversation.pk, handed_off_at__isnull=True).update(
        handed_off_at=timezone.now(), handoff_reason=reason[:200], handoff_notified_at=None
    )
    conversation.refresh_from_db(fields=["handed_off_at", "handoff_reason", "handoff_notified_at"])
    return conversation


def handoff_notice_store(
    *, conversation: Conversation, pending: list[Message], language: str | None = None
) -> Message | None:
    """Store the handoff message for the customer, once per handoff, answering ``pending``.

    The notice is in ``language`` (the language of the messages it answers; default the
    conversation's). Later messages in a handed-off conversation are left for people: the
    notice is not repeated on every message. Returns None when the customer was already told."""
    language = language or conversation.language
    text = agent_text(agent=conversation.agent, kind=AgentText.Kind.HANDOFF, language=language)
    with transaction.atomic():
        claimed = Conversation.objects.filter(
            pk=conversation.pk, handed_off_at__isnull=False, handoff_notified_at__isnull=True
        ).update(handoff_notified_at=timezone.now())
        if not claimed:
            return None
        notice = Message.objects.create(
            conversation=conversation,
            direction=Message.Direction.OUTBOUND,
            type="text",
            text=text,
            author=Message.Author.FALLBACK,
            status=Message.Status.PENDING,
            timestamp=timezone.now(),
        )
        Message.objects.filter(pk__in=[m.pk for m in pending], answered_by__isnull=True).update(
            answered_by=notice
        )
        Conversation.objects.filter(pk=conversation.pk).update(language=language)
    return notice


def handed_off_by_mode_only(*, conversation: Conversation) -> bool:
    """Handed over because the agent was in humans-only mode, and no person has answered."""
    if conversation.handed_off_at is None or conversation.handoff_reason != BY_MODE:
        return False
    return (
        not conversation.messages.by_people()
        .filter(created_at__gte=conversation.handed_off_at)
        .exists()
    )


def conversation_hand_back(*, conversation: Conversation) -> Conversation:
    conversation.handed_off_at = None
    conversation.handoff_reason = ""
    conversation.handoff_notified_at = None
    conversation.save(update_fields=["handed_off_at", "handoff_reason", "handoff_notified_at"])
    if conversation.messages.unanswered().exists():
        # Messages nobody answered while people had it: the agent answers them now, not
        # whenever the sweeper comes round.
        reply_enqueue_on_commit(conversation_id=conversation.pk)
    return conversation


def human_reply_send(*, conversation: Conversation, author: AbstractBaseUser, text: str) -> Message:
    """A person answers from the browser: stored, answering everything waiting, then sent."""
    text = text.strip()
    if not text:
        raise HandoffError(gettext("Write a reply first."))
    if len(text) > 4096:
        raise HandoffError(gettext("WhatsApp messages are limited to 4,096 characters."))
    if not within_service_window(conversation):
        raise HandoffError(
            gettext(
                "More than 24 hours have passed since the customer's last message: WhatsApp "
                "only allows template messages now."
            )
        )
    with transaction.atomic():
        reply = Message.objects.create(
            conversation=conversation,
            direction=Message.Direction.OUTBOUND,
            type="text",
            text=text,
            author=Message.Author.HUMAN,
            status=Message.Status.PENDING,
            sent_by=author,
            timestamp=timezone.now(),
        )
        conversation.messages.unanswered().update(answered_by=reply)
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=reply.timestamp)
    return message_send(message_id=reply.pk)


def handoffs_release_recovered() -> list[int]:
    """Hand back conversations that went to people only because their agent was in
    humans-only mode, now that it is not, where no person has answered yet.

    The customer was told a person would answer; the agent now answers what that notice only
    acknowledged, rather than leaving the customer waiting for a person nobody assigned.
    """
    from agents.ladder import agent_mode
    from agents.models import Mode

    released = []
    modes: dict[int, str] = {}
    candidates = Conversation.objects.filter(
        handed_off_at__isnull=False, handoff_reason=BY_MODE
    ).select_related("agent")
    for conversation in candidates:
        if conversation.agent_id not in modes:
            modes[conversation.agent_id] = agent_mode(agent=conversation.agent)
        if modes[conversation.agent_id] == Mode.HUMAN_ONLY:
            continue
        if not handed_off_by_mode_only(conversation=conversation):
            continue
        with transaction.atomic():
            Message.objects.filter(
                conversation=conversation,
                direction=Message.Direction.INBOUND,
                needs_reply=True,
                answered_by__author=Message.Author.FALLBACK,
                answered_by__created_at__gte=conversation.handed_off_at,
            ).update(answered_by=None)
            conversation_hand_back(conversation=conversation)
        released.append(conversation.pk)
    return released
