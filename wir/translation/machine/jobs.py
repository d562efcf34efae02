"""Machine translation of one object, and of a batch as a job with progress and report.

One object: register the German original, take the segments without a current
translation (missing or changed since; reviewed translations of unchanged segments stay),
protect the glossary, send the HTML in batches, check every result like any other
translation, write all or nothing, apply, and mark the target as machine-made and
unreviewed. A provider error or a broken result leaves the existing translation as it was.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.models import Locale, Page

from wir.accounts.permissions import region_id_of
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.translation import glossary, publishing, segments
from wir.translation.machine.providers import Provider, ProviderError, get_provider
from wir.translation.models import MachineTranslation, PendingTranslation, TranslationJob
from wir.translation.segments import SegmentError, Unit

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = DEFAULT_LANGUAGE
EASY_GERMAN = "de-x-ls"
BATCH_SIZE = 40  # segments per request; DeepL takes up to 50 texts per request

TRANSLATED = "translated"
SKIPPED = "skipped"
FAILED = "failed"
PENDING = "pending"

STALE_AFTER = timedelta(minutes=10)  # no row touched for this long: its worker died
MAX_ATTEMPTS = 3  # starts of one object before it fails as "interrupted"


@dataclass
class Outcome:
    """What happened to one object, as the report lists it."""

    label: str
    status: str  # TRANSLATED, SKIPPED, FAILED (PENDING while queued)
    reason: str = ""
    segments: int = 0
    content_type_id: int = 0
    object_id: int = 0


class MachineTranslationError(Exception):
    """Bad input for a machine translation (unknown language, Easy German, not German)."""


def target_locale(language_code: str) -> Locale:
    if language_code in (SOURCE_LANGUAGE, EASY_GERMAN):
        raise MachineTranslationError(
            _("In diese Sprache wird nicht maschinell übersetzt: %(code)s")
            % {"code": language_code}
        )
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        raise MachineTranslationError(_("Unbekannte Sprache: %(code)s") % {"code": language_code})
    return locale


def german_original(instance: Any) -> Any:
    """The German original of a page or snippet (itself, if it is German)."""
    if isinstance(instance, Page):
        instance = instance.specific
    if instance.locale.language_code == SOURCE_LANGUAGE:
        return instance
    german = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    original = instance.get_translation_or_none(german)
    if original is None:
        raise MachineTranslationError(_("Zu diesem Inhalt gibt es kein deutsches Original."))
    return original.specific if isinstance(original, Page) else original


def label_of(instance: Any) -> str:
    return str(getattr(instance, "title", None) or instance)


def translate_texts(provider: Provider, texts: list[str], target: str) -> list[str]:
    result: list[str] = []
    for start in range(0, len(texts), BATCH_SIZE):
        result += provider.translate(texts[start : start + BATCH_SIZE], SOURCE_LANGUAGE, target)
    return result


def machine_texts(
    todo: list[Unit], provider: Provider, language_code: str, region_id: int | None
) -> dict[int, str]:
    """Segment id → checked translated HTML; ProviderError or SegmentError on failure."""
    entries = glossary.entries_for(region_id, language_code) if region_id else []
    texts: dict[int, str] = {}
    send: list[tuple[Unit, glossary.Protected]] = []
    for unit in todo:
        if not segments.is_verbatim(unit):  # `segments.write` keeps the German text of the rest
            send.append((unit, glossary.protect(unit.source, entries)))
    translated = translate_texts(
        provider, [protected.html for _unit, protected in send], language_code
    )
    for (unit, protected), html in zip(send, translated, strict=True):
        restored = glossary.restore(html, protected)
        texts[unit.segment_id] = segments.check(unit, restored)
    return texts


def translate_object(
    instance: Any, language_code: str, *, provider: Provider | None = None, user: Any = None
) -> Outcome:
    """Machine-translate one page or snippet into one language; never raises for content
    or provider trouble, it reports it in the Outcome."""
    original = german_original(instance)
    content_type = ContentType.objects.get_for_model(original)
    outcome = Outcome(
        label_of(original), SKIPPED, content_type_id=content_type.pk, object_id=original.pk
    )
    try:
        locale = target_locale(language_code)
        provider = provider or get_provider()
        if not provider.supports(language_code):
            raise MachineTranslationError(_("Sprache nicht unterstützt."))
    except (MachineTranslationError, ProviderError) as error:
        outcome.status, outcome.reason = FAILED, str(error)
        return outcome
    if publishing.is_pending(original, language_code):
        # A translator's complete texts wait for an editor; a machine must not publish them.
        outcome.reason = _("wartet auf Veröffentlichung durch die Redaktion (Übersetzungs-Editor)")
        return outcome
    target = original.get_translation_or_none(locale)
    if target is None and _parent_missing(original, locale):
        outcome.status = FAILED
        outcome.reason = PARENT_MISSING()
        return outcome
    source = segments.register(original)
    units = segments.units(source, locale)
    todo = [unit for unit in units if unit.target is None]
    if not todo and target is not None:
        outcome.reason = _("bereits übersetzt und aktuell")
        return outcome
    if target is not None and len(todo) == len(units) and not machine_translation_of(target):
        # A translation made outside the segments (e.g. by hand in Wagtail's editor) is
        # not overwritten; registering it first (legacy) makes it a set of segments.
        outcome.reason = _(
            "vorhandene Übersetzung ist nicht in Abschnitten erfasst (z. B. von Hand im "
            "Editor übersetzt) und wird nicht überschrieben"
        )
        return outcome
    region_id = region_id_of(original)
    held = None
    try:
        texts = machine_texts(todo, provider, language_code, region_id)
        with transaction.atomic():
            segments.write(
                source, locale, texts, user=user, kind=segments.MACHINE, tool_name=provider.name
            )
            if publishing.may_publish(user, original):
                target = segments.apply(source, locale, user=user)
                mark_machine_translated(target, region_id, language_code, provider.name)
            else:  # started by a translator: the result waits for an editor like their own
                held = publishing.hold_for_editor(original, locale, user)
    except ProviderError as error:
        outcome.status, outcome.reason = FAILED, str(error)
        return outcome
    except ParentNotTranslatedError:
        outcome.status, outcome.reason = FAILED, PARENT_MISSING()
        return outcome
    except SegmentError as error:
        outcome.status = FAILED
        outcome.reason = _("Ergebnis unbrauchbar, nichts gespeichert: %(error)s") % {"error": error}
        return outcome
    outcome.status, outcome.segments = TRANSLATED, len(texts)
    if held is not None:
        outcome.reason = _("wartet auf Veröffentlichung durch die Redaktion")
    return outcome


def PARENT_MISSING() -> str:  # noqa: N802 (a message, translated when used)
    return _(
        "Die übergeordnete Seite gibt es in dieser Sprache noch nicht; bitte zuerst sie übersetzen."
    )


def _parent_missing(original: Any, locale: Locale) -> bool:
    """A page whose parent (below the region root) has no version in `locale` yet;
    wagtail-localize would copy the German parent there, so we refuse instead."""
    if not isinstance(original, Page) or original.depth <= 3:
        return False
    parent = original.get_parent()
    return parent is not None and parent.get_translation_or_none(locale) is None


def mark_machine_translated(
    target: Any, region_id: int | None, language_code: str, provider: str
) -> None:
    if region_id is None:
        return
    target = target.specific if isinstance(target, Page) else target
    MachineTranslation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        defaults={
            "region_id": region_id,
            "language_code": language_code,
            "provider": provider,
            "reviewed_at": None,
            "reviewed_by": None,
        },
    )


def machine_translation_of(instance: Any) -> MachineTranslation | None:
    instance = instance.specific if isinstance(instance, Page) else instance
    return MachineTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
    ).first()


# --- batches ---------------------------------------------------------------------------


def translatable_models() -> list[type[Any]]:
    from wir.portal.models import Contact, Event, News, Offer

    return [Offer, Event, Contact, News]


def originals(region: Region) -> list[tuple[Any, list[Any]]]:
    """The German pages and snippets of a region, per model (pages first, in tree order)."""
    german = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    groups: list[tuple[Any, list[Any]]] = []
    if region.root_page_id:
        pages = (
            Page.objects.descendant_of(region.root_page, inclusive=False)
            .filter(locale=german)
            .order_by("path")
            .specific()
        )
        groups.append((Page, list(pages)))
    for model in translatable_models():
        groups.append(
            (model, list(model.objects.filter(region=region, locale=german).order_by("pk")))
        )
    return groups


def outdated(region: Region, language_code: str) -> list[Any]:
    """What a batch for `language_code` would translate: originals missing in that
    language, or published again after their translation was (one query per model), except
    those whose complete texts wait for an editor."""
    locale = target_locale(language_code)
    waiting = set(  # complete texts of a translator, waiting for an editor: not a machine's job
        PendingTranslation.objects.filter(region=region, language_code=language_code).values_list(
            "translation_key", flat=True
        )
    )
    result = []
    for model, objects in originals(region):
        objects = [o for o in objects if o.translation_key not in waiting]
        dated = any(f.name == "last_published_at" for f in model._meta.get_fields())
        fields = ["translation_key", "last_published_at"] if dated else ["translation_key"]
        targets = {
            row[0]: row[1] if dated else None
            for row in model._default_manager.filter(
                locale=locale, translation_key__in=[o.translation_key for o in objects]
            ).values_list(*fields)
        }
        for original in objects:
            if original.translation_key not in targets:
                result.append(original)
                continue
            changed = getattr(original, "last_published_at", None)
            translated = targets[original.translation_key]
            if changed and translated and changed > translated:
                result.append(original)
    return result


def create_job(
    region: Region, language_code: str, objects: list[Any], user: Any = None
) -> TranslationJob:
    """A queued job; its report lists the objects (pending), so any worker can run it."""
    rows = []
    for instance in objects:
        content_type = ContentType.objects.get_for_model(instance)
        rows.append(
            asdict(
                Outcome(
                    label_of(instance),
                    PENDING,
                    content_type_id=content_type.pk,
                    object_id=instance.pk,
                )
            )
        )
    return TranslationJob.objects.create(
        region=region,
        kind=TranslationJob.Kind.MACHINE,
        language_code=language_code,
        total=len(rows),
        report=rows,
        created_by=user if getattr(user, "pk", None) else None,
    )


def run_job(job_id: int, provider: Provider | None = None) -> TranslationJob:
    """Work through a queued job, saving progress after every object."""
    with transaction.atomic():
        job = TranslationJob.objects.select_for_update().get(pk=job_id)
        if job.status != TranslationJob.Status.QUEUED:
            return job
        job.status = TranslationJob.Status.RUNNING
        job.save(update_fields=["status"])
    try:
        provider = provider or get_provider()
    except ProviderError as error:
        return _finish(job, failed_reason=str(error))
    report = list(job.report)
    for index, row in enumerate(report):
        if row.get("status") != PENDING:
            continue
        if row.get("attempts", 0) >= MAX_ATTEMPTS:
            row.update(status=FAILED, reason=_("Die Übersetzung wurde mehrfach unterbrochen."))
            _save_rows(job, report, index + 1)
            continue
        # Noted before the work: a worker killed during this object leaves the trace.
        row.update(attempts=row.get("attempts", 0) + 1, touched=timezone.now().isoformat())
        _save_rows(job, report, index)
        instance = _load(row)
        if instance is None:
            row.update(status=SKIPPED, reason=_("Inhalt nicht mehr vorhanden"))
        else:
            try:
                outcome = translate_object(
                    instance, job.language_code, provider=provider, user=job.created_by
                )
            except Exception as error:  # one broken object must not stop the batch
                logger.exception("machine translation of %s failed", row)
                outcome = Outcome(row["label"], FAILED, str(error) or type(error).__name__)
                outcome.content_type_id, outcome.object_id = (
                    row["content_type_id"],
                    row["object_id"],
                )
            row.update(asdict(outcome))
        row["touched"] = timezone.now().isoformat()
        _save_rows(job, report, index + 1)
    return _finish(job)


def _save_rows(job: TranslationJob, report: list[dict[str, Any]], done: int) -> None:
    job.report = report
    job.done = done
    job.save(update_fields=["report", "done"])


def last_touched(job: TranslationJob) -> datetime:
    """When the job's worker last showed progress (a row started or finished)."""
    stamps = [datetime.fromisoformat(row["touched"]) for row in job.report if row.get("touched")]
    return max(stamps, default=job.created_at)


def requeue_stale(now: datetime | None = None) -> list[int]:
    """Queue again the machine jobs left running by a worker that died; their ids."""
    now = now or timezone.now()
    requeued = []
    running = TranslationJob.objects.filter(
        kind=TranslationJob.Kind.MACHINE, status=TranslationJob.Status.RUNNING
    ).values_list("pk", flat=True)
    for job_id in list(running):
        with transaction.atomic():
            job = TranslationJob.objects.select_for_update().get(pk=job_id)
            if job.status != TranslationJob.Status.RUNNING or now - last_touched(job) < STALE_AFTER:
                continue
            job.status = TranslationJob.Status.QUEUED
            job.save(update_fields=["status"])
            logger.warning("machine translation job %s: worker died, queued again", job.pk)
            requeued.append(job.pk)
    return requeued


def _load(row: dict[str, Any]) -> Any:
    try:
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None:
        return None
    return model._default_manager.filter(pk=row["object_id"]).first()


def _finish(job: TranslationJob, failed_reason: str = "") -> TranslationJob:
    if failed_reason:
        for row in job.report:
            if row.get("status") == PENDING:
                row.update(status=FAILED, reason=failed_reason)
        job.done = job.total
    job.status = TranslationJob.Status.FAILED if failed_reason else TranslationJob.Status.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at", "report", "done"])
    return job


def summary(job: TranslationJob) -> dict[str, int]:
    counts = {TRANSLATED: 0, SKIPPED: 0, FAILED: 0, PENDING: 0}
    for row in job.report:
        counts[row.get("status", PENDING)] = counts.get(row.get("status", PENDING), 0) + 1
    return counts
