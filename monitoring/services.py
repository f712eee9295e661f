"""Alerts: stored first, then delivered to Slack by a background job.

``alert_raise`` is called from the reply path (the degradation ladder) and from senders, so
it does the one thing that must happen there, a row in the database, and leaves Slack to a
job enqueued after commit on the background queue. A Slack outage, or a Redis blink while
enqueueing, is logged and kept on the alert; it never reaches the code that raised it.
"""

from __future__ import annotations

import functools
import logging

import django_rq
from django.conf import settings
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from agents.models import Agent, Business
from agents.selectors import business_filter_for_user
from monitoring.models import Alert
from monitoring.notifiers import NotifierError, notify_slack

logger = logging.getLogger(__name__)

_SEVERITY_ICON = {
    Alert.Severity.INFO: ":large_green_circle:",
    Alert.Severity.WARNING: ":warning:",
    Alert.Severity.CRITICAL: ":rotating_light:",
}


def alert_raise(
    *,
    kind: str,
    severity: str,
    title: str,
    detail: str = "",
    business: Business | None = None,
    agent: Agent | None = None,
) -> Alert:
    if business is None and agent is not None:
        business = agent.business
    alert = Alert.objects.create(
        kind=kind,
        severity=severity,
        title=title[:200],
        detail=detail,
        business=business,
        agent=agent,
    )
    if settings.SLACK_ALERTS_WEBHOOK:
        transaction.on_commit(functools.partial(_notify_enqueue, alert.pk))
    return alert


def _notify_enqueue(alert_id: int) -> None:
    from monitoring.jobs import notify_alert

    try:
        # "auto": this already runs after commit; the queue must not defer it a second time.
        queue = django_rq.get_queue(settings.BACKGROUND_QUEUE, commit_mode="auto")
        queue.enqueue(notify_alert, alert_id)
    except Exception:
        logger.exception("could not enqueue the Slack notification of alert %s", alert_id)


def alert_notify(*, alert_id: int) -> bool:
    """Deliver one alert to Slack; record the outcome on it. True once Slack has taken it.

    Never raises: the outcome lives on the alert (``notified_at`` or ``notify_error``), where
    the dashboard shows it.
    """
    alert = Alert.objects.select_related("business", "agent").filter(pk=alert_id).first()
    if alert is None or alert.notified_at is not None:
        return False  # deleted meanwhile, or a re-run of a job that already delivered it
    if not settings.SLACK_ALERTS_WEBHOOK:
        return False
    try:
        notify_slack(text=alert_slack_text(alert=alert))
    except NotifierError as error:
        logger.warning("Slack notification of alert %s failed: %s", alert.pk, error)
        alert.notify_error = str(error)[:300]
        alert.save(update_fields=["notify_error"])
        return False
    except Exception as error:
        # A bug here must not leave the job failing and retried forever; keep it visible.
        logger.exception("Slack notification of alert %s failed", alert.pk)
        alert.notify_error = f"{type(error).__name__}: {error}"[:300]
        alert.save(update_fields=["notify_error"])
        return False
    alert.notified_at = timezone.now()
    alert.notify_error = ""
    alert.save(update_fields=["notified_at", "notify_error"])
    return True


def alert_slack_text(*, alert: Alert) -> str:
    icon = _SEVERITY_ICON.get(alert.severity, ":bell:")
    lines = [f"{icon} *{alert.title}*"]
    if alert.detail:
        lines.append(alert.detail)
    where = " · ".join(
        str(part) for part in (alert.business, alert.agent and alert.agent.name) if part
    )
    if where:
        lines.append(f"_{where}_")
    return "\n".join(lines)


# --- reads ------------------------------------------------------------------------------------
# Kept beside the writes until monitoring has a selectors module of its own.


def alert_list_for_user(
    *, user: AbstractUser | AnonymousUser, agent: Agent | None = None, limit: int = 20
) -> QuerySet[Alert]:
    # Alerts about no business in particular (an account-wide spend limit) have no tenant:
    # the membership filter leaves them out, so only operators see them.
    alerts = Alert.objects.filter(business_filter_for_user(user=user)).select_related(
        "business", "agent"
    )
    if agent is not None:
        alerts = alerts.filter(agent=agent)
    return alerts[:limit]
