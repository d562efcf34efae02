"""manage.py build_offline_bundle REGION LANG: build (or reuse) the offline bundle."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404
from tqdm import tqdm

from wir.offline.bundles import build_bundle, check_region_language, get_bundle


class Command(BaseCommand):
    help = "Builds the offline bundle of a region in one language (reused while unchanged)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("region", help="region slug, e.g. wetterau")
        parser.add_argument("language", help="language code, e.g. de")
        parser.add_argument("--force", action="store_true", help="build even when unchanged")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            region = check_region_language(options["region"], options["language"])
        except Http404 as error:
            raise CommandError(str(error)) from error
        started = time.perf_counter()
        with tqdm(desc="documents", unit="doc", disable=options["verbosity"] == 0) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.n = done
                bar.refresh()

            if options["force"]:
                manifest = build_bundle(region, options["language"], progress)
            else:
                manifest = get_bundle(region, options["language"], progress)
        self.stdout.write(
            f"{region.slug}/{options['language']}: version {manifest['version']}, "
            f"{len(manifest['files'])} files, {manifest['total_bytes']} bytes "
            f"({time.perf_counter() - started:.1f} s)"
        )
