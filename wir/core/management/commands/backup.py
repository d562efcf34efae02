"""`manage.py backup DATEI`: database and media files in one archive (docs/backup.md)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from wir.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sichert Datenbank und Mediendateien im laufenden Betrieb in eine Archivdatei; "
        "verschlüsselt, wenn WIR_BACKUP_KEY gesetzt ist."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            nargs="?",
            help="Zieldatei (Standard: wir-sicherung-JJJJ-MM-TT-HHMMSS.tar.gz[.enc] im "
            "aktuellen Ordner)",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Keinen Fortschrittsbalken zeigen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        key = settings.WIR_BACKUP_KEY
        show = not options["no_progress"] and options["verbosity"] > 0

        def progress(items: Iterable[Any], label: str) -> Iterator[Any]:
            listed = list(items)
            yield from tqdm(listed, desc=label, disable=not show, file=sys.stderr, leave=False)

        if options["file"]:
            destination = Path(options["file"])
        else:
            stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M%S")
            destination = Path(f"wir-sicherung-{stamp}.tar.gz" + (".enc" if key else ""))
        try:
            manifest = create_backup(destination.resolve(), key=key, progress=progress)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Sicherung geschrieben: {destination} ({len(manifest['tables'])} Tabellen, "
                f"{rows} Zeilen, {len(manifest['media'])} Mediendateien"
                + (", verschlüsselt" if key else ", NICHT verschlüsselt")
                + ")."
            )
        )
