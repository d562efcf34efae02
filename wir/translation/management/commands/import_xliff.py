"""`manage.py import_xliff REGION LANGUAGE FILE [--strict]`: check, then import all or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wir.core.models import Region
from wir.translation.xliff import importing


class Command(BaseCommand):
    help = (
        "Prüft eine übersetzte XLIFF-Datei und importiert sie nur, wenn alles stimmt "
        "(sonst wird nichts gespeichert)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("region", help="Kürzel der Region, z. B. wetterau.")
        parser.add_argument("language", help="Zielsprache der Datei, z. B. ar.")
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Hinweise (Glossar, Platzhalter) gelten als Fehler.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(slug=options["region"]).first()
        if region is None:
            raise CommandError(f"Unbekannte Region: {options['region']}")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Datei nicht gefunden: {path}")
        report = importing.import_file(
            path.read_bytes(), region, options["language"], strict=options["strict"]
        )
        for title, problems in (
            ("Fehler", report.errors),
            ("Hinweis", report.warnings),
            ("Übersprungen", report.skipped),
        ):
            for problem in problems:
                where = f" [{problem.unit_id}]" if problem.unit_id else ""
                self.stdout.write(f"{title}{where}: {problem.message}")
        if not report.ok:
            raise CommandError("Nichts importiert: die Datei enthält Fehler (siehe oben).")
        self.stdout.write(
            f"{report.imported} Segmente importiert, {len(report.applied)} Objekte aktualisiert."
        )
