"""The metrics dashboard and the alert rules page in Hebrew, and the alerts that stay English.

A Hebrew browser gets both pages in Hebrew, right to left, down to the metric names, the
windows and why each rule matters; any other browser keeps them in English, word for word.
The alerts themselves are stored once and sent to Slack: their titles and details are
English whatever language the evaluation runs in.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from monitoring.alert_rules import alert_rule_list, alert_rules_evaluate
from monitoring.models import Alert, MetricAlertRule
from tests.factories import ai_replies

pytestmark = pytest.mark.django_db

HEBREW = {"HTTP_ACCEPT_LANGUAGE": "he"}
HEBREW_LETTER = re.compile(r"[\u0590-\u05ff]")

# name: (url name, English heading, Hebrew heading, Hebrew texts the page shows)
PAGES = {
    "metrics dashboard": (
        "metrics_dashboard",
        "Metrics",
        "מדדים",
        ["קליטת לידים", "התנצלויות", "העברות לנציג", "7 הימים האחרונים", "כללי ההתראה"],
    ),
    "alert rules": (
        "alert_rules",
        "Alert rules",
        "כללי התראה",
        [
            "סוכן שמתנצל בכל תשובה מאכזב את הלקוחות, גם אם בנימוס.",
            "מתי להתריע",
            '<option value="24" selected>24 השעות האחרונות</option>',
            "<span>תשובות AI</span>",
            ">לשמור</button>",
        ],
    ),
}


def page(client, tenant, name: str, **headers: str) -> str:
    ai_replies(tenant, sorry=1, fine=3)
    client.force_login(tenant.owner)
    response = client.get(reverse(PAGES[name][0]), **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_a_hebrew_browser_gets_the_page_in_hebrew(client, tenant, name) -> None:
    body = page(client, tenant, name, **HEBREW)

    _, english, hebrew, texts = PAGES[name]
    assert '<html lang="he" dir="rtl">' in body
    assert f"<h1>{hebrew}</h1>" in body
    assert f"<h1>{english}</h1>" not in body
    for text in texts:
        assert text in body


@pytest.mark.parametrize("name", PAGES)
def test_any_other_browser_keeps_the_english_page(client, tenant, name) -> None:
    body = page(client, tenant, name)

    assert '<html lang="en" dir="ltr">' in body
    assert f"<h1>{PAGES[name][1]}</h1>" in body
    assert not HEBREW_LETTER.search(body)


def test_a_rule_out_of_range_is_explained_in_hebrew_on_the_dashboard(client, tenant) -> None:
    ai_replies(tenant, sorry=10, fine=15)
    alert_rules_evaluate()
    client.force_login(tenant.owner)

    body = client.get(reverse("metrics_dashboard"), **HEBREW).content.decode()

    assert "<strong>התנצלויות</strong>: 40% במהלך 24 השעות האחרונות, מעל סף ההתראה של 30%." in body
    assert "לידים שנקלטו: 0 מתוך שיחה אחת, 0 חמים" in body


def test_a_dashboard_without_conversations_names_the_window_in_hebrew(client, tenant) -> None:
    client.force_login(tenant.owner)

    body = client.get(reverse("metrics_dashboard") + "?window=30d", **HEBREW).content.decode()

    assert "אין שיחות ב-30 הימים האחרונים." in body
    assert '<a href="?window=30d" aria-current="page">30 הימים האחרונים</a>' in body
    english = client.get(reverse("metrics_dashboard") + "?window=30d").content.decode()
    assert "No conversations in the last 30d." in english
    assert '<a href="?window=30d" aria-current="page">Last 30d</a>' in english


def test_reviewers_read_the_rules_in_hebrew(client, tenant) -> None:
    alert_rule_list(businesses=[tenant.business])
    client.force_login(tenant.reviewer)

    body = client.get(reverse("alert_rules"), **HEBREW).content.decode()

    assert "רק בעלי העסק יכולים לשנות את הכללים האלה." in body
    assert "מעל 30% במהלך 24 השעות האחרונות, עם לפחות 20 תשובות AI" in body
    assert "מתחת ל-10% במהלך 7 הימים האחרונים, עם לפחות 20 שיחות" in body


def test_saving_a_rule_answers_in_hebrew(client, tenant) -> None:
    alert_rule_list(businesses=[tenant.business])
    apologies = MetricAlertRule.objects.get(business=tenant.business, metric="apologies")
    client.force_login(tenant.owner)
    url = reverse("alert_rule_edit", args=[tenant.business.pk, apologies.pk])
    prefix = f"rule-{apologies.pk}-"
    data = {prefix + "threshold_percent": "45", prefix + "window_hours": "1"}

    saved = client.post(url, {**data, prefix + "min_sample": "10"}, follow=True, **HEBREW)
    refused = client.post(url, {**data, prefix + "min_sample": "0"}, follow=True, **HEBREW)

    assert "Salon Dana: כלל ההתראה על התנצלויות נשמר (כבוי)." in saved.content.decode()
    assert "כלל ההתראה על התנצלויות לא נשמר. לפחות:" in refused.content.decode()


def test_alerts_stay_english_when_evaluated_under_hebrew(tenant) -> None:
    ai_replies(tenant, sorry=10, fine=15)

    with translation.override("he"):
        (alert,) = alert_rules_evaluate()

    assert alert.title == "Salon Dana: apologies at 40%, above 30%"
    assert alert.detail == (
        "10 of 25 AI replies apologise over the last 24 hours. An agent that says sorry in "
        "every reply is failing customers politely."
    )
    assert not HEBREW_LETTER.search(alert.title + alert.detail)


@pytest.mark.redis
def test_the_alert_list_labels_kinds_in_hebrew_and_keeps_the_english_title(
    client, tenant, redis_client
) -> None:
    ai_replies(tenant, sorry=10, fine=15)
    alert_rules_evaluate()
    client.force_login(tenant.owner)

    body = client.get(reverse("agents:list"), **HEBREW).content.decode()

    assert Alert.objects.count() == 1
    assert ">אזהרה</span>" in body
    assert "מדד עסקי מחוץ לטווח · Salon Dana" in body
    assert "לא נשלחה ל-Slack" in body
    assert '<strong dir="auto">Salon Dana: apologies at 40%, above 30%</strong>' in body
