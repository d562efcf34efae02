"""The Sprachpool's pages outside the back office: axe-core finds nothing, in Chromium,
and a mediator answers an offer through the mail link with the keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.conftest import verified_client
from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool import notify, planning
from wir.sprachpool.models import MediationRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def with_session(tab: Any, live_server: Any, user: Any) -> None:
    session = verified_client(user).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def test_sprachpool_pages_have_no_axe_violations(
    live_server: Any, browser: Any, region: Any, towns: Any, pool: Any, ask: Any,
    coordinator: Any, make_user: Any,
) -> None:  # fmt: skip
    region.sprachpool_enabled = True
    region.save()
    person = make_user("sm-axe", "mediator", region)
    mediator = pool("SM-AXE", user=person)
    request = ask(at(MONDAY, 10))
    offer = planning.send_offers(region, [(request.pk, mediator.pk)], coordinator).sent[0]
    context = browser.new_context(bypass_csp=True, locale="de-DE")
    tab = context.new_page()
    found: dict[str, list[str]] = {}

    def check(name: str, path: str) -> None:
        tab.goto(live_server.url + path)
        tab.wait_for_load_state("networkidle")
        problems = violations(tab)
        if problems:
            found[name] = problems

    check("signup", "/sprachpool/mitmachen/testkreis/")
    tab.get_by_role("button", name="Anmelden").click()  # empty: every field shows its error
    expect(tab.locator("#form-errors")).to_be_visible()
    problems = violations(tab)
    if problems:
        found["signup_errors"] = problems
    check("offer_link", f"/sprachpool/angebot/{notify.offer_token(offer)}/")
    with_session(tab, live_server, person)
    check("mediator_home", "/sprachpool/")
    with_session(tab, live_server, request.requested_by)
    check("department_home", "/sprachpool/")
    check("request_form", "/sprachpool/anfragen/neu/")
    check("request", f"/sprachpool/anfragen/{request.pk}/")
    check("request_edit", f"/sprachpool/anfragen/{request.pk}/aendern/")
    context.close()
    assert found == {}


def test_a_mediator_accepts_through_the_mail_link_by_keyboard(
    live_server: Any, page: Any, region: Any, pool: Any, ask: Any, coordinator: Any
) -> None:
    tab, problems = page
    mediator = pool("SM-TASTE", user=None)
    mediator.user = coordinator.__class__.objects.create_user("sm-taste", password="x-123456789")
    mediator.save()
    request = ask(at(MONDAY, 10))
    offer = planning.send_offers(region, [(request.pk, mediator.pk)], coordinator).sent[0]
    tab.goto(f"{live_server.url}/sprachpool/angebot/{notify.offer_token(offer)}/")
    expect(tab.get_by_text("Friedberg")).to_be_visible()
    accept = tab.get_by_role("button", name="Annehmen")
    accept.focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_text("Sie haben den Einsatz übernommen. Danke!")).to_be_visible()
    expect(tab.get_by_text("Dieses Angebot ist nicht mehr offen.")).to_be_visible()
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.BOOKED
    assert problems.all() == []
