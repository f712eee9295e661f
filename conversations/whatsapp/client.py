"""The one place Switchboard talks to the WhatsApp Cloud API (Meta's Graph API).

Without ``WHATSAPP_ACCESS_TOKEN`` there is nobody to talk to: messages go to the local
sandbox instead (a made-up wamid, nothing leaves the machine), so the demo works offline.
"""

from __future__ import annotations

import logging
import random
import time
import uuid
from dataclasses import dataclass

import httpx2
from django.conf import settings

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 4096
SANDBOX_PREFIX = "sandbox."
# Worth another attempt soon: throughput limits, Meta-side trouble. 131056 (pair rate limit)
# is retryable too but only later and for that recipient; the caller reschedules it.
RETRYABLE_CODES = {"130429", "131000", "131016", "1", "2"}


@dataclass(frozen=True)
class SendResult:
    wamid: str
    sandbox: bool


class WhatsAppError(Exception):
    def __init__(self, *, code: str, title: str, retryable: bool, status: int | None = None):
        super().__init__(f"WhatsApp error {code}: {title}")
        self.code = code
        self.title = title
        self.retryable = retryable
        self.status = status


def send_text(
    *, phone_number_id: str, to: str, body: str, attempts: int = 3, sandbox: bool = False
) -> SendResult:
    """Send a free-form text message; retry what is worth retrying, raise the rest."""
    if not body.strip():
        raise ValueError("refusing to send an empty message")
    body = body[:MAX_TEXT_LENGTH]
    if sandbox or not settings.WHATSAPP_ACCESS_TOKEN:
        return SendResult(wamid=f"{SANDBOX_PREFIX}{uuid.uuid4().hex}", sandbox=True)
    payload = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": "text",
        "text": {"preview_url": False, "body": body},
    }
    for attempt in range(1, attempts + 1):
        try:
            return SendResult(wamid=_post_message(phone_number_id, payload), sandbox=False)
        except WhatsAppError as error:
            if not error.retryable or attempt == attempts:
                raise
            delay = min(8.0, 0.5 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.0)
            logger.warning(
                "whatsapp send attempt %s failed (%s); retrying in %.1fs", attempt, error, delay
            )
            time.sleep(delay)
    raise AssertionError("unreachable")


def _post_message(phone_number_id: str, payload: dict) -> str:
    url = f"{settings.WHATSAPP_API_URL}/{phone_number_id}/messages"
    headers = {"Authorization": f"Bearer {settings.WHATSAPP_ACCESS_TOKEN}"}
    try:
        response = httpx2.post(
            url, json=payload, headers=headers, timeout=settings.WHATSAPP_TIMEOUT_SECONDS
        )
    except httpx2.TransportError as error:
        raise WhatsAppError(
            code="connection", title=str(error) or type(error).__name__, retryable=True
        ) from error
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.is_success:
        try:
            return str(data["messages"][0]["id"])
        except (KeyError, IndexError, TypeError):
            raise WhatsAppError(
                code="bad_response",
                title="Graph API answered without a message id",
                retryable=False,
            ) from None
    error = data.get("error") if isinstance(data, dict) else None
    error = error if isinstance(error, dict) else {}
    code = str(error.get("code", response.status_code))
    details = (
        (error.get("error_data") or {}).get("details")
        if isinstance(error.get("error_data"), dict)
        else None
    )
    raise WhatsAppError(
        code=code,
        title=str(details or error.get("message") or response.reason_phrase)[:500],
        retryable=code in RETRYABLE_CODES or response.status_code >= 500,
        status=response.status_code,
    )
