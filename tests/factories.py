"""Plain functions that build the rows (and form data) tests need, shared by every test module.

Defaults are valid; override what matters."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.utils import timezone

from agents.models import Agent, Business, KnowledgeBase, Membership
from conversations.models import Contact, Conversation, Message, Review
from prompts_app.defaults import DEFAULT_CHANGELOG, DEFAULT_SYSTEM_PROMPT
from prompts_app.models import PromptVersion

_seq = itertools.count(1)

HAIRCUT_KB = """\
Salon Dana, 12 Herzl Street, Tel Aviv.
Opening hours: Sunday to Thursday 09:00-19:00, Friday 08:00-14:00, closed on Saturday.
Women's haircut: ₪180. Men's haircut: ₪90. Hair colouring: from ₪350.
A haircut takes about 45 minutes; colouring takes 2 hours.
Book by replying here or by phone at 03-555-1234.
תספורת גברים: ₪90. תספורת נשים: ₪180.
שעות פתיחה: א׳-ה׳ 09:00-19:00, ו׳ 08:00-14:00.
"""


def make_business(*, name: str | None = None, knowledge_base: str = HAIRCUT_KB) -> Business:
    n = next(_seq)
    business = Business.objects.create(name=name or f"Business {n}", slug=f"business-{n}")
    KnowledgeBase.objects.create(business=business, content=knowledge_base)
    return business


def make_agent(
    *, business: Business, phone_number_id: str | None = None, is_live: bool = True
) -> Agent:
    """A live agent, unlike a new one in the product (which starts off): most tests are
    about how it answers; tests of going live ask for ``is_live=False``."""
    n = next(_seq)
    return Agent.objects.create(
        business=business,
        name=f"Agent {n}",
        phone_number_id=phone_number_id or f"10654035224{n:04d}",
        is_live=is_live,
    )


def make_user(*, username: str | None = None, is_staff: bool = False) -> AbstractUser:
    n = next(_seq)
    return get_user_model().objects.create_user(
        username=username or f"user{n}", password="pw-for-tests", is_staff=is_staff
    )


def make_member(*, business: Business, role: str = Membership.Role.OWNER) -> AbstractUser:
    user = make_user()
    Membership.objects.create(user=user, business=business, role=role)
    return user


def make_prompt_version(
    *, number: int = 1, body: str = DEFAULT_SYSTEM_PROMPT, active: bool = True
) -> PromptVersion:
    # Version 1 comes with the migrations, but transactional tests flush it away.
    if active:  # one version is deployed at a time
        PromptVersion.objects.exclude(number=number).update(is_active=False)
    version, _ = PromptVersion.objects.update_or_create(
        number=number,
        defaults={"body": body, "changelog": DEFAULT_CHANGELOG, "is_active": active},
    )
    return version


def make_conversation(*, agent: Agent, wa_id: str = "972501234567", name: str = "") -> Conversation:
    contact = Contact.objects.create(business=agent.business, wa_id=wa_id, profile_name=name)
    return Conversation.objects.create(business=agent.business, agent=agent, contact=contact)


def add_message(
    conversation: Conversation,
    *,
    text: str,
    direction: str = Message.Direction.INBOUND,
    at: dt.datetime | None = None,
    **fields: object,
) -> Message:
    at = at or timezone.now()
    inbound = direction == Message.Direction.INBOUND
    fields.setdefault("author", Message.Author.CUSTOMER if inbound else Message.Author.AI)
    fields.setdefault("status", Message.Status.RECEIVED if inbound else Message.Status.SENT)
    message = Message.objects.create(
        conversation=conversation, direction=direction, text=text, timestamp=at, **fields
    )
    clocks = {"last_message_at": at} | ({"last_inbound_at": at} if inbound else {})
    Conversation.objects.filter(pk=conversation.pk).update(**clocks)
    return message


QUESTION = "How much is a men's haircut?"
HELD = "A men's haircut is ₪120, and we are definitely open on Saturday."


def hold_reply(
    conversation: Conversation,
    *,
    question: str = QUESTION,
    reply: str = HELD,
    claims: tuple[tuple[str, str, str], ...] = (
        ("price", "₪120", "₪120 is not a price in the knowledge base (prices there: ₪90, ₪180)"),
        ("certainty", "definitely", "promises a certainty the knowledge base does not give"),
    ),
) -> Review:
    """A customer question answered by a held reply, as the reply path stores it."""
    asked = add_message(conversation, text=question, needs_reply=True)
    held = add_message(conversation, text=reply, direction="out", status=Message.Status.HELD)
    Message.objects.filter(pk=asked.pk).update(answered_by=held)
    flags = [
        {
            "kind": kind,
            "claim": claim,
            "start": reply.index(claim),
            "end": reply.index(claim) + len(claim),
            "reason": reason,
        }
        for kind, claim, reason in claims
        if claim in reply
    ]
    return Review.objects.create(
        message=held, business=conversation.business, flags=flags, original_text=reply
    )


def ai_replies(tenant, *, sorry: int, fine: int) -> None:
    """AI replies in one conversation: ``sorry`` apologies and ``fine`` plain answers."""
    conversation = make_conversation(agent=tenant.agent, wa_id=f"9725{sorry:03d}{fine:04d}")
    for _ in range(sorry):
        add_message(conversation, text="Sorry, I don't know that.", direction="out")
    for _ in range(fine):
        add_message(conversation, text="A haircut is ₪90.", direction="out")


def valid_settings(**changes: object) -> dict[str, object]:
    """The agent settings form, filled in validly; ``changes`` override single fields."""
    data = {
        "escalation_text_en": "I'm not sure; let me ask Dana.",
        "escalation_text_he": "אני לא בטוחה; אשאל את דנה.",
        "handoff_text_en": "Dana will write to you shortly.",
        "handoff_text_he": "דנה תכתוב לך בקרוב.",
        "time_zone": "Asia/Jerusalem",
        "grounding_policy": "review",
        "reply_model": "claude-haiku-4-5",
        "escalated_model": "claude-sonnet-4-5",
        "hot_lead_review_model": "claude-opus-4-5",
        "long_conversation_messages": "20",
        "verbatim_messages": "8",
        "cached_after_failures": "3",
        "rules_after_failures": "6",
        "human_after_failures": "12",
        "recover_straight_to_full": "on",
    }
    return data | changes
