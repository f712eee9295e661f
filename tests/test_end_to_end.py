"""One customer message, all the way: Meta's webhook in, a grounded reply out to Meta.

Everything real but the two upstreams: the webhook view, the commit, the RQ queue on the
real Redis, a real worker, the anthropic SDK over HTTP to our Messages-API simulator, and
the WhatsApp sender over HTTP to a local stand-in for the Graph API.
"""

from __future__ import annotations

import django_rq
import pytest
from rq import SimpleWorker

from conversations.models import Message
from tests import whatsapp as wa


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_customer_messages_gets_one_grounded_reply_sent_to_whatsapp(
    client, tenant, prompt_version, llm_simulator, graph_api, redis_client, settings
):
    settings.WHATSAPP_APP_SECRET = wa.APP_SECRET
    burst = [
        wa.text_message(wamid="wamid.IN1", body="hi", timestamp=wa.now() - 2),
        wa.text_message(wamid="wamid.IN2", body="how much is a men's haircut?", timestamp=wa.now()),
    ]
    response = wa.post_signed(client, wa.envelope([wa.change(messages=burst)]))
    assert response.status_code == 200

    SimpleWorker([django_rq.get_queue("replies")], connection=redis_client).work(burst=True)

    reply = Message.objects.get(direction="out")
    assert len(graph_api.requests) == 1
    request = graph_api.requests[0]
    assert request.path == f"/v23.0/{wa.PHONE_NUMBER_ID}/messages"
    assert request.headers["Authorization"] == "Bearer EAAG-test-token"
    assert request.body == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": wa.CUSTOMER,
        "type": "text",
        "text": {"preview_url": False, "body": reply.text},
    }
    assert "Men's haircut: ₪90" in reply.text
    assert reply.author == "ai"
    assert reply.status == "sent"
    assert reply.wamid == "wamid.OUT1"
    assert reply.prompt_version == prompt_version
    assert reply.llm_model == "claude-haiku-4-5"
    assert set(Message.objects.filter(direction="in").values_list("answered_by", flat=True)) == {
        reply.pk
    }
    assert llm_simulator.stats_snapshot()["requests"] == 1
