"""A version of a region's translation state, read in one query, for caches that must be
renewed when something a translation depends on changes.

It changes when the region's public content changes (`Region.content_changed_at`, moved
by every publish, unpublish, move or delete), when a translated text is saved or deleted
(wagtail-localize's `StringTranslation`), when an original's segments are read again
(`TranslationSource`), when a draft is saved (a new `Revision`), and when one of the
region's pending, machine-made or Easy German records changes. The figures of the
translation tables are global (one save anywhere renews every region's version): cheap to
read and never stale.

Used by the translators' start-page panel (the status counts) and the translation
editor's memory (see `editor/suggestions.py`).
"""

from __future__ import annotations

import functools
import hashlib

from django.db import connection
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, TranslationSource

from wir.core.models import Region
from wir.translation.models import EasyGermanCheck, MachineTranslation, PendingTranslation


def _select(table: str, expressions: str, where: str = "") -> list[str]:
    """One scalar subquery per expression (so that one SELECT reads them all)."""
    return [
        f"(SELECT {expression} FROM {table}{where})"  # noqa: S608
        for expression in expressions.split(", ")
    ]


@functools.cache
def _sql() -> str:
    region_scoped = " WHERE region_id = %s"
    parts = [
        *_select(Region._meta.db_table, "content_changed_at", " WHERE id = %s"),
        *_select(StringTranslation._meta.db_table, "MAX(updated_at), COUNT(*)"),
        *_select(TranslationSource._meta.db_table, "MAX(last_updated_at), COUNT(*)"),
        *_select(Revision._meta.db_table, "MAX(id)"),
        *_select(PendingTranslation._meta.db_table, "MAX(saved_at), COUNT(*)", region_scoped),
        *_select(
            MachineTranslation._meta.db_table,
            "MAX(translated_at), MAX(reviewed_at), COUNT(*), COUNT(reviewed_at)",
            region_scoped,
        ),
        *_select(EasyGermanCheck._meta.db_table, "MAX(checked_at), COUNT(*)", region_scoped),
    ]
    return "SELECT " + ", ".join(parts)


def translation_version(region_id: int) -> str:
    """A short key that changes whenever the region's translation state may have changed
    (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(_sql(), [region_id] * _sql().count("%s"))
        row = cursor.fetchone()
    return hashlib.sha256(repr(row).encode()).hexdigest()[:24]
