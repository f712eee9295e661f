"""A browser set to Hebrew: the pages read right to left in Hebrew, HTMX answers included."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.factories import hold_reply, make_conversation

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_locale() -> str:
    return "he-IL"


def test_a_hebrew_browser_logs_in_and_works_the_review_queue_in_hebrew(
    page: Page, live_server, tenant, graph_api
) -> None:
    review = hold_reply(make_conversation(agent=tenant.agent, name="Noa"))

    page.goto(f"{live_server.url}/login/?next=/review/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_label("שם משתמש").fill(tenant.reviewer.username)
    page.get_by_label("סיסמה").fill("pw-for-tests")
    page.get_by_role("button", name="התחברות").click()
    page.wait_for_url(f"{live_server.url}/review/")

    expect(page.locator("html")).to_have_attribute("lang", "he")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    nav = page.get_by_role("navigation", name="ראשי")
    for label in ("שיחות", "לידים", "סוכנים", "תור בדיקה", "תיבת פניות", "מדדים"):
        expect(nav.get_by_role("link", name=label)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("תור בדיקה")
    # the badge beside the review queue comes from an HTMX poll, in Hebrew too
    expect(page.locator("#nav-count-review")).to_have_text("1 ממתינות")

    card = page.locator(f"#review-{review.pk}")
    card.get_by_role("button", name="לאשר").click()
    expect(card.locator(".review-decision")).to_contain_text("על ידך")
