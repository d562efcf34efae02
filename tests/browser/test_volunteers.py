"""The volunteer pages in Chromium: axe (de and ar) on a 390 px phone for volunteers and at
1366 px for coordination; screenshots to the temp directory for a look by eye."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser

from tests.browser.test_accessibility import violations
from tests.conftest import verified_client
from tests.volunteers.conftest import START
from wir.core.actions import add_area
from wir.core.models import Area, Region
from wir.volunteers import optin
from wir.volunteers.mailing import unsubscribe_token
from wir.volunteers.models import (
    Gathering,
    GatheringRegistration,
    HoursEntry,
    Network,
    Opportunity,
    Shift,
    ShiftSignup,
    Volunteer,
)

SHOTS = Path(tempfile.gettempdir()) / "wir-ehrenamt"
PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def world(region: Region, make_user: Any) -> tuple[Volunteer, Shift, Shift, Area]:
    town = add_area(region, "Friedberg", Area.Kind.MUNICIPALITY, Decimal("50.33"), Decimal("8.75"))
    user = make_user("ea-001", "volunteer", region)
    volunteer = Volunteer.objects.create(
        region=region,
        code="EA-001",
        user=user,
        name="Ehrenamt 001",
        municipality=town,
        status=Volunteer.Status.ACTIVE,
        works_with_minors=True,
    )
    opportunity = Opportunity.objects.create(
        region=region,
        title="Sprachcafé",
        description="Deutsch üben bei Kaffee und Tee.",
        area=town,
        organiser="Familienzentrum",
        published=True,
    )
    shifts = [
        Shift.objects.create(
            opportunity=opportunity,
            starts_at=START + timedelta(days=d),
            ends_at=START + timedelta(days=d, hours=2),
            places=3,
        )
        for d in (0, 1)
    ]
    ShiftSignup.objects.create(
        shift=shifts[1],
        volunteer=volunteer,
        starts_at=shifts[1].starts_at,
        ends_at=shifts[1].ends_at,
    )
    HoursEntry.objects.create(
        volunteer=volunteer, date=date.today(), hours=2, activity="Sprachcafé"
    )
    network = Network.objects.create(
        region=region, municipality=town, kind="helpers", name="Helferkreis Friedberg"
    )
    network.members.add(volunteer)
    network.coordinators.add(user)
    for number, places in ((1, 10), (2, 1)):
        gathering = Gathering.objects.create(
            region=region,
            network=network if number == 1 else None,
            title=f"Schulung {number}",
            area=town,
            location="Rathaus",
            starts_at=START + timedelta(days=number),
            ends_at=START + timedelta(days=number, hours=2),
            places=places,
        )
        if number == 1:
            GatheringRegistration.objects.create(
                gathering=gathering, volunteer=volunteer, status="registered"
            )
    return volunteer, shifts[0], shifts[1], town


def signed_in(browser: Browser, live_server: Any, client: Client, viewport: dict[str, int]) -> Any:
    context = browser.new_context(bypass_csp=True, locale="de-DE", viewport=viewport)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    return context


def check(tab: Any, url: str, name: str, status: int = 200) -> list[str]:
    response = tab.goto(url)
    tab.wait_for_load_state("networkidle")
    assert response is not None
    assert response.status == status, (name, response.status)
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    width = tab.evaluate("document.documentElement.scrollWidth")
    viewport = tab.viewport_size["width"]
    problems = [f"{name}: {p}" for p in violations(tab)]
    if width > viewport:
        problems.append(f"{name}: scrolls sideways ({width} px > {viewport} px)")
    return problems


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_volunteer_pages_on_a_phone(
    live_server: Any, browser: Browser, region: Region, make_user: Any, lang: str
) -> None:
    volunteer, _open, _mine, _town = world(region, make_user)
    anonymous = browser.new_context(bypass_csp=True, locale="de-DE", viewport=PHONE)
    tab = anonymous.new_page()
    problems = check(
        tab, f"{live_server.url}/ehrenamt/testkreis/mitmachen/?lang={lang}", f"signup-{lang}"
    )
    assert tab.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    tab.click("button[type=submit]")  # empty: every field says what is missing
    tab.wait_for_load_state("networkidle")
    assert tab.locator(".kern-error").count() >= 4
    anonymous.close()
    assert volunteer.user is not None
    client = verified_client(volunteer.user)  # the network page asks for a second factor
    context = signed_in(browser, live_server, client, PHONE)
    tab = context.new_page()
    problems += check(tab, f"{live_server.url}/ehrenamt/?lang={lang}", f"home-{lang}")
    problems += check(tab, f"{live_server.url}/ehrenamt/meine-daten/?lang={lang}", f"data-{lang}")
    network = Network.objects.get()
    problems += check(
        tab, f"{live_server.url}/ehrenamt/netzwerk/{network.pk}/?lang={lang}", f"network-{lang}"
    )
    context.close()
    optin.set_opt_in(volunteer, True, by=None)
    anonymous = browser.new_context(bypass_csp=True, locale="de-DE", viewport=PHONE)
    tab = anonymous.new_page()
    path = f"/ehrenamt/rundmails/abmelden/{unsubscribe_token(volunteer)}/?lang={lang}"
    problems += check(tab, live_server.url + path, f"unsubscribe-{lang}")
    tab.click("button[type=submit]")
    tab.wait_for_load_state("networkidle")
    problems += [f"unsubscribed-{lang}: {p}" for p in violations(tab)]
    anonymous.close()
    assert problems == []


def test_coordination_pages_at_1366(
    live_server: Any, browser: Browser, region: Region, make_user: Any
) -> None:
    volunteer, shift, _mine, _town = world(region, make_user)
    coordinator = make_user("koordination", "coordination", region)
    network = Network.objects.get()
    context = signed_in(browser, live_server, verified_client(coordinator), DESK)
    tab = context.new_page()
    base = f"{live_server.url}/ehrenamt/koordination"
    problems: list[str] = []
    for name, path in [
        ("volunteers", "/testkreis/"),
        ("volunteer", f"/ehrenamtliche/{volunteer.pk}/"),
        ("networks", "/testkreis/netzwerke/"),
        ("network", f"/netzwerke/{network.pk}/"),
        ("opportunities", "/testkreis/einsaetze/"),
        ("opportunity", f"/einsaetze/{shift.opportunity_id}/"),
        ("shift", f"/schichten/{shift.pk}/"),
        ("hours", "/testkreis/stunden/"),
        ("card", "/testkreis/ehrenamts-card/"),
        ("gatherings", "/testkreis/veranstaltungen/"),
        ("gathering", f"/veranstaltungen/{Gathering.objects.first().pk}/"),  # type: ignore[union-attr]
        ("mailings", "/testkreis/rundmails/"),
    ]:
        problems += check(tab, base + path, f"coord-{name}")
    context.close()
    assert problems == []
