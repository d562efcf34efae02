"""What a mediator reads on an offer and a booking: the address (after acceptance, unless
the region shows it earlier), expected travel and allowance, the notes, a calendar file."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from icalendar import Calendar

from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool import matching, notify, planning
from wir.sprachpool.actions import accept_offer
from wir.sprachpool.models import PoolRules

ADDRESS = "Gesundheitsamt, Europaplatz 1, Raum 2.14"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def offered(pool, ask, coordinator, region, make_user, towns, django_capture_on_commit_callbacks):
    person = make_user("sm-weg", "mediator", region)
    person.email = "sm-weg@pool.example"
    person.save()
    mediator = pool("SM-WEG", user=person)  # lives in Friedberg
    request = ask(at(MONDAY, 10), town="Nidda", address=ADDRESS, notes="Bitte am Empfang melden")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        offer = planning.send_offers(region, [(request.pk, mediator.pk)], coordinator).sent[0]
    return offer, person


def test_expected_travel_and_allowance_follow_matching_and_tariff(offered, towns) -> None:
    offer, _person = offered
    details = planning.offer_details([offer])[offer.pk]
    one_way = matching.distance_km(
        (float(towns["Friedberg"].latitude), float(towns["Friedberg"].longitude)),
        (float(towns["Nidda"].latitude), float(towns["Nidda"].longitude)),
    )
    assert details.travel_km == round(one_way, 1)
    # 60 minutes: two half hours at 10 € (the minimum is 20 €), 0.30 € per km both ways.
    expected = Decimal("20.00") + Decimal("0.30") * Decimal(str(round(2 * one_way, 1)))
    assert details.allowance == expected.quantize(Decimal("0.01"))
    assert details.minutes == 60
    assert details.show_address is False


def test_the_offer_shows_travel_allowance_notes_but_the_address_only_after_accepting(
    offered,
) -> None:
    offer, person = offered
    assert ADDRESS not in mail.outbox[0].body  # the offer mail names the municipality only
    client = signed_in(person)
    home = client.get("/sprachpool/").text
    assert "Nidda" in home
    assert ADDRESS not in home
    assert "nach Ihrer Zusage" in home
    assert "Bitte am Empfang melden" in home
    assert " km (einfach" in home
    assert "voraussichtlich " in home
    assert "&nbsp;€" in home
    details = planning.offer_details([offer])[offer.pk]
    amount = f"{details.allowance:.2f}".replace(".", ",")
    assert f"voraussichtlich {amount}&nbsp;€" in home
    link = f"/sprachpool/angebot/{notify.offer_token(offer)}/"
    assert ADDRESS not in Client().get(link).text
    assert client.get(f"/sprachpool/einsaetze/{offer.pk}/kalender.ics").status_code == 404
    accept_offer(offer.pk, person)
    home = client.get("/sprachpool/").text
    assert ADDRESS in home
    assert f"/sprachpool/einsaetze/{offer.pk}/kalender.ics" in home
    assert ADDRESS in Client().get(link).text


def test_a_region_may_show_the_address_with_the_offer(offered, region) -> None:
    _offer, person = offered
    PoolRules.objects.create(region=region, address_after_acceptance=False)
    assert ADDRESS in signed_in(person).get("/sprachpool/").text


def test_calendar_file_of_a_booking_for_its_mediator_only(offered, make_user, region) -> None:
    offer, person = offered
    accept_offer(offer.pk, person)
    url = f"/sprachpool/einsaetze/{offer.pk}/kalender.ics"
    answer = signed_in(person).get(url)
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(answer.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == at(MONDAY, 10)
    assert ADDRESS in str(event.get("location"))
    stranger = make_user("sm-fremd", "mediator", region)
    assert signed_in(stranger).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the sign-in
