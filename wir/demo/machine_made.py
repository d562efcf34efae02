"""The demo's offers, events, contacts and news in English, Arabic, Farsi and Ukrainian, recorded
the way a district's machine translation is: machine-made, and mostly reviewed.

A district machine-translates its directory and has people check the result; the demo shows
that state without a translation service. The texts are written (`data/phrases.py`, news in
`news.py`) and stand for the checked machine output. Offers, events and contacts go in with
bulk inserts (live, without revisions, like `scaled.py`'s copies); `mark_machine_made`
then records all of them as the translation app records a machine translation
(`wir.translation.machine.jobs`): their strings as machine translations of the provider
(`legacy.sync_region` is told to skip them instead of loading them as manual strings), and
one `MachineTranslation` per translated object, reviewed for most and unreviewed for a few,
so that the status matrix and the public notice ("Maschinell übersetzt – noch nicht
geprüft") show both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale, LockableMixin, RevisionMixin
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue

from wir.accounts.models import User
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.demo.data.phrases import PHRASES
from wir.portal.models import Contact, Event, News, Offer
from wir.translation.models import MachineTranslation

MACHINE_LANGUAGES = ("en", "ar", "fa", "uk")
PROVIDER = "demo"  # what `MachineTranslation.provider` and the strings' tool name say
# Every UNREVIEWED_EVERY-th translation (counted over originals and languages) waits for
# its review, so the demo shows both states.
UNREVIEWED_EVERY = 16
UNREVIEWED_AT = 5
BATCH = 1000
MACHINE_MODELS: tuple[type[models.Model], ...] = (Offer, Event, Contact, News)

M = TypeVar("M", bound=models.Model)


def phrase(german: str, code: str, town: str = "") -> str:
    """The checked translation of a demo text into `code`; KeyError if the demo lacks one."""
    return PHRASES[german][code].format(town=town)


def machine_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get(language_code=code) for code in MACHINE_LANGUAGES}


def translated_copy(original: M, locale: Locale, texts: dict[str, str], now: datetime) -> M:
    """An unsaved translation of `original` into `locale` with `texts` (field → text), live
    and without revisions, sharing the original's translation key."""
    fields = {
        field.attname: getattr(original, field.attname)
        for field in type(original)._meta.concrete_fields
        if not field.primary_key
    }
    copy = type(original)(**fields)
    copy.locale = locale  # type: ignore[attr-defined]
    for name, text in texts.items():
        setattr(copy, name, text)
    if isinstance(copy, DraftStateMixin):
        copy.live, copy.has_unpublished_changes = True, False
        copy.first_published_at = copy.last_published_at = now
        copy.live_revision = None
    if isinstance(copy, RevisionMixin):
        copy.latest_revision = None
    if isinstance(copy, LockableMixin):
        copy.locked, copy.locked_at, copy.locked_by = False, None, None
    return copy


def batches(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert(model: type[M], objects: Sequence[M]) -> None:
    """Insert `objects` in batches and add them to the search index."""
    for batch in batches(objects):
        model._default_manager.bulk_create(batch)
    add_to_search_index(model, [obj.pk for obj in objects])


def add_to_search_index(
    model: type[models.Model], pks: Sequence[int], progress: Any = None
) -> None:
    """Add the new objects to the search index in batches (what `update_index` does)."""
    backend = get_search_backend()
    chunks: Iterable[Sequence[int]] = list(batches(pks))
    if progress is not None:
        chunks = progress(chunks, f"Suchindex {model._meta.verbose_name_plural}")
    for chunk in chunks:
        backend.add_bulk(model, list(model._default_manager.filter(pk__in=chunk)))


def is_reviewed(position: int, code: str) -> bool:
    """Whether the demo's translation of the `position`-th original into `code` is reviewed."""
    return (position + MACHINE_LANGUAGES.index(code)) % UNREVIEWED_EVERY != UNREVIEWED_AT


def mark_machine_made(region: Region, reviewers: dict[str, User]) -> tuple[int, int]:
    """Record the region's offers, events, contacts and news in MACHINE_LANGUAGES as machine
    translations (reviewed by `reviewers[code]`, except a few): their strings, where the
    German original is registered, and their marks. Returns (reviewed, unreviewed)."""
    now = timezone.now()
    marks: list[MachineTranslation] = []
    for model in MACHINE_MODELS:
        content_type = ContentType.objects.get_for_model(model)
        manager = model._default_manager
        position = {
            key: number
            for number, key in enumerate(
                manager.filter(region=region, locale__language_code=DEFAULT_LANGUAGE)
                .order_by("pk")
                .values_list("translation_key", flat=True)
            )
        }
        targets = list(
            manager.filter(region=region, locale__language_code__in=MACHINE_LANGUAGES)
            .select_related("locale")
            .order_by("pk")
        )
        _record_strings(targets)
        for target in targets:
            code = target.locale.language_code  # type: ignore[attr-defined]
            key = target.translation_key  # type: ignore[attr-defined]
            reviewed = key in position and is_reviewed(position[key], code)
            marks.append(
                MachineTranslation(
                    region=region,
                    content_type=content_type,
                    object_id=target.pk,
                    language_code=code,
                    provider=PROVIDER,
                    reviewed_at=now if reviewed else None,
                    reviewed_by=reviewers.get(code) if reviewed else None,
                )
            )
    for batch in batches(marks):
        MachineTranslation.objects.bulk_create(batch)
    reviewed_count = sum(1 for mark in marks if mark.reviewed_at is not None)
    return reviewed_count, len(marks) - reviewed_count


def _record_strings(targets: list[Any]) -> int:
    """Store the texts of the snippet translations `targets` as machine translations of
    their German originals' segments, as `segments.write` does for a provider's result.
    Originals that are not registered (a scaled demo) get none. A snippet's text field is
    one segment whose path is the field name."""
    keys = {target.translation_key for target in targets}
    sources = dict(
        TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=DEFAULT_LANGUAGE
        ).values_list("pk", "object_id")
    )
    by_key: dict[Any, dict[str, list[StringSegment]]] = defaultdict(lambda: defaultdict(list))
    for segment in StringSegment.objects.filter(source_id__in=sources).select_related("context"):
        by_key[sources[segment.source_id]][segment.context.path].append(segment)
    rows: list[StringTranslation] = []
    for target in targets:
        for path, found in by_key.get(target.translation_key, {}).items():
            value = getattr(target, path, None)
            if len(found) != 1 or not isinstance(value, str) or not value.strip():
                continue
            rows.append(
                StringTranslation(
                    translation_of_id=found[0].string_id,
                    context_id=found[0].context_id,
                    locale_id=target.locale_id,
                    data=StringValue.from_plaintext(value).data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                    tool_name=PROVIDER,
                )
            )
    for batch in batches(rows):
        StringTranslation.objects.bulk_create(batch)
    return len(rows)
