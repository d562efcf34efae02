"""manage.py privacy_daily [--loop]: apply the retention rules and purge old audit events."""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections
from tqdm import tqdm

from wir.privacy import audit, retention

logger = logging.getLogger(__name__)
DAY_SECONDS = 24 * 60 * 60


class Command(BaseCommand):
    help = (
        "Anonymisiert oder löscht, was nach den erklärten Fristen fällig ist, und löscht "
        "Protokolleinträge nach WIR_AUDIT_RETENTION_DAYS. Mit --loop einmal am Tag."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="run now, then once a day")
        parser.add_argument(
            "--interval", type=float, default=DAY_SECONDS, help="seconds between runs"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            while True:
                self.run_once(options["verbosity"])
                if not options["loop"]:
                    return
                time.sleep(options["interval"])
        except KeyboardInterrupt:
            return

    def run_once(self, verbosity: int) -> None:
        try:
            rules = retention.with_retention()
            with tqdm(
                total=len(rules),
                desc="Fristen",
                unit="Art",
                disable=verbosity == 0,
                file=sys.stderr,
            ) as bar:
                report = retention.run(progress=lambda _declaration: bar.update())
            purged = audit.purge_expired()
        except DatabaseError:
            # e.g. SQLite busy while the web process writes: the next run catches up
            logger.exception("privacy_daily: database error")
            close_old_connections()
            return
        for label, count in sorted(report.counts.items()):
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(
            f"Nach Frist bearbeitet: {report.total}, Protokolleinträge gelöscht: {purged}."
        )
