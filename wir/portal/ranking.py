"""Ranked full-text search in one query on SQLite (FTS5 with bm25).

Wagtail's SQLite search backend ranks with a correlated subquery: the FTS match runs again
for every candidate row, so a query over a large region costs milliseconds per hundred
hits. Here the match, the region/language/live filter (as a subquery of the caller's
queryset) and the bm25 ranking are one statement with a LIMIT. It asks the same MATCH
expression of the same index and orders by the same bm25 score (ties: newest first), so the
results are those of `queryset.search(query)`. Other databases use the backend as it is.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model, QuerySet
from wagtail.search.backends import get_search_backend

T = TypeVar("T", bound=Model)


def fast_path_available() -> bool:
    if connection.vendor != "sqlite":
        return False
    try:
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
    except ImportError:  # pragma: no cover - an SQLite without FTS5
        return False
    return isinstance(get_search_backend(), SQLiteSearchBackend)


def match_expression(query: str, autocomplete: bool = False) -> str:
    """The FTS5 query of a cleaned query (words, digits, hyphens): all words, each quoted
    so nothing in it is FTS syntax, in the title or body column; for autocompletion the
    last word is a prefix and the autocomplete column is searched."""
    terms = [f'"{term}"' for term in query.split()]
    if autocomplete:
        terms[-1] += "*"
        return f"{{autocomplete}} : ({' AND '.join(terms)})"
    return f"{{title body}} : ({' AND '.join(terms)})"


def ranked_search(
    queryset: QuerySet[T], query: str, limit: int, autocomplete: bool = False
) -> list[T]:
    """The best `limit` objects of `queryset` for `query` (already cleaned), best first;
    `autocomplete`: as `queryset.autocomplete(query)`."""
    if not fast_path_available():
        searchable: Any = queryset  # a SearchableQuerySetMixin
        found = searchable.autocomplete(query) if autocomplete else searchable.search(query)
        return list(found[:limit])
    order = ranked_ids(queryset, query, limit, autocomplete)
    objects = queryset.model._default_manager.in_bulk(order)
    return [objects[pk] for pk in order if pk in objects]


def ranked_ids(
    queryset: QuerySet[Any], query: str, limit: int, autocomplete: bool = False
) -> list[int]:
    """The primary keys of `ranked_search` (SQLite only: see fast_path_available)."""
    if not query.split():
        return []
    from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry
    from modelsearch.utils import get_descendants_content_types_pks

    fts = connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
    index_entry = SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model
    entries = connection.ops.quote_name(index_entry._meta.db_table)
    content_types = list(get_descendants_content_types_pks(queryset.model))
    allowed_sql, allowed_params = queryset.order_by().values("pk").query.sql_with_params()
    type_marks = ", ".join(["%s"] * len(content_types))
    # The FTS match runs first and once (a materialised CTE keeps SQLite from probing the
    # FTS table per index entry); the score is the backend's: bm25 weighted by the title's
    # length norm, plus bm25 for the body (autocompletion: bm25 alone).
    weight = "1.0" if autocomplete else "(e.title_norm + 1.0)"
    sql = (
        f"WITH hits AS MATERIALIZED (SELECT rowid AS id, bm25({fts}) AS rank "  # noqa: S608
        f"FROM {fts} WHERE {fts} MATCH %s) "
        f"SELECT CAST(e.object_id AS INTEGER) AS pk, hits.rank * {weight} AS score "
        f"FROM hits JOIN {entries} e ON e.id = hits.id "
        f"WHERE e.content_type_id IN ({type_marks}) "
        f"AND CAST(e.object_id AS INTEGER) IN ({allowed_sql}) "
        "ORDER BY score, pk DESC LIMIT %s"
    )
    match = match_expression(query, autocomplete)
    params: list[Any] = [match, *content_types, *allowed_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [int(row[0]) for row in cursor.fetchall()]
