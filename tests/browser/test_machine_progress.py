"""The progress bar of a machine-translation job follows the work in a real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from tests.conftest import verified_client
from tests.translation import mt_servers
from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation.machine import jobs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_progress_bar_polls_until_the_report(
    live_server: Any, make_region: Any, make_user: Any, settings: Any, page: Any
) -> None:
    tab, problems = page
    region = make_region("testkreis", languages=("de", "ar"))
    home = Page.objects.get(url_path="/testkreis/de/")
    originals = []
    for index in range(2):
        original = ContentPage(title=f"Seite {index}", slug=f"seite-{index}", body="<p>Hallo</p>")
        home.add_child(instance=original)
        publish(original)
        originals.append(original)
    user = make_user("tina", "translator", region)
    session = verified_client(user).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    with mt_servers.serve("deepl") as service:
        settings.WIR_MT_PROVIDER = "deepl"
        settings.WIR_DEEPL_KEY = mt_servers.DEEPL_KEY
        settings.WIR_DEEPL_URL = service.url
        settings.WIR_MT_BACKGROUND = True
        job = jobs.create_job(region, "ar", originals, user)
        tab.goto(f"{live_server.url}/admin/uebersetzung/maschinell/auftrag/{job.pk}/")
        progress = tab.locator("progress#mt-progress")
        expect(progress).to_have_attribute("value", "0")
        expect(progress).to_have_attribute("max", "2")
        expect(tab.locator("#mt-status")).to_contain_text("wartet")
        jobs.run_job(job.pk)  # what `run_translation_jobs` does in the background
        expect(tab.locator("progress#mt-progress")).to_have_attribute("value", "2", timeout=5000)
        expect(tab.locator("#mt-status")).to_contain_text(
            "Fertig: 2 übersetzt, 0 übersprungen, 0 fehlgeschlagen."
        )
        expect(tab.locator("tr.mt-translated")).to_have_count(2)
    assert problems.all() == []
