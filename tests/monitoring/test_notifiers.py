"""Slack alerts against a local stand-in for Slack's webhook, over real HTTP."""

from __future__ import annotations

import socket

import django_rq
import pytest
from rq import SimpleWorker

from agents.ladder import ladder_record_failure
from agents.models import Mode
from monitoring.jobs import notify_alert
from monitoring.models import Alert
from monitoring.notifiers import NotifierError, notify_slack
from monitoring.services import alert_notify, alert_raise
from tests.stubs import HttpStub

WEBHOOK_PATH = "/services/T000/B000/XXXX"


@pytest.fixture
def slack(settings):
    stub = HttpStub(default=lambda: (200, "ok"))
    settings.SLACK_ALERTS_WEBHOOK = stub.url + WEBHOOK_PATH
    yield stub
    stub.shutdown()


@pytest.fixture
def slack_down(settings):
    """A webhook URL on a port nobody listens on: the connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SLACK_ALERTS_WEBHOOK = f"http://127.0.0.1:{port}{WEBHOOK_PATH}"


def raise_alert(tenant) -> Alert:
    return alert_raise(
        kind=Alert.Kind.DEGRADED,
        severity=Alert.Severity.WARNING,
        title="Agent 1 degraded to Cached answers",
        detail="2 consecutive LLM failures (overloaded)",
        agent=tenant.agent,
    )


# --- the client -------------------------------------------------------------------------------


def test_it_posts_the_text_as_json_to_the_webhook(slack):
    notify_slack(text="*Agent 1* degraded to Cached answers")

    (request,) = slack.requests
    assert request.path == WEBHOOK_PATH
    assert request.headers["Content-Type"] == "application/json"
    assert request.body == {"text": "*Agent 1* degraded to Cached answers"}


def test_it_sends_blocks_beside_the_text_fallback(slack):
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "hello"}}]
    notify_slack(text="hello", blocks=blocks)
    assert slack.requests[0].body == {"text": "hello", "blocks": blocks}


def test_without_a_webhook_it_sends_nothing(slack, settings):
    settings.SLACK_ALERTS_WEBHOOK = ""
    notify_slack(text="nobody hears this")
    assert slack.requests == []


def test_an_http_error_from_slack_is_a_notifier_error(slack):
    slack.responses.append((500, "internal_error"))
    with pytest.raises(NotifierError, match="Slack answered 500"):
        notify_slack(text="hello")


def test_a_refused_connection_is_a_notifier_error(slack_down):
    with pytest.raises(NotifierError, match="Slack unreachable"):
        notify_slack(text="hello")


# --- delivering alerts ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_delivered_alert_records_when_it_was_sent(slack, tenant):
    alert = raise_alert(tenant)

    assert alert_notify(alert_id=alert.pk) is True

    alert.refresh_from_db()
    assert alert.notified_at is not None and alert.notify_error == ""
    assert slack.requests[0].body == {
        "text": ":warning: *Agent 1 degraded to Cached answers*\n"
        "2 consecutive LLM failures (overloaded)\n"
        f"_Salon Dana · {tenant.agent.name}_"
    }


@pytest.mark.django_db
def test_an_alert_is_delivered_once_even_if_its_job_runs_twice(slack, tenant):
    alert = raise_alert(tenant)
    notify_alert(alert.pk)
    assert notify_alert(alert.pk) is False
    assert len(slack.requests) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("outage", "error"),
    [("slack_500", "Slack answered 500"), ("slack_down", "Slack unreachable")],
)
def test_when_slack_fails_the_alert_keeps_the_error_and_nothing_raises(
    request, tenant, outage, error
):
    if outage == "slack_500":
        request.getfixturevalue("slack").responses.append((500, "internal_error"))
    else:
        request.getfixturevalue("slack_down")
    alert = raise_alert(tenant)

    assert notify_alert(alert.pk) is False

    alert.refresh_from_db()
    assert alert.notified_at is None
    assert alert.notify_error.startswith(error)


@pytest.mark.django_db
@pytest.mark.redis
def test_raising_an_alert_enqueues_its_notification_on_the_background_queue_after_commit(
    slack, tenant, redis_client, settings, django_capture_on_commit_callbacks
):
    queue = django_rq.get_queue(settings.BACKGROUND_QUEUE)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        alert = raise_alert(tenant)
    assert queue.count == 0  # not before the alert is committed
    assert slack.requests == []

    for callback in callbacks:
        callback()
    assert queue.count == 1
    SimpleWorker([queue], connection=redis_client).work(burst=True)

    alert.refresh_from_db()
    assert alert.notified_at is not None
    assert len(slack.requests) == 1


@pytest.mark.django_db
@pytest.mark.redis
def test_without_a_webhook_no_notification_is_enqueued(
    tenant, redis_client, settings, django_capture_on_commit_callbacks
):
    settings.SLACK_ALERTS_WEBHOOK = ""
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(tenant)
    assert django_rq.get_queue(settings.BACKGROUND_QUEUE).count == 0
    assert Alert.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.redis
def test_slack_down_does_not_affect_the_ladder_on_the_reply_path(
    slack_down, tenant, redis_client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ladder_record_failure(agent=tenant.agent, kind="overloaded")
        mode = ladder_record_failure(agent=tenant.agent, kind="overloaded")
    assert mode == Mode.CACHED_AI

    queue = django_rq.get_queue(settings.BACKGROUND_QUEUE)
    SimpleWorker([queue], connection=redis_client).work(burst=True)

    alert = Alert.objects.get()
    assert alert.kind == Alert.Kind.DEGRADED
    assert alert.notified_at is None
    assert alert.notify_error.startswith("Slack unreachable")
    assert queue.failed_job_registry.count == 0
