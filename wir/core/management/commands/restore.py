"""`manage.py restore DATEI`: a backup back into the database and MEDIA_ROOT (docs/backup.md)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from wir.core import bulk
from wir.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung wieder her (Datenbank und Mediendateien) und prüft danach "
        "jede Tabelle. Eine Datenbank mit Daten wird nur mit --force ersetzt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="die Sicherungsdatei")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch eine Datenbank ersetzen, die schon Konten oder Regionen enthält.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Keinen Fortschrittsbalken zeigen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        show = not options["no_progress"] and options["verbosity"] > 0

        def progress(items: Iterable[Any], label: str) -> Iterator[Any]:
            yield from tqdm(items, desc=label, disable=not show, file=sys.stderr, leave=False)

        try:
            manifest = restore_backup(
                Path(options["file"]),
                key=settings.WIR_BACKUP_KEY,
                force=options["force"],
                progress=progress,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        bulk.analyze()
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Sicherung vom {manifest['created_at']} wiederhergestellt und geprüft: "
                f"{len(manifest['tables'])} Tabellen, {rows} Zeilen, "
                f"{len(manifest['media'])} Mediendateien. "
                "Als Nächstes: manage.py migrate (falls die Sicherung älter ist als der Code)."
            )
        )
