"""The contract of the current Integreat app: what its API client reads, field by field.

Written by hand from reading the client of digitalfabrik/integreat-app, release 2026.8.1
(version.json; commit 9240aaab49fb, 2026-08-21): `shared/src/api/types.ts` (the JSON types),
`shared/src/api/endpoints/*.ts` (the URLs it asks and how it maps answers) and
`shared/src/api/mapping/*.ts`. Only facts are taken over (field names, which are required,
how they are parsed); see docs/integreat-api.md for what the app reads.

Rules of this description, as the app's TypeScript types mean them:
- an object must have every listed key (the app reads it) unless the key is `optional`
  (`?:` in the types); keys beyond the listed ones are ignored, as the app ignores them;
- `nullable(...)` where the types say `| null`; nothing else may be null;
- strings the app parses are checked as it parses them: dates with luxon's
  `DateTime.fromISO` (ISO 8601), recurrence rules with rrule's `rrulestr` (RFC 5545),
  opening times with `DateTime.fromFormat(…, 'HH:mm', {zone})` and an IANA zone.

Where the real Integreat CMS answers differently from the app's types and the app does not
read the field, we follow the CMS and say so at the field (`DEVIATIONS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr

CLIENT_RELEASE = "2026.8.1"


class Type:
    """A JSON type; `problems` lists what is wrong with `value` at `where`."""

    def problems(self, value: Any, where: str) -> list[str]:
        raise NotImplementedError


class Null(Type):
    def problems(self, value: Any, where: str) -> list[str]:
        return [] if value is None else [f"{where}: {value!r:.40}, expected null"]


@dataclass(frozen=True)
class Scalar(Type):
    name: str
    python: tuple[type, ...]
    check: Callable[[Any], str | None] | None = None

    def problems(self, value: Any, where: str) -> list[str]:
        if value is None:
            return [f"{where}: null, but the app's type is {self.name}"]
        if isinstance(value, bool) and bool not in self.python:
            return [f"{where}: boolean, expected {self.name}"]
        if not isinstance(value, self.python):
            return [f"{where}: {type(value).__name__} {value!r:.40}, expected {self.name}"]
        problem = self.check(value) if self.check else None
        return [f"{where}: {problem}"] if problem else []


@dataclass(frozen=True)
class Nullable(Type):
    inner: Type

    def problems(self, value: Any, where: str) -> list[str]:
        return [] if value is None else self.inner.problems(value, where)


@dataclass(frozen=True)
class Optional(Type):
    """A key the types mark with `?:` — it may be missing; when present, `inner` holds."""

    inner: Type

    def problems(self, value: Any, where: str) -> list[str]:
        return self.inner.problems(value, where)


@dataclass(frozen=True)
class Obj(Type):
    fields: dict[str, Type]

    def problems(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, expected an object"]
        found = []
        for key, kind in self.fields.items():
            if key not in value:
                if not isinstance(kind, Optional):
                    found.append(f"{where}.{key}: missing")
                continue
            found += kind.problems(value[key], f"{where}.{key}")
        return found

    def but(self, **changes: Type) -> Obj:
        return Obj({**self.fields, **changes})


@dataclass(frozen=True)
class ListOf(Type):
    item: Type

    def problems(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, expected a list"]
        return [
            p for i, item in enumerate(value) for p in self.item.problems(item, f"{where}[{i}]")
        ]


@dataclass(frozen=True)
class MapOf(Type):
    """Record<string, item>: an object keyed by data (language codes, town names)."""

    item: Type

    def problems(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, expected an object"]
        return [p for k, v in value.items() for p in self.item.problems(v, f"{where}[{k!r}]")]


@dataclass(frozen=True)
class Pair(Type):
    """A tuple type such as [number, number]."""

    items: tuple[Type, ...]

    def problems(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or len(value) != len(self.items):
            return [f"{where}: expected a list of {len(self.items)}"]
        return [
            p
            for i, (k, v) in enumerate(zip(self.items, value, strict=True))
            for p in k.problems(v, f"{where}[{i}]")
        ]


@dataclass(frozen=True)
class OneOf(Type):
    """One of several shapes (the first that fits)."""

    options: tuple[Type, ...]
    label: str = ""

    def problems(self, value: Any, where: str) -> list[str]:
        tries = [option.problems(value, where) for option in self.options]
        if any(not found for found in tries):
            return []
        return [f"{where}: fits none of {self.label or 'the options'}", *tries[0]]


def iso_datetime(value: str) -> str | None:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not an ISO 8601 date (luxon's DateTime.fromISO fails)"
    return None


def hh_mm(value: str) -> str | None:
    return None if re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value) else f"{value!r} is not HH:mm"


def iana_zone(value: str) -> str | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return f"{value!r} is not an IANA time zone"
    return None


def rrule_text(value: str) -> str | None:
    try:
        rrulestr(value)
    except (ValueError, TypeError) as error:
        return f"{value!r:.60} is not an RFC 5545 rule ({error})"
    return None


def literal(*allowed: str) -> Scalar:
    return Scalar(
        " | ".join(repr(a) for a in allowed),
        (str,),
        lambda v: None if v in allowed else f"{v!r} is none of {allowed}",
    )


STRING = Scalar("string", (str,))
NUMBER = Scalar("number", (int, float))
BOOLEAN = Scalar("boolean", (bool,))
ISO_DATE = Scalar("ISO 8601 date string", (str,), iso_datetime)
RRULE = Scalar("RFC 5545 rule", (str,), rrule_text)
NULL = Null()

# --- shared parts ----------------------------------------------------------------------

# DEVIATIONS: the app's types say `id: number`; the CMS answers null for a language in
# which an event or location is shown in its original (see the older fixtures), and the
# app reads only `path` (mapAvailableLanguages).
AVAILABLE_LANGUAGES = MapOf(Obj({"id": Nullable(NUMBER), "url": STRING, "path": STRING}))
ORGANIZATION = Nullable(Obj({"name": STRING, "website": STRING, "logo": STRING}))
OFFER = Obj(
    {
        "alias": STRING,
        "name": STRING,
        "url": STRING,
        "thumbnail": STRING,
        "post": Optional(Nullable(Obj({"zammad-url": Optional(Nullable(STRING))}))),
    }
)
TIME_SLOT = Obj(
    {
        "end": Scalar("HH:mm", (str,), hh_mm),
        "start": Scalar("HH:mm", (str,), hh_mm),
        "timezone": Scalar("IANA zone", (str,), iana_zone),
    }
)
OPENING_HOURS = Obj(
    {
        "allDay": BOOLEAN,
        "closed": BOOLEAN,
        "timeSlots": ListOf(TIME_SLOT),
        "appointmentOnly": BOOLEAN,
    }
)
LOCATION = Obj(
    {
        "id": NUMBER,
        "name": STRING,
        "address": STRING,
        "town": STRING,
        "postcode": STRING,
        "country": STRING,
        "latitude": NUMBER,
        "longitude": NUMBER,
    }
)
# An event without a place: JsonLocationType<number | null>; the app builds a location
# only when `id` is not null, so the other fields are then not read.
NO_LOCATION = Obj({"id": NULL})
EVENT_LOCATION = OneOf((LOCATION, NO_LOCATION), "a location or one with id null")

# --- the JSON types --------------------------------------------------------------------

LANGUAGE = Obj({"code": STRING, "native_name": STRING})
REGION = Obj(
    {
        "name": STRING,
        "path": STRING,
        "live": BOOLEAN,
        "languages": ListOf(LANGUAGE),
        "events": BOOLEAN,
        "pois": BOOLEAN,
        "push_notifications": BOOLEAN,
        "external_news": BOOLEAN,
        "name_without_prefix": STRING,
        "prefix": Nullable(STRING),
        "latitude": NUMBER,
        "longitude": NUMBER,
        "aliases": Nullable(MapOf(Obj({"longitude": NUMBER, "latitude": NUMBER}))),
        "bounding_box": Pair((Pair((NUMBER, NUMBER)), Pair((NUMBER, NUMBER)))),
        "is_chat_enabled": BOOLEAN,
        "zammad_privacy_policy": Nullable(STRING),
    }
)
CATEGORY = Obj(
    {
        "id": NUMBER,
        "url": STRING,
        "path": STRING,
        "title": STRING,
        "last_updated": ISO_DATE,
        "excerpt": STRING,
        "content": STRING,
        "available_languages": AVAILABLE_LANGUAGES,
        "thumbnail": Nullable(STRING),
        "parent": Obj({"id": NUMBER, "url": Nullable(STRING), "path": Nullable(STRING)}),
        "order": NUMBER,
        "organization": ORGANIZATION,
        "embedded_offers": ListOf(OFFER),
    }
)
# JsonImprintType = JsonCategoryType. DEVIATIONS: the CMS answers `parent: null` for the
# imprint and `id: null` for one shown in another language (older fixtures); the app's
# imprint mapper reads only path, title, content and last_updated.
IMPRINT = CATEGORY.but(id=Nullable(NUMBER), parent=Nullable(CATEGORY.fields["parent"]))
CONTACT = Obj(
    {
        "name": Nullable(STRING),
        "area_of_responsibility": Nullable(STRING),
        "email": Nullable(STRING),
        "phone_number": Nullable(STRING),
        "website": Nullable(STRING),
        "mobile_number": Nullable(STRING),
        "opening_hours": Optional(Nullable(ListOf(OPENING_HOURS))),
    }
)
PLACE = Obj(
    {
        "id": NUMBER,
        "url": STRING,
        "path": STRING,
        "title": STRING,
        "last_updated": ISO_DATE,
        "excerpt": STRING,
        "meta_description": Nullable(STRING),
        "content": STRING,
        "available_languages": AVAILABLE_LANGUAGES,
        "thumbnail": Nullable(STRING),
        "location": LOCATION,
        "temporarily_closed": BOOLEAN,
        "opening_hours": Nullable(ListOf(OPENING_HOURS)),
        "appointment_url": Nullable(STRING),
        "category": Obj(
            {"id": NUMBER, "name": STRING, "color": STRING, "icon": STRING, "icon_url": STRING}
        ),
        "contacts": ListOf(CONTACT),
        "organization": ORGANIZATION,
        "barrier_free": Nullable(BOOLEAN),
    }
)
IMAGE = Obj({"url": STRING, "width": NUMBER, "height": NUMBER})
FEATURED_IMAGE = Obj(
    {
        "description": STRING,
        "mimetype": STRING,
        **{size: Pair((IMAGE,)) for size in ("thumbnail", "medium", "large", "full")},
    }
)
EVENT = Obj(
    {
        "id": NUMBER,
        "url": STRING,
        "path": STRING,
        "title": STRING,
        "last_updated": ISO_DATE,
        "excerpt": STRING,
        "content": STRING,
        "available_languages": AVAILABLE_LANGUAGES,
        "thumbnail": Nullable(STRING),
        "event": Obj(
            {
                "id": NUMBER,
                "start": ISO_DATE,
                "end": ISO_DATE,
                "all_day": BOOLEAN,
                "only_weekdays": BOOLEAN,
            }
        ),
        "location": EVENT_LOCATION,
        "featured_image": Optional(Nullable(FEATURED_IMAGE)),
        "recurrence_rule": Optional(Nullable(RRULE)),
        "location_path": Nullable(STRING),
        "meeting_url": Nullable(STRING),
    }
)
NEWS = Obj(
    {
        "id": STRING,
        "title": STRING,
        "content": STRING,
        "display_date": ISO_DATE,
        "source": literal("local", "tunews", "amalnews"),
        "externalUrl": STRING,
        "available_languages": Nullable(MapOf(Obj({"id": STRING}))),
    }
)


@dataclass(frozen=True)
class Endpoint:
    """One endpoint as the app asks it (createXEndpoint's URL) and the type it maps."""

    name: str  # the app's endpoint name
    url: str  # below /api/v3/, with {region}, {language} and, where needed, {path}/{id}
    answer: Type
    needs: tuple[str, ...] = field(default=())


ENDPOINTS = (
    Endpoint("regions", "regions/", ListOf(REGION)),
    Endpoint("region", "regions/{region}/", REGION),
    Endpoint("categories", "{region}/{language}/pages/", ListOf(CATEGORY)),
    Endpoint("categoryChildren", "{region}/{language}/children/?depth=2", ListOf(CATEGORY)),
    Endpoint(
        "categoryChildren",
        "{region}/{language}/children/?depth=1&url={path}",
        ListOf(CATEGORY),
        ("path",),
    ),
    Endpoint("categoryContent", "{region}/{language}/page/?url={path}", CATEGORY, ("path",)),
    Endpoint(
        "categoryParents", "{region}/{language}/parents/?url={path}", ListOf(CATEGORY), ("path",)
    ),
    Endpoint("imprint", "{region}/{language}/imprint/", IMPRINT),
    Endpoint("events", "{region}/{language}/events/?combine_recurring=True", ListOf(EVENT)),
    Endpoint("places", "{region}/{language}/locations/?on_map=1", ListOf(PLACE)),
    Endpoint("news", "{region}/{language}/news", ListOf(NEWS)),
    Endpoint("newsElement", "{region}/{language}/news/{id}", NEWS, ("id",)),
)
# What the app loads together to open a region in a language: if one fails, none shows.
REGION_LOADS = ("categories", "events", "places", "news")


def endpoint(name: str) -> Endpoint:
    return next(e for e in ENDPOINTS if e.name == name)


# --- the client's own rules beyond the types ------------------------------------------


def normalize_path(path: str) -> str:
    """As the app's normalizePath: no trailing slash, percent-decoded, lower case."""
    return unquote(path.rstrip("/")).lower()


def category_rules(pages: list[dict[str, Any]], region: str, language: str) -> list[str]:
    """CategoriesMapModel: every page lies below /{region}/{language}, and its parent
    (`parent.path`, or the root when that is null) is a page of the same answer or the
    root the app adds itself; paths are compared as the app normalises them, so two
    pages must not differ only in case."""
    base = normalize_path(f"/{region}/{language}")
    paths = {normalize_path(page["path"]) for page in pages}
    found = []
    for index, page in enumerate(pages):
        if not normalize_path(page["path"]).startswith(base + "/"):
            found.append(f"$[{index}].path {page['path']!r} is not below {base}")
        parent = normalize_path(page["parent"]["path"] or base)
        if parent != base and parent not in paths:
            found.append(f"$[{index}].parent.path {parent!r} is not a page of this answer")
    if len(paths) != len(pages):
        found.append("two pages share one path")
    return found


def event_rules(events: list[dict[str, Any]], place_paths: set[str]) -> list[str]:
    """An event's `location_path` opens a place the app has loaded (its places answer)."""
    return [
        f"$[{i}].location_path {e['location_path']!r} is no place of the places answer"
        for i, e in enumerate(events)
        if e.get("location_path") is not None and e["location_path"] not in place_paths
    ]
