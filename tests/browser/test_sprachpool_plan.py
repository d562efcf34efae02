"""Coordination plans a day of the Sprachpool and sends the offers, in a real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import verified_client
from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool.models import Assignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_plan_a_day_and_send_the_offers(
    live_server: Any,
    page: Any,
    pool: Any,
    ask: Any,
    coordinator: Any,
) -> None:
    tab, problems = page
    pool("SM-AR-FA", languages="ar,fa")
    pool("SM-AR", town="Nidda")
    ask(at(MONDAY, 10))
    ask(at(MONDAY, 10), language="fa")
    session = verified_client(coordinator).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    tab.goto(f"{live_server.url}/admin/sprachpool/testkreis/vermittlung/")
    tab.get_by_label("von").fill(MONDAY.isoformat())
    tab.get_by_label("bis").fill(MONDAY.isoformat())
    tab.get_by_role("button", name="Vorschlag berechnen").click()
    expect(tab.locator("#plan-summary")).to_contain_text("2 von 2 offenen Anfragen besetzt")
    expect(tab.locator("input[name=pair]:checked")).to_have_count(2)
    # Coordination keeps one offer back.
    tab.get_by_label("Angebot für Anfrage", exact=False).first.uncheck()
    tab.get_by_role("button", name="Ausgewählte Angebote senden").click()
    expect(tab.get_by_text("1 Angebot gesendet.")).to_be_visible()
    expect(tab.locator("#plan-summary")).to_contain_text("1 von 1 offenen Anfrage besetzt")
    assert Assignment.objects.count() == 1
    assert problems.all() == []
