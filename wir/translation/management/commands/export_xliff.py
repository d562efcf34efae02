"""`manage.py export_xliff REGION LANGUAGE (--page ID … [--subtree] | --missing)`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Locale

from wir.core.models import Region
from wir.translation import xliff


class Command(BaseCommand):
    help = "Exportiert deutsche Seiten einer Region als XLIFF-Datei zum Übersetzen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("region", help="Kürzel der Region, z. B. wetterau.")
        parser.add_argument("language", help="Zielsprache, z. B. ar.")
        chosen = parser.add_mutually_exclusive_group(required=True)
        chosen.add_argument("--page", type=int, action="append", help="Seiten-ID (mehrfach).")
        chosen.add_argument(
            "--missing", action="store_true", help="Alle Seiten mit fehlenden Übersetzungen."
        )
        parser.add_argument("--subtree", action="store_true", help="Mit allen Unterseiten.")
        parser.add_argument("--xliff-version", choices=xliff.VERSIONS, default="1.2")
        parser.add_argument("-o", "--output", type=Path, help="Zieldatei (sonst Standardausgabe).")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(slug=options["region"]).first()
        if region is None:
            raise CommandError(f"Unbekannte Region: {options['region']}")
        language = options["language"]
        if language not in xliff.target_languages(region):
            raise CommandError(f"Die Sprache {language} ist in der Region nicht freigeschaltet.")
        Locale.objects.get_or_create(language_code=language)
        objects = xliff.select(
            region,
            language,
            page_ids=options["page"] or (),
            subtree=options["subtree"],
            missing=options["missing"],
        )
        if not objects:
            raise CommandError("Keine passenden Seiten gefunden.")
        data, count = xliff.export(
            objects, language, options["xliff_version"], only_missing=options["missing"]
        )
        if options["output"]:
            options["output"].write_bytes(data)
            self.stderr.write(f"{len(objects)} Seiten, {count} Segmente → {options['output']}")
        else:
            self.stdout.write(data.decode())
