"""Planning on the Sprachpool's records: candidates, the plan of a period, sending offers."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from wagtail.models import ModelLogEntry

from tests.sprachpool.conftest import MONDAY, at
from wir.core.models import Language
from wir.sprachpool import planning
from wir.sprachpool.actions import accept_offer, decline_offer
from wir.sprachpool.models import (
    Absence,
    Assignment,
    MediationRequest,
    Mediator,
    WeeklyAvailability,
)


def test_candidates_come_from_the_records_with_reasons(pool, ask, coordinator) -> None:
    near = pool("SM-NAH")
    far = pool("SM-FERN", town="Büdingen")
    pool("SM-OHNE-ERKLAERUNG", confidentiality_signed_on=None)
    away = pool("SM-URLAUB")
    Absence.objects.create(mediator=away, first_day=MONDAY, last_day=MONDAY + timedelta(days=6))
    tuesdays = pool("SM-DIENSTAGS")
    WeeklyAvailability.objects.create(mediator=tuesdays, weekday=1, start=time(8), end=time(12))
    pool("SM-FARSI", languages="fa")
    pool("SM-PAUSE", status=Mediator.Status.PAUSED)  # not in the pool at all

    wanted = ask(at(MONDAY, 10), dialect="syrisch")
    found = planning.candidates_for(wanted)
    assert [m.code for m, _c in found.candidates] == ["SM-NAH", "SM-FERN"]
    assert "Dialekt passt (syrisch)" in found.candidates[0][1].reasons
    assert found.candidates[1][1].travel_km > 25  # Friedberg → Büdingen
    rejected = {m.code: r.reasons for m, r in found.rejected}
    assert rejected == {
        "SM-OHNE-ERKLAERUNG": ("Verschwiegenheitserklärung fehlt",),
        "SM-URLAUB": ("abwesend",),
        "SM-DIENSTAGS": ("zu dieser Zeit nicht verfügbar",),
        "SM-FARSI": ("spricht die Sprache nicht",),
    }

    # A booking that ends half an hour before, 26 km away, leaves too little travel time
    # for the far mediator; the near one declined the request before.
    earlier = ask(at(MONDAY, 8), town="Büdingen", ends_at=at(MONDAY, 9, 30))
    booking = Assignment.objects.create(
        request=earlier, mediator=far, starts_at=earlier.starts_at, ends_at=earlier.ends_at
    )
    accept_offer(booking.pk, coordinator)
    offer = Assignment.objects.create(
        request=wanted, mediator=near, starts_at=wanted.starts_at, ends_at=wanted.ends_at
    )
    decline_offer(offer.pk, coordinator)
    found = planning.candidates_for(wanted)
    assert found.candidates == []
    rejected = {m.code: r.reasons for m, r in found.rejected}
    assert rejected["SM-NAH"] == ("hatte diese Anfrage schon (abgelehnt oder abgesagt)",)
    # The booking is stored without travel, but the far mediator's own travel to the
    # new request (39 min at 40 km/h) does not fit into the 30 minutes in between.
    assert rejected["SM-FERN"] == ("schon gebucht (Anfahrt eingerechnet)",)


def test_certificate_and_gender_come_from_the_region_rules(pool, ask) -> None:
    pool("SM-A", gender="m")
    pool("SM-B", gender="f", certificate_valid_until=MONDAY + timedelta(days=30))
    pool("SM-C", gender="f", certificate_valid_until=MONDAY - timedelta(days=1))
    school = ask(at(MONDAY, 10), setting=MediationRequest.Setting.SCHOOL)
    assert [m.code for m, _c in planning.candidates_for(school).candidates] == ["SM-B"]
    health = ask(at(MONDAY, 14), gender_preference="f")
    assert {m.code for m, _c in planning.candidates_for(health).candidates} == {"SM-B", "SM-C"}


def test_the_plan_covers_open_requests_of_the_period_and_region(
    pool, ask, make_region, make_user
) -> None:
    pool("SM-AR-FA", languages="ar,fa")
    pool("SM-AR", town="Nidda")
    arabic = ask(at(MONDAY, 10))
    farsi = ask(at(MONDAY, 10), language="fa")
    tigrinya = ask(at(MONDAY, 11), language="ti")
    ask(at(MONDAY + timedelta(days=9), 10))  # after the period
    ask(at(MONDAY, 10), status=MediationRequest.Status.CANCELLED)
    other = make_region("anderkreis")
    MediationRequest.objects.create(
        region=other,
        language=Language.objects.get(code="ar"),
        starts_at=at(MONDAY, 10),
        ends_at=at(MONDAY, 11),
        setting=MediationRequest.Setting.HEALTH,
        requested_by=make_user("fremd", "clerk", other),
    )
    result = planning.plan(arabic.region, MONDAY, MONDAY + timedelta(days=6))
    assert [r.pk for r in result.requests] == [arabic.pk, farsi.pk, tigrinya.pk]
    codes = {row.request.pk: row.mediator.code if row.mediator else None for row in result.rows}
    # First come would give Arabic to the near bilingual mediator and leave Farsi open.
    assert codes == {arabic.pk: "SM-AR", farsi.pk: "SM-AR-FA", tigrinya.pk: None}
    assert result.rows[2].why_open == "niemand im Pool spricht die Sprache"
    assert result.proposal.optimal


def test_sending_offers_rechecks_every_pair_and_logs(pool, ask, coordinator) -> None:
    near = pool("SM-NAH")
    far = pool("SM-FERN", town="Büdingen")
    first = ask(at(MONDAY, 10))
    second = ask(at(MONDAY, 10, 30))
    third = ask(at(MONDAY, 14), town="Büdingen")
    result = planning.send_offers(
        first.region,
        [(first.pk, near.pk), (second.pk, near.pk), (third.pk, far.pk), (999999, near.pk)],
        coordinator,
    )
    assert [(a.request_id, a.mediator_id) for a in result.sent] == [
        (first.pk, near.pk),
        (third.pk, far.pk),
    ]
    assert result.skipped == [
        (second.pk, "schon gebucht (Anfahrt eingerechnet)"),
        (999999, "Anfrage nicht gefunden."),
    ]
    offer = Assignment.objects.get(request=third)
    assert offer.status == Assignment.Status.OFFERED
    assert (offer.travel_before_minutes, offer.travel_after_minutes) == (0, 0)  # same town
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == MediationRequest.Status.OFFERED
    assert second.status == MediationRequest.Status.OPEN
    assert ModelLogEntry.objects.filter(action="wir.sprachpool_offer_sent").count() == 2
    # The offer at 10:00 blocks the near mediator for the next plan: the second request
    # goes to the far one, who is free then. And the offer can be accepted.
    rows = planning.plan(first.region, MONDAY, MONDAY).rows
    assert [(row.request.pk, row.mediator) for row in rows] == [(second.pk, far)]
    accept_offer(offer.pk, coordinator)
    third.refresh_from_db()
    assert third.status == MediationRequest.Status.BOOKED
    again = planning.send_offers(first.region, [(third.pk, near.pk)], coordinator)
    assert again.sent == []
    assert again.skipped == [(third.pk, "Anfrage ist nicht mehr offen.")]


def test_travel_time_is_stored_with_the_offer(pool, ask, coordinator) -> None:
    far = pool("SM-FERN", town="Büdingen")
    request = ask(at(MONDAY, 10))
    result = planning.send_offers(request.region, [(request.pk, far.pk)], coordinator)
    offer = result.sent[0]
    assert offer.travel_before_minutes == offer.travel_after_minutes == 39


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2027-03-01", "2027-02-27", "Das Ende des Zeitraums liegt vor dem Anfang."),
        ("2027-03-01", "2027-04-15", "Der Zeitraum ist zu lang: höchstens 31 Tage."),
        ("gestern", "2027-03-01", "Bitte geben Sie die Daten als TT.MM.JJJJ an."),
        ("", "", "Bitte geben Sie die Daten als TT.MM.JJJJ an."),
        ("9999-12-31", "9999-12-31", "Bitte ein Datum zwischen 1900 und 2199 angeben."),
        ("0001-01-01", "0001-01-02", "Bitte ein Datum zwischen 1900 und 2199 angeben."),
    ],
)
def test_bad_periods_are_refused_with_a_message(first, last, message) -> None:
    with pytest.raises(planning.PlanningError) as refused:
        planning.parse_period(first, last)
    assert refused.value.message == message
