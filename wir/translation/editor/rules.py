"""What the translation editor accepts, without the database: each submitted text is
checked against the German original it was shown for (changed since? too long? the
original's inline markup kept, nothing added), and the form is saved all or nothing."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wir.translation import memory, segments
from wir.translation.status import diffs
from wir.translation.xliff import importing
from wir.translation.xliff.inline import InlineError, parse_html

MAX_TEXT = 20_000  # characters per text; a rich-text paragraph is far shorter


@dataclass
class Row:
    unit: segments.Unit
    name: str  # form field: the XLIFF unit key, stable when the German text changes
    label: str
    value: str
    links: list[tuple[str, str]]
    change: diffs.Change | None = None
    error: str = ""
    limit: int | None = None  # the field's maximum length, if it has one
    prefill: str = ""  # the earlier translation of a changed text, shown to be edited
    suggestions: list[memory.Suggestion] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Identifies the German text the form was shown for."""
        return hashlib.sha256(self.unit.source.encode()).hexdigest()[:16]


def checked_texts(rows: list[Row], posted: Mapping[str, str]) -> tuple[dict[int, str], list[Row]]:
    """The texts to write (segment id → checked HTML) and the rows they come from.

    Each row gets the submitted value (to show it again) and, if it is faulty, its error;
    empty and unchanged texts are left as they are, and so is the earlier translation a
    changed text was pre-filled with, as long as nobody edited it (saving it unread would
    mark the change as translated)."""
    texts: dict[int, str] = {}
    changed: list[Row] = []
    for row in rows:
        value = posted.get(row.name, "").strip()
        row.value = value or row.value
        if not value or value == (row.unit.target or ""):
            continue  # empty or unchanged: left as it is
        if row.unit.target is None and row.prefill and value == row.prefill.strip():
            continue  # the pre-filled earlier translation, not edited
        if posted.get(f"src-{row.name}", row.fingerprint) != row.fingerprint:
            row.error = _(
                "Der deutsche Text wurde inzwischen geändert (siehe oben); bitte die "
                "Übersetzung prüfen und erneut speichern."
            )
            continue
        if len(value) > MAX_TEXT or (row.limit and len(html.unescape(value)) > row.limit):
            limit = row.limit or MAX_TEXT
            row.error = _("Der Text ist zu lang: höchstens %(n)d Zeichen.") % {"n": limit}
            continue
        try:
            texts[row.unit.segment_id] = importing.checked_translation(row.unit, parse_html(value))
            changed.append(row)
        except InlineError as error:
            row.error = _("Fehlerhaftes Markup: nicht unterstütztes Element %(element)s.") % {
                "element": error
            }
        except segments.SegmentError as error:
            row.error = str(error)
    return texts, changed


def verbatim_waiting(units: list[segments.Unit]) -> bool:
    """Are there untranslated texts that stay German (slug, telephone number, recurrence
    rule)? Saving writes them even when no text was edited."""
    return any(unit.target is None and segments.is_verbatim(unit) for unit in units)
