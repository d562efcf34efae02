"""The reads behind `pages/` as plain SQL: the answer is rebuilt after every change of a
region's content, and compiling these queries through the ORM cost more than running them.

Each statement is written once per process from the models' table and column names
(`_meta`), runs on SQLite and PostgreSQL alike and returns plain tuples; values the two
databases hand back differently are made equal here (`moment`, `json_value`). What each
reads is the same as the ORM queries it replaced (kept as the test oracle in
tests/api/integreat/pages_reference.py), so the answer stays byte-identical.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Locale, Page, PageViewRestriction

from wir.core import prepared
from wir.portal.models import Contact, Offer, PageExtra, PageOffer, Place


def table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[Model], name: str) -> str:
    """The quoted column of the field `name` (a foreign key's `…_id`)."""
    field = model._meta.get_field(name)
    assert isinstance(field, Field)
    assert field.column is not None
    return connection.ops.quote_name(field.column)


def pk_column(model: type[Model]) -> str:
    """The quoted primary key column (a page type's link to the page table)."""
    return column(model, model._meta.pk.name)


def rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of one of this module's statements: prepared once per connection on
    PostgreSQL (wir/core/prepared.py), so that an uncached `pages/` plans nothing."""
    with prepared.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def marks(count: int) -> str:
    return ", ".join(["%s"] * count)


def now_param() -> Any:
    return connection.ops.adapt_datetimefield_value(timezone.now())


def today_param(today: date) -> Any:
    return connection.ops.adapt_datefield_value(today)


def moment(value: Any) -> datetime | None:
    """A datetime column as the ORM returns it: aware. SQLite hands back naive UTC, as
    text where the value has no column type (an expression); PostgreSQL aware values."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            value = parse_datetime(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, connection.timezone)
    return value


def json_value(value: Any) -> Any:
    """A JSONField column as the ORM returns it (both backends hand back the text)."""
    return PageExtra._meta.get_field("post").from_db_value(value, None, connection)


# --- the page tree ---------------------------------------------------------------------


@cache
def _tree_sql() -> str:
    page, locale, restriction = table(Page), table(Locale), table(PageViewRestriction)
    p = {name: f"p.{column(Page, name)}" for name in ("id", "path", "depth", "live")}
    rp_path = f"rp.{column(Page, 'path')}"
    # Wagtail's `public()`: not at or below a page with a view restriction (any region's
    # restrictions are few; this asks only for those above or at each page).
    return (
        f"SELECT {p['id']}, {p['path']}, {p['depth']}, p.{column(Page, 'url_path')}, "  # noqa: S608
        f"p.{column(Page, 'translation_key')}, l.{column(Locale, 'language_code')}, "
        f"p.{column(Page, 'content_type')} FROM {page} p "
        f"INNER JOIN {locale} l ON l.{column(Locale, 'id')} = p.{column(Page, 'locale')} "
        f"WHERE {p['path']} >= %s AND {p['path']} <= %s AND {p['depth']} >= %s "
        f"AND {p['live']} = %s "
        f"AND (p.{column(Page, 'expire_at')} IS NULL OR p.{column(Page, 'expire_at')} > %s) "
        f"AND NOT EXISTS (SELECT 1 FROM {restriction} r INNER JOIN {page} rp "
        f"ON rp.{column(Page, 'id')} = r.{column(PageViewRestriction, 'page')} "
        f"WHERE {rp_path} = SUBSTR({p['path']}, 1, LENGTH({rp_path}))) "
        f"ORDER BY {p['path']}"
    )


def tree_rows(root_path: str, min_depth: int, path_max_length: int) -> list[tuple[Any, ...]]:
    """(pk, path, depth, url_path, translation_key, language, content type) of the live,
    public, unexpired pages at or below `root_path` from `min_depth` on, in tree order.
    The translation key is only compared: SQLite gives it as text, PostgreSQL as UUID."""
    upper = root_path.ljust(path_max_length, "Z")
    return rows(_tree_sql(), [root_path, upper, min_depth, True, now_param()])


# --- what each page shows --------------------------------------------------------------

CHANGED_FIELDS = ("last_published_at", "first_published_at", "latest_revision_created_at")


@lru_cache(maxsize=64)
def _sources_sql(wanted: tuple[tuple[type[Model], str], ...], pages: int, types: int) -> str:
    aliases: dict[type[Model], str] = {}
    for owner, _name in wanted:
        aliases.setdefault(owner, f"t{len(aliases)}")
    selected = "".join(f", {aliases[owner]}.{column(owner, name)}" for owner, name in wanted)
    joins = " ".join(
        f"LEFT OUTER JOIN {table(owner)} {alias} "
        f"ON {alias}.{pk_column(owner)} = p.{column(Page, 'id')}"
        for owner, alias in aliases.items()
    )
    # One value, and no column type: SQLite's driver would parse all three per row.
    changed = f"COALESCE({', '.join(f'p.{column(Page, name)}' for name in CHANGED_FIELDS)})"
    return (
        f"SELECT p.{column(Page, 'id')}, p.{column(Page, 'content_type')}, "  # noqa: S608
        f"p.{column(Page, 'title')}, {changed}{selected} "
        f"FROM {table(Page)} p {joins} "
        f"WHERE p.{column(Page, 'id')} IN ({marks(pages)}) "
        f"AND p.{column(Page, 'content_type')} IN ({marks(types)})"
    )


def source_rows(
    page_ids: list[int], columns: dict[int, dict[str, tuple[type[Model], str]]]
) -> list[tuple[int, int, str, datetime | None, dict[str, Any]]]:
    """(pk, content type, title, change time, {name: value}) of the pages: the page table
    joined with the table that holds each wanted column (`columns`: per content type, our
    name → (model owning the column, field name))."""
    wanted = tuple(
        sorted(
            {pair for per_type in columns.values() for pair in per_type.values()},
            key=lambda pair: (pair[0]._meta.db_table, pair[1]),
        )
    )
    sql = _sources_sql(wanted, len(page_ids), len(columns))
    found = []
    for row in rows(sql, [*page_ids, *columns]):
        pk, type_id, title, changed_at = row[:4]
        values = dict(zip(wanted, row[4:], strict=True))
        own = {ours: values[pair] for ours, pair in columns[type_id].items()}
        found.append((pk, type_id, title, moment(changed_at), own))
    return found


# --- offers, tools and contacts on pages -----------------------------------------------


@lru_cache(maxsize=64)  # per number of pages
def _offers_sql(pages: int) -> str:
    o = {name: f"o.{column(Offer, name)}" for name in ("expire_at", "valid_from", "valid_until")}
    return (
        f"SELECT po.{column(PageOffer, 'id')}, po.{column(PageOffer, 'page')}, "  # noqa: S608
        f"o.{column(Offer, 'translation_key')}, "
        f"l.{column(Locale, 'language_code')}, o.{column(Offer, 'id')}, o.{column(Offer, 'title')} "
        f"FROM {table(PageOffer)} po "
        f"INNER JOIN {table(Offer)} chosen "
        f"ON chosen.{column(Offer, 'id')} = po.{column(PageOffer, 'offer')} "
        f"INNER JOIN {table(Offer)} o ON o.{column(Offer, 'translation_key')} "
        f"= chosen.{column(Offer, 'translation_key')} "
        f"INNER JOIN {table(Locale)} l ON l.{column(Locale, 'id')} = o.{column(Offer, 'locale')} "
        f"WHERE po.{column(PageOffer, 'page')} IN ({marks(pages)}) "
        f"AND o.{column(Offer, 'region')} = %s AND l.{column(Locale, 'language_code')} IN (%s, %s) "
        f"AND o.{column(Offer, 'live')} = %s "
        f"AND ({o['expire_at']} IS NULL OR {o['expire_at']} > %s) "
        f"AND ({o['valid_from']} IS NULL OR {o['valid_from']} <= %s) "
        f"AND ({o['valid_until']} IS NULL OR {o['valid_until']} >= %s) "
        f"ORDER BY po.{column(PageOffer, 'page')}, po.{column(PageOffer, 'sort_order')}, "
        f"po.{column(PageOffer, 'id')}"
    )


def offer_rows(
    page_ids: list[int], region_id: int, languages: tuple[str, str], today: date
) -> list[tuple[Any, ...]]:
    """(choice, page, offer translation key, language, offer pk, title) for each offer chosen for
    the pages, in their order, once per public translation in `languages` (Offer.public:
    live, unexpired, valid today)."""
    params = [*page_ids, region_id, *languages, True, now_param()]
    return rows(_offers_sql(len(page_ids)), [*params, today_param(today), today_param(today)])


@lru_cache(maxsize=64)  # per number of pages
def _extras_sql(pages: int) -> str:
    names = ", ".join(
        column(PageExtra, name) for name in ("page", "name", "alias", "url", "post", "thumbnail")
    )
    return (
        f"SELECT {names} FROM {table(PageExtra)} "  # noqa: S608
        f"WHERE {column(PageExtra, 'page')} IN ({marks(pages)}) "
        f"ORDER BY {column(PageExtra, 'sort_order')}, {column(PageExtra, 'id')}"
    )


def extra_rows(page_ids: list[int]) -> list[tuple[Any, ...]]:
    """(page, name, alias, url, post, thumbnail) of the external tools on the pages."""
    found = rows(_extras_sql(len(page_ids)), page_ids)
    return [(*row[:4], json_value(row[4]), row[5]) for row in found]


@cache
def _contacts_sql() -> str:
    c = {
        name: f"c.{column(Contact, name)}"
        for name in ("topic", "role", "phone", "email", "office_hours", "position", "id")
    }
    language = f"l.{column(Locale, 'language_code')}"
    translated = (
        f"SELECT t.{column(Contact, 'translation_key')} FROM {table(Contact)} t "  # noqa: S608
        f"INNER JOIN {table(Locale)} tl "
        f"ON tl.{column(Locale, 'id')} = t.{column(Contact, 'locale')} "
        f"WHERE t.{column(Contact, 'region')} = %s AND tl.{column(Locale, 'language_code')} = %s"
    )
    return (
        f"SELECT {c['topic']}, {c['role']}, {c['phone']}, {c['email']}, {c['office_hours']}, "  # noqa: S608
        f"pl.{column(Place, 'name')}, pl.{column(Place, 'town')} "
        f"FROM {table(Contact)} c "
        f"INNER JOIN {table(Locale)} l ON l.{column(Locale, 'id')} = c.{column(Contact, 'locale')} "
        f"LEFT OUTER JOIN {table(Place)} pl "
        f"ON pl.{column(Place, 'id')} = c.{column(Contact, 'place')} "
        f"WHERE c.{column(Contact, 'region')} = %s AND ({language} = %s OR ({language} = %s "
        f"AND c.{column(Contact, 'translation_key')} NOT IN ({translated}))) "
        f"ORDER BY {c['topic']}, {c['position']}, {c['role']}, {c['id']}"
    )


def contact_rows(region_id: int, language: str, original: str) -> list[tuple[Any, ...]]:
    """(topic, role, phone, email, office hours, place name, place town) of the region's
    contacts in `language`, else in `original` (core.translations.localized), by topic."""
    return rows(_contacts_sql(), [region_id, language, original, region_id, language])


@cache
def _sections_sql(model: type[Model]) -> str:
    return (
        f"SELECT l.{column(Locale, 'language_code')}, p.{column(Page, 'url_path')} "  # noqa: S608
        f"FROM {table(model)} s INNER JOIN {table(Page)} p "
        f"ON p.{column(Page, 'id')} = s.{pk_column(model)} "
        f"INNER JOIN {table(Locale)} l ON l.{column(Locale, 'id')} = p.{column(Page, 'locale')} "
        f"WHERE p.{column(Page, 'path')} >= %s AND p.{column(Page, 'path')} <= %s "
        f"AND p.{column(Page, 'depth')} = %s AND p.{column(Page, 'live')} = %s"
    )


def section_rows(
    model: type[Model], root_path: str, depth: int, path_max_length: int
) -> list[tuple[str, str]]:
    """(language, url_path) of the live pages of `model` at `depth` below `root_path`."""
    upper = root_path.ljust(path_max_length, "Z")
    found = rows(_sections_sql(model), [root_path, upper, depth, True])
    return [(language, url_path) for language, url_path in found]
