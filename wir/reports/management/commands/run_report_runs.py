"""manage.py run_report_runs [--loop]: compute requested programme reports in the background."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

from wir.reports.runner import run_next

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Computes the queued programme reports (and resumes interrupted ones); "
        "with --loop keeps waiting for new ones."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep running, poll for runs")
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        try:
            while True:
                if self.round() is None:
                    if not options["loop"]:
                        return
                    time.sleep(options["interval"])
        except KeyboardInterrupt:
            return

    def round(self) -> bool | None:
        """Compute one run: True; nothing to do or a failure (logged): None."""
        try:
            run = run_next()
        except DatabaseError:
            # e.g. SQLite busy while the web process writes: try again next round
            logger.exception("run_report_runs: database error, retrying")
            close_old_connections()
            return None
        if run is None:
            return None
        if self.verbosity:
            self.stdout.write(f"report run {run.pk}: {run.status} {run.progress} %")
        return True
