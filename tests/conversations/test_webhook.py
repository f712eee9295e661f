"""The WhatsApp webhook: who may post, what gets stored, what gets answered."""

from __future__ import annotations

import json

import django_rq
import pytest
from rq import SimpleWorker

from conversations.models import Contact, Conversation, Message
from conversations.whatsapp.signature import sign
from tests import whatsapp as wa

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def webhook_settings(settings):
    settings.WHATSAPP_APP_SECRET = wa.APP_SECRET
    settings.WHATSAPP_VERIFY_TOKEN = "verify-me"
    settings.WHATSAPP_ACCESS_TOKEN = ""


def reply_queue_length() -> int:
    return django_rq.get_queue("replies").count


def one_text(wamid: str = "wamid.A1", body: str = "How much is a men's haircut?") -> dict:
    return wa.envelope([wa.change(messages=[wa.text_message(wamid=wamid, body=body)])])


# --- the GET handshake ------------------------------------------------------------------------


def test_it_echoes_the_challenge_for_the_right_verify_token(client):
    response = client.get(
        "/webhooks/whatsapp/",
        {"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1158201444"},
    )
    assert response.status_code == 200
    assert response.content == b"1158201444"


def test_it_refuses_the_handshake_with_a_wrong_verify_token(client):
    response = client.get(
        "/webhooks/whatsapp/",
        {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1158201444"},
    )
    assert response.status_code == 403
    assert b"1158201444" not in response.content


# --- signatures -------------------------------------------------------------------------------


def test_it_accepts_a_validly_signed_message(
    client, tenant, redis_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = wa.post_signed(client, one_text())
    assert response.status_code == 200
    message = Message.objects.get(wamid="wamid.A1")
    assert message.text == "How much is a men's haircut?"
    assert message.conversation.agent == tenant.agent
    assert reply_queue_length() == 1


def test_it_refuses_a_post_without_a_signature_and_stores_nothing(client, tenant):
    response = client.post(
        "/webhooks/whatsapp/", data=json.dumps(one_text()), content_type="application/json"
    )
    assert response.status_code == 403
    assert not Message.objects.exists()


def test_it_refuses_a_forged_signature_and_stores_nothing(client, tenant):
    response = wa.post_signed(client, one_text(), secret="not-the-app-secret")
    assert response.status_code == 403
    assert not Message.objects.exists()


def test_it_refuses_a_body_tampered_with_after_signing(client, tenant):
    body = json.dumps(one_text(body="What time do you open?")).encode()
    tampered = body.replace(b"What time", b"Free haircut")
    signature = sign(body=body, secret=wa.APP_SECRET)
    response = client.post(
        "/webhooks/whatsapp/",
        data=tampered,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature},
    )
    assert response.status_code == 403
    assert not Message.objects.exists()


def test_it_refuses_everything_when_no_app_secret_is_configured(client, tenant, settings):
    settings.WHATSAPP_APP_SECRET = ""
    response = wa.post_signed(client, one_text(), secret="")
    assert response.status_code == 403
    assert not Message.objects.exists()


# --- bad input --------------------------------------------------------------------------------


def test_it_answers_400_to_malformed_json_with_a_valid_signature(client, tenant):
    response = wa.post_signed(client, None, raw=b'{"entry": [')
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]
    assert not Message.objects.exists()


def test_it_answers_400_and_stores_nothing_when_one_message_of_a_batch_is_unreadable(
    client, tenant
):
    good = wa.text_message(wamid="wamid.GOOD", body="hi")
    bad = {"from": wa.CUSTOMER, "id": "wamid.BAD", "timestamp": "yesterday", "type": "text"}
    response = wa.post_signed(client, wa.envelope([wa.change(messages=[good, bad])]))
    assert response.status_code == 400
    assert "timestamp" in response.json()["error"]
    assert not Message.objects.exists()


def test_it_answers_200_and_stores_nothing_for_an_unknown_phone_number_id(client, tenant, caplog):
    payload = wa.envelope(
        [wa.change(messages=[wa.text_message(wamid="wamid.X", body="hi")], phone_number_id="999")]
    )
    response = wa.post_signed(client, payload)
    assert response.status_code == 200
    assert not Message.objects.exists()
    assert "unknown phone_number_id 999" in caplog.text


# --- batches, duplicates, statuses ------------------------------------------------------------


def test_it_stores_every_message_of_a_batch_of_two_entries_with_two_messages_each(
    client, tenant, redis_client, django_capture_on_commit_callbacks
):
    def two(prefix: str, sender: str) -> dict:
        return wa.change(
            messages=[
                wa.text_message(wamid=f"wamid.{prefix}1", body="hello", sender=sender),
                wa.text_message(wamid=f"wamid.{prefix}2", body="prices?", sender=sender),
            ]
        )

    payload = wa.envelope([two("A", "972500000001")], [two("B", "972500000002")])
    with django_capture_on_commit_callbacks(execute=True):
        response = wa.post_signed(client, payload)
    assert response.status_code == 200
    assert response.json()["stored"] == 4
    assert Message.objects.filter(direction="in").count() == 4
    assert Conversation.objects.count() == 2
    assert reply_queue_length() == 2  # one job per conversation, not per message


def test_it_stores_and_answers_a_delivery_posted_three_times_once(
    client, tenant, prompt_version, llm_simulator, redis_client, django_capture_on_commit_callbacks
):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert wa.post_signed(client, one_text()).status_code == 200
    SimpleWorker([django_rq.get_queue("replies")], connection=redis_client).work(burst=True)

    assert Message.objects.filter(direction="in").count() == 1
    replies = Message.objects.filter(direction="out")
    assert replies.count() == 1
    assert "₪90" in replies.get().text
    assert Message.objects.get(wamid="wamid.A1").answered_by == replies.get()


def test_it_stores_other_message_types_with_a_readable_placeholder(client, tenant):
    messages = [
        wa.message_of_type(
            wamid="wamid.I", kind="image", content={"id": "m1", "caption": "this colour?"}
        ),
        wa.message_of_type(
            wamid="wamid.L",
            kind="location",
            content={"latitude": 32.08, "longitude": 34.78, "name": "Home"},
        ),
        wa.message_of_type(
            wamid="wamid.R", kind="reaction", content={"message_id": "wamid.OUT1", "emoji": "👍"}
        ),
        wa.message_of_type(
            wamid="wamid.B",
            kind="interactive",
            content={"type": "button_reply", "button_reply": {"id": "book", "title": "Book now"}},
        ),
        wa.message_of_type(wamid="wamid.U", kind="unsupported", content={}),
    ]
    assert wa.post_signed(client, wa.envelope([wa.change(messages=messages)])).status_code == 200
    stored = {m.wamid: m for m in Message.objects.all()}
    assert stored["wamid.I"].type == "image" and stored["wamid.I"].text == "[image] this colour?"
    assert stored["wamid.L"].text == "[location] Home (32.08, 34.78)"
    assert stored["wamid.B"].text == "Book now"
    assert stored["wamid.U"].text == "[unsupported message]"
    # A reaction is an emoji on our message: stored, shown, not answered.
    assert stored["wamid.R"].text == "[reaction] 👍"
    assert not stored["wamid.R"].needs_reply
    assert all(stored[w].needs_reply for w in ["wamid.I", "wamid.L", "wamid.B", "wamid.U"])


def test_it_keys_a_contact_without_a_phone_number_on_its_user_id(client, tenant):
    message = wa.text_message(wamid="wamid.U1", body="hi", sender="IL.1349")
    contacts = [{"profile": {"name": "noa_l"}, "user_id": "IL.1349"}]
    payload = wa.envelope([wa.change(messages=[message], contacts=contacts)])
    assert wa.post_signed(client, payload).status_code == 200
    contact = Contact.objects.get()
    assert contact.wa_id is None
    assert contact.user_id == "IL.1349"
    assert contact.address == "IL.1349"


def outbound(tenant, *, wamid: str, status: str = Message.Status.SENT) -> Message:
    contact = Contact.objects.create(business=tenant.business, wa_id=wa.CUSTOMER)
    conversation = Conversation.objects.create(
        business=tenant.business, agent=tenant.agent, contact=contact
    )
    return Message.objects.create(
        conversation=conversation,
        direction="out",
        wamid=wamid,
        text="Men's haircut: ₪90.",
        author="ai",
        status=status,
        timestamp="2026-11-25T10:00:00Z",
    )


def test_a_status_update_records_the_status_and_enqueues_no_reply(
    client, tenant, redis_client, django_capture_on_commit_callbacks
):
    sent = outbound(tenant, wamid="wamid.OUT1")
    payload = wa.envelope([wa.change(statuses=[wa.status(wamid="wamid.OUT1", state="delivered")])])
    with django_capture_on_commit_callbacks(execute=True):
        assert wa.post_signed(client, payload).status_code == 200
    sent.refresh_from_db()
    assert sent.status == "delivered"
    assert reply_queue_length() == 0
    assert Message.objects.count() == 1


def test_a_failed_status_keeps_metas_error_code_and_title(client, tenant):
    sent = outbound(tenant, wamid="wamid.OUT1")
    errors = [{"code": 131047, "title": "Re-engagement message", "message": "More than 24 hours"}]
    payload = wa.envelope(
        [wa.change(statuses=[wa.status(wamid="wamid.OUT1", state="failed", errors=errors)])]
    )
    assert wa.post_signed(client, payload).status_code == 200
    sent.refresh_from_db()
    assert (sent.status, sent.error_code, sent.error_title) == (
        "failed",
        "131047",
        "Re-engagement message",
    )


def test_a_status_never_moves_backwards(client, tenant):
    sent = outbound(tenant, wamid="wamid.OUT1")
    statuses = [
        wa.status(wamid="wamid.OUT1", state="read"),
        wa.status(wamid="wamid.OUT1", state="delivered"),
    ]
    assert wa.post_signed(client, wa.envelope([wa.change(statuses=statuses)])).status_code == 200
    sent.refresh_from_db()
    assert sent.status == "read"
