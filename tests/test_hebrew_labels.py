"""The labels the models and services supply, in Hebrew for a Hebrew browser.

Modes, message statuses, lead scores and filters, review decisions and claim kinds come from
the models and selectors; the reasons a change is refused come from the services. A Hebrew
browser gets them in Hebrew, any other browser the English ones word for word. What is
stored or sent on (mode changes, alerts, handoff reasons) stays English whatever the language
of the request that caused it; a known handoff reason is translated only where it is shown.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from agents.ladder import ladder_record_failure
from agents.models import Mode, ModeTransition, Rule
from conversations.models import Conversation, Lead, Message
from conversations.services.handoff import BY_OPERATOR, BY_VALIDATOR, conversation_hand_off
from monitoring.models import Alert
from prompts_app.defaults import DEFAULT_SYSTEM_PROMPT
from prompts_app.models import PromptVersion
from tests.factories import add_message, hold_reply, make_conversation

pytestmark = pytest.mark.django_db

HEBREW = {"HTTP_ACCEPT_LANGUAGE": "he"}
HTMX = {"HTTP_HX_REQUEST": "true"}


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def page(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


# --- modes ------------------------------------------------------------------------------------


@pytest.mark.redis
def test_the_agents_pages_name_the_modes_in_hebrew(client, tenant, operator, redis_client) -> None:
    for _ in range(2):  # full AI -> cached answers
        ladder_record_failure(agent=tenant.agent, kind="overloaded")
    client = logged_in(client, operator)
    detail = reverse("agents:detail", args=[tenant.agent.pk])

    hebrew = page(client, reverse("agents:list"), **HEBREW)
    english = page(client, reverse("agents:list"))
    hebrew_detail = page(client, detail, **HEBREW)
    english_detail = page(client, detail)

    # the mode change, from and to
    assert '<span class="mode mode-full_ai mode-small">AI מלא</span>' in hebrew
    assert '<span class="mode mode-cached_ai mode-small">תשובות שמורות</span>' in hebrew
    assert '<span class="mode mode-full_ai mode-small">Full AI</span>' in english
    assert '<span class="mode mode-cached_ai mode-small">Cached answers</span>' in english
    # the ladder's own mode, and the modes an operator can pin
    assert '<span class="mode mode-small mode-cached_ai">תשובות שמורות</span>' in hebrew_detail
    assert '<option value="rules_only">כללים בלבד</option>' in hebrew_detail
    assert '<option value="human_only">נציגים בלבד</option>' in hebrew_detail
    assert '<span class="mode mode-small mode-cached_ai">Cached answers</span>' in english_detail
    assert '<option value="rules_only">Rules only</option>' in english_detail
    # what was stored about the change is shown as it was stored: in English
    assert f"{tenant.agent.name} degraded to Cached answers" in hebrew


@pytest.mark.redis
def test_mode_changes_and_alerts_stay_english_whatever_the_request_speaks(
    client, tenant, operator, redis_client
) -> None:
    response = logged_in(client, operator).post(
        reverse("agents:pin", args=[tenant.agent.pk]),
        {"mode": "human_only", "reason": "ספק לא זמין"},
        **HEBREW,
        **HTMX,
    )
    assert response.status_code == 200
    assert ">נציגים בלבד<" in response.content.decode()
    tenant.agent.refresh_from_db()
    with translation.override("he"):
        for _ in range(2):
            ladder_record_failure(agent=tenant.agent, kind="overloaded")

    pinned, degraded = ModeTransition.objects.order_by("created_at", "id")
    assert pinned.reason == "Pinned to Humans only by operator: ספק לא זמין"
    assert degraded.reason == (
        "2 consecutive LLM failures (overloaded); pinned to Humans only, so not in effect"
    )
    alert = Alert.objects.get()
    assert alert.title == f"{tenant.agent.name} degraded to Cached answers (pinned to Humans only)"


# --- messages, leads, reviews -------------------------------------------------------------------


def test_the_conversation_page_gives_message_statuses_and_authors_in_hebrew(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text="Hi")
    add_message(conversation, text="Hello!", direction="out")
    add_message(conversation, text="Welcome", direction="out", status=Message.Status.DELIVERED)
    add_message(conversation, text="Bye", direction="out", status=Message.Status.FAILED)
    add_message(conversation, text="We open at 9.", direction="out", author=Message.Author.CACHED)
    client = logged_in(client, tenant.owner)
    url = reverse("conversations:detail", args=[conversation.pk])

    hebrew = page(client, url, **HEBREW)
    english = page(client, url)

    for status, he, en in [
        ("sent", "נשלחה", "Sent"),
        ("delivered", "נמסרה", "Delivered"),
        ("failed", "נכשלה", "Failed"),
    ]:
        assert f'<span class="status status-{status}">{he}</span>' in hebrew
        assert f'<span class="status status-{status}">{en}</span>' in english
    assert '<span class="author author-cached">תשובה שמורה</span>' in hebrew
    assert '<span class="author author-cached">Cached answer</span>' in english


def test_the_leads_page_gives_scores_and_filters_in_hebrew(client, tenant) -> None:
    for n, score in enumerate(["hot", "warm", "cold"]):
        conversation = make_conversation(agent=tenant.agent, wa_id=f"97250111000{n}")
        Lead.objects.create(
            business=tenant.business,
            conversation=conversation,
            name=f"Customer {n}",
            need="A haircut",
            score=score,
        )
    client = logged_in(client, tenant.owner)

    hebrew = page(client, reverse("conversations:leads") + "?score=all", **HEBREW)
    english = page(client, reverse("conversations:leads") + "?score=all")

    for score, he, en in [("hot", "חם", "HOT"), ("warm", "פושר", "WARM"), ("cold", "קר", "COLD")]:
        assert f'<span class="badge badge-{score}">{he}</span>' in hebrew
        assert f'<span class="badge badge-{score}">{en}</span>' in english
    for he, en in [
        ("נקלטו", "Captured"),
        ("חמים", "Hot"),
        ("פושרים", "Warm"),
        ("קרים", "Cold"),
        ("הכול", "All"),
    ]:
        assert f'>{he} <span class="filter-count">' in hebrew
        assert f'>{en} <span class="filter-count">' in english


def test_the_review_queue_names_claims_and_refusals_in_hebrew(client, tenant) -> None:
    review = hold_reply(make_conversation(agent=tenant.agent, name="Noa"))
    client = logged_in(client, tenant.reviewer)

    hebrew = page(client, reverse("conversations:review"), **HEBREW)
    english = page(client, reverse("conversations:review"))
    refused = client.post(
        reverse("conversations:review_edit", args=[review.pk]), {"text": " "}, **HEBREW, **HTMX
    ).content.decode()

    assert '<span class="flag-kind flag-price">מחיר</span>' in hebrew
    assert '<span class="flag-kind flag-certainty">ודאות</span>' in hebrew
    assert '<span class="flag-kind flag-price">Price</span>' in english
    assert "התשובה הערוכה ריקה." in refused


# --- refusals from the services -----------------------------------------------------------------


def test_a_refused_prompt_template_says_why_in_hebrew(client, operator, prompt_version) -> None:
    client = logged_in(client, operator)
    data = {"body": DEFAULT_SYSTEM_PROMPT + "\nHi {customer}", "changelog": "Greet by name."}

    hebrew = client.post(reverse("prompts:new"), data, **HEBREW)
    english = client.post(reverse("prompts:new"), data)

    assert hebrew.status_code == english.status_code == 400
    assert "{customer} הוא לא שדה שהפרומפט יכול להשתמש בו." in hebrew.content.decode()
    assert "is not a field the prompt can use" not in hebrew.content.decode()
    assert "{customer} is not a field the prompt can use." in english.content.decode()
    assert PromptVersion.objects.count() == 1


def test_a_refused_rule_says_why_in_hebrew(client, tenant) -> None:
    response = logged_in(client, tenant.owner).post(
        reverse("agents:rule_create", args=[tenant.business.pk]),
        {
            "name": "Hours",
            "kind": "pattern",
            "match": "(open|close",
            "response": "We open at nine.",
            "priority": 10,
            "is_active": "on",
        },
        **HEBREW,
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "זה לא ביטוי רגולרי תקין" in body
    assert '<option value="pattern" selected>ביטוי רגולרי</option>' in body
    assert not Rule.objects.exists()


def test_an_inbox_reply_that_cannot_be_sent_says_why_in_hebrew(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text="Can I talk to a person?", needs_reply=True)
    conversation_hand_off(conversation=conversation, reason=BY_VALIDATOR)

    response = logged_in(client, tenant.owner).post(
        reverse("conversations:inbox_reply", args=[conversation.pk]),
        {"text": "  "},
        **HEBREW,
        **HTMX,
    )

    assert "יש לכתוב תשובה קודם." in response.content.decode()


# --- handoff reasons: stored in English, shown in the page's language ---------------------------


def test_a_handoff_reason_is_stored_in_english_and_shown_in_hebrew(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text="Hi", needs_reply=True)
    client = logged_in(client, tenant.owner)

    client.post(reverse("conversations:hand_off", args=[conversation.pk]), **HEBREW, **HTMX)

    stored = Conversation.objects.get(pk=conversation.pk)
    assert stored.handoff_reason == BY_OPERATOR == "Handed over by a team member"
    hebrew_inbox = page(client, reverse("conversations:inbox"), **HEBREW)
    english_inbox = page(client, reverse("conversations:inbox"))
    hebrew_thread = page(client, reverse("conversations:detail", args=[conversation.pk]), **HEBREW)
    assert '<p class="inbox-reason" dir="auto">הועברה על ידי מישהו מהצוות</p>' in hebrew_inbox
    assert '<p class="inbox-reason" dir="auto">Handed over by a team member</p>' in english_inbox
    assert '<span dir="auto">הועברה על ידי מישהו מהצוות</span>.' in hebrew_thread


def test_a_reason_that_is_not_a_known_one_is_shown_as_stored(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text="Hi", needs_reply=True)
    conversation_hand_off(conversation=conversation, reason="Migrated from the old <system>")

    body = page(logged_in(client, tenant.owner), reverse("conversations:inbox"), **HEBREW)

    assert '<p class="inbox-reason" dir="auto">Migrated from the old &lt;system&gt;</p>' in body


def test_model_labels_are_lazy_and_english_by_default() -> None:
    # The migrations see the English labels; a Hebrew request sees its own.
    assert Mode.FULL_AI.label == "Full AI"
    assert Message.Status.HELD.label == "Held for review"
    assert Lead.Score.HOT.label == "Hot"
    with translation.override("he"):
        assert str(Mode.FULL_AI.label) == "AI מלא"
        assert str(Message.Status.HELD.label) == "נעצרה לבדיקה"
        assert str(Lead.Score.HOT.label) == "חם"
