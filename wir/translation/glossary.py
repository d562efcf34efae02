"""Applying a region's glossary to machine translation, and keeping fixed text fixed.

Before a segment goes to a provider, each glossary term in its text is wrapped in
`<span translate="no" id="gN">…</span>` (providers with HTML handling leave such content
alone and keep the element); afterwards each such element is replaced by exactly the fixed
translation, or the German term for do-not-translate entries, whatever the provider did
with the inside. A lost placeholder is an error, never a silently wrong term.

Text that must come out exactly as written — template placeholders (`{datum}`,
`{{ ort }}`, `%(name)s`), e-mail addresses, web addresses and phone numbers — is kept the
same way (`id="pN"`): services tend to translate the word inside braces, re-case an
address or re-format a number.
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
    r'<span\b[^>]*\bid="([gp]\d+)"[^>]*>.*?</span>', flags=re.DOTALL | re.IGNORECASE
)
# Text kept verbatim (in segment HTML, so "&" is "&amp;"): placeholders of templates and
# mail merges, e-mail and web addresses, phone numbers (at least 7 digits and separators).
FIXED = re.compile(
    r"\{\{[^{}\n]{1,80}\}\}"
    r"|\{[A-Za-z_ÄÖÜäöüß][\w.-]{0,60}\}"
    r"|%\([A-Za-z_]\w{0,60}\)[sd]"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
    r"|(?:https?://|www\.)[^\s<>\"]{0,2000}[^\s<>\".,;:!?)]"
    r"|(?<![\w+])\+?\(?\d[\d ()/-]{5,30}\d(?![\w])"
)
# Numbers that look like phone numbers but are not: dates, year ranges, time or page ranges.
NOT_A_PHONE = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{4}\s*-\s*\d{4}|\d{1,4}\s+-\s+\d{1,4}|\d{1,3}(?: \d{3})+"
)
MIN_PHONE_DIGITS = 7


def _is_fixed(match: re.Match[str]) -> bool:
    text = match.group(0)
    if text[0] in "{%" or "@" in text or text.startswith(("http", "www.")):
        return True
    digits = sum(character.isdigit() for character in text)
    return digits >= MIN_PHONE_DIGITS and not NOT_A_PHONE.fullmatch(text.strip())


def fixed_tokens(text: str) -> list[str]:
    """The verbatim pieces (placeholders, addresses, phone numbers) in a plain text."""
    return [match.group(0) for match in FIXED.finditer(text) if _is_fixed(match)]


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
    """Wrap every verbatim piece and every glossary term in the text (not inside tags) in
    a placeholder the provider leaves alone."""
    terms = _pattern(entries)
    by_term = {html.escape(entry.term, quote=False): entry for entry in entries}
    fixed: dict[str, str] = {}
    counters = {"g": 0, "p": 0}

    def keep(prefix: str, text: str) -> str:
        counters[prefix] += 1
        key = f"{prefix}{counters[prefix]}"
        fixed[key] = text
        # The provider sees the final text, so that the sentence around it still reads well.
        return f'<span translate="no" id="{key}">{text}</span>'

    def glossary_terms(text: str) -> str:
        if terms is None:
            return text
        return terms.sub(
            lambda m: keep("g", html.escape(by_term[m.group(1)].result, quote=False)), text
        )

    def wrap(text: str) -> str:
        out, position = [], 0
        for match in FIXED.finditer(text):  # verbatim pieces first: a term inside stays
            if not _is_fixed(match):
                continue
            out.append(glossary_terms(text[position : match.start()]))
            out.append(keep("p", match.group(0)))
            position = match.end()
        out.append(glossary_terms(text[position:]))
        return "".join(out)

    parts = TAG.split(segment_html)
    for index in range(0, len(parts), 2):  # even indexes are text, odd ones tags
        parts[index] = wrap(parts[index])
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
    lost_terms = sorted(html.unescape(protected.fixed[key]) for key in lost if key[0] == "g")
    lost_fixed = sorted(html.unescape(protected.fixed[key]) for key in lost if key[0] == "p")
    if lost_terms:
        raise GlossaryError(
            _("Glossarbegriff in der maschinellen Übersetzung verloren: %(terms)s")
            % {"terms": ", ".join(lost_terms)}
        )
    if lost_fixed:
        raise GlossaryError(
            _("Platzhalter oder Angabe in der maschinellen Übersetzung verloren: %(items)s")
            % {"items": ", ".join(lost_fixed)}
        )
    return result
