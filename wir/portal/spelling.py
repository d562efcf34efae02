"""Typo tolerance for the search: a vocabulary of a region's words and the nearest word.

The vocabulary holds the words of titles and summaries a visitor can find in one language
(pages of that language, offers and events in it and in German, the names of places). It
is cached per region and language and renewed when the region's content version moves, so
it costs one pass over the titles after each change. Works the same on SQLite and
PostgreSQL: no database extension.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wagtail.models import Page

from wir.core.models import Region
from wir.portal.models import ContentPage, Event, Offer, Place
from wir.portal.publication import visible

TOKEN = re.compile(r"\w+", re.UNICODE)
MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
LONG_WORD = 8  # from this length on, two slips are forgiven; below it one
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Vocabulary:
    """Lower-cased word → how it is usually written, and how often it occurs."""

    spelling: dict[str, str]
    frequency: dict[str, int]

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.spelling


def words(text: str) -> list[str]:
    return [w for w in TOKEN.findall(text) if len(w) >= MIN_LENGTH and not w.isdigit()]


def build_vocabulary(texts: list[str]) -> Vocabulary:
    forms: dict[str, Counter[str]] = {}
    # Titles and summaries repeat a lot (a provider's offers in many towns): split each once.
    for text, times in Counter(texts).items():
        for word in words(text):
            forms.setdefault(word.lower(), Counter())[word] += times
    return Vocabulary(
        spelling={key: counter.most_common(1)[0][0] for key, counter in forms.items()},
        frequency={key: sum(counter.values()) for key, counter in forms.items()},
    )


def vocabulary(region: Region, home: Page, locale_ids: list[int]) -> Vocabulary:
    """The searchable words of `region` under `home` (one language) and its offers."""
    key = (
        f"wir:search-vocabulary:{region.pk}:{home.pk}:"
        f"{','.join(map(str, sorted(locale_ids)))}:{region.content_version.timestamp()}"
    )
    cached = cache.get(key)
    if isinstance(cached, Vocabulary):
        return cached
    pages = visible(Page.objects.descendant_of(home).filter(locale=home.locale))
    texts: list[str] = list(pages.values_list("title", flat=True))
    texts += visible(ContentPage.objects.descendant_of(home)).values_list("intro", flat=True)
    for title, summary in Offer.objects.filter(
        region=region, live=True, locale__in=locale_ids
    ).values_list("title", "summary"):
        texts += (title, summary)
    for title, summary in Event.objects.filter(
        region=region, live=True, locale__in=locale_ids
    ).values_list("title", "summary"):
        texts += (title, summary)
    texts += Place.objects.filter(region=region).values_list("name", flat=True)
    built = build_vocabulary(texts)
    cache.set(key, built, CACHE_SECONDS)
    return built


def nearest_word(term: str, known: Vocabulary) -> str | None:
    """The known word closest to `term` (one slip for short words, two for long ones:
    a swapped pair of letters counts as one), or None if `term` is known or too far off."""
    lowered = term.lower()
    if len(lowered) < MIN_LENGTH or lowered in known.spelling or lowered.isdigit():
        return None
    limit = 1 if len(lowered) < LONG_WORD else 2
    candidates = process.extract(
        lowered, known.spelling.keys(), scorer=OSA.distance, score_cutoff=limit, limit=None
    )
    if not candidates:
        return None
    # Closest first; among equals the most frequent word, then the alphabet (deterministic).
    best = min(candidates, key=lambda c: (c[1], -known.frequency[c[0]], c[0]))
    return known.spelling[best[0]]


def corrected_query(query: str, known: Vocabulary) -> str | None:
    """`query` with each unknown word replaced by its nearest known word; None if nothing
    could be corrected."""
    changed = False
    corrected = []
    for term in query.split():
        replacement = nearest_word(term, known)
        if replacement is not None:
            changed = True
        corrected.append(replacement or term)
    return " ".join(corrected) if changed else None
