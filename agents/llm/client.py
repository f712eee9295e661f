"""The one place Switchboard talks to the Anthropic Messages API, through the official SDK.

Without ``ANTHROPIC_API_KEY`` the operating contract says the built-in simulator serves the
demo; ``make run`` starts it and sets ``ANTHROPIC_BASE_URL``.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from typing import Any

import anthropic
from django.conf import settings


@dataclass(frozen=True)
class LlmResponse:
    text: str
    model: str
    input_tokens: int
    output_tokens: int
    cache_creation_input_tokens: int
    cache_read_input_tokens: int
    stop_reason: str | None
    request_id: str | None
    latency_ms: int
    headers: dict[str, str]
    content: list[Any]

    def tool_input(self, name: str) -> dict[str, Any] | None:
        """The input of the model's first call of the tool ``name``, or None if it made none.

        A reply offered tools may answer in text, call a tool, or both (text first)."""
        for block in self.content:
            if getattr(block, "type", None) == "tool_use" and getattr(block, "name", None) == name:
                raw = getattr(block, "input", None)
                return dict(raw) if isinstance(raw, dict) else {}
        return None


class LlmUnavailable(Exception):
    """The LLM could not produce an answer; ``kind`` classifies why for the degradation ladder."""

    # Kinds worth another attempt; the rest (bad request, auth, spend limit...) are not.
    RETRYABLE = frozenset({"rate_limit", "overloaded", "server_error", "connection", "timeout"})

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        request_id: str | None = None,
    ):
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.headers = headers or {}
        self.request_id = request_id

    @property
    def retryable(self) -> bool:
        return self.kind in self.RETRYABLE


@functools.cache
def _client(api_key: str, base_url: str, timeout: int) -> anthropic.Anthropic:
    # One client (and connection pool) per configuration per process; retries are ours.
    return anthropic.Anthropic(
        api_key=api_key, base_url=base_url or None, timeout=timeout, max_retries=0
    )


def get_client() -> anthropic.Anthropic:
    if not settings.ANTHROPIC_API_KEY:
        raise LlmUnavailable("ANTHROPIC_API_KEY is not set", kind="configuration")
    return _client(
        settings.ANTHROPIC_API_KEY, settings.ANTHROPIC_BASE_URL, settings.LLM_TIMEOUT_SECONDS
    )


def messages_create(
    *,
    model: str,
    system: str | list[dict[str, Any]],
    messages: list[dict[str, Any]],
    max_tokens: int,
    **extra: Any,
) -> LlmResponse:
    """One Messages API call. Raises ``LlmUnavailable`` with a classified ``kind``."""
    client = get_client()
    started = time.monotonic()
    try:
        raw = client.messages.with_raw_response.create(
            model=model, system=system, messages=messages, max_tokens=max_tokens, **extra
        )
    except anthropic.APIStatusError as error:
        raise LlmUnavailable(
            str(error),
            kind=classify(error),
            status=error.status_code,
            headers=dict(error.response.headers),
            request_id=error.request_id,
        ) from error
    except anthropic.APITimeoutError as error:
        raise LlmUnavailable(str(error), kind="timeout") from error
    except anthropic.APIConnectionError as error:
        raise LlmUnavailable(str(error), kind="connection") from error
    message = raw.parse()
    usage = message.usage
    text = "".join(block.text for block in message.content if block.type == "text").strip()
    return LlmResponse(
        text=text,
        model=message.model,
        input_tokens=usage.input_tokens,
        output_tokens=usage.output_tokens,
        cache_creation_input_tokens=usage.cache_creation_input_tokens or 0,
        cache_read_input_tokens=usage.cache_read_input_tokens or 0,
        stop_reason=message.stop_reason,
        request_id=raw.headers.get("request-id"),
        latency_ms=int((time.monotonic() - started) * 1000),
        headers=dict(raw.headers),
        content=list(message.content),
    )


def classify(error: anthropic.APIStatusError) -> str:
    body = error.body if isinstance(error.body, dict) else {}
    inner = body.get("error") if isinstance(body.get("error"), dict) else body
    details = inner.get("details") if isinstance(inner, dict) else None
    if isinstance(details, dict) and details.get("error_code") == "enforced_spend_limit_reached":
        return "spend_limit"
    return {
        400: "invalid_request",
        401: "authentication",
        403: "permission",
        404: "not_found",
        413: "request_too_large",
        429: "rate_limit",
        529: "overloaded",
    }.get(error.status_code, "server_error" if error.status_code >= 500 else "client_error")
