"""The one way this project reads and writes translations: segments of wagtail-localize.

A German original (page or snippet) is registered as a `TranslationSource`; its texts are
string segments whose HTML keeps inline markup as bare tags with ids (`<a id="a1">`,
`<b>`), the attributes (link targets) being kept aside. A language's text of a segment is a
`StringTranslation`. `apply` writes the target page or snippet from them.

Machine translation, XLIFF exchange and the status matrix all go through these functions,
so the rules live in one place: translations never change the structure or the links of
the original, and a target is only written from a complete set of segments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from wir.translation import verbatim
from wir.translation.models import PendingTranslation

MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


class SegmentError(ValueError):
    """A translated text that cannot stand for its segment (markup, links, segment)."""


@dataclass(frozen=True)
class Unit:
    """One translatable text of an original, with its current translation, if any."""

    segment_id: int
    context_id: int
    string_id: int
    path: str  # where in the object, e.g. "title" or "body.<block id>"
    source: str  # HTML with inline tags reduced to ids, e.g. 'Zum <a id="a1">Amt</a>'
    attrs: dict[str, Any]  # the stripped attributes by id (link targets)
    target: str | None
    kind: str | None  # MANUAL, MACHINE or None (not translated)


def register(instance: Any) -> TranslationSource:
    """Register the German original with wagtail-localize, or refresh its segments."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return source


def translation_of(source: TranslationSource, locale: Locale) -> Translation:
    """The link source → language. Disabled, so that Wagtail's own editor stays in use for
    the target; our views and imports write through `write` and `apply`."""
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": False}
    )
    return translation


def units(source: TranslationSource, locale: Locale) -> list[Unit]:
    """The string segments of `source` in order, with their translation into `locale`
    (two queries, whatever the number of segments)."""
    segments = list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    translated = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id, has_error=False
        )
    }
    result = []
    for segment in segments:
        row = translated.get((segment.string_id, segment.context_id))
        result.append(
            Unit(
                segment_id=segment.pk,
                context_id=segment.context_id,
                string_id=segment.string_id,
                path=segment.context.path,
                source=segment.string.data,
                attrs=json.loads(segment.attrs) if segment.attrs else {},
                target=row.data if row else None,
                kind=row.translation_type if row else None,
            )
        )
    return result


def link_ids(html: str) -> set[str]:
    """The ids of the links in a segment's HTML."""
    if "<a" not in html:
        return set()
    return {str(link.get("id")) for link in BeautifulSoup(html, "html.parser").find_all("a")}


def check(unit: Unit, html: str) -> str:
    """The translated HTML if it can stand for `unit`, else SegmentError saying why."""
    try:
        value = StringValue.from_translated_html(html)
    except Exception as error:  # wagtail-localize raises ValueError and parser errors
        raise SegmentError(f"{unit.path}: ungültiges Markup ({error})") from error
    unknown = link_ids(value.data) - link_ids(unit.source)
    if unknown:
        raise SegmentError(f"{unit.path}: Links, die es im Original nicht gibt: {sorted(unknown)}")
    return value.data


@transaction.atomic
def write(
    source: TranslationSource,
    locale: Locale,
    texts: Mapping[int, str],
    *,
    user: Any = None,
    kind: str = MANUAL,
    tool_name: str = "",
) -> int:
    """Store translations (segment id → HTML) of `source` into `locale`; all or none.

    Texts that are no prose (`verbatim`: slugs, telephone numbers, recurrence rules) are
    written as the German text whatever was given, and filled in when untranslated, so a
    target never waits for them. Returns the number of `texts` written.

    Raises SegmentError for an unknown segment or a text that cannot stand for its
    segment; then nothing is stored.
    """
    by_id = {unit.segment_id: unit for unit in units(source, locale)}
    unknown = set(texts) - set(by_id)
    if unknown:
        raise SegmentError(f"Unbekannte Segmente: {sorted(unknown)}")
    checked = {segment_id: check(by_id[segment_id], html) for segment_id, html in texts.items()}
    kept = {
        unit.segment_id: unit.source
        for unit in by_id.values()
        if is_verbatim(unit) and (unit.segment_id in checked or unit.target is None)
    }
    for segment_id, html in {**checked, **kept}.items():
        unit = by_id[segment_id]
        StringTranslation.objects.update_or_create(
            translation_of_id=unit.string_id,
            locale=locale,
            context_id=unit.context_id,
            defaults={
                "data": html,
                "translation_type": MANUAL if segment_id in kept else kind,
                "tool_name": tool_name,
                "last_translated_by": user if getattr(user, "pk", None) else None,
                "has_error": False,
                "field_error": "",
            },
        )
    return len(checked)


def apply(
    source: TranslationSource, locale: Locale, *, user: Any = None, publish: bool = True
) -> Any:
    """Write (and publish) the target page or snippet from the stored translations.

    Segments without a translation would fall back to German: callers check completeness
    first (see `missing`). wagtail-localize publishes a page when the transaction commits.
    """
    translation = translation_of(source, locale)
    translation.save_target(user=user if getattr(user, "pk", None) else None, publish=publish)
    PendingTranslation.objects.filter(
        translation_key=source.object_id, language_code=locale.language_code
    ).delete()
    return translation.get_target_instance()


def carry_verbatim(source: TranslationSource) -> list[str]:
    """After the German original changed: write its verbatim texts (a new telephone
    number, recurrence rule, slug) into every language it has translations in, so that a
    change of these alone never makes a translation outdated. Where that was the only
    change and the translation was complete and published, the target is written and
    published again at once (it shows the new number). Returns the language codes whose
    target was renewed."""
    locale_ids = (
        StringTranslation.objects.filter(context__object_id=source.object_id)
        .exclude(locale_id=source.locale_id)
        .values_list("locale_id", flat=True)
        .distinct()
    )
    renewed: list[str] = []
    for locale in Locale.objects.filter(pk__in=list(locale_ids)).order_by("pk"):
        waiting = [unit for unit in units(source, locale) if unit.target is None]
        if not waiting or not any(is_verbatim(unit) for unit in waiting):
            continue
        write(source, locale, {})  # fills in the untranslated verbatim texts
        if any(not is_verbatim(unit) for unit in waiting):
            continue  # prose changed too: outdated as before, for a translator
        try:
            target = source.get_translated_instance(locale)
        except ObjectDoesNotExist:
            continue
        draft = getattr(target, "has_unpublished_changes", False) or not getattr(
            target, "live", True
        )
        pending = PendingTranslation.objects.filter(
            translation_key=source.object_id, language_code=locale.language_code
        ).exists()
        if not draft and not pending:
            apply(source, locale)
            renewed.append(locale.language_code)
    return renewed


def is_verbatim(unit: Unit) -> bool:
    """No prose: stays the German text in every language (see `wir.translation.verbatim`)."""
    return verbatim.is_verbatim(unit.path, unit.source)


def missing(source: TranslationSource, locale: Locale) -> list[Unit]:
    return [unit for unit in units(source, locale) if unit.target is None]


def forget(translation_keys: Iterable[Any]) -> None:
    """Delete everything wagtail-localize keeps about these originals, in a few queries.

    Call it before deleting many pages or snippets at once (a region): wagtail-localize's
    own clean-up runs several joined deletes per deleted object, which PostgreSQL plans
    badly inside one long transaction (minutes for the demo district).
    """
    keys = list(set(translation_keys))
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        contexts = list(
            TranslationContext.objects.filter(object_id__in=chunk).values_list("pk", flat=True)
        )
        for model in (
            SegmentOverride,
            StringTranslation,
            OverridableSegment,
            RelatedObjectSegment,
            StringSegment,
            TemplateSegment,
        ):
            ids = list(model.objects.filter(context_id__in=contexts).values_list("pk", flat=True))
            for id_start in range(0, len(ids), 500):
                model.objects.filter(pk__in=ids[id_start : id_start + 500]).delete()
        Translation.objects.filter(source__object_id__in=chunk).delete()
        PendingTranslation.objects.filter(translation_key__in=chunk).delete()
        TranslatableObject.objects.filter(translation_key__in=chunk).delete()
