"""The search index shipped with a bundle: the documents the browser indexes (MiniSearch).

Plain text of the public fields only, in the visitor's language (German originals where a
translation is missing) — the same set the online search finds, without its ranking.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.core.queries import municipalities, visible_languages
from wir.core.translations import localized
from wir.portal.directory import offers_in_language
from wir.portal.events import events_in_language
from wir.portal.models import (
    Contact,
    ContactsPage,
    DirectoryPage,
    EventIndexPage,
    Offer,
    Place,
    offer_path,
)
from wir.portal.models.offers import Cost
from wir.portal.publication import visible
from wir.portal.queries import home_page_for

TEXT_LIMIT = 1500  # characters of body text per document: enough to find, small to ship
SPACES = re.compile(r"\s+")


def plain(*parts: Any) -> str:
    text = " ".join(strip_tags(str(part)) for part in parts if part)
    return SPACES.sub(" ", text).strip()[:TEXT_LIMIT]


def search_documents(region: Region, language: str) -> list[dict[str, Any]]:
    home = home_page_for(region, language)
    if home is None:
        return []
    documents: list[dict[str, Any]] = []

    def add(
        kind: str,
        url: str,
        title: str,
        summary: str,
        text: str,
        lang: str,
        facets: dict[str, Any] | None = None,
    ) -> None:
        documents.append(
            {
                "id": len(documents),
                "kind": kind,
                "url": url,
                "title": title,
                "summary": summary[:300],
                "text": text,
                "lang": lang,
                **(facets or {}),
            }
        )

    pages = list(visible(Page.objects.public().descendant_of(home, inclusive=True)).specific())
    for page in pages:
        add(
            "page",
            page.url_path,
            page.title,
            plain(getattr(page, "intro", "")),
            plain(getattr(page, "intro", ""), getattr(page, "body", "")),
            language,
        )
    directory = next((p for p in pages if isinstance(p, DirectoryPage)), None)
    if directory is not None:
        offers = (
            offers_in_language(region, language)
            .select_related("locale", "area", "place")
            .prefetch_related("target_groups", "languages")
            .order_by("pk")
        )
        for offer in offers:
            add(
                "offer",
                offer_path(directory.url_path, offer.pk),
                offer.title,
                offer.summary,
                plain(offer.summary, offer.description, offer.provider, offer.schedule),
                offer.locale.language_code,
                {
                    **offer_facets(offer),
                    # the map's pin of its place (the same address as the marker's link)
                    "place": f"{directory.url_path}ort/{offer.place_id}/"
                    if offer.place_id
                    else None,
                },
            )
        for place in Place.objects.filter(region=region).order_by("pk"):
            add(
                "place",
                f"{directory.url_path}ort/{place.pk}/",
                place.name,
                place.address_line,
                plain(place.address_line, place.hours_note),
                DEFAULT_LANGUAGE,
            )
    calendar = next((p for p in pages if isinstance(p, EventIndexPage)), None)
    if calendar is not None:
        events = events_in_language(region, language).select_related("locale").order_by("pk")
        for event in events:
            add(
                "event",
                f"{calendar.url_path}veranstaltung/{event.pk}/",
                event.title,
                event.summary,
                plain(event.summary, event.description, event.organiser),
                event.locale.language_code,
            )
    contacts_page = next((p for p in pages if isinstance(p, ContactsPage)), None)
    if contacts_page is not None:
        contacts = localized(Contact.objects.filter(region=region), language)
        for contact in contacts.select_related("locale").order_by("pk"):
            add(
                "contact",
                contacts_page.url_path,
                contact.role,
                contact.office_hours,
                plain(contact.role, contact.office_hours, contact.get_topic_display()),
                contact.locale.language_code,
            )
    return documents


def offer_facets(offer: Offer) -> dict[str, Any]:
    """What the directory's filters look at, so that a saved copy can apply them offline
    (wir/static/wir/offline/filters.js mirrors wir.portal.directory.find_offers)."""
    origin = offer.place or offer.area
    return {
        "category": offer.category,
        "category_label": str(offer.get_category_display()),
        "area": offer.area_id,
        "area_name": offer.area.name,
        "groups": sorted(group.code for group in offer.target_groups.all()),
        "languages": sorted(language.code for language in offer.languages.all()),
        "free": offer.cost == Cost.FREE,
        "position": [float(origin.latitude), float(origin.longitude)],
    }


def search_index_json(region: Region, language: str) -> bytes:
    direction = next(
        (rl.language.direction for rl in visible_languages(region) if rl.language.code == language),
        "ltr",
    )
    with translation.override(language):
        documents = search_documents(region, language)
    towns = {
        str(pk): [float(latitude), float(longitude)]
        for pk, latitude, longitude in municipalities(region).values_list(
            "pk", "latitude", "longitude"
        )
    }
    payload = {
        "language": language,
        "direction": direction,
        "documents": documents,
        "municipalities": towns,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
