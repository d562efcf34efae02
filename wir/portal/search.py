"""Full-text search over a region's pages and offers in the visitor's language.

Wagtail's search backend does the work (SQLite FTS5 by default, PostgreSQL full text in
production). When the full-text query finds nothing, gentler tries follow: prefix
matching (autocomplete, for half-typed words), a substring match on titles (for the
tail of a German compound: "kurs" finds "Integrationskurs") and, last, the query with its
typos corrected to the nearest words of the region's vocabulary (`wir.portal.spelling`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import zip_longest
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Locale, Page

from wir.core.models import Region
from wir.portal.models import Offer
from wir.portal.queries import home_page_for
from wir.portal.ranking import fast_path_available, ranked_ids, ranked_search
from wir.portal.spelling import corrected_query, vocabulary

MAX_QUERY_LENGTH = 200
PER_KIND = 60
OFFER_HIT_FIELDS = ("title", "summary", "locale", "translation_key", "valid_from", "valid_until")
WORD = re.compile(r"[^\w\s-]", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    kind: str  # "page" or "offer"
    title: str
    url: str
    summary: str
    language_code: str


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    hits: list[Hit]
    approximate: bool  # found only by the gentler tries
    corrected_from: str = ""  # the query as typed, when `query` is its spelling correction


def clean_query(raw: str) -> str:
    """Letters, digits, spaces and hyphens only: the rest is syntax of the search engines."""
    return " ".join(WORD.sub(" ", raw[:MAX_QUERY_LENGTH]).split())


def search_region(
    region: Region,
    language_code: str,
    raw_query: str,
    directory_url: str | None,
    home: Page | None = None,
) -> SearchOutcome:
    """Search `region` in one language; `home` is its home page in that language, if the
    caller has it already."""
    query = clean_query(raw_query)
    if not query:
        return SearchOutcome(query="", hits=[], approximate=False)
    home = home or home_page_for(region, language_code)
    if home is None:
        return SearchOutcome(query=query, hits=[], approximate=False)
    pages = Page.objects.live().descendant_of(home).filter(locale=home.locale)
    locales = {locale.pk: locale.language_code for locale in _locales(language_code)}
    offers = Offer.objects.filter(region=region, live=True, locale__in=list(locales))
    approximate = False
    corrected_from = ""
    found_pages, found_offers = _full_text(pages, offers, query)
    if not found_pages and not found_offers:
        approximate = True
        found_pages, found_offers = _gentle(pages, offers, query)
    if not found_pages and not found_offers:
        corrected = corrected_query(query, vocabulary(region, home, list(locales)))
        if corrected is not None:
            found_pages, found_offers = _full_text(pages, offers, corrected)
            if not found_pages and not found_offers:
                found_pages, found_offers = _gentle(pages, offers, corrected)
            if found_pages or found_offers:
                approximate, corrected_from, query = False, query, corrected
    visible = _visible_offers(found_offers, language_code, locales)
    offer_hits = _offer_hits(visible, locales, directory_url)
    page_hits = _page_hits(found_pages, language_code, home)
    # Interleave by rank: the two lists are ranked by the same engine but their scores are
    # not comparable across models and backends.
    merged = [hit for pair in zip_longest(page_hits, offer_hits) for hit in pair if hit]
    return SearchOutcome(
        query=query, hits=merged, approximate=approximate, corrected_from=corrected_from
    )


def _locales(language_code: str) -> list[Locale]:
    return list(Locale.objects.filter(language_code__in={language_code, "de"}))


def _full_text(
    pages: Any, offers: Any, query: str, autocomplete: bool = False
) -> tuple[list[Page], list[Offer]]:
    if not fast_path_available():
        return (
            ranked_search(pages, query, PER_KIND, autocomplete),
            ranked_search(offers, query, PER_KIND, autocomplete),
        )
    # Load what the hits show, once: the specific pages, the offers' shown fields.
    page_ids = ranked_ids(pages, query, PER_KIND, autocomplete)
    offer_ids = ranked_ids(offers, query, PER_KIND, autocomplete)
    found_pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    found_offers = Offer.objects.only(*OFFER_HIT_FIELDS).in_bulk(offer_ids)
    return (
        [found_pages[pk] for pk in page_ids if pk in found_pages],
        [found_offers[pk] for pk in offer_ids if pk in found_offers],
    )


def _gentle(pages: Any, offers: Any, query: str) -> tuple[list[Page], list[Offer]]:
    found_pages, found_offers = _full_text(pages, offers, query, autocomplete=True)
    if found_pages or found_offers:
        return found_pages, found_offers
    terms = [term for term in query.split() if len(term) >= 4]
    if not terms:
        return [], []
    title_match = Q()
    for term in terms:
        title_match |= Q(title__icontains=term)
    return (
        list(pages.filter(title_match).order_by("title")[:PER_KIND]),
        list(offers.filter(title_match).order_by("title")[:PER_KIND]),
    )


def _visible_offers(
    found: list[Offer], language_code: str, locales: dict[int, str], today: date | None = None
) -> list[Offer]:
    """Drop offers outside their validity and German originals that have a translation."""
    today = today or timezone.localdate()
    valid = [
        offer
        for offer in found
        if (offer.valid_from is None or offer.valid_from <= today)
        and (offer.valid_until is None or offer.valid_until >= today)
    ]
    if language_code == "de":
        return [offer for offer in valid if locales[offer.locale_id] == "de"]
    translated = set(
        Offer.objects.filter(
            live=True,
            locale__language_code=language_code,
            translation_key__in=[offer.translation_key for offer in valid],
        ).values_list("translation_key", flat=True)
    )
    return [
        offer
        for offer in valid
        if locales[offer.locale_id] == language_code or offer.translation_key not in translated
    ]


def _offer_hits(
    offers: list[Offer], locales: dict[int, str], directory_url: str | None
) -> list[Hit]:
    if not directory_url:
        return []
    return [
        Hit(
            kind="offer",
            title=offer.title,
            url=f"{directory_url}angebot/{offer.pk}/",
            summary=offer.summary,
            language_code=locales[offer.locale_id],
        )
        for offer in offers
    ]


def _page_hits(pages: list[Page], language_code: str, home: Page) -> list[Hit]:
    """Hits in rank order; the specific pages come in one query per page type (unless
    they are specific already)."""
    generic = [p.pk for p in pages if type(p) is Page and p.specific_class is not Page]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=generic).specific()}
    # Every hit lies below `home`, on the same site: its URL continues the home page's.
    home_url = home.url or ""
    hits = []
    for page in pages:
        shown = specific.get(page.pk, page)
        summary = getattr(shown, "intro", "") or getattr(shown, "body", "")
        hits.append(
            Hit(
                kind="page",
                title=page.title,
                url=home_url + page.url_path[len(home.url_path) :] if home_url else "",
                summary=Truncator(strip_tags(summary)).chars(200),
                language_code=language_code,
            )
        )
    return hits
