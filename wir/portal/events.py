"""Reading events: upcoming occurrences in a language, and iCalendar (RFC 5545) output."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from icalendar import Calendar, vRecur
from icalendar import Event as CalendarEvent

from wir.core.models import Region
from wir.core.translations import localized
from wir.portal.models import Event
from wir.portal.publication import visible
from wir.portal.recurrence import Occurrence, rule_for_calendar

WINDOW_DAYS = 90
MAX_LISTED = 300


@dataclass(frozen=True)
class Listed:
    event: Event
    occurrence: Occurrence
    in_german_only: bool


def events_in_language(region: Region, language_code: str) -> Any:
    return localized(visible(Event.objects.filter(region=region)), language_code)


def upcoming(
    region: Region, language_code: str, start: datetime | None = None, days: int = WINDOW_DAYS
) -> list[Listed]:
    """Occurrences in [start, start + days), in time order; recurring events expanded."""
    window_start = start or timezone.now()
    window_end = window_start + timedelta(days=days)
    candidates = (
        events_in_language(region, language_code)
        .filter(start__lt=window_end)
        .filter(Q(end__gt=window_start) | ~Q(recurrence=""))
        .select_related("place", "area", "locale")
    )
    listed = [
        Listed(event, occurrence, event.locale.language_code != language_code)
        for event in candidates
        for occurrence in event.occurrences_between(window_start, window_end)
    ]
    listed.sort(key=lambda item: (item.occurrence.start, item.event.title))
    return listed[:MAX_LISTED]


def calendar(events: list[Event], name: str, url_for: Any) -> bytes:
    """An iCalendar file; recurring events carry their RRULE with DTSTART and time zone."""
    cal = Calendar()
    cal.add("prodid", "-//WIR-Plattform//Was ist wo//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    stamp = timezone.now()
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"{event.translation_key}-{event.locale.language_code}@wir-plattform")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.start.astimezone(event.zone))
        entry.add("dtend", event.end.astimezone(event.zone))
        if event.recurrence:
            rule = rule_for_calendar(event.recurrence, event.start.astimezone(event.zone))
            entry.add("rrule", vRecur.from_ical(rule))
        entry.add("summary", event.title)
        entry.add("description", f"{event.summary}\n\n{url_for(event)}")
        entry.add("url", url_for(event))
        if event.place is not None:
            entry.add("location", f"{event.place.name}, {event.place.address_line}")
            entry.add("geo", (float(event.place.latitude), float(event.place.longitude)))
        elif event.online_url:
            entry.add("location", event.online_url)
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        cal.add_component(entry)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
