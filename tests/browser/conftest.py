"""Playwright driving Debian's Chromium (the machine cannot download browsers)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

# The Sprachpool's fixtures, for its browser tests here.
from tests.sprachpool.conftest import ask, coordinator, pool  # noqa: F401


@dataclass
class Problems:
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return self.console_errors + self.page_errors + self.failed_requests


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, Problems]]:
    context = browser.new_context(locale="de-DE")
    tab = context.new_page()
    problems = Problems()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.console_errors.append(message.text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    tab.on(
        "response",
        lambda response: (
            problems.failed_requests.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    yield tab, problems
    context.close()
