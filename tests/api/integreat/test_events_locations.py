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


def offer_titles(items: list[Any]) -> set[str]:
    return {i["title"] for i in items if "-ort" not in i["path"]}


def place_entries(items: list[Any]) -> dict[str, Any]:
    return {i["title"]: i for i in items if "-ort" in i["path"]}


def test_locations_are_public_offers_at_a_place_and_every_place(district) -> None:
    items = get(f"{BASE}/de/locations/?on_map=1")
    # Offers: no draft, expired or placeless one.
    assert offer_titles(items) == {"Migrationsberatung", "Integrationskurs"}
    assert items == get(f"{BASE}/de/locations/")
    arabic = get(f"{BASE}/ar/locations/?on_map=1")
    assert offer_titles(arabic) == {"استشارة الهجرة", "Integrationskurs"}
    # Every place of the region, whether or not a public offer is there.
    assert set(place_entries(items)) == {"Rathaus Friedberg", "Familienzentrum Nidda"}
    assert set(place_entries(arabic)) == {"Rathaus Friedberg", "Familienzentrum Nidda"}


def test_a_place_without_offers_is_listed_on_its_own(district, make_place, towns) -> None:
    empty = make_place(towns["Büdingen"], "Bürgerhaus Büdingen", hours=[])
    items = get(f"{BASE}/de/locations/")
    entry = place_entries(items)["Bürgerhaus Büdingen"]
    assert entry["id"] == empty.pk
    assert entry["path"] == f"/testkreis/de/locations/bürgerhaus-büdingen-ort{empty.pk}/"
    assert entry["url"].endswith(f"/testkreis/de/was-ist-wo/ort/{empty.pk}/")
    assert entry["location"]["id"] == empty.pk
    assert entry["category"]["id"] == 0
    assert entry["category"]["name"] == "Ort"
    assert entry["contacts"] == []
    assert entry["opening_hours"] is None
    assert set(entry["available_languages"]) == {"en", "ar"}
    assert entry["available_languages"]["ar"]["path"] == entry["path"].replace("/de/", "/ar/")


def test_a_place_lists_its_offers_and_takes_their_category(district) -> None:
    entry = place_entries(get(f"{BASE}/de/locations/"))["Familienzentrum Nidda"]
    course = district.offers["course"]
    assert f"/was-ist-wo/angebot/{course.pk}/" in entry["content"]
    assert "Integrationskurs" in entry["content"]
    assert entry["category"]["id"] == 3  # language course, from its offer
    hall = place_entries(get(f"{BASE}/de/locations/"))["Rathaus Friedberg"]
    assert "Entwurfsangebot" not in hall["content"]  # drafts are not shown, even here
    assert "Abgelaufen" not in hall["content"]


def test_contacts_of_offers_and_places(district) -> None:
    from wagtail.models import Locale

    from wir.portal.models import Contact

    hall = district.offers["counselling"].place
    Contact.objects.create(
        region=district.region,
        locale=Locale.objects.get(language_code="de"),
        topic="arrival",
        role="Integrationsbeauftragte",
        phone="06031 83-0",
        email="integration@example.org",
        place=hall,
    )
    items = get(f"{BASE}/de/locations/")
    counselling = next(i for i in items if i["title"] == "Migrationsberatung")
    own, at_place = counselling["contacts"]
    assert own == {
        "name": "Beratungsstelle",
        "area_of_responsibility": None,
        "email": None,
        "phone_number": "06031 1234",
        "website": "https://example.org/mbe",
        "mobile_number": None,
        "opening_hours": None,
    }
    assert at_place["area_of_responsibility"] == "Integrationsbeauftragte"
    assert at_place["name"] is None  # roles, never people
    assert at_place["email"] == "integration@example.org"
    assert place_entries(items)["Rathaus Friedberg"]["contacts"] == [at_place]
    course = next(i for i in items if i["title"] == "Integrationskurs")
    assert course["contacts"] == []  # no contact data, none at its place


def test_opening_hours_are_seven_days_monday_first(district) -> None:
    items = {i["title"]: i for i in get(f"{BASE}/de/locations/?on_map=1")}
    hours = items["Migrationsberatung"]["opening_hours"]
    assert len(hours) == 7
    monday, tuesday, saturday = hours[0], hours[1], hours[5]
    assert monday == {
        "allDay": False,
        "closed": False,
        "appointmentOnly": False,
        "timeSlots": [{"end": "12:00", "start": "09:00", "timezone": "Europe/Berlin"}],
    }
    assert tuesday["timeSlots"] == [
        {"end": "12:00", "start": "09:00", "timezone": "Europe/Berlin"},
        {"end": "18:00", "start": "14:00", "timezone": "Europe/Berlin"},
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


def test_recurring_events_far_ahead_are_listed(district, towns) -> None:
    """Integreat lists every future date, not a window: the app (combine_recurring)
    expands the rule itself; older apps get the dates of the next six years, and an event
    with none that soon at least its next date."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.api.integreat.conftest import make_event

    berlin = ZoneInfo("Europe/Berlin")
    later = make_event(
        district.region,
        towns["Nidda"],
        None,
        "Kurs 2030",
        datetime(2030, 3, 4, 18, tzinfo=berlin),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    much_later = make_event(
        district.region,
        towns["Nidda"],
        None,
        "Jubiläum 2040",
        datetime(2040, 6, 1, 10, tzinfo=berlin),
        recurrence="FREQ=YEARLY",
    )
    combined = {i["title"]: i for i in get(f"{BASE}/de/events/?combine_recurring=True")}
    assert combined["Kurs 2030"]["id"] == later.pk
    assert combined["Kurs 2030"]["event"]["start"].startswith("2030-03-04T18:00:00")
    assert len(list(rrulestr(combined["Kurs 2030"]["recurrence_rule"]))) == 3
    assert combined["Jubiläum 2040"]["id"] == much_later.pk
    expanded = get(f"{BASE}/de/events/")
    dates = [i["event"]["start_date"] for i in expanded if i["title"] == "Kurs 2030"]
    assert dates == ["2030-03-04", "2030-03-11", "2030-03-18"]
    dates = [i["event"]["start_date"] for i in expanded if i["title"] == "Jubiläum 2040"]
    assert dates == ["2040-06-01"]  # beyond six years: its next date only


def test_events_carry_the_fields_of_the_current_app(district) -> None:
    items = {i["title"]: i for i in get(f"{BASE}/de/events/?combine_recurring=True")}
    fest, cafe = items["Sommerfest"], items["Sprachcafé"]
    assert fest["meeting_url"] == "https://example.org/live"
    assert fest["location_path"] is None  # no place
    assert cafe["meeting_url"] is None
    place = district.events["cafe"].place
    assert cafe["location_path"] == (
        f"/testkreis/de/locations/familienzentrum-nidda-ort{place.pk}/"
    )
    places = {i["path"] for i in get(f"{BASE}/de/locations/?on_map=1")}
    assert cafe["location_path"] in places
    assert cafe["featured_image"] is None
    assert cafe["event"]["only_weekdays"] is False
    district.region.locations_enabled = False  # no places to open: no path to them
    district.region.save()
    items = {i["title"]: i for i in get(f"{BASE}/de/events/?combine_recurring=True")}
    assert items["Sprachcafé"]["location_path"] is None
    assert items["Sprachcafé"]["location"]["name"] == "Familienzentrum Nidda"
