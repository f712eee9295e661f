"""Plain functions that build the rows tests need. Defaults are valid; override what matters."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.utils import timezone

from agents.models import Agent, Business, KnowledgeBase, Membership
from conversations.models import Contact, Conversation, Message
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
