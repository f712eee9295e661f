"""The WhatsApp sender against a local stand-in for Meta's Graph API, over real HTTP."""

from __future__ import annotations

import pytest

from conversations.whatsapp.client import WhatsAppError, send_text


def meta_error(code: int, message: str, details: str = "") -> dict:
    return {
        "error": {
            "message": message,
            "type": "OAuthException",
            "code": code,
            "error_data": {"messaging_product": "whatsapp", "details": details},
            "fbtrace_id": "AbC",
        }
    }


def test_it_posts_the_text_message_and_returns_metas_wamid(graph_api):
    result = send_text(phone_number_id="123", to="972501234567", body="Men's haircut: ₪90.")
    assert result.wamid == "wamid.OUT1"
    assert not result.sandbox
    assert graph_api.requests[0].path == "/v23.0/123/messages"
    assert graph_api.requests[0].body["text"] == {
        "preview_url": False,
        "body": "Men's haircut: ₪90.",
    }


def test_it_cuts_a_body_longer_than_whatsapps_limit_to_4096_characters(graph_api):
    send_text(phone_number_id="123", to="972501234567", body="x" * 5000)
    assert len(graph_api.requests[0].body["text"]["body"]) == 4096


def test_it_does_not_retry_a_message_outside_the_24_hour_window(graph_api):
    graph_api.responses.append(
        (400, meta_error(131047, "Re-engagement message", "More than 24 hours have passed"))
    )
    with pytest.raises(WhatsAppError) as caught:
        send_text(phone_number_id="123", to="972501234567", body="hello")
    assert caught.value.code == "131047"
    assert caught.value.title == "More than 24 hours have passed"
    assert not caught.value.retryable
    assert len(graph_api.requests) == 1


def test_it_retries_a_server_error_and_then_succeeds(graph_api, monkeypatch):
    monkeypatch.setattr("conversations.whatsapp.client.time.sleep", lambda seconds: None)
    graph_api.responses.append((500, meta_error(1, "An unknown error occurred")))
    result = send_text(phone_number_id="123", to="972501234567", body="hello")
    assert result.wamid == "wamid.OUT1"
    assert len(graph_api.requests) == 2


def test_it_gives_up_after_three_attempts_on_a_persistent_throughput_limit(graph_api, monkeypatch):
    monkeypatch.setattr("conversations.whatsapp.client.time.sleep", lambda seconds: None)
    for _ in range(3):
        graph_api.responses.append((400, meta_error(130429, "Rate limit hit")))
    with pytest.raises(WhatsAppError) as caught:
        send_text(phone_number_id="123", to="972501234567", body="hello")
    assert caught.value.code == "130429"
    assert len(graph_api.requests) == 3


def test_it_reports_an_unreachable_graph_api_as_a_retryable_connection_error(settings, monkeypatch):
    monkeypatch.setattr("conversations.whatsapp.client.time.sleep", lambda seconds: None)
    settings.WHATSAPP_API_URL = "http://127.0.0.1:1/v23.0"
    settings.WHATSAPP_ACCESS_TOKEN = "EAAG-test-token"
    with pytest.raises(WhatsAppError) as caught:
        send_text(phone_number_id="123", to="972501234567", body="hello", attempts=1)
    assert caught.value.code == "connection"
    assert caught.value.retryable


def test_without_an_access_token_it_sends_to_the_local_sandbox(settings):
    settings.WHATSAPP_ACCESS_TOKEN = ""
    result = send_text(phone_number_id="123", to="972501234567", body="hello")
    assert result.sandbox
    assert result.wamid.startswith("sandbox.")
