"""manage.py network_daily [--loop]: reminders of the network's agreed tasks."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

from wir.network.daily import run

logger = logging.getLogger(__name__)
DAY_SECONDS = 24 * 60 * 60


class Command(BaseCommand):
    help = (
        "Erinnert an fällige und überfällige Aufgaben aus Netzwerktreffen (einmal je Aufgabe). "
        "Mit --loop jetzt und dann regelmäßig (mehrfaches Ausführen verschickt nichts doppelt)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="run now, then again and again")
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
            result = run()
        except DatabaseError:
            # e.g. SQLite busy while the web process writes: the next run catches up
            logger.exception("network_daily: database error")
            close_old_connections()
            return
        if verbosity > 0:
            self.stdout.write(
                f"Erinnerungen: {result.soon} bald fällig, {result.overdue} überfällig."
            )
