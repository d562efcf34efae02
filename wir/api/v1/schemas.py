"""What /api/v1/ answers, as typed schemas: they make the OpenAPI 3.1 document, and the
tests validate every answer against it (tests/api/openapi.py, no undeclared field
allowed). Public content only; staff, feedback and users never appear."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, TypeVar

from ninja import Schema
from pydantic import Field

Item = TypeVar("Item")


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in plain words.")
    parameter: str | None = Field(None, description="The query parameter that was wrong.")


# The error answers every GET operation declares.
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}


class PageOf(Schema, Generic[Item]):
    """One page of a list; follow `next` until it is null."""

    count: int = Field(description="Number of items in the whole list.")
    page: int
    page_size: int
    next: str | None = Field(description="Address of the next page, or null.")
    previous: str | None
    results: list[Item]


class LanguageOut(Schema):
    code: str = Field(examples=["ar"])
    name: str = Field(description="English name.", examples=["Arabic"])
    native_name: str = Field(examples=["العربية"])
    direction: str = Field(description="ltr or rtl.", examples=["rtl"])


class RegionOut(Schema):
    slug: str = Field(examples=["wetterau"])
    name: str
    full_name: str = Field(examples=["Landkreis Wetterau (Demo)"])
    latitude: float
    longitude: float
    bbox: list[float] = Field(description="[west, south, east, north]")
    languages: list[LanguageOut]
    events_enabled: bool
    locations_enabled: bool
    url: str = Field(description="The region's public site.")
    last_modified: datetime


class PageSummaryOut(Schema):
    id: int
    title: str
    slug: str
    type: str = Field(description="content, legal, directory, events or contacts")
    path: str = Field(description="Public address, /{region}/{language}/...")
    parent: int | None = Field(description="Id of the parent page; null at the top level.")
    depth: int = Field(description="1 for top-level pages.")
    position: int = Field(description="Order among its siblings.")
    last_updated: datetime | None
    available_languages: dict[str, int] = Field(
        description="Page id of this page's translation per language code."
    )


class OfferSummaryOut(Schema):
    id: int
    title: str
    summary: str
    category: str
    path: str | None
    language: str = Field(description="Language of this text; German when not translated.")


class PageOut(PageSummaryOut):
    intro: str = Field(description="Plain text.")
    body: str = Field(description="HTML (sanitised).")
    embedded_offers: list[OfferSummaryOut]


class PageTreeOut(Schema):
    id: int
    title: str
    path: str
    children: list[PageTreeOut]


class OpeningSlotOut(Schema):
    opens: str = Field(examples=["09:00"])
    closes: str = Field(examples=["12:30"])


class OpeningDayOut(Schema):
    weekday: int = Field(description="0 = Monday … 6 = Sunday.")
    slots: list[OpeningSlotOut]


class PlaceOut(Schema):
    id: int
    name: str
    street: str
    postcode: str
    town: str
    municipality: str | None
    latitude: float
    longitude: float
    accessibility: str
    appointment_only: bool
    temporarily_closed: bool
    hours_note: str
    opening_hours: list[OpeningDayOut] = Field(description="Seven days, Monday first.")
    closed_days: list[date] = Field(description="Closed days from today on.")
    path: str | None


class OfferOut(Schema):
    id: int
    title: str
    summary: str
    description: str = Field(description="HTML (sanitised).")
    category: str
    provider: str
    language: str
    place: PlaceOut | None
    municipality: str
    target_groups: list[str]
    languages_spoken: list[str]
    cost: str = Field(description="free, reduced or price")
    price_note: str
    accessibility: str
    appointment_needed: bool
    valid_from: date | None
    valid_until: date | None
    contact_role: str
    contact_phone: str
    contact_email: str
    website: str
    course_level_from: str
    course_level_to: str
    course_type: str
    childcare: bool
    schedule: str
    last_checked: date
    distance_km: float | None = Field(None, description="Only when sorted by distance.")
    path: str | None


class OccurrenceOut(Schema):
    event_id: int
    title: str
    summary: str
    start: datetime
    end: datetime
    recurring: bool
    place: str | None
    online_url: str
    language: str
    path: str | None


class EventOut(Schema):
    id: int
    title: str
    summary: str
    description: str
    organiser: str
    language: str
    start: datetime
    end: datetime
    recurrence: str = Field(description="RFC 5545 RRULE with DTSTART, empty for one-off events.")
    place: PlaceOut | None
    online_url: str
    municipality: str
    cost: str
    contact_role: str
    contact_email: str
    path: str | None


class ContactOut(Schema):
    id: int
    topic: str
    topic_name: str
    role: str = Field(description="A role, never a person.")
    phone: str
    email: str
    office_hours: str
    place: str | None
    language: str


class SearchHitOut(Schema):
    kind: str = Field(description="page, offer, event or place")
    title: str
    summary: str
    path: str
    language: str


class SearchOut(Schema):
    """One page of hits, best first, like every list; plus what was searched for."""

    query: str
    approximate: bool
    count: int = Field(description="Number of hits in all pages.")
    page: int
    page_size: int
    next: str | None = Field(description="Address of the next page, or null.")
    previous: str | None
    results: list[SearchHitOut]


class FeedbackIn(Schema):
    page: int = Field(description="Id of the page the feedback is about.")
    offer: int | None = None
    place: int | None = Field(None, description="Id of a place, for feedback on its page.")
    event: int | None = Field(None, description="Id of an event, for feedback on its page.")
    helpful: bool
    comment: str = Field("", max_length=1000)


class FeedbackOut(Schema):
    received: bool
