"""The network's pages in Chromium: axe on every page (staff pages in German, the public
concept summary in German and Arabic), the directory's map, a partner on a phone."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_accessibility import violations
from tests.conftest import verified_client
from tests.network.conftest import Net, net  # noqa: F401
from wir.accounts.models import User
from wir.network import actions
from wir.network.models import ConceptVersion

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(browser: Browser, live_server: Any, user: User, **options: Any) -> Page:
    context = browser.new_context(bypass_csp=True, locale="de-DE", **options)  # to inject axe
    session = verified_client(user).cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return context.new_page()


def staff_paths(net: Net) -> dict[str, str]:  # noqa: F811
    organisation, process, concept = net.organisation, net.process, net.concept
    actions.ensure_catalogue(net.region, "sports_club")
    version = ConceptVersion.objects.filter(concept=concept).first()
    assert version is not None
    slug = net.region.slug
    return {
        "directory": f"/netzwerk/{slug}/akteure/",
        "new_organisation": f"/netzwerk/{slug}/akteure/neu/",
        "organisation": f"/netzwerk/organisation/{organisation.pk}/",
        "edit": f"/netzwerk/organisation/{organisation.pk}/bearbeiten/",
        "opening": f"/netzwerk/organisation/{organisation.pk}/oeffnung/",
        "assess": f"/netzwerk/oeffnung/{process.pk}/selbstbewertung/",
        "overview": f"/netzwerk/{slug}/oeffnung/",
        "catalogue": f"/netzwerk/{slug}/oeffnung/kriterien/",
        "concepts": f"/netzwerk/{slug}/konzepte/",
        "new_concept": f"/netzwerk/{slug}/konzepte/neu/",
        "concept": f"/netzwerk/konzepte/{concept.pk}/",
        "edit_concept": f"/netzwerk/konzepte/{concept.pk}/bearbeiten/",
        "version": f"/netzwerk/fassungen/{version.pk}/",
        "meetings": f"/netzwerk/{slug}/treffen/",
        "meeting": f"/netzwerk/treffen/{net.meeting.pk}/",
        "tasks": f"/netzwerk/organisation/{organisation.pk}/aufgaben/",
    }


def test_staff_pages_have_no_axe_violations(live_server, browser, net: Net) -> None:  # noqa: F811
    tab = signed_in(browser, live_server, net.users["coordination"])
    found = {}
    for name, path in staff_paths(net).items():
        response = tab.goto(live_server.url + path)
        tab.wait_for_load_state("networkidle")
        assert response is not None
        assert response.status == 200, name
        problems = violations(tab)
        if problems:
            found[name] = problems
    assert found == {}
    tab.context.close()


def test_directory_map_shows_the_organisations(live_server, browser, net: Net) -> None:  # noqa: F811
    tab = signed_in(browser, live_server, net.users["coordination"])
    tab.goto(live_server.url + f"/netzwerk/{net.region.slug}/akteure/")
    tab.wait_for_selector("#wir-map[data-ready]")
    assert tab.locator("#wir-map").get_attribute("data-ready") == "1"
    assert tab.locator(".wir-pin").count() == 1
    tab.context.close()


def test_partner_on_a_phone(live_server, browser, net: Net) -> None:  # noqa: F811
    tab = signed_in(
        browser,
        live_server,
        net.users["partner"],
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    tab.goto(live_server.url + "/netzwerk/")
    assert tab.url.endswith(f"/netzwerk/organisation/{net.organisation.pk}/")
    # Nothing wider than the screen.
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert violations(tab) == []
    tab.goto(live_server.url + f"/netzwerk/oeffnung/{net.process.pk}/selbstbewertung/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    assert violations(tab) == []
    tab.context.close()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_public_concept_summary(live_server, browser, net: Net, lang: str) -> None:  # noqa: F811
    concept = net.concept
    concept.public_summary = "Im Nordviertel gibt es ein Begegnungscafé."
    concept.is_public = True
    concept.save()
    context = browser.new_context(bypass_csp=True, locale="de-DE")
    tab = context.new_page()
    response = tab.goto(live_server.url + f"/willkommen/konzept/{concept.pk}/{lang}/")
    assert response is not None
    assert response.status == 200
    assert tab.locator("html").get_attribute("lang") == lang
    assert tab.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert violations(tab) == []
    context.close()
