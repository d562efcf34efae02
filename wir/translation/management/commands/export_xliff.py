"""`manage.py export_xliff REGION LANGUAGE (--page ID … [--subtree] | --object angebot:ID … |
--missing [--kind offer …])`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Locale

from wir.core.models import Region
from wir.translation.xliff import export


class Command(BaseCommand):
    help = "Exportiert deutsche Seiten und Inhalte einer Region als XLIFF-Datei zum Übersetzen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("region", help="Kürzel der Region, z. B. wetterau.")
        parser.add_argument("language", help="Zielsprache, z. B. ar.")
        parser.add_argument("--page", type=int, action="append", help="Seiten-ID (mehrfach).")
        parser.add_argument(
            "--object",
            action="append",
            help="Angebot, Veranstaltung, Kontakt oder Neuigkeit als Art:ID, z. B. angebot:12 "
            "(mehrfach).",
        )
        parser.add_argument(
            "--missing", action="store_true", help="Alles mit fehlenden Übersetzungen."
        )
        parser.add_argument(
            "--kind",
            action="append",
            choices=list(export.KINDS),
            help="Mit --missing: nur diese Arten (mehrfach; Vorgabe: alle).",
        )
        parser.add_argument("--subtree", action="store_true", help="Mit allen Unterseiten.")
        parser.add_argument("--xliff-version", choices=export.VERSIONS, default="1.2")
        parser.add_argument("-o", "--output", type=Path, help="Zieldatei (sonst Standardausgabe).")

    def handle(self, *args: Any, **options: Any) -> None:
        region = Region.objects.filter(slug=options["region"]).first()
        if region is None:
            raise CommandError(f"Unbekannte Region: {options['region']}")
        language = options["language"]
        if language not in export.target_languages(region):
            raise CommandError(f"Die Sprache {language} ist in der Region nicht freigeschaltet.")
        if options["missing"] == bool(options["page"] or options["object"]):
            raise CommandError("Bitte entweder --page/--object oder --missing angeben.")
        try:
            references = export.parse_references(",".join(options["object"] or ()))
        except export.SelectionError as error:
            raise CommandError(str(error)) from error
        Locale.objects.get_or_create(language_code=language)
        objects = export.select(
            region,
            language,
            page_ids=options["page"] or (),
            subtree=options["subtree"],
            missing=options["missing"],
            objects=references,
            kinds=options["kind"],
        )
        if not objects:
            raise CommandError("Keine passenden Seiten oder Inhalte gefunden.")
        data, count = export.export(
            objects, language, options["xliff_version"], only_missing=options["missing"]
        )
        if options["output"]:
            options["output"].write_bytes(data)
            self.stderr.write(
                f"{len(objects)} Seiten und Inhalte, {count} Segmente → {options['output']}"
            )
        else:
            self.stdout.write(data.decode())
