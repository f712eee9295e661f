"""The prompts pages in a real browser: save a version, test it on a share, watch, promote."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from prompts_app.models import PromptExperiment, PromptVersion
from prompts_app.selectors import CANDIDATE, prompt_arm
from tests.browser.conftest import log_in
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.browser

POLL_WAIT = 12_000  # ms: the results card polls every 10 seconds


def test_an_operator_tests_a_new_prompt_on_half_the_conversations_and_promotes_it(
    page: Page, live_server, tenant, operator, prompt_version
) -> None:
    log_in(page, live_server, operator, next_path="/prompts/")
    expect(page.get_by_text("No A/B test is running.")).to_be_visible()

    page.get_by_role("link", name="New version").click()
    body = page.get_by_label("System prompt")
    expect(body).to_have_value(prompt_version.body)
    body.fill(prompt_version.body.replace("Keep replies short", "Keep replies warm and short"))
    page.get_by_label("What changed, and why").fill("Warmer tone.")
    page.get_by_role("button", name="Save version").click()

    expect(page.get_by_role("heading", name="Prompt v2")).to_be_visible()
    expect(page.locator(".diff-added")).to_contain_text("Keep replies warm and short")
    page.get_by_label("Share of conversations on this version").fill("50")
    page.get_by_role("button", name="Start A/B test").click()

    card = page.locator("#experiment-results")
    expect(card).to_contain_text("No replies yet.")
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads

    # Customers write in; each conversation is answered by its arm's version.
    experiment = PromptExperiment.objects.get()
    candidate = PromptVersion.objects.get(number=2)
    arms = {CANDIDATE: 0, "control": 0}
    for n in range(6):
        conversation = make_conversation(agent=tenant.agent, wa_id=f"9725022200{n:02d}")
        arm = prompt_arm(experiment=experiment, conversation_id=conversation.pk)
        version = candidate if arm == CANDIDATE else prompt_version
        add_message(conversation, text="Haircut ₪90.", direction="out", prompt_version=version)
        arms[arm] += 1

    conversations = card.locator("tr", has_text="Conversations").locator("td")
    expect(conversations.nth(0)).to_have_text(str(arms["control"]), timeout=POLL_WAIT)
    expect(conversations.nth(1)).to_have_text(str(arms[CANDIDATE]))
    expect(card.locator("[data-rate=lead_capture]")).to_contain_text("needs 30 in each arm")
    assert page.evaluate("window.loadedOnce") is True

    page.once("dialog", lambda dialog: dialog.accept())
    card.get_by_role("button", name="Promote v2").click()

    expect(page.get_by_text("v2 promoted: every new reply uses it.")).to_be_visible()
    expect(page.get_by_text("No A/B test is running.")).to_be_visible()
    assert PromptVersion.objects.get(is_active=True) == candidate
