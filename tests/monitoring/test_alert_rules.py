"""Alert rules on business metrics: one alert going out of range, one coming back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conversations.models import Lead
from monitoring.alert_rules import alert_rule_list, alert_rule_update, alert_rules_evaluate
from monitoring.jobs import evaluate_alert_rules
from monitoring.models import Alert, MetricAlertRule
from tests.factories import add_message, ai_replies, make_conversation

pytestmark = pytest.mark.django_db

Metric = MetricAlertRule.Metric


def rule(tenant, metric: str) -> MetricAlertRule:
    return MetricAlertRule.objects.get(business=tenant.business, metric=metric)


def test_every_business_starts_with_the_recommended_rules(tenant):
    rules = {r.metric: r for r in alert_rule_list(businesses=[tenant.business])}

    assert set(rules) == set(Metric.values)
    apologies = rules[Metric.APOLOGIES]
    assert (apologies.threshold_percent, apologies.window_hours, apologies.min_sample) == (
        30,
        24,
        20,
    )
    assert rules[Metric.LEAD_CAPTURE].window_hours == 168
    alert_rule_list(businesses=[tenant.business])
    assert MetricAlertRule.objects.count() == len(Metric.values)


def test_an_agent_apologising_too_often_raises_one_alert(tenant):
    ai_replies(tenant, sorry=10, fine=15)  # 40% of 25 replies

    raised = alert_rules_evaluate()
    again = alert_rules_evaluate()

    assert len(raised) == 1 and again == []
    alert = Alert.objects.get()
    assert (alert.kind, alert.severity, alert.business) == ("metric", "warning", tenant.business)
    assert alert.title == "Salon Dana: apologies at 40%, above 30%"
    assert alert.detail.startswith("10 of 25 AI replies apologise over the last 24 hours.")
    apologies = rule(tenant, Metric.APOLOGIES)
    assert apologies.is_firing and apologies.fired_at is not None
    assert (apologies.last_value, apologies.last_sample) == (0.4, 25)


def test_it_comes_back_only_when_clearly_back_in_range(tenant):
    ai_replies(tenant, sorry=10, fine=15)
    alert_rules_evaluate()

    ai_replies(tenant, sorry=0, fine=9)  # 10 of 34: 29%, under 30% but not by a tenth
    assert alert_rules_evaluate() == []
    assert rule(tenant, Metric.APOLOGIES).is_firing

    ai_replies(tenant, sorry=0, fine=6)  # 10 of 40: 25%
    (back,) = alert_rules_evaluate()
    assert (back.kind, back.severity) == ("metric_ok", "info")
    assert back.title == "Salon Dana: apologies back to 25%"
    assert not rule(tenant, Metric.APOLOGIES).is_firing


def test_a_small_sample_is_not_judged(tenant):
    ai_replies(tenant, sorry=5, fine=0)  # 100%, but of 5 replies

    assert alert_rules_evaluate() == []

    apologies = rule(tenant, Metric.APOLOGIES)
    assert (apologies.last_value, apologies.last_sample) == (None, 5)
    assert not apologies.is_firing


def test_lead_capture_alerts_when_it_falls_below(tenant):
    for n in range(20):
        conversation = make_conversation(agent=tenant.agent, wa_id=f"97250300{n:04d}")
        add_message(conversation, text="How much is a haircut?", needs_reply=True)
        if n == 0:
            Lead.objects.create(
                business=tenant.business, conversation=conversation, name="Noa", need="a cut"
            )

    (alert,) = alert_rules_evaluate()

    assert alert.title == "Salon Dana: lead capture at 5%, below 10%"


def test_a_rate_is_judged_at_the_figure_the_alert_would_print(tenant):
    for n in range(21):  # 2 of 21 is 9.5%: shown as 10%, so not below 10%
        conversation = make_conversation(agent=tenant.agent, wa_id=f"97250400{n:04d}")
        add_message(conversation, text="How much is a haircut?", needs_reply=True)
        if n < 2:
            Lead.objects.create(
                business=tenant.business, conversation=conversation, name="Noa", need="a cut"
            )

    assert alert_rules_evaluate() == []
    lead_capture = rule(tenant, Metric.LEAD_CAPTURE)
    assert (lead_capture.last_value, lead_capture.is_firing) == (0.1, False)


def test_a_rule_switched_off_is_not_evaluated(tenant):
    (apologies,) = [
        r for r in alert_rule_list(businesses=[tenant.business]) if r.metric == Metric.APOLOGIES
    ]
    alert_rule_update(
        rule=apologies, is_active=False, threshold_percent=30, window_hours=24, min_sample=20
    )
    ai_replies(tenant, sorry=20, fine=0)

    assert evaluate_alert_rules() == 0
    assert not Alert.objects.exists()


def test_changing_a_firing_rule_starts_it_afresh_quietly(tenant):
    ai_replies(tenant, sorry=10, fine=15)
    alert_rules_evaluate()

    alert_rule_update(
        rule=rule(tenant, Metric.APOLOGIES),
        is_active=True,
        threshold_percent=50,
        window_hours=24,
        min_sample=20,
    )

    assert not rule(tenant, Metric.APOLOGIES).is_firing
    assert alert_rules_evaluate() == []  # 40% is within the new range: no "back" alert
    assert Alert.objects.count() == 1


def test_the_dashboard_shows_a_rule_out_of_range(client, tenant):
    ai_replies(tenant, sorry=10, fine=15)
    alert_rules_evaluate()
    client.force_login(tenant.owner)

    page = client.get(reverse("metrics_dashboard")).content.decode()

    assert "<strong>Apologies</strong> at 40% over the last 24 hours" in page
    assert "above the 30% alert threshold" in page


def test_an_owner_changes_a_rule(client, tenant):
    alert_rule_list(businesses=[tenant.business])
    apologies = rule(tenant, Metric.APOLOGIES)
    client.force_login(tenant.owner)
    assert "Out of range" not in client.get(reverse("alert_rules")).content.decode()

    prefix = f"rule-{apologies.pk}-"
    response = client.post(
        reverse("alert_rule_edit", args=[tenant.business.pk, apologies.pk]),
        {
            prefix + "is_active": "on",
            prefix + "threshold_percent": "45",
            prefix + "window_hours": "1",
            prefix + "min_sample": "10",
        },
        follow=True,
    )

    assert "Salon Dana: Apologies saved (on)." in response.content.decode()
    apologies.refresh_from_db()
    assert (apologies.threshold_percent, apologies.window_hours, apologies.min_sample) == (
        45,
        1,
        10,
    )


def test_a_bad_threshold_is_refused_with_the_reason(client, tenant):
    alert_rule_list(businesses=[tenant.business])
    apologies = rule(tenant, Metric.APOLOGIES)
    client.force_login(tenant.owner)

    prefix = f"rule-{apologies.pk}-"
    response = client.post(
        reverse("alert_rule_edit", args=[tenant.business.pk, apologies.pk]),
        {
            prefix + "threshold_percent": "0",
            prefix + "window_hours": "24",
            prefix + "min_sample": "20",
        },
        follow=True,
    )

    assert "Apologies not saved. Threshold (%)" in response.content.decode()
    apologies.refresh_from_db()
    assert apologies.threshold_percent == 30 and apologies.is_active


def test_reviewers_read_the_rules_and_outsiders_cannot_reach_them(client, tenant, outsider):
    alert_rule_list(businesses=[tenant.business])
    apologies = rule(tenant, Metric.APOLOGIES)
    url = reverse("alert_rule_edit", args=[tenant.business.pk, apologies.pk])
    data = {f"rule-{apologies.pk}-threshold_percent": "90"}

    client.force_login(tenant.reviewer)
    page = client.get(reverse("alert_rules")).content.decode()
    assert "Only the business's owners can change these rules." in page
    assert client.post(url, data).status_code == 403

    client.force_login(outsider)
    assert "Salon Dana" not in client.get(reverse("alert_rules")).content.decode()
    assert client.post(url, data).status_code == 404
    apologies.refresh_from_db()
    assert apologies.threshold_percent == 30


def test_prometheus_shows_which_rules_are_out_of_range(client, tenant, redis_client):
    ai_replies(tenant, sorry=10, fine=15)
    alert_rules_evaluate()

    body = client.get("/metrics").content.decode()

    slug = tenant.business.slug
    assert f'switchboard_alert_rule_firing{{business="{slug}",metric="apologies"}} 1' in body
    assert f'switchboard_alert_rule_firing{{business="{slug}",metric="lead_capture"}} 0' in body
