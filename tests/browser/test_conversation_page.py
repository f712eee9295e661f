"""The conversation pages in a real browser: live updates arrive without a reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from conversations.models import Message
from tests.browser.conftest import log_in
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.browser

HEBREW = "שלום, אפשר לקבוע תור ליום שישי?"


def test_a_new_message_appears_on_the_open_conversation_without_a_reload(
    page: Page, live_server, tenant
) -> None:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text="Hi, how much is a haircut?")
    log_in(page, live_server, tenant.owner, next_path=f"/conversations/{conversation.pk}/")
    assert page.evaluate("typeof htmx") == "object"
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads

    question = add_message(conversation, text=HEBREW, needs_reply=True)

    row = page.locator(f"#message-{question.pk}")
    expect(row).to_contain_text(HEBREW)
    text = row.locator(".message-text")
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(page.locator("#typing-indicator")).to_contain_text("Agent is writing")

    reply = add_message(
        conversation, text="כן, אנחנו פתוחים ביום שישי 08:00-14:00.", direction="out"
    )
    Message.objects.filter(pk=question.pk).update(answered_by=reply)

    expect(page.locator(f"#message-{reply.pk}")).to_contain_text("08:00-14:00")
    expect(page.locator("#typing-indicator")).to_be_empty()
    expect(page.locator("#thread-poller")).to_have_attribute("data-cursor", str(reply.pk))

    Message.objects.filter(pk=reply.pk).update(status=Message.Status.READ)

    expect(page.locator(f"#message-{reply.pk} .status")).to_have_text("Read")
    # the cursor advanced: rows already shown were not appended a second time
    expect(page.locator(f"#message-{question.pk}")).to_have_count(1)
    expect(page.locator(f"#message-{reply.pk}")).to_have_count(1)
    assert page.evaluate("window.loadedOnce") is True


def test_a_new_conversation_appears_in_the_list_without_a_reload(
    page: Page, live_server, tenant
) -> None:
    log_in(page, live_server, tenant.reviewer, next_path="/conversations/")
    expect(page.get_by_text("No conversations yet.")).to_be_visible()

    conversation = make_conversation(agent=tenant.agent, name="Dana Levi")
    add_message(conversation, text="Do you do colouring?", needs_reply=True)

    row = page.locator(".list-row", has_text="Dana Levi")
    expect(row).to_contain_text("Do you do colouring?")
    expect(row).to_contain_text("Needs reply")
    expect(page.get_by_text("No conversations yet.")).to_have_count(0)


@pytest.mark.parametrize("browser_locale", ["he-IL"])
def test_the_page_mirrors_for_a_hebrew_speaker(page: Page, live_server, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    add_message(conversation, text=HEBREW)
    add_message(conversation, text="שלום! איך אפשר לעזור?", direction="out")
    log_in(page, live_server, tenant.owner, next_path=f"/conversations/{conversation.pk}/")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "he"
    inbound = page.locator(".message-in .bubble").bounding_box()
    outbound = page.locator(".message-out .bubble").bounding_box()
    assert inbound is not None and outbound is not None
    # customers on the start side, which in Hebrew is the right
    assert inbound["x"] > outbound["x"]
