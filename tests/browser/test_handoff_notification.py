"""A handoff, end to end in a real browser: the customer asks what the knowledge base does not
cover, the owner is e-mailed, opens the inbox from the e-mail's link, replies, and hands back.

Everything real but the upstreams: a signed webhook POST to the live server, the reply job
(an RQ worker on the real Redis) answered by the Messages-API simulator over HTTP (which calls
the hand_to_team tool where its knowledge base has no answer), the scheduled notifications job
and its delivery jobs, a real SMTP server (aiosmtpd), Meta's Graph API as a local HTTP stub,
and Chromium on the pages.
"""

from __future__ import annotations

import json
import re
import urllib.request
from email.message import EmailMessage

import django_rq
import pytest
from playwright.sync_api import Page, expect
from rq import SimpleWorker

from agents.models import AgentText
from agents.selectors import agent_text
from conversations.models import Conversation, Message
from conversations.services.handoff import BY_KNOWLEDGE_GAP
from conversations.whatsapp.signature import sign
from monitoring.jobs import send_business_notifications
from tests import whatsapp as wa
from tests.stubs import SmtpStub

pytestmark = [pytest.mark.browser, pytest.mark.redis]

QUESTION = "Do you do wedding makeup?"
REPLY = "Yes! Our makeup artist Shira does brides on Fridays. I'll send you her prices."
AFTERWARDS = "Thanks! And how much is a men's haircut?"
POLL_WAIT = 12_000  # ms: more than two polls of any page


@pytest.fixture
def smtp(settings, live_server):
    """A real SMTP server; the e-mails' links point at the live server."""
    stub = SmtpStub()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = stub.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Switchboard <switchboard@example.com>"
    settings.SITE_URL = live_server.url
    yield stub
    stub.stop()


@pytest.fixture
def people(tenant, outsider):
    """Everyone has an e-mail address, the member of another business too."""
    for user, address in [
        (tenant.owner, "dana@salon.test"),
        (tenant.reviewer, "noa@salon.test"),
        (outsider, "boss@other.test"),
    ]:
        user.email = address
        user.save(update_fields=["email"])
    return tenant


def customer_writes(live_server, redis_client, *, wamid: str, body: str) -> None:
    """Meta delivers the customer's message to the live server, signed; the reply worker runs
    until it is idle."""
    payload = wa.envelope([wa.change(messages=[wa.text_message(wamid=wamid, body=body)])])
    raw = json.dumps(payload).encode()
    request = urllib.request.Request(
        f"{live_server.url}/webhooks/whatsapp/",
        data=raw,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Hub-Signature-256": sign(body=raw, secret=wa.APP_SECRET),
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    SimpleWorker([django_rq.get_queue("replies")], connection=redis_client).work(burst=True)


def notifications_run(redis_client) -> int:
    """One tick of the scheduled job, then a worker runs the delivery jobs it enqueued."""
    claimed = send_business_notifications()
    SimpleWorker([django_rq.get_queue("background")], connection=redis_client).work(burst=True)
    return claimed


def sent_to_customer(graph_api) -> list[str]:
    return [
        request.body["text"]["body"]
        for request in graph_api.requests
        if request.body.get("to") == wa.CUSTOMER
    ]


def link_in(message: EmailMessage) -> str:
    (link,) = re.findall(r"Open it: (\S+)", message.get_content())
    return link


def test_the_owner_is_emailed_about_a_handoff_answers_it_from_the_inbox_and_hands_back(
    page: Page,
    live_server,
    people,
    outsider,
    smtp,
    prompt_version,
    llm_simulator,
    graph_api,
    redis_client,
    settings,
) -> None:
    settings.WHATSAPP_APP_SECRET = wa.APP_SECRET
    handoff_text = agent_text(agent=people.agent, kind=AgentText.Kind.HANDOFF, language="en")

    # The customer asks what the knowledge base does not cover: the model hands it to people,
    # and the customer is told so once.
    customer_writes(live_server, redis_client, wamid="wamid.Q1", body=QUESTION)
    conversation = Conversation.objects.get()
    assert conversation.handoff_reason == BY_KNOWLEDGE_GAP
    assert sent_to_customer(graph_api) == [handoff_text]

    # The scheduled job e-mails the business's owner and reviewer, nobody else.
    assert notifications_run(redis_client) == 2
    by_address = {message["X-Envelope-To"]: message for message in smtp.messages}
    assert sorted(by_address) == ["dana@salon.test", "noa@salon.test"]
    assert outsider.email not in by_address
    mail = by_address["dana@salon.test"]
    assert mail["Subject"] == "Salon Dana: Noa Levi (+972501234567) is waiting for a person"
    assert f"Reason: {BY_KNOWLEDGE_GAP}" in mail.get_content()
    assert f"The customer wrote: {QUESTION}" in mail.get_content()
    link = link_in(mail)
    assert link == f"{live_server.url}/inbox/#inbox-{conversation.pk}"

    # The owner opens the link, logs in, and lands on the inbox with the conversation.
    page.goto(link)
    page.wait_for_url(re.compile(r"/login/"))
    page.locator("#id_username").fill(people.owner.username)
    page.locator("#id_password").fill("pw-for-tests")
    page.locator(".login button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/inbox/")))
    item = page.locator(f"#inbox-{conversation.pk}")
    expect(item.locator(".contact-name")).to_have_text("Noa Levi")
    expect(item.locator(".inbox-reason")).to_have_text(BY_KNOWLEDGE_GAP)
    expect(item.locator(".inbox-thread")).to_contain_text(QUESTION)
    expect(item.locator(".inbox-thread")).to_contain_text(handoff_text)
    # The handoff notice is no answer: the customer waits for a person.
    expect(item.locator(".inbox-wait")).to_contain_text("Waiting")
    expect(page.locator("#nav-count-inbox")).to_contain_text("1")
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads

    # The owner replies: it is in the thread, sent by WhatsApp to the customer.
    item.get_by_role("textbox").fill(REPLY)
    item.get_by_role("button", name="Send by WhatsApp").click()
    person = item.locator(".inbox-message-out", has_text=REPLY)
    expect(person.locator(".author")).to_have_text("Human")
    expect(person.locator(".status")).to_have_text("Sent")
    expect(item.locator("textarea")).to_have_value("")
    expect(item.locator(".inbox-wait")).to_have_text("Not waiting")
    assert sent_to_customer(graph_api) == [handoff_text, REPLY]
    assert Message.objects.get(text=REPLY).sent_by == people.owner

    # ...and hands the conversation back to the AI, confirming the question.
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    item.get_by_role("button", name="Hand back to AI").click()
    done = page.locator(f"#inbox-{conversation.pk}-done")
    expect(done).to_contain_text("Noa Levi is back with the AI.")
    expect(page.locator(".inbox-item")).to_have_count(0)
    expect(page.get_by_text("No conversations are waiting for a person.")).to_be_visible()
    assert asked == [
        "Hand this conversation back to the AI? It answers the customer's next messages."
    ]
    # The navigation's count follows at its next poll (every 10 s).
    expect(page.locator("#nav-count-inbox")).to_be_empty(timeout=POLL_WAIT)
    assert page.evaluate("window.loadedOnce") is True
    conversation.refresh_from_db()
    assert conversation.handed_off_at is None

    # On the conversation's page, the customer's next message is answered by the AI.
    done.get_by_role("link", name="Noa Levi").click()
    page.wait_for_url(f"{live_server.url}/conversations/{conversation.pk}/")
    expect(page.get_by_role("button", name="Hand to a person")).to_be_visible()
    expect(page.locator(".handoff-banner")).to_have_count(0)
    customer_writes(live_server, redis_client, wamid="wamid.Q2", body=AFTERWARDS)
    answer = Message.objects.get(wamid="wamid.Q2").answered_by
    assert answer.author == Message.Author.AI and "₪90" in answer.text
    assert sent_to_customer(graph_api) == [handoff_text, REPLY, answer.text]
    shown = page.locator(f"#message-{answer.pk}")
    expect(shown.locator(".author")).to_have_text("AI", timeout=POLL_WAIT)
    expect(shown.locator(".message-text")).to_contain_text("₪90")

    # Each event once: the answered handoff is not e-mailed again, nor anything else.
    assert notifications_run(redis_client) == 0
    assert len(smtp.messages) == 2
