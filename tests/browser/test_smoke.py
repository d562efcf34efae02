"""The home page of a region loads in a real Chromium without errors."""

import pytest
from wagtail.models import Page

from tests.conftest import MakeRegion
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_region_home_loads_without_console_errors(live_server, make_region: MakeRegion, page):
    tab, problems = page
    make_region("testkreis", languages=("de", "ar"))
    for code in ("de", "ar"):  # a language is offered once it has content
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        section = ContentPage(title=f"Wohnen {code}", slug="wohnen", body="<p>x</p>")
        home.add_child(instance=section)
        publish(section)
    tab.goto(f"{live_server.url}/testkreis/de/")
    assert tab.locator("h1").inner_text() == "Start testkreis de"
    assert tab.locator("html").get_attribute("lang") == "de"
    # The KERN-UX stylesheet is applied: the header has its colour, not the browser default.
    colour = tab.eval_on_selector(".wir-header", "el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(10, 45, 82)"
    tab.get_by_role("link", name="العربية").click()
    tab.wait_for_url(f"{live_server.url}/testkreis/ar/")
    assert tab.locator("html").get_attribute("dir") == "rtl"
    assert problems.all() == []


def test_skip_link_moves_keyboard_focus_to_the_content(live_server, make_region, page) -> None:
    tab, problems = page
    make_region("testkreis", languages=("de",))
    tab.goto(f"{live_server.url}/testkreis/de/")
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    assert problems.all() == []


def test_login_page_works_in_the_browser(live_server, db, page) -> None:
    tab, problems = page
    tab.goto(f"{live_server.url}/konto/anmelden/")
    tab.get_by_label("Benutzername").fill("niemand")
    tab.get_by_label("Passwort").fill("falsches-passwort")
    tab.get_by_role("button", name="Anmelden").click()
    assert tab.get_by_role("alert").first.inner_text().count("Benutzername oder Passwort") == 1
    # The 400 answer to the wrong password is expected; nothing else may fail.
    unexpected = [p for p in problems.all() if "400" not in p]
    assert unexpected == []
    assert problems.failed_requests == [f"400 {live_server.url}/konto/anmelden/"]
