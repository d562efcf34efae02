"""From our models to the schemas of /api/v1/: lists are turned into items a page at a
time, so that everything the items refer to is loaded in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from wir.core.languages import BY_CODE
from wir.core.models import Region, RegionLanguage
from wir.core.translations import localized
from wir.portal.models import (
    ClosedDay,
    Contact,
    DirectoryPage,
    Event,
    Offer,
    OpeningSlot,
    Place,
    offer_path,
)
from wir.portal.models.contacts import Topic
from wir.portal.publication import visible
from wir.portal.search import Hit

PAGE_TYPES = {
    "contentpage": "content",
    "legalpage": "legal",
    "directorypage": "directory",
    "eventindexpage": "events",
    "contactspage": "contacts",
}


@dataclass(frozen=True)
class Sections:
    """Where offers, places and events of one home page live publicly."""

    directory: str | None
    events: str | None

    def offer_path(self, offer_id: int) -> str | None:
        return offer_path(self.directory, offer_id) if self.directory else None

    def place_path(self, place_id: int) -> str | None:
        return f"{self.directory}ort/{place_id}/" if self.directory else None

    def event_path(self, event_id: int) -> str | None:
        return f"{self.events}veranstaltung/{event_id}/" if self.events else None


def sections_of(home: Page) -> Sections:
    children = visible(Page.objects.child_of(home)).select_related("content_type")
    paths = {page.content_type.model: page.url_path for page in children}
    return Sections(paths.get(DirectoryPage._meta.model_name or ""), paths.get("eventindexpage"))


def html(value: str) -> str:
    return expand_db_html(value) if value else ""


def language_out(code: str) -> dict[str, str]:
    info = BY_CODE[code]
    return {
        "code": code,
        "name": info.name_en,
        "native_name": info.native_name,
        "direction": info.direction,
    }


def region_out(region: Region, languages: list[RegionLanguage]) -> dict[str, Any]:
    return {
        "slug": region.slug,
        "name": region.name,
        "full_name": region.full_name,
        "latitude": float(region.latitude),
        "longitude": float(region.longitude),
        "bbox": [float(value) for value in region.bbox],
        "languages": [language_out(rl.language.code) for rl in languages],
        "events_enabled": region.events_enabled,
        "locations_enabled": region.locations_enabled,
        "url": f"/{region.slug}/",
        "last_modified": region.content_version,
    }


# --- pages ----------------------------------------------------------------------------


def translations_of(pages: list[Page]) -> dict[Any, dict[str, int]]:
    """translation_key → {language code: live page id}, in one query."""
    keys = {page.translation_key for page in pages}
    found: dict[Any, dict[str, int]] = defaultdict(dict)
    rows = visible(Page.objects.filter(translation_key__in=keys)).values_list(
        "translation_key", "locale__language_code", "id"
    )
    for key, code, page_id in rows:
        found[key][code] = page_id
    return found


def page_summaries(pages: list[Page], home: Page) -> list[dict[str, Any]]:
    """Summaries of pages below `home`; parents are found from the tree paths."""
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > home.depth + 1}
    parents = (
        dict(Page.objects.filter(path__in=parent_paths).values_list("path", "id"))
        if parent_paths
        else {}
    )
    translations = translations_of(pages)
    return [
        {
            "id": page.pk,
            "title": page.title,
            "slug": page.slug,
            "type": PAGE_TYPES.get(page.content_type.model, "content"),
            "path": page.url_path,
            "parent": parents.get(page.path[: -Page.steplen]),
            "depth": page.depth - home.depth,
            "position": int(page.path[-Page.steplen :], 36),
            "last_updated": page.last_published_at,
            "available_languages": translations.get(page.translation_key, {}),
        }
        for page in pages
    ]


def page_detail(page: Page, home: Page, language_code: str) -> dict[str, Any]:
    summary = page_summaries([page], home)[0]
    specific = page.specific
    intro = getattr(specific, "intro", "") or ""
    body = getattr(specific, "body", "") or ""
    embedded: list[dict[str, Any]] = []
    if hasattr(specific, "embedded_offers"):
        embedded = embedded_offer_summaries(specific, home, language_code)
    return {
        **summary,
        "intro": intro if "<" not in intro else html(intro),
        "body": html(body),
        "embedded_offers": embedded,
    }


def embedded_offer_summaries(page: Any, home: Page, language_code: str) -> list[dict[str, Any]]:
    keys = list(page.embedded_offers.values_list("offer__translation_key", flat=True))
    region_offers = Offer.objects.public().filter(
        region__root_page__path=home.path[: -Page.steplen]
    )
    found = {
        offer.translation_key: offer
        for offer in localized(region_offers, language_code)
        .filter(translation_key__in=keys)
        .select_related("locale")
    }
    sections = sections_of(home)
    return [
        {
            "id": offer.pk,
            "title": offer.title,
            "summary": offer.summary,
            "category": offer.category,
            "path": sections.offer_path(offer.pk),
            "language": offer.locale.language_code,
        }
        for key in keys
        if (offer := found.get(key)) is not None
    ]


def page_tree(pages: list[Page], home: Page, max_depth: int) -> list[dict[str, Any]]:
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for page in sorted(pages, key=lambda p: p.path):
        if page.depth - home.depth > max_depth:
            continue
        node = {"id": page.pk, "title": page.title, "path": page.url_path, "children": []}
        nodes[page.path] = node
        parent = nodes.get(page.path[: -Page.steplen])
        (parent["children"] if parent else roots).append(node)
    return roots


# --- places, offers, events, contacts --------------------------------------------------


def places_prefetch(prefix: str = "") -> list[Prefetch[Any]]:
    today = timezone.localdate()
    return [
        Prefetch(f"{prefix}opening_slots", queryset=OpeningSlot.objects.order_by("opens")),
        Prefetch(
            f"{prefix}closed_days",
            queryset=ClosedDay.objects.filter(date__gte=today).order_by("date"),
        ),
    ]


def place_out(place: Place, sections: Sections) -> dict[str, Any]:
    days: list[list[dict[str, str]]] = [[] for _ in range(7)]
    for slot in place.opening_slots.all():
        days[slot.weekday].append(
            {"opens": slot.opens.strftime("%H:%M"), "closes": slot.closes.strftime("%H:%M")}
        )
    return {
        "id": place.pk,
        "name": place.name,
        "street": place.street,
        "postcode": place.postcode,
        "town": place.town,
        "municipality": place.area.name if place.area_id else None,
        "latitude": float(place.latitude),
        "longitude": float(place.longitude),
        "accessibility": place.accessibility,
        "appointment_only": place.appointment_only,
        "temporarily_closed": place.temporarily_closed,
        "hours_note": place.hours_note,
        "opening_hours": [{"weekday": day, "slots": slots} for day, slots in enumerate(days)],
        "closed_days": [closed.date for closed in place.closed_days.all()],
        "path": sections.place_path(place.pk),
    }


def offers_out(offers: list[Offer], sections: Sections) -> list[dict[str, Any]]:
    return [offer_out(offer, sections) for offer in offers]


def offer_out(offer: Offer, sections: Sections) -> dict[str, Any]:
    distance = getattr(offer, "distance_km", None)
    return {
        "id": offer.pk,
        "title": offer.title,
        "summary": offer.summary,
        "description": html(offer.description),
        "category": offer.category,
        "provider": offer.provider,
        "language": offer.locale.language_code,
        "place": place_out(offer.place, sections) if offer.place else None,
        "municipality": offer.area.name,
        "target_groups": [group.code for group in offer.target_groups.all()],
        "languages_spoken": [language.code for language in offer.languages.all()],
        "cost": offer.cost,
        "price_note": offer.price_note,
        "accessibility": offer.accessibility,
        "appointment_needed": offer.appointment_needed,
        "valid_from": offer.valid_from,
        "valid_until": offer.valid_until,
        "contact_role": offer.contact_role,
        "contact_phone": offer.contact_phone,
        "contact_email": offer.contact_email,
        "website": offer.website,
        "course_level_from": offer.course_level_from,
        "course_level_to": offer.course_level_to,
        "course_type": offer.course_type,
        "childcare": offer.childcare,
        "schedule": offer.schedule,
        "last_checked": offer.last_checked,
        "distance_km": round(distance, 1) if distance is not None else None,
        "path": sections.offer_path(offer.pk),
    }


def event_out(event: Event, sections: Sections) -> dict[str, Any]:
    from wir.portal.recurrence import rule_for_calendar

    start = event.start.astimezone(event.zone)
    return {
        "id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "description": html(event.description),
        "organiser": event.organiser,
        "language": event.locale.language_code,
        "start": event.start,
        "end": event.end,
        "recurrence": (
            f"DTSTART;TZID={event.zone.key}:{start:%Y%m%dT%H%M%S}\n"
            f"RRULE:{rule_for_calendar(event.recurrence, start)}"
            if event.recurrence
            else ""
        ),
        "place": place_out(event.place, sections) if event.place else None,
        "online_url": event.online_url,
        "municipality": event.area.name,
        "cost": event.cost,
        "contact_role": event.contact_role,
        "contact_email": event.contact_email,
        "path": sections.event_path(event.pk),
    }


def contact_out(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.pk,
        "topic": contact.topic,
        "topic_name": str(Topic(contact.topic).label),
        "role": contact.role,
        "phone": contact.phone,
        "email": contact.email,
        "office_hours": contact.office_hours,
        "place": str(contact.place) if contact.place else None,
        "language": contact.locale.language_code,
    }


def hit_out(hit: Hit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "title": hit.title,
        "summary": hit.summary,
        "path": hit.url,
        "language": hit.language_code,
    }
