"""Applying a region's glossary to machine translation.

Before a segment goes to a provider, each glossary term in its text is wrapped in
`<span translate="no" id="gN">…</span>` (providers with HTML handling leave such content
alone and keep the element); afterwards each such element is replaced by exactly the fixed
translation, or the German term for do-not-translate entries, whatever the provider did
with the inside. A lost placeholder is an error, never a silently wrong term.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from wir.translation.models import GlossaryTerm
from wir.translation.segments import SegmentError

TAG = re.compile(r"(<[^>]*>)")
PLACEHOLDER = re.compile(
    r'<span\b[^>]*\bid="(g\d+)"[^>]*>.*?</span>', flags=re.DOTALL | re.IGNORECASE
)


@dataclass(frozen=True)
class Entry:
    term: str  # German
    result: str  # what must stand in the translation


@dataclass
class Protected:
    """A segment with its glossary terms replaced by placeholders."""

    html: str
    fixed: dict[str, str] = field(default_factory=dict)  # placeholder id → exact text (HTML)


class GlossaryError(SegmentError):
    pass


def entries_for(region_id: int, language_code: str) -> list[Entry]:
    """The region's glossary for one target language; do-not-translate terms hold for all."""
    rows = GlossaryTerm.objects.filter(region_id=region_id).filter(
        Q(language_code=language_code) | Q(do_not_translate=True)
    )
    chosen: dict[str, Entry] = {}
    for row in rows.order_by("term", "language_code"):
        result = row.term if row.do_not_translate else row.translation
        # An entry for this very language wins over another language's do-not-translate.
        if row.term not in chosen or row.language_code == language_code:
            chosen[row.term] = Entry(term=row.term, result=result)
    return sorted(chosen.values(), key=lambda entry: -len(entry.term))


def _pattern(entries: Iterable[Entry]) -> re.Pattern[str] | None:
    terms = [re.escape(html.escape(entry.term, quote=False)) for entry in entries]
    if not terms:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(terms) + r")(?!\w)")


def protect(segment_html: str, entries: list[Entry]) -> Protected:
    """Wrap every glossary term in the text (not inside tags) in a placeholder."""
    pattern = _pattern(entries)
    if pattern is None:
        return Protected(segment_html)
    by_term = {html.escape(entry.term, quote=False): entry for entry in entries}
    fixed: dict[str, str] = {}
    counter = 0

    def wrap(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        key = f"g{counter}"
        entry = by_term[match.group(1)]
        fixed[key] = html.escape(entry.result, quote=False)
        # The provider sees the final text, so that the sentence around it still reads well.
        return f'<span translate="no" id="{key}">{fixed[key]}</span>'

    parts = TAG.split(segment_html)
    for index in range(0, len(parts), 2):  # even indexes are text, odd ones tags
        parts[index] = pattern.sub(wrap, parts[index])
    return Protected("".join(parts), fixed)


def restore(translated_html: str, protected: Protected) -> str:
    """Put the exact glossary text back where the placeholders are."""
    found: set[str] = set()

    def unwrap(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in protected.fixed:
            return match.group(0)
        found.add(key)
        return protected.fixed[key]

    result = PLACEHOLDER.sub(unwrap, translated_html)
    lost = set(protected.fixed) - found
    if lost:
        raise GlossaryError(
            _("Glossarbegriff in der maschinellen Übersetzung verloren: %(terms)s")
            % {"terms": ", ".join(sorted(protected.fixed[key] for key in lost))}
        )
    return result
