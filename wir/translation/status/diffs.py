"""What changed in a German original since its translation into one language, word by
word, and the one write for a minor change: the earlier translation is kept for the new
German text (`keep_translations`). Used by the status matrix's cell view and the
translation editor; Easy German compares whole versions instead (`easy_german`).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


@dataclass
class Change:
    segment_id: int
    string_id: int
    context_id: int
    path: str
    new_german: str
    old_german: str
    old_translation: str
    old_translation_id: int

    def diff(self) -> list[tuple[str, str]]:
        return word_diff(self.old_german, self.new_german)


def changes(source: TranslationSource, locale: Locale) -> list[Change]:
    """The outdated segments of `source` in `locale`: new German text, the earlier German
    text it was translated from, and that translation."""
    current = list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    current_strings = defaultdict(set)
    for segment in current:
        current_strings[segment.context_id].add(segment.string_id)
    rows = list(
        StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        ).select_related("translation_of")
    )
    own = {(row.translation_of_id, row.context_id) for row in rows}
    leftovers: dict[int, list[StringTranslation]] = defaultdict(list)
    for row in rows:
        if row.translation_of_id not in current_strings[row.context_id]:
            leftovers[row.context_id].append(row)
    waiting = [
        segment
        for segment in current
        if (segment.string_id, segment.context_id) not in own and leftovers.get(segment.context_id)
    ]
    # Each earlier text stands for at most one new one, the most alike pairs first (a
    # paragraph added beside a changed one is new, not a second change of the same one).
    pairs = sorted(
        (
            (
                -difflib.SequenceMatcher(
                    None, row.translation_of.data, segment.string.data
                ).ratio(),
                position,
                row.pk,
            )
            for position, segment in enumerate(waiting)
            for row in leftovers[segment.context_id]
        )
    )
    rows_by_pk = {row.pk: row for row in rows}
    matched: dict[int, StringTranslation] = {}
    used: set[int] = set()
    for _ratio, position, row_pk in pairs:
        if position not in matched and row_pk not in used:
            matched[position] = rows_by_pk[row_pk]
            used.add(row_pk)
    result: list[Change] = []
    for position, segment in enumerate(waiting):
        old = matched.get(position)
        if old is None:
            continue
        result.append(
            Change(
                segment.pk,
                segment.string_id,
                segment.context_id,
                segment.context.path,
                segment.string.data,
                old.translation_of.data,
                old.data,
                old.pk,
            )
        )
    return result


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pieces, op being "equal", "delete" or "insert", word by word."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(("insert", "".join(b[j1:j2])))
    return pieces


# --- the one write: a minor change needs no new translation -------------------------


def keep_translations(user: Any, source: TranslationSource, locale: Locale) -> int:
    """Mark the German changes of `source` as minor: each outdated segment takes over its
    earlier translation in `locale`. Logged on the original. Returns the number of texts."""
    from django.db import transaction
    from wagtail.log_actions import log

    with transaction.atomic():
        found = changes(source, locale)
        StringTranslation.objects.bulk_create(
            StringTranslation(
                translation_of_id=change.string_id,
                context_id=change.context_id,
                locale=locale,
                data=change.old_translation,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name="minor-change",
                last_translated_by=user if getattr(user, "pk", None) else None,
            )
            for change in found
        )
        if found:
            log(
                instance=source.get_source_instance(),
                action="wir.translation_minor_change",
                user=user if getattr(user, "pk", None) else None,
                data={"language": locale.language_code, "segments": len(found)},
            )
    return len(found)
