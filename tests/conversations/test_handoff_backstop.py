"""The backstop: a reply or a rule answer that promises a person hands the conversation over.

``promises_a_person`` reads the reply, in English or Hebrew; the reply path then hands the
conversation to the inbox and lets the reply itself be the customer's notice.
"""

from __future__ import annotations

import pytest

from agents.models import Agent, Mode, Rule
from agents.services import business_install_defaults
from conversations.models import Message
from conversations.services import handoff
from conversations.services.delivery import sweep
from conversations.services.handoff import promises_a_person
from conversations.services.reply import conversation_reply
from tests.factories import add_message, make_conversation

PROMISES = [
    "I don't have that information. Let me pass you to a member of our team.",
    "A team member will get back to you shortly.",
    "A member of our team will send you our prices shortly.",
    "Thanks for asking! A team member will confirm our opening hours shortly.",
    "Someone from our team is going to call you this afternoon.",
    "One of our staff will contact you about it.",
    "Let me check that with the team and get back to you shortly.",
    "I'll pass your request on to Dana.",
    "I can pass your request to the team if you like.",
    "Would you like me to forward this to the owner?",
    "I'll let the team know you asked.",
    "We'll get back to you as soon as we can.",
    "You'll hear from us by tomorrow.",
    "Your message has been passed to the salon.",
    "I'm transferring you to a colleague now.",
    "Let me connect you with a stylist.",
    "נציג יחזור אליך בהקדם.",
    "תודה על ההודעה! נציג מהצוות יחזור אליך בהקדם.",
    "נציג מהצוות ישלח לך את המחירים העדכניים בהקדם.",
    "אעביר את פנייתך לצוות.",
    "אני מעביר אותך לנציג.",
    "אבדוק את זה עם הצוות ואחזור אליך בהקדם.",
    "מישהו מהצוות יצור איתך קשר היום.",
    "ניצור איתך קשר בהקדם.",
    "הצוות שלנו יחזור אלייך עוד היום.",
    "העברתי את הבקשה שלך למנהלת.",
]

NOT_PROMISES = [
    "You can call us on 03-555-1234.",
    "Feel free to contact our team at the salon.",
    "Our team is available Sunday to Thursday, 09:00-19:00.",
    "Our stylists will make sure you love the result.",
    "Sure! A women's haircut is ₪180 and takes about 45 minutes.",
    "Let me know if you'd like anything else!",
    "You can book by replying on this WhatsApp chat.",
    "Hi! How can I help you today?",
    "Our team will be happy to welcome you.",
    "אפשר להתקשר אלינו בטלפון 03-555-1234.",
    "הצוות שלנו מקצועי ואדיב.",
    "תספורת נשים: 180 ₪ (כ-45 דקות).",
    "בשמחה! אפשר לעזור במשהו נוסף?",
    "ניתן לקבוע תור בטלפון או כאן בוואטסאפ.",
]


@pytest.mark.parametrize("text", PROMISES)
def test_a_reply_that_promises_a_person_is_recognised(text) -> None:
    assert promises_a_person(text)


@pytest.mark.parametrize("text", NOT_PROMISES)
def test_a_reply_that_promises_nobody_is_not_a_promise(text) -> None:
    assert not promises_a_person(text)


def test_the_agents_own_escalation_wording_is_a_promise_whatever_its_words() -> None:
    own = "I'm not sure; let me ask Dana."
    assert not promises_a_person("I'm not sure, let me ask Dana!")
    assert promises_a_person("I'm not sure, let me ask Dana!", agent_texts=[own, ""])


@pytest.fixture
def conversation(tenant):
    # An owner has switched the agent on: it answers customers with the AI.
    Agent.objects.filter(pk=tenant.agent.pk).update(is_live=True)
    return make_conversation(agent=tenant.agent)


@pytest.mark.django_db
def test_an_ai_reply_that_promises_a_person_hands_over_and_is_the_only_notice(
    conversation, prompt_version, llm_simulator, redis_client
) -> None:
    # The knowledge base answers the question with a promise of a call back: the simulator
    # quotes it instead of calling the tool, as a model might.
    kb = conversation.business.knowledge_base
    kb.content += "\nGift cards: a team member will call you back to arrange a gift card.\n"
    kb.save(update_fields=["content"])
    add_message(conversation, text="Do you sell gift cards?", needs_reply=True)

    outcome = conversation_reply(conversation_id=conversation.pk)

    (reply,) = Message.objects.filter(pk__in=outcome.reply_ids)
    assert reply.author == Message.Author.AI and "call you back" in reply.text
    conversation.refresh_from_db()
    assert conversation.handoff_reason == handoff.BY_PROMISE
    assert conversation.handoff_notified_at is not None
    outbound = conversation.messages.filter(direction=Message.Direction.OUTBOUND)
    assert list(outbound.values_list("text", flat=True)) == [reply.text]  # no second notice


@pytest.mark.django_db
def test_a_rule_answer_that_promises_a_person_hands_over_and_stays_with_people(
    conversation, redis_client, settings, django_capture_on_commit_callbacks
) -> None:
    business_install_defaults(business=conversation.business)
    # An owner's rule that promises a person, without ticking "hands to people".
    Rule.objects.create(
        business=conversation.business,
        name="Gift cards",
        language="en",
        priority=5,
        match="gift card",
        response="A team member will send you the gift card details shortly.",
        hands_to_people=False,
    )
    conversation.agent.pinned_mode = Mode.RULES_ONLY  # an operator pinned it to rules
    conversation.agent.save(update_fields=["pinned_mode"])
    add_message(conversation, text="Do you sell a gift card?", needs_reply=True)

    outcome = conversation_reply(conversation_id=conversation.pk)

    (reply,) = Message.objects.filter(pk__in=outcome.reply_ids)
    assert reply.author == Message.Author.RULES and "gift card details" in reply.text
    conversation.refresh_from_db()
    assert conversation.handoff_reason == handoff.BY_PROMISE
    assert conversation.handoff_notified_at is not None
    # Not released by the sweeper as a mode-only handoff: a person was promised.
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep().handed_back == ()
    add_message(conversation, text="Hello?", needs_reply=True)
    assert conversation_reply(conversation_id=conversation.pk).reply_ids == ()
    assert conversation.messages.filter(direction=Message.Direction.OUTBOUND).count() == 1
