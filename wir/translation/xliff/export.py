"""XLIFF exchange with translators: who may, what to export, and the export itself.

Unit ids are `s<TranslationSource pk>:<segment context path>`; the path names the field
(or block) and stays the same when the German text changes, so a changed original is
detected by comparing the file's <source> with the current German segment.

The import (checks first, nothing written if anything is wrong, one transaction) is in
`wir.translation.xliff.importing`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from wir.accounts.permissions import AnyUser, can, can_translate
from wir.accounts.roles import Perm
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region, RegionLanguage
from wir.translation import segments
from wir.translation.status.states import SNIPPETS
from wir.translation.xliff.formats import (
    OutFile,
    OutUnit,
    write_12,
    write_20,
)
from wir.translation.xliff.inline import parse_html

VERSIONS = ("1.2", "2.0")
MAX_BYTES = 20 * 1024 * 1024  # the largest file an import reads (xliff_import)


def may_exchange(user: AnyUser, region: Region, language_code: str | None = None) -> bool:
    """May `user` export and import translations of `region` (into `language_code`)?

    Translators only for the languages assigned to them (accounts.can_translate).
    """
    if language_code is None:
        return can(user, Perm.TRANSLATE_CONTENT, region)
    return can_translate(user, region, language_code)


EASY_GERMAN = "de-x-ls"  # rewritten in the page editor, not translated text by text


def target_languages(region: Region) -> list[str]:
    return list(
        RegionLanguage.objects.filter(region=region)
        .exclude(language__code__in=[segments_source_language(), EASY_GERMAN])
        .values_list("language__code", flat=True)
    )


def segments_source_language() -> str:
    return DEFAULT_LANGUAGE


# --- export -----------------------------------------------------------------------------


def keyed(source: TranslationSource, units: list[segments.Unit]) -> dict[str, segments.Unit]:
    """Units by XLIFF unit id `s<source>:<context path>:<n>`; n counts the segments of one
    field (a rich-text field has one per paragraph), so the id survives edits of the text."""
    seen: dict[str, int] = {}
    result = {}
    for unit in units:
        number = seen.get(unit.path, 0)
        seen[unit.path] = number + 1
        result[f"s{source.pk}:{unit.path}:{number}"] = unit
    return result


def object_label(instance: Any) -> str:
    kind = "Seite" if isinstance(instance, Page) else str(instance._meta.verbose_name)
    return f"{kind}: {instance}"


def field_label(instance: Any, path: str) -> str:
    name = path.split(".", 1)[0]
    try:
        return str(instance._meta.get_field(name).verbose_name)
    except Exception:  # a path that is no model field (e.g. inline panels)
        return name


def _notes(instance: Any, unit: segments.Unit) -> list[str]:
    """Notes for the translator, in German whatever language the request runs in."""
    with translation.override(DEFAULT_LANGUAGE):
        notes = [object_label(instance), f"Feld: {field_label(instance, unit.path)}"]
    for link_id, attrs in sorted((unit.attrs or {}).items()):
        href = attrs.get("href") if isinstance(attrs, dict) else None
        if href:
            notes.append(f"Link {link_id}: {href}")
    return notes


def export(
    objects: Iterable[Any], language_code: str, version: str = "1.2", *, only_missing: bool = False
) -> tuple[bytes, int]:
    """An XLIFF document of `objects` (German originals) for `language_code`, and the number
    of units in it. `only_missing` keeps the segments without a translation. Only prose is
    exported: slugs, telephone numbers and recurrence rules stay as they are (`verbatim`)."""
    if version not in VERSIONS:
        raise ValueError(version)
    locale = Locale.objects.get(language_code=language_code)
    files: list[OutFile] = []
    count = 0
    for instance in objects:
        source = segments.register(instance)
        out_units = [
            OutUnit(
                key,
                parse_html(unit.source),
                parse_html(unit.target) if unit.target is not None else None,
                _notes(instance, unit),
            )
            for key, unit in keyed(source, segments.units(source, locale)).items()
            if not segments.is_verbatim(unit) and (not only_missing or unit.target is None)
        ]
        if out_units:
            files.append(OutFile(f"s{source.pk}", out_units))
            count += len(out_units)
    writer = write_12 if version == "1.2" else write_20
    return writer(files, language_code), count


@dataclass(frozen=True)
class TreePage:
    pk: int
    title: str
    level: int  # 0 = a child of the home page


def page_tree(region: Region) -> list[TreePage]:
    """The German pages of `region` below its home page, in tree order (one query)."""
    root = region.root_page
    if root is None:
        return []
    rows = (
        _german_pages(region)
        .filter(depth__gt=root.depth + 1)
        .order_by("path")
        .values_list("pk", "title", "depth")
    )
    return [TreePage(pk, title, depth - root.depth - 2) for pk, title, depth in rows]


def _german_pages(region: Region) -> Any:
    root_path = region.root_page.path if region.root_page else "-"
    return Page.objects.filter(
        path__startswith=root_path, locale__language_code=segments_source_language(), depth__gte=3
    )


# What an export can hold besides pages: kind → model (the status matrix's snippet kinds).
KINDS: dict[str, Any] = {
    "page": gettext_lazy("Seiten"),
    **{kind: group for kind, (_model, _label, group) in SNIPPETS.items()},
}
# German words accepted for a snippet reference ("angebot:12" as well as "offer:12").
KIND_ALIASES = {"angebot": "offer", "veranstaltung": "event", "kontakt": "contact"}
KIND_ALIASES |= {"neuigkeit": "news"}
_REFERENCE = re.compile(r"([a-zäöü]+)\s*:\s*(\d+)", re.IGNORECASE)
MAX_ID = 2**63 - 1  # larger ids cannot exist (and overflow SQLite's integers)


class SelectionError(ValueError):
    """A reference to content that is not a known kind (message in German)."""


def parse_references(text: str) -> list[tuple[str, int]]:
    """`angebot:12, event:3` → [("offer", 12), ("event", 3)]; SelectionError otherwise."""
    result = []
    rest = _REFERENCE.sub("", text)
    if re.sub(r"[\s,;]", "", rest):
        raise SelectionError(
            _("Bitte Inhalte als Art:ID angeben, z. B. angebot:12, veranstaltung:3.")
        )
    for word, number in _REFERENCE.findall(text):
        kind = KIND_ALIASES.get(word.lower(), word.lower())
        if kind not in KINDS or kind == "page":
            raise SelectionError(
                _(
                    "Unbekannte Art „%(kind)s“: möglich sind angebot, veranstaltung, kontakt, "
                    "neuigkeit."
                )
                % {"kind": word}
            )
        if len(number) > 18:
            raise SelectionError(_("Die ID %(id)s gibt es nicht.") % {"id": number[:20] + "…"})
        result.append((kind, int(number)))
    return result


def _german_snippets(region: Region, kind: str) -> Any:
    model = SNIPPETS[kind][0]
    return model.objects.filter(
        region=region, locale__language_code=segments_source_language()
    ).order_by(SNIPPETS[kind][1], "pk")


def select(
    region: Region,
    language_code: str,
    *,
    page_ids: Iterable[int] = (),
    subtree: bool = False,
    missing: bool = False,
    objects: Iterable[tuple[str, int]] = (),
    kinds: Iterable[str] | None = None,
) -> list[Any]:
    """The German originals of `region` to export: the given pages (with their subpages if
    `subtree`) and snippets (`objects`: (kind, id)), or with `missing` everything of
    `kinds` (default: all) that has segments not yet translated. Pages come first, in tree
    order, so that a parent is imported before its children."""
    pages = _german_pages(region)
    page_ids = [pk for pk in page_ids if 0 < pk <= MAX_ID]
    objects = [(kind, pk) for kind, pk in objects if 0 < pk <= MAX_ID]
    if not missing:
        chosen = pages.filter(pk__in=page_ids)
        if subtree:
            paths = list(chosen.values_list("path", flat=True))
            chosen = pages.none()
            for path in paths:
                chosen = chosen | pages.filter(path__startswith=path)
        result: list[Any] = list(chosen.order_by("path").specific())
        wanted: dict[str, list[int]] = {}
        for kind, pk in objects:
            wanted.setdefault(kind, []).append(pk)
        for kind, pks in wanted.items():
            result += list(_german_snippets(region, kind).filter(pk__in=pks))
        return result
    locale = Locale.objects.get(language_code=language_code)
    chosen_kinds = list(KINDS) if kinds is None else [k for k in KINDS if k in set(kinds)]
    candidates: list[Any] = []
    if "page" in chosen_kinds:
        candidates += list(pages.order_by("path").specific())
    for kind in chosen_kinds:
        if kind != "page":
            candidates += list(_german_snippets(region, kind))
    return [
        instance for instance in candidates if segments.missing(segments.register(instance), locale)
    ]


def filename(region: Region, language_code: str, version: str) -> str:
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    return f"{region.slug}-{language_code}-{stamp}-xliff{version.replace('.', '')}.xlf"
