"""Writing a validated Integreat bundle into one of our regions, all or nothing.

`import_bundle` runs in one `transaction.atomic`: a fatal error rolls back everything,
`dry_run` rolls back at the end (the report still shows what would have happened).
Recoverable problems (a page whose parent is missing, an event without a date, …) skip
that record and are listed in the report. Re-running updates instead of duplicating:
`IntegreatRecord` remembers which object came from which Integreat id and a hash of the
source; unchanged sources are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from wir.accounts.actions import sync_region_groups
from wir.api.integreat.import_pages import (
    PageImport,
    create_page,
    import_imprints,
    unique_slug,
)
from wir.api.integreat.import_state import (
    ImportReport,
    ImportRun,
    Progress,
    RecordStore,
    no_progress,
)
from wir.api.integreat.importer import IntegreatBundle, IntegreatError
from wir.api.integreat.mapping import (
    PlanError,
    coordinates,
    event_key,
    event_plan,
    opening_plan,
    plain_text,
    region_plan,
    source_hash,
)
from wir.api.integreat.records import EventRecord, LocationRecord
from wir.api.models import IntegreatRecord
from wir.core.actions import create_region, enable_language, touch_region, touches_batched
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region, RegionLanguage
from wir.portal.actions import add_home_page, create_home_pages
from wir.portal.models import (
    DirectoryPage,
    Event,
    EventIndexPage,
    OpeningSlot,
    Place,
    RegionHomePage,
)
from wir.portal.models.places import Accessibility

LOCATION = IntegreatRecord.Kind.LOCATION
EVENT = IntegreatRecord.Kind.EVENT
SUMMARY_LENGTH = 300  # Event.summary


def import_bundle(
    bundle: IntegreatBundle,
    *,
    into: str,
    name: str | None = None,
    dry_run: bool = False,
    progress: Progress[Any] = no_progress,
    source: str = "",
) -> ImportReport:
    """Import everything of `bundle` into our region `into` (created when missing).

    `source` (the folder or URL) goes into the region's history with the counts.
    """
    report = ImportReport(region_slug=into, dry_run=dry_run, skipped=list(bundle.skipped))
    with transaction.atomic():
        # The region's content version moves once, at the end of the import.
        with touches_batched():
            region = ensure_region(bundle, into, name, report)
            homes = ensure_home_pages(region, [item.code for item in bundle.languages], report)
            locales = {code: Locale.objects.get(language_code=code) for code in homes}
            run = ImportRun(bundle, region, homes, locales, RecordStore(region), report, progress)
            PageImport(run).run_all()
            import_imprints(run)
            import_places(run)
            import_events(run)
            ensure_sections(run)
            touch_region(region.pk)
            log(instance=region, action="wir.integreat_import", data=log_data(report, source))
        if dry_run:
            transaction.set_rollback(True)
    return report


def log_data(report: ImportReport, source: str) -> dict[str, Any]:
    return {
        "source": source,
        "counts": {kind: asdict(counts) for kind, counts in report.counts.items()},
        "skipped": [str(problem) for problem in report.skipped[:100]],
    }


# --- region and home pages --------------------------------------------------------------


def ensure_region(
    bundle: IntegreatBundle, slug: str, name: str | None, report: ImportReport
) -> Region:
    region = Region.objects.filter(slug=slug).first()
    if region is not None:
        return region
    try:
        plan = region_plan(bundle.region, name)
        region = create_region(
            slug=slug,
            name=plan.name,
            prefix=plan.prefix,
            centre=plan.centre,
            bbox=plan.bbox,
            language_codes=[item.code for item in bundle.languages],
            events_enabled=plan.events_enabled,
            locations_enabled=plan.locations_enabled,
        )
    except (PlanError, ValidationError) as error:
        raise IntegreatError(f"Region {slug} kann nicht angelegt werden: {error}") from error
    sync_region_groups(region)
    report.region_created = True
    report.notes.append(f"Region „{region.full_name}“ ({slug}) angelegt.")
    if not plan.located:
        report.notes.append("Ohne Koordinaten: Lage der Region bitte in der Verwaltung setzen.")
    return region


def ensure_home_pages(region: Region, codes: list[str], report: ImportReport) -> dict[str, Page]:
    """The region's home page per imported language; enables languages as needed."""
    enabled = set(
        RegionLanguage.objects.filter(region=region).values_list("language__code", flat=True)
    )
    for code in codes:
        if code not in enabled:
            enable_language(region, code)
            report.notes.append(f"Sprache {code} für die Region aktiviert.")
    title = region.full_name
    if region.root_page is None:
        create_home_pages(region, dict.fromkeys([DEFAULT_LANGUAGE, *codes], title))
    homes: dict[str, Page] = {
        home.locale.language_code: home
        for home in RegionHomePage.objects.child_of(region.root_page).select_related("locale")
    }
    for code in codes:
        if code not in homes:
            homes[code] = add_home_page(region, code, title)
            report.notes.append(f"Startseite {code} angelegt.")
    return {code: homes[code] for code in codes}


# --- sections: where places and events are public ---------------------------------------

# Our sections for Integreat's places (locations/) and events (events/): a place or an event
# is public at /{region}/{language}/{section}/ort/{id}/ or …/veranstaltung/{id}/.
SECTIONS: tuple[tuple[type[Page], str, str, dict[str, str]], ...] = (
    (DirectoryPage, LOCATION, "orte", {"de": "Orte", "en": "Places", "ar": "الأماكن"}),
    (EventIndexPage, EVENT, "veranstaltungen", {"de": "Veranstaltungen", "en": "Events"}),
)


def ensure_sections(run: ImportRun) -> None:
    """Give each imported language a directory (places) and an events page, when the
    import brought places or events and the region has none: without them an imported
    place or event has no public page (and the API no link to it)."""
    stored_kinds = {kind for (kind, _key, _language) in run.store.records}
    for model, kind, slug, titles in SECTIONS:
        if kind not in stored_kinds:
            continue
        existing = {
            page.locale.language_code: page
            for page in model.objects.descendant_of(run.region.root_page).select_related("locale")
        }
        source: Page | None = existing.get(DEFAULT_LANGUAGE) or next(iter(existing.values()), None)
        for code, home in run.homes.items():
            if code in existing:
                continue
            page = model(
                title=titles.get(code, titles[DEFAULT_LANGUAGE]), slug=unique_slug(home, slug)
            )
            page = create_page(run, home, code, source, page)
            source = source or page
            run.report.notes.append(f"Seite „{page.title}“ ({code}) angelegt.")


# --- places -----------------------------------------------------------------------------


def location_hash(record: LocationRecord) -> str:
    return source_hash(
        {
            "title": record.title,
            "location": record.location.model_dump(mode="json"),
            "opening_hours": [day.model_dump(mode="json") for day in record.opening_hours or []],
            "temporarily_closed": record.temporarily_closed,
            "barrier_free": record.barrier_free,
        }
    )


def _accessibility(barrier_free: bool | None) -> str:
    if barrier_free is None:
        return Accessibility.UNKNOWN
    return Accessibility.FULL if barrier_free else Accessibility.NONE


def _first_per_location(run: ImportRun) -> Iterable[tuple[str, LocationRecord]]:
    """One record per Integreat location (names are not translated), German first."""
    seen: set[int] = set()
    for language in run.bundle.languages:
        for record in run.bundle.locations.get(language.code, []):
            location_id = record.location.id
            if location_id is None:
                run.report.skip(LOCATION, f"Ort „{record.title}“", "ohne location.id")
            elif location_id not in seen:
                seen.add(location_id)
                yield language.integreat_code, record


def import_places(run: ImportRun) -> None:
    for language, record in run.progress(list(_first_per_location(run)), "Orte"):
        what = f"Ort {record.location.id} ({language}) „{record.title[:60]}“"
        try:
            import_place(run, record)
        except PlanError as error:
            run.report.skip(LOCATION, what, str(error))


def _place_fields(run: ImportRun, record: LocationRecord) -> dict[str, Any]:
    address = record.location
    latitude, longitude = coordinates(address.latitude, address.longitude)
    postcode = (address.postcode or "").strip()
    if len(postcode) > 5:
        run.report.notes.append(f"Ort {address.id}: Postleitzahl „{postcode}“ nicht übernommen.")
        postcode = ""
    return {
        "name": (record.title or address.name or "").strip()[:160],
        "street": (address.address or "").strip()[:160],
        "postcode": postcode,
        "town": (address.town or "").strip()[:80],
        "area": run.area_for_town(address.town, (latitude, longitude)),
        "latitude": latitude,
        "longitude": longitude,
        "accessibility": _accessibility(record.barrier_free),
        "temporarily_closed": record.temporarily_closed,
    }


def import_place(run: ImportRun, record: LocationRecord) -> None:
    key = str(record.location.id)
    digest = location_hash(record)
    stored = run.store.get(LOCATION, key)
    place = run.store.target(stored, Place)
    counts = run.report.counts[LOCATION]
    if place is not None and stored is not None and stored.source_hash == digest:
        counts.unchanged += 1
        return
    fields = _place_fields(run, record)
    plan = opening_plan(record.opening_hours)
    fields.update(appointment_only=plan.appointment_only, hours_note=plan.hours_note)
    created = place is None
    place = place or Place(region=run.region)
    for name, value in fields.items():
        setattr(place, name, value)
    try:
        place.full_clean()
    except ValidationError as error:
        raise PlanError("; ".join(error.messages)) from error
    place.save()
    OpeningSlot.objects.filter(place=place).delete()
    OpeningSlot.objects.bulk_create(
        OpeningSlot(place=place, weekday=s.weekday, opens=s.opens, closes=s.closes, sort_order=i)
        for i, s in enumerate(plan.slots)
    )
    if created:
        counts.created += 1
    else:
        counts.updated += 1
    run.store.save(LOCATION, key, "", place, digest)


# --- events -----------------------------------------------------------------------------


def event_hash(record: EventRecord) -> str:
    times = record.event.model_dump(mode="json") if record.event else None
    if times is not None and record.recurrence_rule:
        # Integreat lists each occurrence of a series; the rule, not the first one listed
        # (which moves on as time passes), defines the series.
        times = {"all_day": times["all_day"], "timezone": times["timezone"]}
        if record.event and record.event.start and record.event.end:
            times["duration"] = (record.event.end - record.event.start).total_seconds()
    return source_hash(
        {
            "title": record.title,
            "excerpt": record.excerpt,
            "content": record.content,
            "times": times,
            "rule": record.recurrence_rule,
            "until": "utc",  # UNTIL read in DTSTART's frame (imports before read it locally)
            "location": record.location.id if record.location else None,
        }
    )


def _events_per_key(run: ImportRun, code: str) -> dict[str, EventRecord]:
    """The first record of each event in one language (occurrences collapse into one)."""
    found: dict[str, EventRecord] = {}
    for record in run.bundle.events.get(code, []):
        key = event_key(record.event, record.id)
        if key is None:
            run.report.skip(EVENT, f"Veranstaltung „{record.title[:60]}“", "ohne Kennung")
        else:
            found.setdefault(key, record)
    return found


def import_events(run: ImportRun) -> None:
    sources: dict[str, Event] = {}
    for language in run.bundle.languages:
        code = language.code
        events = _events_per_key(run, code)
        for key, record in run.progress(list(events.items()), f"Veranstaltungen ({code})"):
            what = f"Veranstaltung {key} ({language.integreat_code}) „{record.title[:60]}“"
            try:
                event = import_event(run, code, key, record, sources.get(key))
            except PlanError as error:
                run.report.skip(EVENT, what, str(error))
                continue
            sources.setdefault(key, event)


def _event_place(run: ImportRun, record: EventRecord) -> Place | None:
    if record.location is None or record.location.id is None:
        return None
    return run.store.find(LOCATION, str(record.location.id), "", Place)


def _translation_source(run: ImportRun, key: str, code: str) -> Event | None:
    for language in run.bundle.languages:
        if language.code != code:
            found = run.store.find(EVENT, key, language.code, Event)
            if found is not None:
                return found
    return None


def import_event(
    run: ImportRun, code: str, key: str, record: EventRecord, source: Event | None
) -> Event:
    digest = event_hash(record)
    stored = run.store.get(EVENT, key, code)
    event = run.store.target(stored, Event)
    counts = run.report.counts[EVENT]
    if event is not None and stored is not None and stored.source_hash == digest:
        counts.unchanged += 1
        return event
    if not record.title.strip():
        raise PlanError("ohne Titel")
    plan = event_plan(record.event, record.recurrence_rule)
    place = _event_place(run, record)
    fields: dict[str, Any] = {
        "title": record.title.strip()[:140],
        "summary": plain_text(record.excerpt or record.content, SUMMARY_LENGTH)
        or record.title.strip()[:SUMMARY_LENGTH],
        "description": record.content,
        "organiser": run.region.full_name[:160],
        "place": place,
        "area": place.area if place else run.area_for_town(None),
        "start": plan.start,
        "end": plan.end,
        "recurrence": plan.rule,
    }
    created = event is None
    if event is None:
        event = _new_event(run, code, key, source)
    for name, value in fields.items():
        setattr(event, name, value)
    try:
        event.full_clean()
    except ValidationError as error:
        raise PlanError("; ".join(error.messages)) from error
    event.save()
    event.save_revision().publish()
    if created:
        counts.created += 1
    else:
        counts.updated += 1
    run.store.save(EVENT, key, code, event, digest)
    return event


def _new_event(run: ImportRun, code: str, key: str, source: Event | None) -> Event:
    locale = run.locales[code]
    source = source or _translation_source(run, key, code)
    if source is not None:
        taken = Event.objects.filter(translation_key=source.translation_key, locale=locale)
        if not taken.exists():
            translation: Event = source.copy_for_translation(locale)
            return translation
    return Event(region=run.region, locale=locale)
