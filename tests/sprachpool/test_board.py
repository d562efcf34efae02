"""The request board of coordination: states, filters in the URL, the week, the actions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.conftest import verified_client
from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool import board, planning
from wir.sprachpool.actions import accept_offer, decline_offer
from wir.sprachpool.models import Assignment, MediationRequest

BOARD = "/admin/sprachpool/testkreis/anfragen/"
WEEK = {"von": MONDAY.isoformat(), "bis": (MONDAY + timedelta(days=6)).isoformat()}


def _state(request: MediationRequest) -> str:
    request.refresh_from_db()
    return board.board_state(request, list(request.assignments.all()), timezone.now())


def test_states_follow_the_request_and_its_offers(pool, ask, coordinator, region) -> None:
    one, two = pool("SM-EINS"), pool("SM-ZWEI")
    request = ask(at(MONDAY, 10))
    assert _state(request) == "open"
    first = planning.send_offers(region, [(request.pk, one.pk)], coordinator).sent[0]
    assert _state(request) == "offered"
    decline_offer(first.pk, coordinator)
    assert _state(request) == "declined"
    second = planning.send_offers(region, [(request.pk, two.pk)], coordinator).sent[0]
    accept_offer(second.pk, coordinator)
    assert _state(request) == "accepted"
    other = ask(at(MONDAY, 14))
    offer = planning.send_offers(region, [(other.pk, one.pk)], coordinator).sent[0]
    Assignment.objects.filter(pk=offer.pk).update(status="expired")
    MediationRequest.objects.filter(pk=other.pk).update(status="open")
    assert _state(other) == "expired"
    past = ask(timezone.now() - timedelta(hours=3))
    assert _state(past) == "unfilled"
    MediationRequest.objects.filter(pk=past.pk).update(status="cancelled")
    assert _state(past) == "cancelled"
    MediationRequest.objects.filter(pk=past.pk).update(status="done")
    assert _state(past) == "done"


def test_board_lists_requests_with_state_week_and_filters(pool, ask, coordinator, region) -> None:
    mediator = pool("SM-NAH")
    arabic = ask(at(MONDAY, 10))
    farsi = ask(at(MONDAY + timedelta(days=2), 9), language="fa", setting="schule")
    planning.send_offers(region, [(arabic.pk, mediator.pk)], coordinator)
    client = verified_client(coordinator)
    page = client.get(BOARD, WEEK)
    assert page.status_code == 200
    text = page.text
    assert "2 Anfragen vom 01.03.2027 bis 07.03.2027" in text
    assert f'id="row-{arabic.pk}"' in text
    assert f'id="row-{farsi.pk}"' in text
    assert "angeboten" in text
    assert "Die Woche auf einen Blick (01.03.–07.03.2027)" in text
    assert "AZ-7" not in text  # the client reference is not needed for coordination
    # Filters are kept in the URL and in the links of the board.
    only = client.get(BOARD, {**WEEK, "sprache": "fa"}).text
    assert f'id="row-{farsi.pk}"' in only
    assert f'id="row-{arabic.pk}"' not in only
    assert 'name="next" value="/admin/sprachpool/testkreis/anfragen/?von=2027-03-01' in only
    assert "sprache=fa" in only
    by_setting = client.get(BOARD, {**WEEK, "bereich": "schule"}).text
    assert f'id="row-{farsi.pk}"' in by_setting
    assert f'id="row-{arabic.pk}"' not in by_setting
    offered = client.get(BOARD, {**WEEK, "status": "offered"}).text
    assert f'id="row-{arabic.pk}"' in offered
    assert f'id="row-{farsi.pk}"' not in offered
    # Unknown choices are ignored, not an error.
    assert client.get(BOARD, {**WEEK, "status": "zauber", "bereich": "x"}).status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"von": "2027-03-05", "bis": "2027-03-01"},
            "Das Ende des Zeitraums liegt vor dem Anfang.",
        ),
        ({"von": "1.3.2027"}, "Bitte geben Sie die Daten als TT.MM.JJJJ an."),
        ({"von": "2027-01-01", "bis": "2027-12-31"}, "Der Zeitraum ist zu lang"),
        ({"von": "9999-12-31"}, "zwischen 1900 und 2199"),
    ],
)
def test_bad_periods_get_a_message(coordinator, query, message) -> None:
    page = verified_client(coordinator).get(BOARD, query)
    assert page.status_code == 200
    assert message in page.text


def test_board_query_count_does_not_grow_with_the_requests(
    pool, ask, coordinator, region, query_count
) -> None:
    mediator = pool("SM-NAH")
    client = verified_client(coordinator)
    first = ask(at(MONDAY, 8))
    planning.send_offers(region, [(first.pk, mediator.pk)], coordinator)
    client.get(BOARD, WEEK)  # warm the per-process caches
    with query_count.capture() as few:
        client.get(BOARD, WEEK)
    for day in range(5):
        for hour in (9, 11, 13):
            request = ask(at(MONDAY + timedelta(days=day), hour), language="fa")
            planning.send_offers(region, [(request.pk, mediator.pk)], coordinator)
    with query_count.capture() as many:
        assert client.get(BOARD, WEEK).status_code == 200
    query_count.assert_same(few, many)


def test_board_belongs_to_coordination_of_its_region(
    ask, coordinator, clerk, make_region, make_user
) -> None:
    request = ask(at(MONDAY, 10))
    assert verified_client(clerk).get(BOARD).status_code in (302, 403, 404)
    other = make_region("anderkreis")
    stranger = make_user("koord-anders", "coordination", other)
    client = verified_client(stranger)
    assert client.get(BOARD).status_code == 404
    cancel = f"/admin/sprachpool/testkreis/anfrage/{request.pk}/absagen/"
    assert client.post(cancel, {"reason": "x"}).status_code == 404
    foreign = f"/admin/sprachpool/anderkreis/anfrage/{request.pk}/absagen/"
    assert client.post(foreign, {"reason": "x"}).status_code == 404
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.OPEN


def test_coordination_cancels_from_the_board_and_the_mediator_is_told(
    pool, ask, coordinator, region, make_user, django_capture_on_commit_callbacks
) -> None:
    person = make_user("sm-b", "mediator", region)
    person.email = "sm-b@pool.example"
    person.save()
    mediator = pool("SM-B", user=person)
    request = ask(at(MONDAY, 10))
    offer = planning.send_offers(region, [(request.pk, mediator.pk)], coordinator).sent[0]
    accept_offer(offer.pk, person)
    client = verified_client(coordinator)
    url = f"/admin/sprachpool/testkreis/anfrage/{request.pk}/absagen/"
    back = BOARD + "?von=2027-03-01&bis=2027-03-07"
    page = client.post(url, {"reason": " ", "next": back}, follow=True)
    assert "Bitte geben Sie einen Grund für die Absage an." in page.text
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.BOOKED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(url, {"reason": "Termin entfällt", "next": back})
    assert answer.url == back
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.CANCELLED
    assert [m.to for m in mail.outbox] == [["sm-b@pool.example"]]
    assert "Grund: Termin entfällt" in mail.outbox[0].body
    # An address elsewhere is not followed.
    elsewhere = client.post(url, {"reason": "nochmal", "next": "https://example.com/"})
    assert elsewhere.url == BOARD
    page = client.get(elsewhere.url, WEEK)
    assert "Diese Anfrage ist schon abgeschlossen oder abgesagt." in page.text


def test_search_again_offers_a_declined_request_to_the_next(pool, ask, coordinator, region) -> None:
    near = pool("SM-NAH")
    pool("SM-FERN", town="Büdingen")
    request = ask(at(MONDAY, 10))
    first = planning.send_offers(region, [(request.pk, near.pk)], coordinator).sent[0]
    decline_offer(first.pk, coordinator)
    client = verified_client(coordinator)
    url = f"/admin/sprachpool/testkreis/anfrage/{request.pk}/neu-suchen/"
    page = client.post(url, follow=True)
    assert f"Anfrage #{request.pk} ist SM-FERN angeboten." in page.text
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.OFFERED
    again = client.post(url, follow=True)
    assert "Diese Anfrage ist nicht offen." in again.text
    assert request.assignments.count() == 2
