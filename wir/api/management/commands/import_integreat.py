"""`manage.py import_integreat REGION (--from-dir DIR | --url BASE)`: import an Integreat region.

Reads the region's Integreat CMS API v3 answers (pages, locations, events, imprint in
every language), validates all of them, then writes pages, places and events into one of
our regions in one transaction. Re-running updates what changed upstream. See
docs/integreat-import.md.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from tqdm import tqdm

from wir.api.integreat.import_actions import import_bundle
from wir.api.integreat.import_state import ImportReport
from wir.api.integreat.importer import (
    DirectorySource,
    IntegreatError,
    Source,
    UrlSource,
    check_base_url,
    load_bundle,
)
from wir.core import bulk
from wir.core.languages import BY_CODE

T = TypeVar("T")


class Command(BaseCommand):
    help = (
        "Importiert eine Integreat-Region (API v3): Seitenbaum mit Übersetzungen, Orte, "
        "Veranstaltungen, Impressum. Ein erneuter Aufruf aktualisiert statt zu verdoppeln."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("region", help="Kürzel der Region in Integreat, z. B. augsburg.")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument(
            "--from-dir",
            type=Path,
            help="Ordner mit gespeicherten Antworten ({region}_{sprache}_pages.json, …).",
        )
        source.add_argument(
            "--url", help="Adresse des Integreat-CMS, z. B. https://cms.integreat-app.de"
        )
        parser.add_argument(
            "--into",
            help="Kürzel unserer Region (Standard: wie in Integreat); fehlt sie, wird angelegt.",
        )
        parser.add_argument(
            "--name", help="Name der neuen Region, wenn keine Regionsdaten vorliegen."
        )
        parser.add_argument(
            "--languages", help="Nur diese Integreat-Sprachen, durch Komma getrennt, z. B. de,ar."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Alles prüfen und zählen, nichts speichern."
        )
        parser.add_argument(
            "--timeout", type=float, default=30.0, help="Sekunden je Abruf (--url)."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Keinen Fortschrittsbalken zeigen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        region_slug: str = options["region"]
        wanted = [c.strip() for c in (options["languages"] or "").split(",") if c.strip()]
        show_progress = not options["no_progress"] and options["verbosity"] > 0

        def progress(items: Iterable[T], label: str) -> Iterator[T]:
            listed = list(items)
            yield from tqdm(
                listed, desc=label, unit="", disable=not show_progress, file=sys.stderr, leave=False
            )

        try:
            source = self._source(region_slug, options)
            bundle = load_bundle(source, region_slug, wanted or None, set(BY_CODE))
            report = import_bundle(
                bundle,
                into=options["into"] or region_slug,
                name=options["name"],
                dry_run=options["dry_run"],
                progress=progress,
                source=str(options["from_dir"] or options["url"]),
            )
        except IntegreatError as error:
            raise CommandError(f"Import abgebrochen, nichts geändert: {error}") from error
        except DatabaseError as error:
            raise CommandError(f"Datenbankfehler, nichts geändert: {error}") from error
        if not options["dry_run"]:
            bulk.analyze()
        self._print(report, options["verbosity"])

    def _source(self, region: str, options: dict[str, Any]) -> Source:
        if options["timeout"] <= 0:
            raise CommandError("--timeout muss größer als 0 sein.")
        if options["from_dir"] is not None:
            directory: Path = options["from_dir"]
            if not directory.is_dir():
                raise CommandError(f"Ordner nicht gefunden: {directory}")
            return DirectorySource(directory, region)
        return UrlSource(check_base_url(options["url"]), region, timeout=options["timeout"])

    def _print(self, report: ImportReport, verbosity: int) -> None:
        if verbosity == 0:
            return
        heading = "Probelauf, nichts gespeichert" if report.dry_run else "Import abgeschlossen"
        self.stdout.write(self.style.SUCCESS(f"{heading}: Region {report.region_slug}"))
        for line in report.lines():
            self.stdout.write(f"  {line}")
        for note in report.notes:
            self.stdout.write(f"  Hinweis: {note}")
        if report.skipped:
            self.stdout.write(self.style.WARNING(f"Übersprungen ({len(report.skipped)}):"))
            for problem in report.skipped:
                self.stdout.write(f"  - {problem}")
