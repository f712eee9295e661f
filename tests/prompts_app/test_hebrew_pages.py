"""The operator's prompt pages in Hebrew for a Hebrew browser, in English for any other."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from prompts_app.models import PromptExperiment
from prompts_app.selectors import CANDIDATE as CANDIDATE_ARM
from prompts_app.selectors import prompt_arm
from prompts_app.services import TEMPLATE_FIELDS
from prompts_app.views import FIELD_MEANINGS
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db

HEBREW = {"HTTP_ACCEPT_LANGUAGE": "he"}
HEBREW_LETTER = re.compile(r"[\u0590-\u05ff]")

# name: (url, English heading, Hebrew heading, Hebrew texts the page shows)
PAGES = {
    "prompts": (
        "prompts:list",
        "Prompts",
        "פרומפטים",
        ["הגרסה הפעילה", "אין ניסוי A/B פעיל.", "גרסאות", ">פעילה</span>", "היסטוריה"],
    ),
    "version": (
        "prompts:detail",
        "Prompt v1",
        'פרומפט v1\n    <span class="badge badge-deployed">פעילה</span>',
        ["מה השתנה", "אף לקוח עדיין לא קיבל תשובה מהגרסה הזו.", "גרסה חדשה על בסיס זו"],
    ),
    "new version": (
        "prompts:new",
        "New prompt version",
        "גרסת פרומפט חדשה",
        [
            "מתחילים מ-v1.",
            '<label for="id_body">פרומפט המערכת</label>',
            '<dd class="muted">מאגר הידע של העסק</dd>',
            "חובה לכלול את {knowledge_base} ואת {escalation}.",
            "כותבים {{ או }}",
            ">לשמור גרסה</button>",
        ],
    ),
}


def page(client, operator, name: str, **headers: str) -> str:
    client.force_login(operator)
    url_name = PAGES[name][0]
    url = reverse(url_name, args=[1]) if url_name == "prompts:detail" else reverse(url_name)
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_a_hebrew_browser_gets_the_page_in_hebrew(client, operator, prompt_version, name) -> None:
    body = page(client, operator, name, **HEBREW)

    _, english, hebrew, texts = PAGES[name]
    assert '<html lang="he" dir="rtl">' in body
    assert f"<h1>{hebrew}" in body
    assert f"<h1>{english}" not in body
    for text in texts:
        assert text in body


@pytest.mark.parametrize("name", PAGES)
def test_any_other_browser_keeps_the_english_page(client, operator, prompt_version, name) -> None:
    body = page(client, operator, name)

    assert '<html lang="en" dir="ltr">' in body
    assert f"<h1>{PAGES[name][1]}" in body
    assert not HEBREW_LETTER.search(body)


def test_a_running_test_reads_in_hebrew(client, operator, experiment) -> None:
    client.force_login(operator)

    listing = client.get(reverse("prompts:list"), **HEBREW).content.decode()
    candidate = client.get(reverse("prompts:detail", args=[2]), **HEBREW).content.decode()

    assert '<span class="muted">(הגרסה הפעילה, 70% מהשיחות)</span>' in listing
    assert "אין עדיין תשובות." in listing
    assert ">לאמץ את v2</button>" in listing
    assert "confirm('לעצור את הניסוי ולהשאיר את v1 לכולם?')" in listing
    assert ">בניסוי A/B</span>" in candidate


def test_the_results_card_names_the_rates_in_hebrew(
    client, tenant, operator, prompt_version, candidate, experiment
) -> None:
    for n in range(6):
        conversation = make_conversation(agent=tenant.agent, wa_id=f"9725033300{n:02d}")
        arm = prompt_arm(experiment=experiment, conversation_id=conversation.pk)
        version = candidate if arm == CANDIDATE_ARM else prompt_version
        add_message(conversation, text="Haircut ₪90.", direction="out", prompt_version=version)
    client.force_login(operator)
    url = reverse("prompts:experiment_results", args=[experiment.pk])

    hebrew = client.get(url, **HEBREW).content.decode()
    english = client.get(url).content.decode()

    assert 'hx-trigger="every 10s"' in hebrew
    assert "הותחל על ידי operator" in hebrew
    assert '<th scope="row">קליטת לידים</th>' in hebrew
    assert '<th scope="row">טענות לא מגובות</th>' in hebrew
    assert "צריך לפחות 30 בכל קבוצה" in hebrew
    assert '<th scope="row">Lead capture</th>' in english
    assert "needs 30 in each arm" in english
    assert not HEBREW_LETTER.search(english.replace("₪", ""))


def test_the_actions_answer_in_hebrew(client, operator, candidate) -> None:
    client.force_login(operator)

    started = client.post(
        reverse("prompts:experiment_start", args=[2]), {"percent": "25"}, follow=True, **HEBREW
    )
    experiment = PromptExperiment.objects.get()
    promoted = client.post(
        reverse("prompts:experiment_end", args=[experiment.pk]),
        {"decision": "promote"},
        follow=True,
        **HEBREW,
    )

    assert "ניסוי A/B התחיל: 25% מהשיחות מקבלות עכשיו את v2." in started.content.decode()
    body = promoted.content.decode()
    assert "v2 אומצה: כל תשובה חדשה משתמשת בה." in body
    assert "ניסוי A/B בין v1 ל-v2 (25%): הגרסה המועמדת אומצה על ידי operator" in body
    assert "<strong>v2</strong> אומצה אחרי ניסוי, במקום v1 על ידי operator" in body


def test_a_bad_share_is_refused_in_hebrew(client, operator, candidate) -> None:
    client.force_login(operator)

    response = client.post(
        reverse("prompts:experiment_start", args=[2]), {"percent": "100"}, follow=True, **HEBREW
    )

    assert "יש לשלוח לגרסה המועמדת בין 1% ל-99% מהשיחות." in response.content.decode()


def test_every_template_field_meaning_is_in_the_catalogue() -> None:
    # The new-version page translates TEMPLATE_FIELDS' meanings through FIELD_MEANINGS.
    assert set(FIELD_MEANINGS) == set(TEMPLATE_FIELDS.values())
