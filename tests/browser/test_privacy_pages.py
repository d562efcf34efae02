"""The person's own privacy pages on a phone: axe-core finds nothing, and a mediator
withdraws their consent with the keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.browser.test_sprachpool_pages import with_session
from wir.privacy import consent
from wir.privacy.models import Consent
from wir.sprachpool.privacy import PURPOSE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def test_my_data_pages_have_no_axe_violations_on_a_phone(
    live_server: Any, browser: Any, region: Any, pool: Any, make_user: Any
) -> None:
    person = make_user("sm-axe", "mediator", region)
    pool("SM-AXE", user=person)
    given = consent.give(person, PURPOSE, region)
    context = browser.new_context(bypass_csp=True, locale="de-DE", viewport=PHONE)
    tab = context.new_page()
    with_session(tab, live_server, person)
    found: dict[str, list[str]] = {}
    for name, path in {
        "my_data": "/konto/meine-daten/",
        "withdraw": f"/konto/meine-daten/einwilligung/{given.pk}/widerrufen/",
        "delete": "/konto/meine-daten/konto-loeschen/",
    }.items():
        tab.goto(live_server.url + path)
        tab.wait_for_load_state("networkidle")
        problems = violations(tab)
        if problems:
            found[name] = problems
        # nothing wider than the phone
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    context.close()
    assert found == {}


def test_a_mediator_withdraws_by_keyboard(
    live_server: Any, page: Any, region: Any, pool: Any, make_user: Any
) -> None:
    tab, problems = page
    person = make_user("sm-taste", "mediator", region)
    pool("SM-TASTE", user=person)
    consent.give(person, PURPOSE, region)
    with_session(tab, live_server, person)
    tab.goto(f"{live_server.url}/sprachpool/")
    tab.get_by_role("link", name="Meine Daten").first.click()
    tab.get_by_role("link", name="Einwilligung widerrufen").click()
    expect(
        tab.get_by_text("Wenn Sie widerrufen, bekommen Sie keine Angebote mehr.")
    ).to_be_visible()
    tab.get_by_label("Ja, ich bin sicher.").focus()
    tab.keyboard.press("Space")
    tab.get_by_role("button", name="Jetzt widerrufen").focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_text("Sie haben Ihre Einwilligung widerrufen.")).to_be_visible()
    assert Consent.objects.get(user=person).withdrawn_at is not None
    assert problems.all() == []
