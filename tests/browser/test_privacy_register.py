"""The register of processing activities in Chromium: coordination finds it in the admin
menu, reads the declared activities, axe-core finds nothing, the PDF link downloads."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.browser.test_sprachpool_office import shot
from tests.browser.test_sprachpool_pages import with_session
from tests.privacy.test_register import declared_area  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordination_reads_the_register_and_downloads_the_pdf(
    live_server: Any,
    page: Any,
    region: Any,
    make_user: Any,
    declared_area: None,  # noqa: F811
) -> None:
    tab, problems = page
    with_session(tab, live_server, make_user("koordination", "coordination", region))
    tab.goto(f"{live_server.url}/admin/")
    tab.get_by_role("link", name="Verarbeitungsverzeichnis").click()
    tab.wait_for_url(f"**/admin/datenschutz/{region.slug}/verzeichnis/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text(
        "Verzeichnis von Verarbeitungstätigkeiten"
    )
    expect(tab.get_by_text("Verantwortlicher:")).to_contain_text(region.full_name)
    activity = tab.get_by_role("region", name="Gebiete (core.area)")
    expect(activity).to_contain_text("TESTZWECK Wegweiser nach Wohngebiet")
    expect(activity).to_contain_text("18 Monate nach")
    shot(tab, "privacy-register.png")
    assert violations(tab) == []
    with tab.expect_download() as download:
        tab.get_by_role("link", name="Als PDF herunterladen").click()
    assert download.value.suggested_filename == "verarbeitungsverzeichnis-testkreis.pdf"
    assert problems.all() == []
