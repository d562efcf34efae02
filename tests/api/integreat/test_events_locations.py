"""Events (recurrence rules with DTSTART, expanded dates) and locations (offers at a
place, opening hours Monday first)."""

from __future__ import annotations

import json
from datetime import UTC, time
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from django.test import Client

from tests.api.integreat.conftest import BASE

pytestmark = pytest.mark.django_db


def get(url: str) -> Any:
    response = Client().get(url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


# --- events ----------------------------------------------------------------------------


def test_recurring_event_is_listed_once_per_date(district) -> None:
    cafe = district.events["cafe"]
    items = [i for i in get(f"{BASE}/de/events/") if i["title"] == "Sprachcafé"]
    assert len(items) == 4  # FREQ=WEEKLY;COUNT=4
    assert all(item["id"] is None and item["event"]["id"] is None for item in items)
    first = items[0]
    day = first["event"]["start_date"]
    assert first["path"] == f"/testkreis/de/events/sprachcafé-{cafe.pk}${day}/"
    assert first["event"]["start"].startswith(f"{day}T18:00:00")
    assert first["event"]["recurrence_id"] == cafe.pk
    assert first["available_languages"]["en"]["path"].endswith(f"${day}/")
    assert [i["event"]["start_date"] for i in items] == sorted(
        i["event"]["start_date"] for i in items
    )


def test_combined_recurring_event_carries_its_rule_with_dtstart(district) -> None:
    cafe = district.events["cafe"]
    items = {i["title"]: i for i in get(f"{BASE}/de/events/?combine_recurring=True")}
    assert set(items) == {"Sprachcafé", "Sommerfest"}  # the past one is gone
    combined = items["Sprachcafé"]
    assert combined["id"] == cafe.pk == combined["event"]["id"]
    rule = combined["recurrence_rule"]
    dtstart, rrule = rule.split("\n")
    # DTSTART is the first start in UTC without a zone, as Integreat writes it.
    assert dtstart == f"DTSTART:{cafe.start.astimezone(UTC):%Y%m%dT%H%M%S}"
    assert rrule == "RRULE:FREQ=WEEKLY;COUNT=4"
    assert len(list(rrulestr(rule))) == 4
    assert items["Sommerfest"]["recurrence_rule"] is None
    assert items["Sommerfest"]["event"]["recurrence_id"] is None


def test_until_is_written_in_utc_without_zone(district) -> None:
    cafe = district.events["cafe"]
    cafe.recurrence = "FREQ=WEEKLY;UNTIL=20270630"
    cafe.save()
    cafe.save_revision().publish()
    items = {i["title"]: i for i in get(f"{BASE}/de/events/?combine_recurring=1")}
    rule = items["Sprachcafé"]["recurrence_rule"]
    assert rule.endswith("RRULE:FREQ=WEEKLY;UNTIL=20270630T215959")  # 23:59:59 in Berlin
    assert rrulestr(rule)  # readable by an RFC 5545 parser


def test_event_without_place_has_an_empty_location(district) -> None:
    items = {i["title"]: i for i in get(f"{BASE}/de/events/?combine_recurring=True")}
    fest = items["Sommerfest"]
    assert set(fest["location"].values()) == {None}
    assert fest["location_url"] is None
    place = items["Sprachcafé"]["location"]
    assert place["name"] == "Familienzentrum Nidda"
    assert isinstance(place["latitude"], float)
    assert items["Sprachcafé"]["location_url"].endswith(f"/was-ist-wo/ort/{place['id']}/")


def test_events_fall_back_to_german_with_null_ids(district) -> None:
    items = get(f"{BASE}/ar/events/?combine_recurring=True")
    fest = next(i for i in items if i["title"] == "Sommerfest")
    assert fest["available_languages"]["de"]["id"] == district.events["fest"].pk
    assert fest["available_languages"]["en"]["id"] is None  # shown in German there too


def test_events_switched_off(district) -> None:
    district.region.events_enabled = False
    district.region.save()
    assert get(f"{BASE}/de/events/") == []


# --- locations -------------------------------------------------------------------------


def test_locations_are_public_offers_at_a_place(district) -> None:
    titles = {i["title"] for i in get(f"{BASE}/de/locations/?on_map=1")}
    assert titles == {"Migrationsberatung", "Integrationskurs"}  # no draft, expired, placeless
    assert titles == {i["title"] for i in get(f"{BASE}/de/locations/")}
    arabic = {i["title"] for i in get(f"{BASE}/ar/locations/?on_map=1")}
    assert arabic == {"استشارة الهجرة", "Integrationskurs"}


def test_opening_hours_are_seven_days_monday_first(district) -> None:
    items = {i["title"]: i for i in get(f"{BASE}/de/locations/?on_map=1")}
    hours = items["Migrationsberatung"]["opening_hours"]
    assert len(hours) == 7
    monday, tuesday, saturday = hours[0], hours[1], hours[5]
    assert monday == {
        "allDay": False,
        "closed": False,
        "appointmentOnly": False,
        "timeSlots": [{"end": "12:00", "start": "09:00"}],
    }
    assert tuesday["timeSlots"] == [
        {"end": "12:00", "start": "09:00"},
        {"end": "18:00", "start": "14:00"},
    ]
    assert saturday == {"allDay": False, "closed": True, "appointmentOnly": False, "timeSlots": []}
    # A place without any hours: unknown, not "closed every day".
    assert items["Integrationskurs"]["opening_hours"] is None


def test_all_day_and_appointments(district, make_place, towns, make_offer) -> None:
    place = make_place(
        towns["Büdingen"],
        "Notdienst",
        appointment_only=True,
        hours=[(0, time(0), time(23, 59, 59))],
    )
    make_offer("Notfallberatung", towns["Büdingen"], place=place)
    item = next(i for i in get(f"{BASE}/de/locations/") if i["title"] == "Notfallberatung")
    assert item["opening_hours"][0] == {
        "allDay": True,
        "closed": False,
        "appointmentOnly": True,
        "timeSlots": [],
    }
    assert item["opening_hours"][1]["appointmentOnly"] is True


def test_location_fields(district) -> None:
    items = {i["title"]: i for i in get(f"{BASE}/de/locations/?on_map=1")}
    counselling = items["Migrationsberatung"]
    offer = district.offers["counselling"]
    assert counselling["id"] == offer.pk
    assert counselling["path"] == f"/testkreis/de/locations/migrationsberatung-{offer.pk}/"
    assert counselling["url"].endswith(f"/testkreis/de/was-ist-wo/angebot/{offer.pk}/")
    assert counselling["phone_number"] == "06031 1234"
    assert counselling["website"] == "https://example.org/mbe"
    assert counselling["email"] is None
    assert counselling["category"]["name"] == "Beratung"
    assert counselling["location"]["postcode"] == "61169"
    assert counselling["barrier_free"] is None  # accessibility unknown
    assert items["Integrationskurs"]["barrier_free"] is True
    arabic = {i["title"]: i for i in get(f"{BASE}/ar/locations/")}
    assert arabic["استشارة الهجرة"]["category"]["name"] != ""  # category named in Arabic
    assert arabic["استشارة الهجرة"]["available_languages"]["de"]["id"] == offer.pk


def test_finished_and_broken_rules_are_left_out(district, towns) -> None:
    from datetime import timedelta

    from tests.api.integreat.conftest import make_event
    from wir.portal.models import Event

    start = district.events["fest"].start - timedelta(days=60)
    make_event(
        district.region, towns["Nidda"], None, "Alter Kurs", start, recurrence="FREQ=WEEKLY;COUNT=2"
    )
    broken = make_event(
        district.region, towns["Nidda"], None, "Kaputt", start, recurrence="FREQ=WEEKLY"
    )
    Event.objects.filter(pk=broken.pk).update(recurrence="FREQ=SOMETIMES")  # bypasses clean()
    for query in ("", "?combine_recurring=True"):
        titles = {i["title"] for i in get(f"{BASE}/de/events/{query}")}
        assert titles == {"Sprachcafé", "Sommerfest"}
