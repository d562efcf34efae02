"""The translation status of a region: its German originals × its enabled languages.

A cell is one of:
- up_to_date: every segment of the original has a translation of its current text;
- outdated: a segment's German text changed since it was translated (its context has a
  translation of an earlier text in that language, none of the current one);
- missing: no translation object in that language, or segments without any translation;
- draft: complete, but not published yet: the texts were saved by a translator, who may
  not publish (`PendingTranslation`), or the target is not live / has unpublished changes;
- machine_unreviewed: complete, but machine-made and not yet reviewed (a
  `MachineTranslation` row without `reviewed_at`, or machine segments without such a row);
- unknown: a translation exists but the original was never registered with
  wagtail-localize (run `manage.py sync_translations`).

Easy German (de-x-ls) is a rewrite with its own structure, so its cells follow a
page-level rule instead (see `wir.translation.status.easy_german`): missing without an Easy German
version; up_to_date when that version was published at or after the German original's
last publication, or when an editor confirmed the German change since as minor
(`EasyGermanCheck`); outdated otherwise.

`matrix` needs a constant number of queries, whatever the number of objects and languages:
the segment counts are aggregated in SQL, grouped by source and locale.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region, RegionLanguage
from wir.portal.models import Contact, Event, News, Offer
from wir.translation.models import EasyGermanCheck, MachineTranslation, PendingTranslation

UP_TO_DATE: Final = "up_to_date"
OUTDATED: Final = "outdated"
MISSING: Final = "missing"
MACHINE_UNREVIEWED: Final = "machine_unreviewed"
DRAFT: Final = "draft"
UNKNOWN: Final = "unknown"
STATUSES: Final[dict[str, Any]] = {
    UP_TO_DATE: _("aktuell"),
    OUTDATED: _("veraltet"),
    MISSING: _("fehlt"),
    DRAFT: _("Entwurf, nicht veröffentlicht"),
    MACHINE_UNREVIEWED: _("maschinell, ungeprüft"),
    UNKNOWN: _("nicht erfasst"),
}

EASY_GERMAN: Final = "de-x-ls"

# snippet kind → (model, label field, group label)
SNIPPETS: Final[dict[str, tuple[type[Any], str, Any]]] = {
    "offer": (Offer, "title", _("Angebote")),
    "event": (Event, "title", _("Veranstaltungen")),
    "contact": (Contact, "role", _("Kontakte")),
    "news": (News, "title", _("Neuigkeiten")),
}
# kind → the field saying when the object was last published (contacts: last changed)
CHANGED_AT: Final[dict[str, str]] = {
    "page": "last_published_at",
    "offer": "last_published_at",
    "event": "last_published_at",
    "contact": "updated_at",
    "news": "last_published_at",
}


class FilterError(ValueError):
    """An unknown language, section or status in a filter."""


@dataclass
class Item:
    kind: str  # "page" or a snippet kind
    object_id: int  # the German original
    title: str
    translation_key: UUID
    section: str  # "page-<id of the top-level page>" or the snippet kind
    depth: int = 0  # pages: depth below the home page (0 = top level)
    source_id: int | None = None
    changed_at: datetime | None = None  # last publication of the German original


@dataclass
class Cell:
    status: str
    target_id: int | None = None
    segments: int = 0
    translated: int = 0
    outdated: int = 0
    whole: bool = False  # compared as a whole version (Easy German), not by segments

    @property
    def label(self) -> Any:
        return STATUSES[self.status]


@dataclass
class Row:
    item: Item
    cells: dict[str, Cell]


@dataclass
class Section:
    key: str
    label: str


@dataclass
class Matrix:
    region: Region
    languages: list[str]  # target language codes, in the region's order
    sections: list[Section]
    rows: list[Row]
    counts: dict[str, Counter[str]] = field(default_factory=dict)


def region_languages(region: Region) -> list[str]:
    """The region's enabled languages other than German, in the region's order."""
    return [
        code
        for code in RegionLanguage.objects.filter(region=region).values_list(
            "language__code", flat=True
        )
        if code != DEFAULT_LANGUAGE
    ]


def _items(region: Region, german: Locale) -> tuple[list[Item], list[Section]]:
    items: list[Item] = []
    sections: list[Section] = []
    root = region.root_page
    if root is not None:
        top_level = (root.depth + 2) * 4  # path length of the children of the home page
        pages = (
            Page.objects.filter(path__startswith=root.path, depth__gt=root.depth + 1, locale=german)
            .order_by("path")
            .values_list("pk", "title", "path", "depth", "translation_key", "last_published_at")
        )
        section_of: dict[str, int] = {}
        for pk, title, path, depth, key, changed_at in pages:
            if depth == root.depth + 2:
                section_of[path] = pk
                sections.append(Section(f"page-{pk}", title))
            section_pk = section_of.get(path[:top_level], pk)
            level = depth - root.depth - 2
            items.append(
                Item("page", pk, title, key, f"page-{section_pk}", level, changed_at=changed_at)
            )
    for kind, (model, label_field, group) in SNIPPETS.items():
        sections.append(Section(kind, str(group)))
        for pk, title, key, changed_at in (
            model.objects.filter(region=region, locale=german)
            .order_by(label_field, "pk")
            .values_list("pk", label_field, "translation_key", CHANGED_AT[kind])
        ):
            items.append(Item(kind, pk, title, key, kind, changed_at=changed_at))
    return items, sections


# id of the translation object, its last publication, and whether it is a draft (not live
# or with unpublished changes)
Target = tuple[int, datetime | None, bool]


def _targets(items: list[Item], locale_ids: list[int]) -> dict[tuple[UUID, int], Target]:
    """(translation_key, locale id) → the translation object's id, last publication, draft."""
    found: dict[tuple[UUID, int], Target] = {}
    by_kind: dict[str, list[UUID]] = defaultdict(list)
    for item in items:
        by_kind[item.kind].append(item.translation_key)
    for kind, keys in by_kind.items():
        model = Page if kind == "page" else SNIPPETS[kind][0]
        drafts = any(f.name == "has_unpublished_changes" for f in model._meta.get_fields())
        fields = ["pk", "translation_key", "locale_id", CHANGED_AT[kind]]
        fields += ["live", "has_unpublished_changes"] if drafts else []
        for row in model.objects.filter(
            translation_key__in=keys, locale_id__in=locale_ids
        ).values_list(*fields):
            draft = bool(drafts and (not row[4] or row[5]))
            found[(row[1], row[2])] = (row[0], row[3], draft)
    return found


def _easy_german_checks(region: Region) -> dict[UUID, datetime]:
    """translation_key → the German publication an editor confirmed the Easy German for."""
    return dict(
        EasyGermanCheck.objects.filter(region=region, language_code=EASY_GERMAN).values_list(
            "translation_key", "german_published_at"
        )
    )


def easy_german_status(
    german_at: datetime | None, target: Target | None, checked: datetime | None
) -> str:
    """The page-level rule of Easy German (see the module docstring)."""
    if target is None:
        return MISSING
    if german_at is None:  # the original was never published: nothing to be behind
        return UP_TO_DATE
    published_at = target[1]
    if (published_at is not None and published_at >= german_at) or (
        checked is not None and checked >= german_at
    ):
        return UP_TO_DATE
    return OUTDATED


def _machine_marks(region: Region) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """(kind, object id) of machine translations without and with review."""
    snippet_types = {
        ContentType.objects.get_for_model(model).pk: kind
        for kind, (model, _label, _group) in SNIPPETS.items()
    }
    unreviewed: set[tuple[str, int]] = set()
    reviewed: set[tuple[str, int]] = set()
    for content_type_id, object_id, reviewed_at in MachineTranslation.objects.filter(
        region=region
    ).values_list("content_type_id", "object_id", "reviewed_at"):
        key = (snippet_types.get(content_type_id, "page"), object_id)
        (reviewed if reviewed_at else unreviewed).add(key)
    return unreviewed, reviewed


def _placeholders(values: list[int]) -> str:
    return ", ".join(["%s"] * len(values))


SEGMENT = StringSegment._meta.db_table
TRANSLATION = StringTranslation._meta.db_table


def _translated_counts(
    source_ids: list[int], locale_ids: list[int]
) -> dict[tuple[int, int], Counter[str]]:
    """(source, locale) → number of segments translated, by translation type."""
    sql = (
        f"SELECT seg.source_id, st.locale_id, st.translation_type, COUNT(*) "  # noqa: S608
        f"FROM {SEGMENT} seg JOIN {TRANSLATION} st "
        "ON st.translation_of_id = seg.string_id AND st.context_id = seg.context_id "
        f"WHERE seg.source_id IN ({_placeholders(source_ids)}) "
        f"AND st.locale_id IN ({_placeholders(locale_ids)}) "
        "GROUP BY seg.source_id, st.locale_id, st.translation_type"
    )
    result: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*source_ids, *locale_ids])
        for source_id, locale_id, kind, count in cursor.fetchall():
            result[(source_id, locale_id)][kind] += count
    return result


# A segment is outdated in a locale when its context has a translation of a string that is
# no longer a segment of that context, and its own string has no translation there.
_OUTDATED_SQL = (
    "SELECT seg.source_id, st.locale_id, COUNT(DISTINCT seg.id) "
    "FROM {segment} seg JOIN {translation} st ON st.context_id = seg.context_id "
    "WHERE seg.source_id IN ({sources}) AND st.locale_id IN ({locales}) "
    "AND NOT EXISTS (SELECT 1 FROM {segment} cur WHERE cur.source_id = seg.source_id "
    "  AND cur.context_id = seg.context_id AND cur.string_id = st.translation_of_id) "
    "AND NOT EXISTS (SELECT 1 FROM {translation} own WHERE own.translation_of_id = seg.string_id "
    "  AND own.context_id = seg.context_id AND own.locale_id = st.locale_id) "
    "GROUP BY seg.source_id, st.locale_id"
)


def _outdated_counts(source_ids: list[int], locale_ids: list[int]) -> dict[tuple[int, int], int]:
    sql = _OUTDATED_SQL.format(
        segment=SEGMENT,
        translation=TRANSLATION,
        sources=_placeholders(source_ids),
        locales=_placeholders(locale_ids),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*source_ids, *locale_ids])
        return {(source_id, locale_id): count for source_id, locale_id, count in cursor.fetchall()}


def _cell(
    item: Item,
    locale_id: int,
    target_id: int | None,
    totals: dict[int, int],
    translated: dict[tuple[int, int], Counter[str]],
    outdated: dict[tuple[int, int], int],
    machine: tuple[set[tuple[str, int]], set[tuple[str, int]]],
    draft: bool = False,
    pending: bool = False,
) -> Cell:
    """`draft`: the target is not live or has unpublished changes; `pending`: complete
    texts wait for an editor to publish them (`PendingTranslation`)."""
    if target_id is None and not pending:
        return Cell(MISSING)
    if item.source_id is None:
        return Cell(UNKNOWN, target_id) if target_id is not None else Cell(MISSING)
    key = (item.source_id, locale_id)
    kinds = translated.get(key, Counter())
    cell = Cell(
        MISSING,
        target_id,
        segments=totals.get(item.source_id, 0),
        translated=sum(kinds.values()),
        outdated=outdated.get(key, 0),
    )
    unreviewed, reviewed = machine
    mark = (item.kind, target_id)
    if cell.outdated:
        cell.status = OUTDATED
    elif cell.translated < cell.segments:
        cell.status = MISSING
    elif draft or pending:
        cell.status = DRAFT
    elif mark in unreviewed or (
        kinds[StringTranslation.TRANSLATION_TYPE_MACHINE] and mark not in reviewed
    ):
        cell.status = MACHINE_UNREVIEWED
    else:
        cell.status = UP_TO_DATE
    return cell


@dataclass
class Facts:
    """What the cells of the matrix are computed from, loaded in a fixed number of queries."""

    totals: dict[int, int]  # source id → number of segments
    translated: dict[tuple[int, int], Counter[str]]
    outdated: dict[tuple[int, int], int]
    targets: dict[tuple[UUID, int], Target]
    machine: tuple[set[tuple[str, int]], set[tuple[str, int]]]
    checks: dict[UUID, datetime]  # Easy German confirmations
    waiting: set[tuple[UUID, str]]  # (translation key, language) waiting for an editor


def _chosen_languages(
    region: Region, languages: Iterable[str] | None, language: str, status: str
) -> list[str]:
    """The region's languages the matrix shows (only `languages`, if given, e.g. a
    translator's; only `language`, if given). Raises FilterError for a language or status
    that does not exist here."""
    codes = region_languages(region)
    if languages is not None:
        allowed = set(languages)
        codes = [code for code in codes if code in allowed]
    if language:
        if language not in codes:
            raise FilterError(language)
        codes = [language]
    if status and status not in STATUSES:
        raise FilterError(status)
    return codes


def _facts(region: Region, items: list[Item], german: Locale, locale_ids: list[int]) -> Facts:
    """Load what the cells need; notes each item's `source_id` on the way."""
    sources = dict(
        TranslationSource.objects.filter(
            object_id__in=[item.translation_key for item in items], locale_id=german.pk
        ).values_list("object_id", "pk")
    )
    for item in items:
        item.source_id = sources.get(item.translation_key)
    source_ids = list(sources.values()) or [0]
    return Facts(
        totals=dict(
            StringSegment.objects.filter(source_id__in=source_ids)
            .values("source_id")
            .annotate(n=Count("pk"))
            .values_list("source_id", "n")
        ),
        translated=_translated_counts(source_ids, locale_ids),
        outdated=_outdated_counts(source_ids, locale_ids),
        targets=_targets(items, locale_ids),
        machine=_machine_marks(region),
        checks=_easy_german_checks(region),
        waiting=set(
            PendingTranslation.objects.filter(region=region).values_list(
                "translation_key", "language_code"
            )
        ),
    )


def _cells(item: Item, codes: list[str], locales: dict[str, int], facts: Facts) -> dict[str, Cell]:
    """The item's cell in each language, from the loaded facts (no queries)."""
    cells = {}
    for code in codes:
        locale_id = locales[code]
        target = facts.targets.get((item.translation_key, locale_id))
        if code == EASY_GERMAN:
            rule = easy_german_status(
                item.changed_at, target, facts.checks.get(item.translation_key)
            )
            cells[code] = Cell(rule, target[0] if target else None, whole=True)
        else:
            cells[code] = _cell(
                item,
                locale_id,
                target[0] if target else None,
                facts.totals,
                facts.translated,
                facts.outdated,
                facts.machine,
                bool(target and target[2]),
                (item.translation_key, code) in facts.waiting,
            )
    return cells


def matrix(
    region: Region,
    *,
    languages: Iterable[str] | None = None,
    language: str = "",
    section: str = "",
    status: str = "",
) -> Matrix:
    """The status of the region's originals in its languages (optionally: only those
    `languages`, e.g. a translator's), filtered by language, section and status.

    Raises FilterError for a language, section or status that does not exist here.
    """
    codes = _chosen_languages(region, languages, language, status)
    locales = dict(
        Locale.objects.filter(language_code__in=[*codes, DEFAULT_LANGUAGE]).values_list(
            "language_code", "pk"
        )
    )
    german = Locale(pk=locales[DEFAULT_LANGUAGE], language_code=DEFAULT_LANGUAGE)
    items, sections = _items(region, german)
    if section:
        if section not in {s.key for s in sections}:
            raise FilterError(section)
        items = [item for item in items if item.section == section]
    codes = [code for code in codes if code in locales]
    locale_ids = [locales[code] for code in codes]
    rows: list[Row] = []
    counts: dict[str, Counter[str]] = {code: Counter() for code in codes}
    if items and locale_ids:
        facts = _facts(region, items, german, locale_ids)
        for item in items:
            cells = _cells(item, codes, locales, facts)
            for code, cell in cells.items():
                counts[code][cell.status] += 1
            if not status or any(cell.status == status for cell in cells.values()):
                rows.append(Row(item, cells))
    return Matrix(region, codes, sections, rows, counts)
