"""The coordination screens: the plan of a period and the candidates of one request."""

from __future__ import annotations

import pytest

from tests.conftest import verified_client
from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool.models import Assignment, MediationRequest

PLAN = "/admin/sprachpool/testkreis/vermittlung/"


def test_coordination_sees_the_plan_and_sends_the_offers(pool, ask, coordinator) -> None:
    near = pool("SM-NAH")
    request = ask(at(MONDAY, 10))
    ask(at(MONDAY, 10), language="ti")
    client = verified_client(coordinator)
    # one region: straight to its request board
    assert client.get("/admin/sprachpool/").url == "/admin/sprachpool/testkreis/anfragen/"
    page = client.get(PLAN, {"von": MONDAY.isoformat(), "bis": MONDAY.isoformat()})
    assert page.status_code == 200
    text = page.text
    assert "1 von 2 offenen Anfragen besetzt" in text
    assert "SM-NAH" in text
    assert "niemand im Pool spricht die Sprache" in text
    assert f'value="{request.pk}:{near.pk}" checked' in text
    assert "AZ-7" not in text  # the client reference is not needed for planning
    sent = client.post(
        PLAN,
        {"pair": [f"{request.pk}:{near.pk}"], "von": MONDAY.isoformat(), "bis": MONDAY.isoformat()},
        follow=True,
    )
    assert "1 Angebot gesendet." in sent.text
    assert Assignment.objects.get().mediator == near
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.OFFERED


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"von": "2027-03-05", "bis": "2027-03-01"},
            "Das Ende des Zeitraums liegt vor dem Anfang.",
        ),
        ({"von": "1.3.2027", "bis": "x"}, "Bitte geben Sie die Daten als TT.MM.JJJJ an."),
        ({"von": "2027-01-01", "bis": "2027-12-31"}, "Der Zeitraum ist zu lang"),
        ({"von": "9999-12-31", "bis": "9999-12-31"}, "zwischen 1900 und 2199"),
        ({"von": "0001-01-01", "bis": "0001-01-01"}, "zwischen 1900 und 2199"),
    ],
)
def test_bad_periods_get_a_message_not_an_error(coordinator, query, message) -> None:
    page = verified_client(coordinator).get(PLAN, query)
    assert page.status_code == 200
    assert message in page.text
    assert 'id="plan-summary"' not in page.text


def test_bad_selections_change_nothing(pool, ask, coordinator) -> None:
    pool("SM-NAH")
    request = ask(at(MONDAY, 10))
    client = verified_client(coordinator)
    for pairs in (["1;2"], [f"{request.pk}:"], ["-1:-1"], [f"{request.pk}:x"]):
        page = client.post(PLAN, {"pair": pairs}, follow=True)
        assert page.status_code == 200
        assert "Die Auswahl ist ungültig; es wurde nichts gesendet." in page.text
    page = client.post(PLAN, {}, follow=True)
    assert "Keine Anfrage ausgewählt." in page.text
    assert not Assignment.objects.exists()


def test_request_page_ranks_candidates_and_offers_one(pool, ask, coordinator) -> None:
    near = pool("SM-NAH")
    pool("SM-FERN", town="Büdingen")
    pool("SM-FARSI", languages="fa")
    request = ask(at(MONDAY, 10))
    client = verified_client(coordinator)
    url = f"/admin/sprachpool/testkreis/anfrage/{request.pk}/"
    text = client.get(url).text
    assert text.index("SM-NAH") < text.index("SM-FERN")
    assert "SM-FARSI: spricht die Sprache nicht" in text
    assert "Anfahrt 0,0\u00a0km" in text  # German number format
    page = client.post(url, {"mediator": "abc"}, follow=True)
    assert "Bitte wählen Sie eine Person aus." in page.text
    page = client.post(url, {"mediator": str(near.pk)}, follow=True)
    assert "1 Angebot gesendet." in page.text
    assert "SM-NAH: angeboten" in page.text
    assert "Angebot senden</button>" not in page.text  # offered: no second offer from here
    assert client.get("/admin/sprachpool/testkreis/anfrage/999999/").status_code == 404


def test_only_coordination_of_the_region_may_plan(
    pool, ask, make_user, make_region, region
) -> None:
    request = ask(at(MONDAY, 10))
    clerk = verified_client(make_user("sachbearbeitung", "clerk", region))
    other = make_region("anderkreis")
    foreign = verified_client(make_user("fremd", "coordination", other))
    for client in (clerk, foreign):
        assert client.get(PLAN).status_code in (302, 403, 404)
        assert client.post(PLAN, {"pair": [f"{request.pk}:1"]}).status_code in (302, 403, 404)
        url = f"/admin/sprachpool/testkreis/anfrage/{request.pk}/"
        assert client.get(url).status_code in (302, 403, 404)
    assert foreign.get("/admin/sprachpool/").url == "/admin/sprachpool/anderkreis/anfragen/"
    assert not Assignment.objects.exists()
