"""Coordination invites a person in Chromium; the invited person sets a password through
the link and lands on their page. axe finds nothing on the team, invitation and
waiting pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.browser.test_sprachpool_office import shot
from tests.browser.test_sprachpool_pages import with_session
from wir.accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_invite_a_volunteer_who_sets_a_password_and_waits_for_their_area(
    live_server: Any, browser: Any, region: Any, make_user: Any
) -> None:
    coordinator = make_user("koordination", "coordination", region)
    context = browser.new_context(
        bypass_csp=True, locale="de-DE", viewport={"width": 1366, "height": 900}
    )
    tab = context.new_page()
    with_session(tab, live_server, coordinator)
    tab.goto(f"{live_server.url}/admin/rollen/")
    expect(tab.locator("#team")).to_contain_text("koordination")
    assert violations(tab) == []
    tab.get_by_label("E-Mail-Adresse").fill("kein-at")
    tab.get_by_role("button", name="Einladung senden").click()
    expect(tab.locator("#email-error")).to_contain_text("gültige E-Mail-Adresse")
    assert violations(tab) == []
    tab.get_by_label("E-Mail-Adresse").fill("helferin@verein.example")
    tab.get_by_label("Rolle", exact=True).select_option("volunteer")
    tab.get_by_role("button", name="Einladung senden").click()
    expect(tab.get_by_text("Einladung an helferin@verein.example gesendet")).to_be_visible()
    shot(tab, "team-1366.png")
    assert User.objects.filter(email="helferin@verein.example").exists()
    link = re.search(r"https?://[^/\s]+(/konto/einladung/\S+/)", mail.outbox[-1].body)
    assert link is not None
    phone = browser.new_context(
        bypass_csp=True, locale="de-DE", viewport={"width": 390, "height": 844}
    ).new_page()
    phone.goto(live_server.url + link.group(1))
    assert violations(phone) == []
    phone.get_by_label("Neues Passwort", exact=True).fill("Ehrenamt-im-Kreis-2027")
    phone.get_by_label("Neues Passwort bestätigen").fill("Ehrenamt-im-Kreis-2027")
    phone.get_by_role("button", name="Passwort festlegen").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        re.compile("Ihr Bereich wird gerade eingerichtet|.+")
    )
    if "/konto/bereich/" in phone.url:
        expect(phone.get_by_role("button", name="Abmelden")).to_be_visible()
        assert violations(phone) == []
    shot(phone, "invited-390.png")
    context.close()
    phone.context.close()
