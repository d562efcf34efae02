"""Load translations made outside wagtail-localize (demo, Integreat import, editors) as
manual `StringTranslation`s, so the status matrix sees them and `save_target` keeps them.

A German original is registered (`segments.register`); each existing translation (a page
or snippet in another locale with the same translation_key) is cut into segments the same
way (`extract_segments`), and its segments are paired with the original's by content path
and position within that path. Only languages without any string of that original are
loaded: afterwards wagtail-localize's strings are what counts (so a later change of the
German text shows as outdated instead of being papered over). A translation whose
structure differs in a path (other number of paragraphs) contributes nothing for that
path: a wrong pairing would be worse than a missing one. Idempotent.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.portal.models import Contact, Event, News, Offer
from wir.translation import segments

logger = logging.getLogger(__name__)
SNIPPET_MODELS: tuple[type[Any], ...] = (Offer, Event, Contact, News)


@dataclass
class SyncResult:
    sources: int = 0
    translations: int = 0  # target objects looked at
    strings: int = 0  # StringTranslations created


def german_originals(region: Region) -> Iterator[Any]:
    """Every German page below the region's German home and every German snippet."""
    german = Locale.objects.get(language_code=DEFAULT_LANGUAGE)
    root = region.root_page
    if root is not None:
        home = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1).filter(
            locale=german
        )
        home_page = home.first()
        if home_page is not None:
            yield from (
                Page.objects.descendant_of(home_page)
                .filter(locale=german)
                .specific()
                .order_by("path")
            )
    for model in SNIPPET_MODELS:
        yield from model.objects.filter(region=region, locale=german).order_by("pk")


def count_originals(region: Region) -> int:
    german = Locale.objects.get(language_code=DEFAULT_LANGUAGE)
    total = sum(
        model.objects.filter(region=region, locale=german).count() for model in SNIPPET_MODELS
    )
    root = region.root_page
    if root is not None:
        total += Page.objects.filter(
            path__startswith=root.path, depth__gt=root.depth + 1, locale=german
        ).count()
    return total


def _strings_by_path(values: Iterable[Any]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for value in values:
        if isinstance(value, StringSegmentValue):
            grouped[value.path].append(value.string.data)
    return grouped


@transaction.atomic
def load_translations(original: Any, skip_locale_ids: Collection[int] = ()) -> SyncResult:
    """Register `original` and load its existing translations as manual strings (not those
    in `skip_locale_ids`)."""
    result = SyncResult(sources=1)
    source = segments.register(original)
    model = type(original)
    base = Page if isinstance(original, Page) else model
    targets = list(
        base.objects.filter(translation_key=original.translation_key)
        .exclude(locale_id__in=[original.locale_id, *skip_locale_ids])
        .select_related("locale")
    )
    if not targets:
        return result
    source_segments = list(
        StringSegment.objects.filter(source=source).select_related("context").order_by("order")
    )
    by_path: dict[str, list[StringSegment]] = defaultdict(list)
    for segment in source_segments:
        by_path[segment.context.path].append(segment)
    # A language that already has strings of this original is kept by wagtail-localize:
    # loading the target again after the German text changed would hide the change.
    known_locales = set(
        StringTranslation.objects.filter(
            context__object_id=source.object_id, locale__in=[t.locale_id for t in targets]
        ).values_list("locale_id", flat=True)
    )
    new_rows: list[StringTranslation] = []
    for target in targets:
        if target.locale_id in known_locales:
            continue
        result.translations += 1
        instance = target.specific if isinstance(target, Page) else target
        target_strings = _strings_by_path(extract_segments(instance))
        for path, originals in by_path.items():
            texts = target_strings.get(path, [])
            if len(texts) != len(originals):
                continue
            for segment, text in zip(originals, texts, strict=True):
                if not text.strip():
                    continue
                new_rows.append(
                    StringTranslation(
                        translation_of_id=segment.string_id,
                        context_id=segment.context_id,
                        locale_id=target.locale_id,
                        data=text,
                        translation_type=segments.MANUAL,
                        tool_name="legacy",
                    )
                )
    StringTranslation.objects.bulk_create(new_rows)
    result.strings = len(new_rows)
    return result


def sync_region(
    region: Region, progress: Any = None, *, snippets_recorded_in: Collection[str] = ()
) -> SyncResult:
    """Register every German original of `region` and load its translations, except the
    snippet translations in `snippets_recorded_in`, whose strings the caller records itself
    (the demo records its machine translations as such)."""
    total = SyncResult()
    skip_ids = list(
        Locale.objects.filter(language_code__in=snippets_recorded_in).values_list("pk", flat=True)
    )
    originals: Iterable[Any] = german_originals(region)
    if progress is not None:
        originals = progress(originals)
    for original in originals:
        one = load_translations(original, () if isinstance(original, Page) else skip_ids)
        total.sources += one.sources
        total.translations += one.translations
        total.strings += one.strings
    return total


# --- keeping registered originals fresh ---------------------------------------------


def refresh_registered(instance: Any) -> None:
    """Refresh the segments of a German original that is registered already, so that the
    status shows a changed text as outdated right after publishing; a changed telephone
    number or recurrence rule is carried into the translations instead
    (`segments.carry_verbatim`). Unregistered content
    costs one query and stays unregistered (`sync_translations` registers it)."""
    if (
        getattr(instance, "locale_id", None) is None
        or instance.locale.language_code != DEFAULT_LANGUAGE
    ):
        return
    if not TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).exists():
        return
    try:
        with transaction.atomic():
            segments.carry_verbatim(segments.register(instance))
    except Exception:  # publishing must not fail because the status could not be updated
        logger.exception("Segmente von %r nicht aktualisiert", instance)


def on_page_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    refresh_registered(instance)


def on_snippet_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, SNIPPET_MODELS):
        refresh_registered(instance)


def on_contact_saved(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    if not created and not kwargs.get("raw"):
        refresh_registered(instance)


def connect_signals() -> None:
    from django.db.models.signals import post_save
    from wagtail.signals import page_published, published

    page_published.connect(on_page_published, dispatch_uid="wir_translation_page_published")
    published.connect(on_snippet_published, dispatch_uid="wir_translation_published")
    post_save.connect(on_contact_saved, sender=Contact, dispatch_uid="wir_translation_contact")
