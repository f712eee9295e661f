"""Texts per language: the escalation and handoff texts are kept in English and Hebrew, with
good defaults in both, and the customer gets the one in the language they write in."""

from __future__ import annotations

import importlib

import pytest
from django.test import Client
from django.urls import reverse

from agents.models import Agent, AgentText
from agents.selectors import agent_text
from agents.services_settings import agent_settings_update
from conversations.models import Message
from conversations.services.reply import conversation_reply
from conversations.services.review import review_reject
from tests.factories import add_message, hold_reply, make_conversation, valid_settings

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

migration = importlib.import_module("agents.migrations.0008_local_time_texts_going_live")


@pytest.fixture(autouse=True)
def clean_redis(redis_client):
    return redis_client


def test_each_text_has_a_default_in_english_and_in_hebrew(tenant):
    assert agent_text(agent=tenant.agent, kind="handoff", language="en").startswith("Thanks")
    assert agent_text(agent=tenant.agent, kind="handoff", language="he").startswith("תודה")
    assert agent_text(agent=tenant.agent, kind="escalation", language="he").startswith("אין לי")
    # A language the texts are not kept in gets the English one.
    assert agent_text(agent=tenant.agent, kind="escalation", language="fr") == agent_text(
        agent=tenant.agent, kind="escalation", language="en"
    )


def test_an_unknown_kind_is_a_clear_error(tenant):
    with pytest.raises(ValueError, match="unknown agent text kind 'greeting'"):
        agent_text(agent=tenant.agent, kind="greeting", language="en")


def test_the_owners_text_for_one_language_leaves_the_other_on_its_default(tenant):
    agent_settings_update(agent=tenant.agent, handoff_text_he="דנה תחזור אלייך עוד היום.")

    assert agent_text(agent=tenant.agent, kind="handoff", language="he") == (
        "דנה תחזור אלייך עוד היום."
    )
    assert agent_text(agent=tenant.agent, kind="handoff", language="en").startswith("Thanks")


def test_a_text_set_back_to_its_default_stores_nothing(tenant):
    agent_settings_update(agent=tenant.agent, escalation_text_en="Let me ask Dana.")
    default = "I don't have that information. Let me pass you to a member of our team."

    agent_settings_update(agent=tenant.agent, escalation_text_en=default)

    assert not AgentText.objects.filter(agent=tenant.agent).exists()


def test_a_hebrew_customer_gets_the_hebrew_handoff_notice_and_an_english_one_the_english(
    tenant, prompt_version, graph_api
):
    Agent.objects.filter(pk=tenant.agent.pk).update(pinned_mode="human_only")
    agent_settings_update(agent=tenant.agent, handoff_text_en="Dana will write to you soon.")
    hebrew = make_conversation(agent=tenant.agent, wa_id="972501111111")
    english = make_conversation(agent=tenant.agent, wa_id="972502222222")
    add_message(hebrew, text="שלום, כמה עולה צבע?", wamid="wamid.HE", needs_reply=True)
    add_message(english, text="Hi, how much is colouring?", wamid="wamid.EN", needs_reply=True)

    conversation_reply(conversation_id=hebrew.pk)
    conversation_reply(conversation_id=english.pk)

    sent = {r.body["to"]: r.body["text"]["body"] for r in graph_api.requests}
    assert sent["972501111111"] == "תודה על ההודעה! אחד מאנשי הצוות שלנו יחזור אליך בהקדם."
    assert sent["972502222222"] == "Dana will write to you soon."


def test_a_rejected_reply_in_a_hebrew_conversation_sends_the_hebrew_escalation(tenant, graph_api):
    conversation = make_conversation(agent=tenant.agent)
    conversation.language = "he"
    conversation.save(update_fields=["language"])
    review = hold_reply(conversation, question="כמה עולה תספורת?", reply="תספורת ב-₪120.")

    message = review_reject(review=review, by=tenant.reviewer)

    assert message.text == agent_text(agent=tenant.agent, kind="escalation", language="he")
    assert Message.objects.get(pk=message.pk).status == "sent"


def test_the_settings_page_edits_both_languages(client: Client, tenant):
    client.force_login(tenant.owner)
    url = reverse("agents:settings", args=[tenant.agent.pk])
    page = client.get(url).content.decode()
    assert 'name="escalation_text_he"' in page and 'dir="rtl"' in page
    assert "When a person takes over (Hebrew)" in page

    response = client.post(url, valid_settings(handoff_text_he="נחזור אלייך תוך שעה."))

    assert response.status_code == 302
    assert agent_text(agent=tenant.agent, kind="handoff", language="he") == "נחזור אלייך תוך שעה."


def test_an_empty_text_in_either_language_is_refused_and_nothing_is_saved(client, tenant):
    client.force_login(tenant.owner)
    url = reverse("agents:settings", args=[tenant.agent.pk])

    response = client.post(url, valid_settings(escalation_text_he="   "))

    assert response.status_code == 400
    assert not AgentText.objects.filter(agent=tenant.agent).exists()


@pytest.mark.parametrize(
    ("old", "split"),
    [
        ("Thanks! / תודה!", {"en": "Thanks!", "he": "תודה!"}),
        (
            "Dana will answer soon.\nדנה תענה בקרוב.",
            {"en": "Dana will answer soon.", "he": "דנה תענה בקרוב."},
        ),
        ("Thanks for writing! תודה שכתבת!", {"en": "Thanks for writing!", "he": "תודה שכתבת!"}),
        ("נחזור אליך בהקדם", {"he": "נחזור אליך בהקדם"}),
        ("Call us on 03-555-1234.", {"en": "Call us on 03-555-1234."}),
    ],
)
def test_the_migration_splits_an_old_text_that_mixed_both_languages(old, split):
    assert migration.split_by_language(old) == split
