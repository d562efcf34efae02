"""The offline app in Chromium: save a region, browse and search it without network,
then see that new content is there and update only what changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_accessibility import violations
from tests.offline.fixtures import build_site
from wir.portal.models import Offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 60_000


@pytest.fixture
def site(settings: Any, tmp_path: Path, towns, directory, make_place, make_offer) -> dict:
    settings.WIR_OFFLINE_DIR = tmp_path / "offline"
    return build_site(towns, directory, make_place, make_offer)


def save_for_offline(tab: Page, base: str) -> None:
    tab.goto(f"{base}/offline/testkreis/de/")
    expect(tab.get_by_text("Größe:")).to_be_visible(timeout=TIMEOUT_MS)
    tab.get_by_role("button", name="Jetzt speichern").click()
    expect(tab.get_by_role("status").filter(has_text="Gespeichert.")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    assert tab.get_by_label("Fortschritt").evaluate("bar => bar.value") == 100
    assert tab.evaluate("navigator.serviceWorker.controller !== null")


def new_tab(browser: Browser) -> tuple[Any, Page, list[str]]:
    context = browser.new_context(locale="de-DE", bypass_csp=True)  # to inject axe
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    return context, tab, errors


def test_saved_region_can_be_browsed_and_searched_offline(live_server, browser, site) -> None:
    context, tab, errors = new_tab(browser)
    base = live_server.url
    save_for_offline(tab, base)

    context.set_offline(True)
    tab.goto(f"{base}/testkreis/de/")
    expect(tab.locator("h1")).to_have_text("Start testkreis de")
    tab.get_by_role("link", name="Wohnen").first.click()
    expect(tab.get_by_text("Mietvertrag lesen.")).to_be_visible()
    tab.get_by_role("link", name="Start testkreis de").first.click()
    tab.get_by_role("link", name="Was ist wo? (de)").first.click()
    tab.get_by_role("link", name="Migrationsberatung").first.click()
    expect(tab.locator("h1")).to_have_text("Migrationsberatung")
    expect(tab.get_by_role("heading", name="Öffnungszeiten")).to_be_visible()
    tab.get_by_role("link", name="Mehr zu diesem Ort").click()
    expect(tab.locator("h1")).to_have_text("Beratungszentrum")
    expect(tab.get_by_role("table")).to_contain_text("00:00–23:59")
    expect(tab.locator('.wir-hours__table tr[aria-current="date"]')).to_have_count(1)
    tab.goto(f"{base}/testkreis/de/veranstaltungen/")
    tab.get_by_role("link", name="Sprachcafé").first.click()
    expect(tab.locator("h1")).to_have_text("Sprachcafé")
    tab.goto(f"{base}/testkreis/de/kontakte/")
    expect(tab.get_by_text("WIR-Koordination — Ehrenamt")).to_be_visible()
    expect(tab.get_by_text("Di 9–12 Uhr")).to_be_visible()

    # The search field in the header leads to the offline search of the saved index.
    tab.get_by_role("searchbox", name="Suche").fill("Integrationskurs")
    tab.get_by_role("searchbox", name="Suche").press("Enter")
    expect(tab.get_by_role("heading", name="1 Treffer für „Integrationskurs“")).to_be_visible(
        timeout=TIMEOUT_MS
    )
    assert violations(tab) == []
    tab.get_by_role("link", name="Migrationsberatung").click()
    expect(tab.locator("h1")).to_have_text("Migrationsberatung")
    # The filters of the directory work on the saved copy too.
    tab.goto(f"{base}/testkreis/de/was-ist-wo/?kategorie=leisure_youth&jetzt_offen=1")
    results = tab.locator(".wir-results")
    expect(results).to_have_attribute("data-offline-filtered", "1", timeout=TIMEOUT_MS)
    expect(results.get_by_role("link", name="Jugendtreff")).to_be_visible()
    expect(results.get_by_role("link", name="Migrationsberatung")).to_have_count(0)
    expect(tab.get_by_text("Die Filter wurden auf die gespeicherten Angebote")).to_be_visible()
    expect(tab.get_by_text("lässt sich offline nicht prüfen")).to_be_visible()
    assert tab.locator("#kategorie-leisure_youth").is_checked()
    assert not tab.locator("#kategorie-language_course").is_checked()
    assert tab.locator("#jetzt_offen").is_checked()
    expect(tab.locator("#wir-map")).to_be_hidden()  # the youth club has no place to pin
    assert violations(tab) == []
    tab.goto(f"{base}/testkreis/de/was-ist-wo/?kommune={site['offer'].area_id}")
    expect(results).to_have_attribute("data-offline-filtered", "1", timeout=TIMEOUT_MS)
    expect(results.get_by_role("link", name="Migrationsberatung")).to_be_visible()
    expect(tab.locator("#wir-map")).to_have_attribute("data-ready", "1")
    expect(tab.locator(".leaflet-marker-icon")).to_have_count(1)
    # A language that was never saved: a page of the site (styled, in the saved language)
    # says so, in the language asked for too, and leads back to what is saved.
    response = tab.goto(f"{base}/testkreis/en/")
    assert response is not None
    assert response.status == 503
    expect(tab.locator("h1")).to_have_text("Diese Seite ist offline nicht gespeichert.")
    expect(tab.get_by_text("This language is not saved on this device.")).to_be_visible()
    assert tab.locator(".wir-header__brand").count() == 1  # the site's own layout
    saved = tab.get_by_role("list", name="Auf diesem Gerät gespeichert")
    expect(saved.get_by_role("link")).to_have_count(1)
    expect(saved.get_by_role("link", name="Deutsch")).to_be_visible()
    assert violations(tab) == []
    saved.get_by_role("link", name="Deutsch").click()
    expect(tab.locator("h1")).to_have_text("Start testkreis de")
    assert errors == []
    context.close()


def test_new_content_notice_downloads_only_the_changes(live_server, browser, site) -> None:
    context, tab, errors = new_tab(browser)
    base = live_server.url
    save_for_offline(tab, base)
    total_files = tab.evaluate("window.wirOfflineReport.downloaded")

    offer = Offer.objects.get(pk=site["offer"].pk)
    offer.summary = "Neu: offene Sprechstunde am Mittwoch"
    offer.save_revision().publish()

    blobs: list[str] = []
    tab.on(
        "request",
        lambda request: blobs.append(request.url) if "/offline/blob/" in request.url else None,
    )
    tab.goto(f"{base}/testkreis/de/")
    notice = tab.get_by_role("region", name="Neue Inhalte verfügbar")
    expect(notice).to_be_visible(timeout=TIMEOUT_MS)
    assert violations(tab) == []
    notice.get_by_role("button", name="Jetzt aktualisieren").click()
    expect(notice.get_by_text("Aktualisiert:")).to_be_visible(timeout=TIMEOUT_MS)
    report = tab.evaluate("window.wirOfflineReport")
    offer_url = f"/testkreis/de/was-ist-wo/angebot/{offer.pk}/"
    assert offer_url in report["urls"]
    assert set(report["urls"]) <= {
        offer_url,
        "/testkreis/de/was-ist-wo/",
        f"/testkreis/de/was-ist-wo/ort/{site['place'].pk}/",
        "/offline/testkreis/de/search-index.json",
    }
    assert len(blobs) == report["downloaded"] < total_files
    assert report["removed"] == 0

    context.set_offline(True)
    tab.goto(f"{base}{offer_url}")
    expect(tab.get_by_text("Neu: offene Sprechstunde am Mittwoch").first).to_be_visible()
    assert errors == []
    context.close()


def test_offline_search_in_arabic_is_right_to_left(live_server, browser, site) -> None:
    context, tab, errors = new_tab(browser)
    base = live_server.url
    tab.goto(f"{base}/offline/testkreis/ar/")
    start = tab.locator("[data-offline-start]")
    expect(start).to_be_enabled(timeout=TIMEOUT_MS)
    start.click()
    expect(tab.locator("[data-offline-remove]")).to_be_visible(timeout=TIMEOUT_MS)
    assert tab.locator("[data-offline-progress]").evaluate("bar => bar.value") == 100

    context.set_offline(True)
    tab.goto(f"{base}/testkreis/ar/suche/?q=السكن")
    assert tab.locator("html").get_attribute("dir") == "rtl"
    assert tab.locator("html").get_attribute("lang") == "ar"
    results = tab.locator("[data-offline-results]")
    expect(results.get_by_role("link", name="السكن")).to_be_visible(timeout=TIMEOUT_MS)
    # German originals found from the Arabic page are marked as German, left to right.
    tab.locator("#suche-q").fill("Migration")
    tab.locator("#suche-q").press("Enter")
    german = results.get_by_role("link", name="Migrationsberatung")
    expect(german).to_be_visible()
    assert german.evaluate("a => [a.parentElement.lang, a.parentElement.dir]") == ["de", "ltr"]
    assert errors == []
    context.close()
