"""Chromium for the campaign's rendering step (the fixture of tests/browser)."""

from tests.browser.conftest import browser  # noqa: F401
