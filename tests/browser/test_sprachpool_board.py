"""Coordination's request board in Chromium: filters in the URL, the week, cancelling."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.browser.test_sprachpool_office import shot
from tests.browser.test_sprachpool_pages import with_session
from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool import planning
from wir.sprachpool.models import MediationRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_board_filters_and_cancels_at_office_width(
    live_server: Any, browser: Any, pool: Any, ask: Any, coordinator: Any, region: Any
) -> None:
    mediator = pool("SM-NAH")
    offered = ask(at(MONDAY, 10))
    planning.send_offers(region, [(offered.pk, mediator.pk)], coordinator)
    farsi = ask(at(MONDAY + timedelta(days=1), 14), language="fa")
    context = browser.new_context(
        bypass_csp=True, locale="de-DE", viewport={"width": 1366, "height": 900}
    )
    tab = context.new_page()
    with_session(tab, live_server, coordinator)
    tab.goto(f"{live_server.url}/admin/sprachpool/testkreis/anfragen/?von={MONDAY.isoformat()}")
    expect(tab.locator("#board-summary")).to_contain_text("2 Anfragen")
    expect(tab.locator("#week")).to_contain_text("10:00 Arabisch")
    assert violations(tab) == []
    shot(tab, "sprachpool-board-1366.png")
    tab.get_by_label("Sprache").select_option("fa")
    tab.get_by_role("button", name="Anzeigen").click()
    assert "sprache=fa" in tab.url
    expect(tab.locator("#board tbody tr")).to_have_count(1)
    row = tab.locator(f"#row-{farsi.pk}")
    row.locator("summary").click()
    row.get_by_label("Grund der Absage").fill("Termin entfällt")
    row.get_by_role("button", name="Anfrage absagen").click()
    expect(tab.get_by_text(f"Anfrage #{farsi.pk} ist abgesagt.")).to_be_visible()
    assert "sprache=fa" in tab.url  # back to the same filtered board
    expect(tab.locator(f"#row-{farsi.pk}")).to_contain_text("abgesagt")
    farsi.refresh_from_db()
    assert farsi.status == MediationRequest.Status.CANCELLED
    context.close()
