"""manage.py run_offline_builds [--loop]: keep the offline bundles current in the background."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

from wir.offline.builds import beat, build_next

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Builds the offline bundles whose content changed (visitors' languages first); "
        "with --loop keeps watching for publishes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep running, poll for changes")
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        try:
            while True:
                built = self.round()
                if built is None:
                    if not options["loop"]:
                        return
                    time.sleep(options["interval"])
                    beat()
        except KeyboardInterrupt:
            return

    def round(self) -> bool | None:
        """Build one bundle: True; nothing to do or a failure (logged): None."""
        try:
            done = build_next()
        except DatabaseError:
            # e.g. SQLite busy while the web process writes: try again next round
            logger.exception("run_offline_builds: database error, retrying")
            close_old_connections()
            return None
        except Exception:
            logger.exception("run_offline_builds: a build failed")
            close_old_connections()
            return None
        if done is None:
            return None
        region, language = done
        if self.verbosity:
            self.stdout.write(f"offline bundle {region.slug}/{language} built")
        return True
