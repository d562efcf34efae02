"""The directory's map in Chromium: markers without tiles, tiles when a server is configured."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIRECTORY = "/testkreis/de/was-ist-wo/"


@pytest.fixture
def places(towns, directory, make_place, make_offer):
    friedberg = make_place(towns["Friedberg"], "Beratungszentrum")
    nidda = make_place(towns["Nidda"], "Familienzentrum")
    make_offer("Migrationsberatung", towns["Friedberg"], place=friedberg)
    make_offer("Schuldnerberatung", towns["Friedberg"], place=friedberg)
    make_offer("Familiencafé", towns["Nidda"], category="leisure_families", place=nidda)
    make_offer("Telefonberatung", towns["Nidda"])  # no place: no marker
    return {"friedberg": friedberg, "nidda": nidda}


def test_map_shows_one_marker_per_place_without_any_tile_server(live_server, places, page):
    tab, problems = page
    tile_requests = []
    images = []
    tab.on("request", lambda r: tile_requests.append(r.url) if "tile" in r.url else None)
    tab.on("request", lambda r: images.append(r.url) if r.resource_type == "image" else None)
    tab.goto(live_server.url + DIRECTORY)
    tab.wait_for_selector("#wir-map[data-ready='2']")
    assert tab.locator(".leaflet-marker-icon").count() == 2
    # Pins are inline SVG: no image file to fetch (or to miss offline).
    assert tab.locator(".leaflet-marker-icon svg").count() == 2
    # The base map: one cell per municipality of the region, labelled with its name.
    tab.wait_for_selector("#wir-map[data-areas-ready]")
    municipalities = int(tab.locator("#wir-map").get_attribute("data-areas-ready"))
    assert municipalities >= 2
    assert tab.locator("#wir-map path.leaflet-interactive, #wir-map svg path").count() >= 2
    assert tab.locator(".wir-map__label", has_text="Friedberg").count() == 1
    assert "keine amtlichen Grenzen" in tab.locator(".leaflet-control-attribution").inner_text()
    assert tab.locator("#wir-map").get_attribute("class").count("wir-map--no-tiles") == 1
    tab.locator(".leaflet-marker-icon[title='Beratungszentrum']").click()
    popup = tab.locator(".leaflet-popup-content")
    assert "2 Angebote" in popup.inner_text()
    popup.get_by_role("link", name="Beratungszentrum").click()
    tab.wait_for_url(f"**/was-ist-wo/ort/{places['friedberg'].pk}/")
    assert tile_requests == []
    assert images == []
    assert problems.all() == []  # no CSP violation, no script error


def test_map_follows_the_filters(live_server, places, page) -> None:
    tab, problems = page
    tab.goto(live_server.url + DIRECTORY + "?kategorie=leisure_families")
    tab.wait_for_selector("#wir-map[data-ready='1']")
    assert tab.locator(".leaflet-marker-icon").count() == 1
    assert problems.all() == []


def test_configured_tile_server_is_used(live_server, places, page, settings) -> None:
    tab, problems = page
    # A tile "server" on this machine: the static files of the live server itself.
    settings.WIR_MAP_TILES_URL = live_server.url + "/static/wir/img/favicon.svg?tile={z}-{x}-{y}"
    tab.goto(live_server.url + DIRECTORY)
    tab.wait_for_selector("img.leaflet-tile-loaded")
    assert tab.locator("img.leaflet-tile").count() > 0
    assert problems.all() == []


def test_without_javascript_the_list_still_works(live_server, places, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + DIRECTORY)
    assert tab.locator("#wir-map").is_hidden()
    assert tab.locator(".wir-offer").count() == 4
    context.close()
