"""Full-text search over a region's pages, offers, events and places in the visitor's language.

The search's own index does the work (`wir.portal.search_index`: SQLite FTS5 with bm25,
PostgreSQL tsvector with ts_rank), scoped to the region, kind and language. When the
full-text query finds nothing, gentler tries follow: prefix matching (autocomplete, for
half-typed words), a substring match on titles (for the tail of a German compound: "kurs"
finds "Integrationskurs") and, last, the query with its typos corrected to the nearest
words of the region's vocabulary (`wir.portal.spelling`).

Only what a visitor may see is searched: live pages, public offers (published, valid,
not expired), live events with a date still to come, and the region's places (a place has
no publication state of its own; its page is public like the directory).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from itertools import zip_longest
from typing import Any, NamedTuple

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.portal import search_index
from wir.portal.models import Event, Offer, Place, offer_path
from wir.portal.models.search import scope_word
from wir.portal.publication import descendants, visible
from wir.portal.queries import home_page_for
from wir.portal.spelling import corrected_query, vocabulary

MAX_QUERY_LENGTH = 200
PER_KIND = 60
KINDS = ("page", "offer", "event", "place")  # the order in which hits of one rank are shown
# What the hits show, loaded once per kind on the fast path.
HIT_FIELDS: dict[str, tuple[str, ...]] = {
    "event": ("title", "summary", "locale", "translation_key", "start", "end", "recurrence"),
}
TITLE_FIELD = {"page": "title", "offer": "title", "event": "title", "place": "name"}
WORD = re.compile(r"[^\w\s-]", re.UNICODE)

Found = dict[str, list[Any]]


class Hit(NamedTuple):  # built for every hit of every search: cheaper than a dataclass
    kind: str  # one of KINDS
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
    events_url: str | None = None,
) -> SearchOutcome:
    """Search `region` in one language; `home` is its home page in that language, if the
    caller has it already. Offers and places are found only when there is a directory to
    show them (`directory_url`), events only with an events calendar (`events_url`)."""
    query = clean_query(raw_query)
    if not query:
        return SearchOutcome(query="", hits=[], approximate=False)
    home = home or home_page_for(region, language_code)
    if home is None:
        return SearchOutcome(query=query, hits=[], approximate=False)
    locales = Locales(language_code)  # read only when needed: not on the fast path
    now = timezone.now()
    sources = _sources(region, home, locales, now, directory_url, events_url)
    approximate = False
    corrected_from = ""
    scopes = _scopes(region, language_code, sources)
    # German originals of offers are hidden where a translation into the visitor's language
    # is public; the index decides that in its statement (events: `_in_language`).
    translated_in = (
        {"offer": language_code} if language_code != DEFAULT_LANGUAGE and "offer" in sources else {}
    )
    context = SearchContext(sources, scopes, now, translated_in, home, language_code, locales)
    found = _full_text(context, query)
    if not any(found.values()):
        approximate = True
        found = _gentle(context, query)
    if not any(found.values()):
        corrected = corrected_query(query, vocabulary(region, home, list(locales)))
        if corrected is not None:
            found = _full_text(context, corrected)
            if not any(found.values()):
                found = _gentle(context, corrected)
            if any(found.values()):
                approximate, corrected_from, query = False, query, corrected
    hits = {
        "page": _page_hits(found.get("page", []), language_code, home),
        "offer": _offer_hits(found.get("offer", []), directory_url),
        "event": _event_hits(
            _upcoming(
                _in_language(found.get("event", []), sources.get("event"), language_code, locales),
                now,
            ),
            locales,
            events_url,
        ),
        "place": _place_hits(found.get("place", []), directory_url),
    }
    # Interleave by rank: the lists are ranked by the same engine but their scores are
    # not comparable across models and backends.
    merged = [hit for row in zip_longest(*(hits[kind] for kind in KINDS)) for hit in row if hit]
    return SearchOutcome(
        query=query, hits=merged, approximate=approximate, corrected_from=corrected_from
    )


class Locales(Mapping[int, str]):
    """Locale id → language code of the visitor's language and German, read when first
    asked (the fast path never asks: the index holds each hit's language)."""

    def __init__(self, language_code: str) -> None:
        self.codes = sorted({language_code, DEFAULT_LANGUAGE})

    @cached_property
    def _loaded(self) -> dict[int, str]:
        found = Locale.objects.filter(language_code__in=self.codes)
        return {locale.pk: locale.language_code for locale in found}

    def __getitem__(self, locale_id: int) -> str:
        return self._loaded[locale_id]

    def __iter__(self) -> Iterator[int]:
        return iter(self._loaded)

    def __len__(self) -> int:
        return len(self._loaded)


@dataclass(frozen=True)
class SearchContext:
    """What every try of one search shares."""

    sources: dict[str, Source]
    scopes: dict[str, list[str]]
    now: datetime
    translated_in: dict[str, str]
    home: Page
    language_code: str
    locales: Locales


class Source:
    """What may be found of one kind: exactly what a visitor may see. Built when first
    needed: most searches touch only the kinds the index found something of."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build

    @cached_property
    def public(self) -> Any:
        return self._build()


@dataclass(frozen=True)
class PageRow:
    """What a page's hit needs, read without building the page object."""

    pk: int
    title: str
    url_path: str
    search_summary: str


def _sources(
    region: Region,
    home: Page,
    locales: Locales,
    now: datetime,
    directory_url: str | None,
    events_url: str | None,
) -> dict[str, Source]:
    def pages() -> Any:
        found = Page.objects.live().filter(descendants(home.path, home.depth), locale=home.locale)
        return visible(found, now)

    def offers() -> Any:
        return Offer.objects.filter(region=region, live=True, locale__in=list(locales)).public()

    def events() -> Any:
        found = Event.objects.filter(region=region, live=True, locale__in=list(locales))
        # Over, unless a recurrence may bring more dates (checked on the hits: _upcoming).
        return visible(found, now).filter(Q(end__gt=now) | ~Q(recurrence=""))

    sources = {"page": Source(pages)}
    if directory_url:
        sources["offer"] = Source(offers)
        sources["place"] = Source(lambda: Place.objects.filter(region=region))
    if events_url:
        sources["event"] = Source(events)
    return sources


def _scopes(region: Region, language_code: str, sources: dict[str, Source]) -> dict[str, list[str]]:
    """The index's scope words of each kind searched: pages in the visitor's language,
    offers and events in it and in German (originals not yet translated), places in none."""
    languages = {
        "page": [language_code],
        "offer": sorted({language_code, DEFAULT_LANGUAGE}),
        "event": sorted({language_code, DEFAULT_LANGUAGE}),
        "place": [""],
    }
    return {
        kind: [scope_word(region.pk, kind, code) for code in languages[kind]] for kind in sources
    }


def _full_text(context: SearchContext, query: str, autocomplete: bool = False) -> Found:
    """One ranked statement over the search index: offers and places come from it as they
    are shown (it holds their public state); pages and events, which may have more to
    check (a view restriction, remaining dates), in one load per kind with hits."""
    ranked = search_index.ranked(
        context.scopes,
        query,
        PER_KIND,
        context.now,
        autocomplete,
        context.translated_in,
        home=context.home,
    )
    found: Found = {}
    for kind, source in context.sources.items():
        rows = ranked.get(kind, [])
        if kind == "page":
            found[kind] = [PageRow(r.pk, r.title, r.url_path, r.summary) for r in rows]
        elif kind == "event" and rows:
            ids = [row.pk for row in rows]
            loaded = source.public.only(*HIT_FIELDS[kind]).in_bulk(ids)
            found[kind] = [loaded[pk] for pk in ids if pk in loaded]
        else:
            found[kind] = rows
    return found


def _gentle(context: SearchContext, query: str) -> Found:
    found = _full_text(context, query, autocomplete=True)
    if any(found.values()):
        return found
    terms = [term for term in query.split() if len(term) >= 4]
    if not terms:
        return {}
    result: Found = {}
    locales = context.locales
    for kind, source in context.sources.items():
        field = TITLE_FIELD[kind]
        title_match = Q()
        for term in terms:
            title_match |= Q(**{f"{field}__icontains": term})
        matched = list(source.public.filter(title_match).order_by(field)[:PER_KIND])
        if kind == "offer":  # as the index would show them
            matched = [
                search_index.Ranked(o.pk, o.title, o.summary, locales[o.locale_id])
                for o in _in_language(matched, source, context.language_code, locales)
            ]
        elif kind == "place":
            matched = [search_index.Ranked(p.pk, p.name, p.address_line, "") for p in matched]
        result[kind] = matched
    return result


def _in_language(
    found: list[Any], source: Source | None, language_code: str, locales: Mapping[int, str]
) -> list[Any]:
    """Offers or events in the visitor's language, and German originals without a public
    translation into it (never both)."""
    if not found or source is None:
        return []
    if language_code == DEFAULT_LANGUAGE:
        return [item for item in found if locales[item.locale_id] == DEFAULT_LANGUAGE]
    translated = set(
        source.public.filter(
            locale__language_code=language_code,
            translation_key__in=[item.translation_key for item in found],
        ).values_list("translation_key", flat=True)
    )
    return [
        item
        for item in found
        if locales[item.locale_id] == language_code or item.translation_key not in translated
    ]


def _upcoming(events: list[Event], now: datetime) -> list[Event]:
    """Events with a date still running or to come: past events are not offered any more."""
    return [event for event in events if event.end > now or event.has_dates_after(now)]


def _offer_hits(offers: list[search_index.Ranked], directory_url: str | None) -> list[Hit]:
    if not directory_url:
        return []
    return [
        Hit(
            kind="offer",
            title=offer.title,
            url=offer_path(directory_url, offer.pk),
            summary=offer.summary,
            language_code=offer.language_code,
        )
        for offer in offers
    ]


def _event_hits(
    events: list[Event], locales: Mapping[int, str], events_url: str | None
) -> list[Hit]:
    if not events_url:
        return []
    return [
        Hit(
            kind="event",
            title=event.title,
            url=f"{events_url}veranstaltung/{event.pk}/",
            summary=event.summary,
            language_code=locales[event.locale_id],
        )
        for event in events
    ]


def _place_hits(places: list[search_index.Ranked], directory_url: str | None) -> list[Hit]:
    """Places' names and addresses are proper nouns, kept in German in every language."""
    if not directory_url:
        return []
    return [
        Hit(
            kind="place",
            title=place.title,
            url=f"{directory_url}ort/{place.pk}/",
            summary=place.summary,
            language_code=DEFAULT_LANGUAGE,
        )
        for place in places
    ]


def _page_hits(pages: list[Page | PageRow], language_code: str, home: Page) -> list[Hit]:
    """Hits in rank order. Their summaries come from the index; pages found otherwise (the
    gentle title match) are loaded as specific pages, one query per page type."""
    generic = [p.pk for p in pages if isinstance(p, Page)]
    specific = (
        {page.pk: page for page in Page.objects.filter(pk__in=generic).specific()}
        if generic
        else {}
    )
    # Every hit lies below `home`, on the same site: its URL continues the home page's.
    home_url = home.url or ""
    hits = []
    for page in pages:
        if isinstance(page, PageRow):
            summary = page.search_summary
        else:
            summary = search_index.page_summary(specific.get(page.pk, page))
        hits.append(
            Hit(
                kind="page",
                title=page.title,
                url=home_url + page.url_path[len(home.url_path) :] if home_url else "",
                summary=summary,
                language_code=language_code,
            )
        )
    return hits
