"""The search documents: one row per public page, offer, event and place, in its region's
scope, kept current on every publish, unpublish, change and deletion (portal/search_index.py).

The full-text index over them is the database's own: on SQLite an FTS5 table
(`portal_searchdocument_fts`, contentless, its words marked with their region, kept in
step by triggers: migration 0018 and `search_index.fts5_words`), on PostgreSQL a
generated `tsvector` column `document` with a GIN index. Both are created by migration 0014
and are not Django fields.
"""

from __future__ import annotations

import re

from django.db import models

from wir.core.models import Region


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page"
        OFFER = "offer"
        EVENT = "event"
        PLACE = "place"

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    language_code = models.CharField(max_length=16, blank=True)  # "" for places
    # One word naming region, kind and language: the full-text index narrows by it.
    scope = models.CharField(max_length=80, db_index=True)
    title = models.TextField()
    body = models.TextField(blank=True)
    summary = models.TextField(blank=True)  # what a hit shows: plain text, 200 characters
    expire_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


def scope_word(region_id: int, kind: str, language_code: str) -> str:
    """A single token for every tokenizer: letters and digits only (the language code in
    hex, as codes like `de-x-ls` hold hyphens)."""
    return f"s{region_id}x{kind}x{language_code.encode().hex()}"


SCOPE = re.compile(r"s(\d+)x")


def scope_region(words: list[str]) -> int:
    """The region that scope words (`scope_word`) name; a search reads one region only."""
    matches = [SCOPE.match(word) for word in words]
    regions = {int(match.group(1)) for match in matches if match}
    if len(regions) != 1 or None in matches:
        raise ValueError(f"scope words of one region expected: {words!r}")
    return regions.pop()
