"""The Sprachpool on a shared office PC, in Chromium: a visible sign-out, request-form
selects that look like selects, the lead-time rule before the first attempt."""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_sprachpool_pages import with_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(tab: Any, name: str) -> None:
    if os.environ.get("WIR_SCREENSHOTS"):
        tab.screenshot(path=os.path.join(os.environ["WIR_SCREENSHOTS"], name), full_page=True)


def test_request_form_on_a_phone_signs_out(
    live_server: Any, page: Any, region: Any, towns: Any, make_user: Any
) -> None:
    tab, problems = page
    clerk = make_user("fachdienst", "clerk", region)
    with_session(tab, live_server, clerk)
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(f"{live_server.url}/sprachpool/anfragen/neu/")
    # The lead-time rule is there before anything was sent.
    hint = tab.locator("#id_day-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Werktage")
    expect(tab.get_by_label("Datum")).to_have_attribute("aria-describedby", "id_day-hint")
    # A select has KERN's frame: a visible bottom border and the arrow.
    wrapper = tab.locator("#id_language").locator("xpath=..")
    style = wrapper.evaluate(
        "el => { const s = getComputedStyle(el); const a = getComputedStyle(el, '::after');"
        " return {border: parseFloat(s.borderBottomWidth), color: s.borderBottomColor,"
        " background: s.backgroundColor, arrow: a.content, arrowWidth: parseFloat(a.width)}; }"
    )
    assert style["border"] >= 2, style
    assert style["color"] not in ("rgba(0, 0, 0, 0)", "transparent"), style
    assert style["background"] != "rgba(0, 0, 0, 0)", style
    assert style["arrow"] not in ("none", "normal"), style
    assert style["arrowWidth"] >= 16, style
    # Sign-out is visible in the header and ends the session.
    sign_out = tab.get_by_role("button", name="Abmelden")
    expect(sign_out).to_be_visible()
    expect(tab.get_by_text("Angemeldet als fachdienst")).to_be_visible()
    shot(tab, "sprachpool-request-390.png")
    sign_out.click()
    tab.goto(f"{live_server.url}/sprachpool/")
    expect(tab.get_by_role("button", name="Abmelden")).to_have_count(0)
    assert problems.page_errors == []
    assert problems.console_errors == []
