"""The matrix "Übersetzungsstand" in a real Chromium: compact cells (small icons), the
header row stays visible while scrolling, many rows fit on an office screen."""

from __future__ import annotations

import os
from typing import Any

import pytest
from wagtail.models import Page

from tests.browser.test_accessibility import AXE, WCAG_TAGS
from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "tr", "ti", "so", "fr")
ROWS = 40


def test_matrix_is_compact_with_a_sticky_header(
    live_server: Any, make_region: Any, make_user: Any, page: Any
) -> None:
    tab, problems = page
    region = make_region("testkreis", languages=LANGUAGES)
    home = Page.objects.get(url_path="/testkreis/de/")
    for number in range(ROWS):
        child = ContentPage(title=f"Seite {number:03}", slug=f"seite-{number}", intro="", body="")
        home.add_child(instance=child)
        publish(child)
    user = make_user("koord", Role.COORDINATION, region)
    session = verified_client(user).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    tab.set_viewport_size({"width": 1366, "height": 900})
    tab.goto(f"{live_server.url}/admin/uebersetzung/stand/testkreis/")
    table = tab.locator("table.translation-status")
    icon = table.locator("tbody td svg").first
    box = icon.bounding_box()
    assert box is not None
    assert box["width"] <= 24, box  # not the 300×150 px of an unsized SVG
    assert box["height"] <= 24, box
    font_size = tab.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector("
        "'table.translation-status tbody td')).fontSize)"
    )
    cells = table.locator("tbody tr").first.locator("td")
    row_height = table.locator("tbody tr").first.bounding_box()
    assert row_height is not None
    assert row_height["height"] <= 2 * font_size + 2, (row_height, font_size)
    assert cells.count() == len(LANGUAGES)  # the selection box and one cell per language but German
    # The table's scroll area at the top of the screen: at least 25 rows are visible.
    tab.evaluate("() => document.querySelector('.translation-status-scroll').scrollIntoView()")
    visible = tab.evaluate(
        "() => [...document.querySelectorAll('table.translation-status tbody tr')]"
        ".filter(r => { const b = r.getBoundingClientRect();"
        " return b.top >= 0 && b.bottom <= window.innerHeight; }).length"
    )
    assert visible >= 25, visible
    # Scrolled down (and sideways), the header row and the titles stay on screen.
    tab.evaluate(
        "() => { const s = document.querySelector('.translation-status-scroll');"
        " s.scrollTop = 500; s.scrollLeft = 300; }"
    )
    area = tab.locator(".translation-status-scroll").bounding_box()
    header = table.locator("thead th").nth(3).bounding_box()
    title = table.locator("tbody th[scope=row]").nth(25).bounding_box()
    assert area is not None
    assert header is not None
    assert title is not None
    assert abs(header["y"] - area["y"]) <= 3, (header, area)
    assert 0 <= title["x"] - area["x"] < 60, (title, area)
    assert table.locator("thead th").nth(3).is_visible()
    # The selection box is not hidden behind the sticky title.
    box_right = tab.evaluate(
        "() => document.querySelectorAll('table.translation-status tbody input')[25]"
        ".getBoundingClientRect().right"
    )
    assert box_right <= title["x"], (box_right, title)
    # axe finds nothing in the table's scroll area (focusable, named region).
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run('.translation-status-scroll', {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    assert [v["id"] for v in result["violations"]] == []
    if os.environ.get("WIR_SCREENSHOTS"):
        tab.screenshot(path=os.path.join(os.environ["WIR_SCREENSHOTS"], "status-matrix.png"))
    assert problems.all() == []
