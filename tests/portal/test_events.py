"""The events calendar: upcoming dates, an event page, iCalendar feeds."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale, Page

from wir.portal.actions import publish
from wir.portal.models import Event, EventIndexPage

pytestmark = pytest.mark.django_db
EVENTS = "/testkreis/de/veranstaltungen/"


@pytest.fixture
def calendar_page(region):
    home = Page.objects.get(url_path="/testkreis/de/")
    page = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    home.add_child(instance=page)
    publish(page)
    return page


@pytest.fixture
def events(calendar_page, towns, make_place):
    place = make_place(towns["Nidda"], "Familienzentrum")
    soon = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0) + timedelta(
        days=2
    )

    def make(title: str, start, rule: str = "", live: bool = True, **fields) -> Event:
        event = Event(
            region=towns["Nidda"].region,
            locale=Locale.objects.get(language_code="de"),
            title=title,
            summary=f"Über {title}",
            organiser="Familienzentrum",
            place=place,
            area=towns["Nidda"],
            start=start,
            end=start + timedelta(hours=2),
            recurrence=rule,
            **fields,
        )
        event.save()
        if live:
            event.save_revision().publish()
        else:
            Event.objects.filter(pk=event.pk).update(live=False)
        return event

    return {
        "cafe": make("Sprachcafé", soon, "FREQ=WEEKLY;COUNT=4"),
        "fest": make("Sommerfest", soon + timedelta(days=1)),
        "past": make("Vorbei", soon - timedelta(days=30)),
        "draft": make("Geheimtreffen", soon, live=False),
    }


def test_list_shows_upcoming_dates_with_recurring_events_expanded(events) -> None:
    text = Client().get(EVENTS).text
    assert text.count(">Sprachcafé</a>") == 4
    assert text.count(">Sommerfest</a>") == 1
    assert "Vorbei" not in text
    assert "Geheimtreffen" not in text


def test_bad_start_date_is_ignored_with_a_notice(events) -> None:
    response = Client().get(EVENTS + "?ab=morgen")
    assert response.status_code == 200
    assert "Ungültiges Datum ignoriert" in response.text
    past = Client().get(EVENTS + "?ab=" + (timezone.localdate() - timedelta(days=31)).isoformat())
    assert ">Vorbei</a>" in past.text


@pytest.mark.parametrize("far", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"])
def test_far_start_dates_are_ignored_with_a_notice(events, far) -> None:
    response = Client().get(EVENTS + "?ab=" + far)
    assert response.status_code == 200
    assert "Bitte ein Datum zwischen 1900 und 2199 angeben." in response.text
    assert ">Sprachcafé</a>" in response.text  # the listing from today instead


def test_event_page_lists_next_dates_and_links_the_calendar(events) -> None:
    event = events["cafe"]
    response = Client().get(f"{EVENTS}veranstaltung/{event.pk}/")
    assert response.status_code == 200
    assert response.text.count('<li><time datetime="') == 4
    assert f"veranstaltung/{event.pk}/kalender.ics" in response.text
    assert Client().get(f"{EVENTS}veranstaltung/{events['draft'].pk}/").status_code == 404
    assert Client().get(f"{EVENTS}veranstaltung/999999/").status_code == 404


def test_region_feed_is_valid_icalendar_with_rrule_and_timezone(events) -> None:
    response = Client().get(EVENTS + "kalender.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    entries = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(entries) == {"Sprachcafé", "Sommerfest", "Vorbei"}
    cafe = entries["Sprachcafé"]
    assert cafe["rrule"]["FREQ"] == ["WEEKLY"]
    assert cafe["rrule"]["COUNT"] == [4]
    assert cafe["dtstart"].params["TZID"] == "Europe/Berlin"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    assert str(cafe["url"]).startswith("http://testserver/testkreis/de/veranstaltungen/")


def test_single_event_feed(events) -> None:
    event = events["fest"]
    calendar = Calendar.from_ical(
        Client().get(f"{EVENTS}veranstaltung/{event.pk}/kalender.ics").content
    )
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Sommerfest"
    assert str(entry["location"]).startswith("Familienzentrum, Marktplatz 1")


def test_end_before_start_is_refused(events) -> None:
    from django.core.exceptions import ValidationError

    event = events["fest"]
    event.end = event.start - timedelta(hours=1)
    with pytest.raises(ValidationError, match="Ende muss nach dem Beginn"):
        event.full_clean()
    event.end = event.start + timedelta(hours=1)
    event.recurrence = "FREQ=HOURLY"
    with pytest.raises(ValidationError, match="FREQ=DAILY"):
        event.full_clean()
