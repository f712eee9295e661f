"""Headless Chromium (Debian's package) driven by Playwright, against pytest-django's live_server.

With ``CI=true`` a missing Chromium fails the browser tests instead of skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import IN_CI

# Playwright's sync API runs an event loop in this thread, so Django's async-safety check
# would refuse the ORM calls the tests make between page actions. Nothing here is async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: a missing browser is a failure, not a skip)")
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_locale() -> str:
    """The language the browser asks for; override in a test module or with parametrize."""
    return "en-US"


@pytest.fixture
def page(chromium: Browser, browser_locale: str) -> Iterator[Page]:
    context = chromium.new_context(locale=browser_locale)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def log_in(page: Page, live_server, user, *, next_path: str) -> None:
    """Log ``user`` in through the login form and land on ``next_path``."""
    page.goto(f"{live_server.url}/login/?next={next_path}")
    # By the fields' ids, not their labels: a Hebrew browser gets the form in Hebrew.
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill("pw-for-tests")
    page.locator(".login button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}{next_path}")
