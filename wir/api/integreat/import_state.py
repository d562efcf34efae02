"""What one import run carries along: the region, the id mapping, counts and problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.models import Locale, Page

from wir.api.integreat.importer import IntegreatBundle, Problem
from wir.api.integreat.mapping import PlanError
from wir.api.models import IntegreatRecord
from wir.core.actions import add_area
from wir.core.models import Area, Region

T = TypeVar("T")
M = TypeVar("M", bound=models.Model)
Progress = Callable[[Iterable[T], str], Iterator[T]]

KIND_LABELS: dict[str, str] = {
    IntegreatRecord.Kind.PAGE: "Seiten",
    IntegreatRecord.Kind.IMPRINT: "Impressum",
    IntegreatRecord.Kind.LOCATION: "Orte",
    IntegreatRecord.Kind.EVENT: "Veranstaltungen",
}


def no_progress(items: Iterable[T], label: str) -> Iterator[T]:
    yield from items


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        return (
            f"{self.created} angelegt, {self.updated} aktualisiert, "
            f"{self.unchanged} unverändert, {self.skipped} übersprungen"
        )


@dataclass
class ImportReport:
    region_slug: str = ""
    region_created: bool = False
    dry_run: bool = False
    counts: dict[str, Counts] = field(
        default_factory=lambda: {kind: Counts() for kind in KIND_LABELS}
    )
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def skip(self, kind: str, what: str, reason: str) -> None:
        self.counts[kind].skipped += 1
        self.skipped.append(Problem(what, reason))

    def lines(self) -> list[str]:
        return [f"{KIND_LABELS[kind]}: {counts}" for kind, counts in self.counts.items()]


class RecordStore:
    """The region's IntegreatRecords, loaded once; looks up and saves mappings."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.records = {
            (r.kind, r.integreat_id, r.language): r
            for r in IntegreatRecord.objects.filter(region=region).select_related("content_type")
        }

    def get(self, kind: str, key: str, language: str = "") -> IntegreatRecord | None:
        return self.records.get((kind, key, language))

    def target(self, record: IntegreatRecord | None, model: type[M]) -> M | None:
        """Our object for a record, or None when it was deleted here meanwhile."""
        if record is None:
            return None
        model_class = record.content_type.model_class()
        if model_class is None or not issubclass(model_class, model):
            return None
        return model._default_manager.filter(pk=record.object_id).first()

    def find(self, kind: str, key: str, language: str, model: type[M]) -> M | None:
        return self.target(self.get(kind, key, language), model)

    def save(
        self, kind: str, key: str, language: str, target: models.Model, source_hash: str
    ) -> None:
        record = self.get(kind, key, language)
        content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        if record is None:
            record = IntegreatRecord(
                region=self.region, kind=kind, integreat_id=key, language=language
            )
        record.content_type = content_type
        record.object_id = target.pk
        record.source_hash = source_hash
        record.save()
        self.records[(kind, key, language)] = record


@dataclass
class ImportRun:
    """The state of one run, passed to the page, place and event steps."""

    bundle: IntegreatBundle
    region: Region
    homes: dict[str, Page]
    locales: dict[str, Locale]
    store: RecordStore
    report: ImportReport
    progress: Progress[Any] = no_progress
    _areas: dict[str, Area] = field(default_factory=dict)

    def area_for_town(self, town: str | None, fallback: tuple[Any, Any] | None = None) -> Area:
        """The region's area of that name; created as a municipality when missing.

        Our places and events need an area; without a town the region's own name is used.
        """
        name = (town or "").strip() or self.region.name
        cache_key = name.casefold()
        if cache_key in self._areas:
            return self._areas[cache_key]
        slug = slugify(name.replace("ß", "ss")) or "gebiet"
        areas = Area.objects.filter(region=self.region)
        area = (
            areas.filter(name__iexact=name).order_by("parent_id", "pk").first()
            or areas.filter(slug=slug, parent__isnull=True).first()
        )
        if area is None:
            latitude, longitude = fallback or (self.region.latitude, self.region.longitude)
            try:
                area = add_area(
                    self.region, name[:120], Area.Kind.MUNICIPALITY, latitude, longitude
                )
            except ValidationError as error:
                raise PlanError(f"Kommune „{name}“: {'; '.join(error.messages)}") from error
            self.report.notes.append(f"Kommune „{name}“ angelegt (Lage bitte prüfen).")
        self._areas[cache_key] = area
        return area
