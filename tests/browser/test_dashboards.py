"""The back office's start page in Chromium, per demo role: each sees its own "zu
erledigen" panels with the figures of its region and follows a figure to the work; the
department (Fachdienst) starts in the Sprachpool instead. axe finds nothing on the start
pages, a German list and the Sprachpool report with its charts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.browser.test_sprachpool_office import shot
from tests.browser.test_sprachpool_pages import with_session
from wir.accounts.actions import grant_role
from wir.portal.models import Feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


PANELS = {
    "Redaktion: zu erledigen": "dashboard-redaktion",
    "Übersetzung: zu erledigen": "dashboard-uebersetzung",
    "Sprachpool: zu erledigen": "dashboard-sprachpool",
}


def panel(tab: Any, heading: str) -> Any:
    """The panel under this heading (Wagtail's panel: a section named by its heading)."""
    section = tab.locator(f"#{PANELS[heading]}-section")
    expect(section.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    return section


def test_each_role_sees_its_own_work_on_the_start_page(
    live_server: Any, browser: Any, region: Any, towns: Any, ask: Any, make_user: Any
) -> None:
    region.sprachpool_enabled = True
    region.save()
    ask(timezone.now() + timedelta(days=2))
    Feedback.objects.create(region=region, language_code="de", helpful=False, comment="alt")
    context = browser.new_context(
        bypass_csp=True, locale="de-DE", viewport={"width": 1366, "height": 900}
    )
    tab = context.new_page()

    coordinator = make_user("koordination", "coordination", region)
    with_session(tab, live_server, coordinator)
    tab.goto(f"{live_server.url}/admin/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Übersicht")
    sprachpool = panel(tab, "Sprachpool: zu erledigen")
    expect(sprachpool).to_contain_text("Anfragen ohne Sprachmittler/in (nächste 14 Tage): 1")
    expect(panel(tab, "Redaktion: zu erledigen")).to_contain_text("Ungelesene Rückmeldungen: 1")
    assert violations(tab) == []
    shot(tab, "dashboard-koordination-1366.png")
    sprachpool.get_by_role("link", name="Anfragen ohne Sprachmittler/in").click()
    expect(tab).to_have_url(f"{live_server.url}/admin/sprachpool/{region.slug}/anfragen/")

    tab.goto(f"{live_server.url}/admin/sprachpool/{region.slug}/berichte/")
    expect(tab.locator("figure").first).to_contain_text("Anfragen je Monat")
    tab.locator("summary").first.click()
    expect(tab.locator("details table").first).to_be_visible()
    assert violations(tab) == []
    tab.goto(f"{live_server.url}/admin/snippets/core/region/")
    expect(tab.get_by_role("columnheader", name="öffentlich sichtbar")).to_be_visible()
    assert violations(tab) == []

    editor = make_user("redaktion", "editor", region)
    context.clear_cookies()
    with_session(tab, live_server, editor)
    tab.goto(f"{live_server.url}/admin/")
    expect(panel(tab, "Redaktion: zu erledigen")).to_be_visible()
    expect(tab.get_by_role("heading", name="Sprachpool: zu erledigen")).to_have_count(0)
    assert violations(tab) == []
    panel(tab, "Redaktion: zu erledigen").get_by_role("link", name="Rückmeldungen").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Rückmeldungen")

    translator = make_user("uebersetzung")
    grant_role(None, translator, region, "translator", languages=["ar"])
    context.clear_cookies()
    with_session(tab, live_server, translator)
    tab.goto(f"{live_server.url}/admin/")
    translation = panel(tab, "Übersetzung: zu erledigen")
    expect(translation).to_contain_text("Arabisch: fehlende Übersetzungen")
    expect(translation).not_to_contain_text("Englisch")
    expect(tab.get_by_role("heading", name="Redaktion: zu erledigen")).to_have_count(0)
    assert violations(tab) == []
    shot(tab, "dashboard-uebersetzung-1366.png")

    clerk = make_user("fachdienst", "clerk", region)
    context.clear_cookies()
    with_session(tab, live_server, clerk)
    tab.goto(f"{live_server.url}/admin/")
    expect(tab.get_by_role("heading", name="Übersicht")).to_have_count(0)
    tab.goto(f"{live_server.url}/sprachpool/")
    expect(tab.get_by_role("heading", level=1)).to_be_visible()
    assert violations(tab) == []
    context.close()
