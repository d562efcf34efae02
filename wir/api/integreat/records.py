"""Typed records of the Integreat CMS API v3 answers the importer reads.

Only the fields the import uses are declared; unknown fields are ignored, so newer Integreat
versions that add fields still validate. Types are strict: a string where an integer belongs
is an error, not something to coerce. Field order follows Integreat's answers, so the first
error reported is the first one a reader of the file meets.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class LanguageRecord(Record):
    id: int
    code: str = Field(min_length=1)
    bcp47_tag: str = ""
    native_name: str = ""
    dir: str = "LEFT_TO_RIGHT"


class RegionRecord(Record):
    """`/api/v3/regions/{region}/`: only what creating our region needs."""

    name: str = Field(min_length=1)
    path: str
    prefix: str = ""
    name_without_prefix: str = ""
    events: bool = True
    pois: bool = True
    longitude: float | None = None
    latitude: float | None = None
    bounding_box: list[list[float]] | None = None


class Link(Record):
    """A reference to another object: `parent`, or an entry of `available_languages`."""

    id: int | None
    url: str | None = None
    path: str | None = None


class ParentLink(Link):
    id: int  # 0 for top-level pages


class Translated(Record):
    """Fields every translatable Integreat object has."""

    id: int | None
    path: str
    title: str
    excerpt: str = ""
    content: str = ""
    available_languages: dict[str, Link] = Field(default_factory=dict)


class OrganizationRecord(Record):
    """The organisation responsible for a page (or location)."""

    id: int | None = None
    slug: str = ""
    name: str = Field(min_length=1)
    logo: str | None = None
    website: str | None = None


class EmbeddedOfferRecord(Record):
    """An external tool embedded in a page (job board, contact form): Integreat's "offer"."""

    name: str = Field(min_length=1)
    alias: str = ""
    url: str | None = None
    thumbnail: str | None = None
    post: dict[str, Any] | None = None


class PageRecord(Translated):
    id: int
    parent: ParentLink
    order: int = 0
    organization: OrganizationRecord | None = None
    embedded_offers: list[EmbeddedOfferRecord] = Field(default_factory=list)


class Address(Record):
    id: int | None = None
    name: str | None = None
    address: str | None = None
    town: str | None = None
    postcode: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class TimeSlot(Record):
    start: str = Field(pattern=r"^([01]\d|2[0-4]):[0-5]\d$")
    end: str = Field(pattern=r"^([01]\d|2[0-4]):[0-5]\d$")


class DayHours(Record):
    allDay: bool = False  # noqa: N815 (Integreat's field name)
    closed: bool = False
    appointmentOnly: bool = False  # noqa: N815
    timeSlots: list[TimeSlot] = Field(default_factory=list)  # noqa: N815


class LocationRecord(Translated):
    temporarily_closed: bool = False
    opening_hours: list[DayHours] | None = None  # Monday first; empty or null: unknown
    location: Address
    barrier_free: bool | None = None

    @field_validator("opening_hours")
    @classmethod
    def seven_days(cls, days: list[DayHours] | None) -> list[DayHours] | None:
        if days and len(days) != 7:
            raise ValueError(f"expected 7 days (Monday first), got {len(days)}")
        return days


class EventTimes(Record):
    id: int | None = None
    start: datetime | None = None
    end: datetime | None = None
    all_day: bool = False
    recurrence_id: int | None = None
    timezone: str = "Europe/Berlin"


class EventRecord(Translated):
    location: Address | None = None
    event: EventTimes | None = None
    recurrence_rule: str | None = None


class ImprintRecord(Translated):
    pass
