"""Which texts of an original are no human-readable text and stay as they are in every
language: URL parts (slugs), telephone numbers, recurrence rules (RFC 5545), and any text
without a single letter (numbers, dates in figures, codes).

Plain data in, plain data out (no Django): the XLIFF export and the translation editor
leave these out, machine translation does not send them, and every write of a language
copies them from the German original (`segments.write`).
"""

from __future__ import annotations

import re

# Fields that hold no prose, by the first part of the segment's path.
FIELDS = frozenset({"slug", "phone", "contact_phone", "recurrence"})

_RRULE = re.compile(r"^\s*(RRULE:)?FREQ=[A-Z]+(;[A-Z]+=[^;\s]*)*;?\s*$")
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&[#\w]+;")


def field_of(path: str) -> str:
    """`body.<block id>` → `body`."""
    return path.split(".", 1)[0]


def is_verbatim(path: str, source: str) -> bool:
    """True for a text (its segment path and German HTML) that is not translated."""
    if field_of(path) in FIELDS:
        return True
    text = _ENTITY.sub(" ", _TAG.sub(" ", source))
    if _RRULE.match(text):
        return True
    return not any(character.isalpha() for character in text)
