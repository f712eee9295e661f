"""The one place Switchboard talks to Slack (an incoming webhook, one POST per message) and
sends e-mail (through Django's configured e-mail backend).

Never on the reply path: alerts and notifications are delivered by background jobs
(``monitoring.jobs``), so a slow or broken Slack or SMTP server costs a background worker a
few seconds, never a customer their answer.
"""

from __future__ import annotations

import smtplib
from typing import Any

import httpx2
from django.conf import settings
from django.core.mail import EmailMessage

# Slack answers a webhook in well under a second; anything slower is an outage, and the job
# holding a worker for longer helps nobody.
TIMEOUT_SECONDS = 5.0


class NotifierError(Exception):
    """Slack or the mail server did not take the message (HTTP or SMTP error, timeout, refused
    connection)."""


def notify_slack(
    *, text: str, blocks: list[dict[str, Any]] | None = None, url: str | None = None
) -> None:
    """POST one message to ``url`` (a business's own webhook), by default the server-wide
    ``SLACK_ALERTS_WEBHOOK``; without a webhook, do nothing."""
    url = settings.SLACK_ALERTS_WEBHOOK if url is None else url
    if not url:
        return
    # ``text`` is always sent: it is the notification preview, and the fallback when a client
    # cannot render blocks.
    payload: dict[str, Any] = {"text": text}
    if blocks:
        payload["blocks"] = blocks
    try:
        response = httpx2.post(url, json=payload, timeout=TIMEOUT_SECONDS)
    except (httpx2.HTTPError, httpx2.InvalidURL) as error:
        raise NotifierError(f"Slack unreachable: {error or type(error).__name__}") from error
    if response.status_code >= 300:
        raise NotifierError(f"Slack answered {response.status_code}: {response.text[:200]}")


def send_email(*, to: str, subject: str, body: str) -> None:
    """Send one plain-text e-mail from ``DEFAULT_FROM_EMAIL`` through ``EMAIL_BACKEND``.

    The SMTP backend connects to ``EMAIL_HOST`` for each message, with ``EMAIL_TIMEOUT``: a
    notification is a few a minute at most, and a connection kept open between jobs would
    only go stale.
    """
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
    )
    try:
        sent = message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        # OSError covers a refused connection, an unknown host and a timeout.
        raise NotifierError(
            f"mail server refused or unreachable: {error or type(error).__name__}"
        ) from error
    if not sent:
        raise NotifierError("the e-mail backend sent nothing")
