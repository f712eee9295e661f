"""The review queue in a real browser: a decision replaces its card without a reload."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conversations.models import Review
from conversations.services.review import review_approve
from tests.browser.conftest import log_in
from tests.factories import HELD, hold_reply, make_conversation

pytestmark = pytest.mark.browser

POLL_WAIT = 12_000  # ms: two polls of the queue


def test_a_reviewer_approves_a_held_reply_and_sees_the_decision_without_a_reload(
    page: Page, live_server, tenant, graph_api
) -> None:
    review = hold_reply(make_conversation(agent=tenant.agent, name="Noa"))
    log_in(page, live_server, tenant.reviewer, next_path="/review/")
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads

    card = page.locator(f"#review-{review.pk}")
    price = card.locator("mark.flag-price")
    expect(price).to_have_text("₪120" + "1")  # the span, and its legend number
    expect(price).to_have_attribute("title", "Price: " + review.flags[0]["reason"])
    expect(card.locator(".review-facts")).to_contain_text("₪90")
    expect(page.locator(".review-empty")).to_be_hidden()
    expect(page.locator("#nav-count-review")).to_contain_text("1")

    card.get_by_role("button", name="Approve").click()

    expect(card.locator(".review-decision")).to_contain_text("Approved by you")
    expect(card.locator(".review-sent")).to_have_text(HELD)
    expect(card.locator(".status")).to_have_text("Sent")
    expect(page.get_by_text("Nothing to review.")).to_be_visible()
    assert page.evaluate("window.loadedOnce") is True
    assert [request.body["text"]["body"] for request in graph_api.requests] == [HELD]
    review.refresh_from_db()
    assert review.decision == Review.Decision.APPROVED
    assert review.decided_by == tenant.reviewer


def test_the_queue_marks_a_reply_decided_elsewhere_and_appends_a_new_one(
    page: Page, live_server, tenant, graph_api
) -> None:
    decided = hold_reply(make_conversation(agent=tenant.agent, name="Noa"))
    log_in(page, live_server, tenant.reviewer, next_path="/review/")
    expect(page.locator(f"#review-{decided.pk}")).to_have_class(re.compile(r"\bis-pending\b"))

    review_approve(review=decided, by=tenant.owner)
    fresh = hold_reply(make_conversation(agent=tenant.agent, wa_id="972500000007", name="Avi"))

    # the queue polls every 5 s
    expect(page.locator(f"#review-{decided.pk} .review-decision")).to_contain_text(
        f"Approved by {tenant.owner.username}", timeout=POLL_WAIT
    )
    expect(page.locator(f"#review-{fresh.pk}")).to_contain_text("Avi")
    expect(page.locator(f"#review-{fresh.pk} mark.flag-price")).to_have_count(1)
    expect(page.locator(".review-card.is-pending")).to_have_count(1)
