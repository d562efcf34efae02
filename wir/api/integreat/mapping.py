"""Pure conversions from Integreat records to our plain values (no ORM, no HTTP).

Opening hours, event times and recurrence, region geometry, slugs, translation groups and
the hash that tells whether a record changed upstream.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from decimal import Decimal
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

from wir.api.integreat.records import DayHours, EventTimes, RegionRecord, Translated
from wir.core.dates import in_range
from wir.portal.opening import Slot
from wir.portal.recurrence import RuleError, parse_rule

END_OF_DAY = time(23, 59, 59)  # our slots end before midnight (as tests/conftest's ALWAYS)
WEEKDAY_ABBREVIATIONS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
BERLIN = ZoneInfo("Europe/Berlin")
MAX_RULE_LENGTH = 300  # Event.recurrence
# Without region data: the geographic centre of Germany, to be corrected in the admin.
GERMANY_CENTRE = (Decimal("51.163400"), Decimal("10.447700"))
DEFAULT_HALF_SIZE = Decimal("0.2")
SIX_PLACES = Decimal("0.000001")
OUR_PREFIXES = ("Kreisfreie Stadt", "Landkreis", "Kreis", "Stadt", "Region")


class PlanError(ValueError):
    """A record cannot be imported; the message (German) says why. Recoverable: skip it."""


# --- hashing and text -------------------------------------------------------------------


def source_hash(data: Mapping[str, Any]) -> str:
    """A stable fingerprint of the fields an import uses (so unrelated changes don't count)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def plain_text(html_or_text: str, limit: int) -> str:
    text = " ".join(strip_tags(html_or_text).split())
    return Truncator(text).chars(limit)


UNICODE_SLUG = re.compile(r"^[-\w]+\Z")
MAX_SLUG_LENGTH = 255  # Page.slug


def slug_from_path(path: str) -> str:
    """The slug of an Integreat path's last segment, as Integreat has it ("" when none).

    Integreat's slugs keep umlauts and non-Latin letters (`behörden`, Arabic, Farsi); kept
    as they are, old links keep working. Only a segment that is no slug at all (spaces,
    punctuation) is slugified, still keeping its letters.
    """
    segment = unquote(path.rstrip("/").rsplit("/", 1)[-1]).strip()
    if not UNICODE_SLUG.match(segment):
        segment = slugify(segment, allow_unicode=True)
    return segment[:MAX_SLUG_LENGTH]


# --- translation groups -----------------------------------------------------------------


def translation_groups(
    records: Mapping[str, Iterable[Translated]], code_of: Callable[[str], str]
) -> dict[tuple[str, int], int]:
    """Group records that are translations of each other (through `available_languages`).

    `records` maps our language codes to records; `code_of` turns Integreat codes into ours.
    Returns (our code, Integreat id) → group number; records without an id are left out.
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for code, items in records.items():
        for record in items:
            if record.id is None:
                continue
            node = find((code, record.id))
            for other_code, link in record.available_languages.items():
                if link.id is not None:
                    parent[find((code_of(other_code), link.id))] = node
    roots: dict[tuple[str, int], int] = {}
    return {node: roots.setdefault(find(node), len(roots)) for node in list(parent)}


# --- opening hours ----------------------------------------------------------------------


@dataclass(frozen=True)
class OpeningPlan:
    slots: tuple[Slot, ...] = ()
    appointment_only: bool = False
    hours_note: str = ""


def _clock(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours >= 24:
        return END_OF_DAY
    return time(hours, minutes)


def _day_slots(weekday: int, day: DayHours) -> list[Slot]:
    if day.closed:
        return []
    if day.allDay:
        return [Slot(weekday, time(0, 0), END_OF_DAY)]
    slots = []
    for period in day.timeSlots:
        opens, closes = _clock(period.start), _clock(period.end)
        if closes == time(0, 0):
            closes = END_OF_DAY
        if closes > opens:
            slots.append(Slot(weekday, opens, closes))
        else:  # past midnight: until the end of the day, the rest on the next day
            slots.append(Slot(weekday, opens, END_OF_DAY))
            slots.append(Slot((weekday + 1) % 7, time(0, 0), closes))
    return slots


def _merged(slots: list[Slot]) -> tuple[Slot, ...]:
    merged: list[Slot] = []
    for slot in sorted(slots):
        last = merged[-1] if merged else None
        if last is not None and last.weekday == slot.weekday and slot.opens <= last.closes:
            merged[-1] = Slot(last.weekday, last.opens, max(last.closes, slot.closes))
        else:
            merged.append(slot)
    return tuple(merged)


def opening_plan(days: list[DayHours] | None) -> OpeningPlan:
    """Integreat's seven days (Monday first) as our slots, appointment flag and note."""
    if not days:
        return OpeningPlan()
    slots = [slot for weekday, day in enumerate(days) for slot in _day_slots(weekday, day)]
    open_days = [i for i, day in enumerate(days) if not day.closed]
    by_appointment = [i for i in open_days if days[i].appointmentOnly]
    if by_appointment and by_appointment == open_days:
        return OpeningPlan(_merged(slots), appointment_only=True)
    note = ""
    if by_appointment:
        note = "Nur mit Termin: " + ", ".join(WEEKDAY_ABBREVIATIONS[i] for i in by_appointment)
    return OpeningPlan(_merged(slots), hours_note=note)


# --- events -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventPlan:
    start: datetime
    end: datetime
    rule: str = ""  # RRULE without the "RRULE:" prefix; the series starts at `start`


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return BERLIN


def _ical_moment(value: str, zone: tzinfo) -> datetime:
    """DTSTART's value. Integreat writes UTC without "Z" (dateutil drops the zone)."""
    text = value.strip()
    if text.endswith("Z"):
        return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    if len(text) == 8:
        return datetime.combine(datetime.strptime(text, "%Y%m%d").date(), time(0), zone)
    return datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=zone)


def split_rule(text: str) -> tuple[datetime | None, str]:
    """("DTSTART:…\nRRULE:…") → (series start or None, RRULE body).

    A floating UNTIL is in DTSTART's frame: Integreat writes its series end as the end
    date at 23:59:59 in the same (UTC) frame as DTSTART, so it is returned in UTC with "Z"
    (read as local time, it would end an hour or two early and come back as 22:59:59).
    """
    series_start: datetime | None = None
    frame: tzinfo | None = None
    rule = ""
    for raw_line in text.replace("\r", "").split("\n"):
        line = raw_line.strip()
        name, _sep, value = line.partition(":")
        if name.startswith("DTSTART"):
            parameters = dict(p.split("=", 1) for p in name.split(";")[1:] if "=" in p)
            frame = _zone(parameters["TZID"]) if "TZID" in parameters else UTC
            try:
                series_start = _ical_moment(value, frame)
            except ValueError as error:
                raise PlanError(f"DTSTART {value!r} ist ungültig") from error
        elif name == "RRULE":
            rule = value
        elif "=" in line and ":" not in line:
            rule = line  # a bare rule without the RRULE: prefix
    return series_start, until_in_utc(rule, frame) if frame is not None else rule


FLOATING_UNTIL = re.compile(r"(?<![^;])UNTIL=(\d{8}T\d{6})(?=;|$)")


def until_in_utc(rule: str, frame: tzinfo) -> str:
    """`rule` with a floating date-time UNTIL (read in `frame`) written in UTC ("…Z")."""

    def replace(match: re.Match[str]) -> str:
        try:
            moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=frame)
        except ValueError as error:
            raise PlanError(f"UNTIL={match.group(1)} ist kein gültiges Datum") from error
        return f"UNTIL={moment.astimezone(UTC):%Y%m%dT%H%M%S}Z"

    return FLOATING_UNTIL.sub(replace, rule)


def event_plan(times: EventTimes | None, rule_text: str | None) -> EventPlan:
    """Start, end and rule of an event; raises PlanError when the event cannot be used
    (also for dates outside 1900–2199, where computing with them would overflow)."""
    try:
        plan = _event_plan(times, rule_text)
    except OverflowError:
        raise PlanError(FAR_DATE) from None
    if not (in_range(plan.start.date()) and in_range(plan.end.date())):
        raise PlanError(FAR_DATE)
    return plan


FAR_DATE = "Datum außerhalb des möglichen Bereichs (1900–2199)"


def _event_plan(times: EventTimes | None, rule_text: str | None) -> EventPlan:
    if times is None or times.start is None:
        raise PlanError("Veranstaltung ohne Datum")
    if times.end is None:
        raise PlanError("Veranstaltung ohne Ende")
    zone = _zone(times.timezone)
    start, end = times.start, times.end
    series_start, rule = split_rule(rule_text or "")
    if rule and series_start is not None:
        duration = end - start
        start, end = series_start, series_start + duration
    if times.all_day:
        first = start.astimezone(zone).date()
        last = max(end.astimezone(zone).date(), first)
        start = datetime.combine(first, time(0), zone)
        end = datetime.combine(last + timedelta(days=1), time(0), zone)
    if end <= start:
        raise PlanError("Das Ende liegt nicht nach dem Beginn")
    if rule:
        _check_rule(rule, start.astimezone(zone))
    return EventPlan(start, end, rule)


def _check_rule(rule: str, local_start: datetime) -> None:
    if len(rule) > MAX_RULE_LENGTH:
        raise PlanError(f"Wiederholungsregel länger als {MAX_RULE_LENGTH} Zeichen")
    try:
        parse_rule(rule, local_start)
    except RuleError as error:
        raise PlanError(f"Wiederholungsregel: {error}") from error


def event_key(times: EventTimes | None, translation_id: int | None) -> str | None:
    """One key per event across languages and across Integreat's expanded occurrences."""
    if times is not None and times.recurrence_id is not None:
        return f"recurrence:{times.recurrence_id}"
    if times is not None and times.id is not None:
        return f"event:{times.id}"
    if translation_id is not None:
        return f"translation:{translation_id}"
    return None


# --- region -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionPlan:
    name: str
    prefix: str
    centre: tuple[Decimal, Decimal]  # (latitude, longitude)
    bbox: tuple[Decimal, Decimal, Decimal, Decimal]  # (west, south, east, north)
    events_enabled: bool = True
    locations_enabled: bool = True
    located: bool = True  # False: coordinates are a placeholder


def split_prefix(name: str, fallback: str = "Region") -> tuple[str, str]:
    for prefix in OUR_PREFIXES:
        if name.startswith(prefix + " "):
            return prefix, name[len(prefix) + 1 :].strip()
    return fallback, name


def _decimal(value: float) -> Decimal:
    return Decimal(str(value)).quantize(SIX_PLACES)


def region_plan(record: RegionRecord | None, name: str | None) -> RegionPlan:
    """How to create our region from Integreat's region data and/or `--name`."""
    if record is None and not name:
        raise PlanError("Keine Regionsdaten gefunden: bitte --name angeben")
    if record is not None and record.prefix in OUR_PREFIXES:
        prefix, short = record.prefix, record.name_without_prefix or record.name
    else:
        prefix, short = split_prefix(record.name if record else "")
    if name:
        prefix, short = split_prefix(name, prefix if record else "Region")
    located = record is not None and record.latitude is not None and record.longitude is not None
    if located and record is not None:
        centre = (_decimal(record.latitude or 0), _decimal(record.longitude or 0))
    else:
        centre = GERMANY_CENTRE
    bbox = _bbox(record.bounding_box if record else None, centre)
    events = record.events if record else True
    pois = record.pois if record else True
    return RegionPlan(short, prefix, centre, bbox, events, pois, located)


def _bbox(
    box: list[list[float]] | None, centre: tuple[Decimal, Decimal]
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    latitude, longitude = centre
    margin = Decimal("0.01")
    west, south = longitude - DEFAULT_HALF_SIZE, latitude - DEFAULT_HALF_SIZE
    east, north = longitude + DEFAULT_HALF_SIZE, latitude + DEFAULT_HALF_SIZE
    if box and len(box) == 2 and all(len(corner) == 2 for corner in box):
        (w, s), (e, n) = box
        west, south, east, north = _decimal(w), _decimal(s), _decimal(e), _decimal(n)
    # Our region's centre must lie inside its box (a database constraint); Integreat's
    # data does not always agree, so the box grows to include it.
    return (
        min(west, longitude - margin),
        min(south, latitude - margin),
        max(east, longitude + margin),
        max(north, latitude + margin),
    )


def coordinates(latitude: float | None, longitude: float | None) -> tuple[Decimal, Decimal]:
    """A usable position, or PlanError. (0, 0) is how unset positions often arrive."""
    if latitude is None or longitude is None or (latitude == 0 and longitude == 0):
        raise PlanError("ohne Koordinaten")
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        raise PlanError("Koordinaten ungültig")
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise PlanError(f"Koordinaten außerhalb des Gültigen ({latitude}, {longitude})")
    return _decimal(latitude), _decimal(longitude)
