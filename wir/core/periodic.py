"""Commands that do a job now and, with --loop, again and again (the workers `make run`
starts next to the server, or a systemd timer in production).

A subclass says what one run does (`run_once`) and how to report it; the loop, the
interval, stopping with Ctrl+C and surviving a busy database live here once.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

logger = logging.getLogger(__name__)
DAY_SECONDS = 24 * 60 * 60


class PeriodicCommand(BaseCommand):
    """`manage.py <name> [--loop] [--interval SECONDS]`; once a day by default."""

    default_interval: float = DAY_SECONDS

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="run now, then again and again")
        parser.add_argument(
            "--interval", type=float, default=self.default_interval, help="seconds between runs"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            while True:
                try:
                    self.run_once(options["verbosity"])
                except DatabaseError:
                    # e.g. SQLite busy while the web process writes: the next run catches up
                    logger.exception("%s: database error", self.__module__)
                    close_old_connections()
                if not options["loop"]:
                    return
                time.sleep(options["interval"])
        except KeyboardInterrupt:
            return

    def run_once(self, verbosity: int) -> None:
        raise NotImplementedError
