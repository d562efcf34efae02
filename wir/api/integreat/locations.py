"""Locations (Integreat's POIs, the app's "places") in the shape of the API v3: pure
functions from loaded objects to dicts, like `serializers`.

Two kinds of entries share the list: every public offer at a place (as before), and every
place of the region on its own (a place has no publication state; its page in the
directory is public whether or not an offer is there). Their paths differ: an offer's ends
in "-<offer id>", a place's in "-ort<place id>" (see `place_slug`), so paths, feedback
slugs and events' `location_path` stay unambiguous.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from wir.api.integreat.queries import Scope, Sibling
from wir.api.integreat.serializers import (
    description_html,
    item_slug,
    link,
    place_dict,
    snippet_translations,
    stamps,
)
from wir.portal.models import Contact, Offer, Place
from wir.portal.models.offers import Category
from wir.portal.models.places import Accessibility
from wir.portal.opening import Schedule, Slot, week

PLACE_SLUG_MARK = "ort"
# Integreat's location categories: a stable id, a colour and one of its icon names.
CATEGORY_STYLE: dict[str, tuple[int, str, str]] = {
    Category.FIRST_CONTACT: (1, "#1DC6C6", "office"),
    Category.COUNSELLING: (2, "#F7A600", "advice"),
    Category.LANGUAGE_COURSE: (3, "#5F9EA0", "education"),
    Category.VOCATIONAL_TRAINING: (4, "#3D6BB3", "structure"),
    Category.APPRENTICESHIP_EXCHANGE: (5, "#8E44AD", "service"),
    Category.LEISURE_FAMILIES: (6, "#27AE60", "leisure"),
    Category.LEISURE_YOUTH: (7, "#1E8449", "leisure"),
}
# A place without any public offer: a neutral category ("Ort").
PLACE_STYLE = (0, "#888888", "other")
PLACE_CATEGORY_NAME = _("Ort")


def place_slug(place: Place) -> str:
    """The last path segment of a place's entry: "rathaus-friedberg-ort12"."""
    return f"{slugify(place.name, allow_unicode=True) or 'ort'}-{PLACE_SLUG_MARK}{place.pk}"


def place_path(scope: Scope, place: Place, language: str | None = None) -> str:
    return f"{scope.prefix(language)}locations/{place_slug(place)}/"


# --- parts -----------------------------------------------------------------------------


def opening_hours(place: Place) -> list[dict[str, Any]] | None:
    """Seven days, Monday first; null when the place has no hours and no appointments.
    (Closed days have no place in Integreat's weekly hours, so they are not loaded.)
    Time slots name their time zone, as the app (2026.8) expects."""
    schedule = Schedule(
        slots=tuple(Slot(s.weekday, s.opens, s.closes) for s in place.opening_slots.all()),
        appointment_only=place.appointment_only,
    )
    if not schedule.slots and not schedule.appointment_only:
        return None
    days = []
    for slots in week(schedule):
        all_day = any(opens.hour == 0 and closes.hour == 23 for opens, closes in slots)
        days.append(
            {
                "allDay": all_day,
                "closed": not slots and not schedule.appointment_only,
                "appointmentOnly": schedule.appointment_only,
                "timeSlots": []
                if all_day
                else [
                    {"end": f"{c:%H:%M}", "start": f"{o:%H:%M}", "timezone": settings.TIME_ZONE}
                    for o, c in slots
                ],
            }
        )
    return days


def category_dict(scope: Scope, category: str | None) -> dict[str, Any]:
    if category is None:
        number, colour, icon = PLACE_STYLE
        with override(scope.language):
            name = str(PLACE_CATEGORY_NAME)
    else:
        number, colour, icon = CATEGORY_STYLE.get(category, PLACE_STYLE)
        with override(scope.language):
            name = str(Category(category).label) if category in Category.values else ""
    return {
        "id": number,
        "name": name,
        "color": colour,
        "icon": icon,
        "icon_url": "",
        "icon_color": f"{icon}_{colour}",
    }


def barrier_free(accessibility: str) -> bool | None:
    known: dict[str, bool] = {Accessibility.FULL: True, Accessibility.NONE: False}
    return known.get(accessibility)


def contact_dict(
    *,
    name: str = "",
    responsibility: str = "",
    email: str = "",
    phone: str = "",
    website: str = "",
) -> dict[str, Any]:
    """One contact (JsonContactType): every field is present, empty ones are null. We
    store roles, never people, and office hours only as free text (so no hours here)."""
    return {
        "name": name or None,
        "area_of_responsibility": responsibility or None,
        "email": email or None,
        "phone_number": phone or None,
        "website": website or None,
        "mobile_number": None,
        "opening_hours": None,
    }


def place_contacts(contacts: list[Contact]) -> list[dict[str, Any]]:
    """The region's contacts (roles) at a place."""
    return [contact_dict(responsibility=c.role, email=c.email, phone=c.phone) for c in contacts]


def offer_contacts(offer: Offer, at_place: list[Contact]) -> list[dict[str, Any]]:
    """The offer's own contact (if it has one), then the contacts at its place."""
    own = []
    if offer.contact_email or offer.contact_phone or offer.website:
        own.append(
            contact_dict(
                name=offer.provider,
                responsibility=offer.contact_role,
                email=offer.contact_email,
                phone=offer.contact_phone,
                website=offer.website,
            )
        )
    return own + place_contacts(at_place)


def checked_at(day: Any) -> datetime:
    """A place's "last updated": the day its data was last checked, at midnight."""
    return timezone.make_aware(datetime.combine(day, time()))


# --- entries ---------------------------------------------------------------------------


def location_dict(
    scope: Scope,
    offer: Offer,
    translations: dict[str, Sibling],
    *,
    offer_url: str,
    contacts: list[Contact],
) -> dict[str, Any]:
    """An offer at a place, as an Integreat location (POI)."""
    assert offer.place is not None
    changed = offer.last_published_at or offer.first_published_at or scope.region.created_at
    content = description_html(offer.summary, offer.description)
    return {
        "id": offer.pk,
        "url": offer_url,
        "path": f"{scope.prefix()}locations/{item_slug(offer.title, offer.pk)}/",
        "title": offer.title,
        **stamps(changed),
        "excerpt": offer.summary,
        "meta_description": offer.summary,
        "content": content,
        "appointment_url": None,
        "available_languages": snippet_translations(scope, "locations", offer, translations),
        "icon": None,
        "thumbnail": None,
        "website": offer.website or None,
        "email": offer.contact_email or None,
        "phone_number": offer.contact_phone or None,
        "category": category_dict(scope, offer.category),
        "temporarily_closed": offer.place.temporarily_closed,
        "opening_hours": opening_hours(offer.place),
        "location": place_dict(offer.place),
        "contacts": offer_contacts(offer, contacts),
        "hash": None,
        "organization": None,
        "barrier_free": barrier_free(offer.accessibility),
    }


def place_content(place: Place, offers: list[tuple[Offer, str]]) -> str:
    """The address, the note on opening hours and the offers there, with links."""
    parts = [f"<p>{escape(place.address_line)}</p>"] if place.address_line else []
    if place.hours_note:
        parts.append(f"<p>{escape(place.hours_note)}</p>")
    if offers:
        items = "".join(
            f'<li><a href="{escape(url)}">{escape(offer.title)}</a></li>' for offer, url in offers
        )
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def place_location_dict(
    scope: Scope,
    place: Place,
    *,
    place_url: str,
    offers: list[tuple[Offer, str]],
    contacts: list[Contact],
) -> dict[str, Any]:
    """A place on its own, as an Integreat location. Names and addresses are proper
    nouns: the same entry in every language (so every language is available)."""
    return {
        "id": place.pk,
        "url": place_url,
        "path": place_path(scope, place),
        "title": place.name,
        **stamps(checked_at(place.last_checked)),
        "excerpt": place.address_line,
        "meta_description": None,
        "content": place_content(place, offers),
        "appointment_url": None,
        "available_languages": {
            language: link(scope, place.pk, place_path(scope, place, language))
            for language in scope.languages
            if language != scope.language
        },
        "icon": None,
        "thumbnail": None,
        "website": None,
        "email": None,
        "phone_number": None,
        "category": category_dict(scope, offers[0][0].category if offers else None),
        "temporarily_closed": place.temporarily_closed,
        "opening_hours": opening_hours(place),
        "location": place_dict(place),
        "contacts": place_contacts(contacts),
        "hash": None,
        "organization": None,
        "barrier_free": barrier_free(place.accessibility),
    }
