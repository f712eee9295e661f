"""The one place Switchboard talks to Slack: an incoming webhook, one POST per alert.

Never on the reply path: alerts are delivered by a background job (``monitoring.jobs``), so a
slow or broken Slack costs a background worker a few seconds, never a customer their answer.
"""

from __future__ import annotations

from typing import Any

import httpx2
from django.conf import settings

# Slack answers a webhook in well under a second; anything slower is an outage, and the job
# holding a worker for longer helps nobody.
TIMEOUT_SECONDS = 5.0


class NotifierError(Exception):
    """Slack did not take the message (HTTP error, timeout, refused connection)."""


def notify_slack(*, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
    """POST one message to ``SLACK_ALERTS_WEBHOOK``; without a webhook, do nothing."""
    url = settings.SLACK_ALERTS_WEBHOOK
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
