"""`manage.py sync_translations [REGION]`: register German originals with wagtail-localize
and load their existing translations as manual strings (idempotent)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from wir.core.models import Region
from wir.translation import legacy


class Command(BaseCommand):
    help = (
        "Registriert die deutschen Originale einer Region (oder aller Regionen) für den "
        "Übersetzungsstand und übernimmt vorhandene Übersetzungen. Mehrfacher Aufruf ändert nichts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("region", nargs="?", help="Kürzel der Region (Standard: alle)")

    def handle(self, *args: Any, **options: Any) -> None:
        regions = Region.objects.order_by("slug")
        if options["region"]:
            regions = regions.filter(slug=options["region"])
            if not regions.exists():
                raise CommandError(f"Region {options['region']!r} gibt es nicht.")
        show = options["verbosity"] > 0
        for region in regions:
            total = legacy.count_originals(region)

            def progress(
                items: Iterable[Any], total: int = total, slug: str = region.slug
            ) -> Iterator[Any]:
                yield from tqdm(items, total=total, desc=slug, disable=not show, file=sys.stderr)

            result = legacy.sync_region(region, progress)
            self.stdout.write(
                f"{region.slug}: {result.sources} Originale, {result.translations} Übersetzungen, "
                f"{result.strings} Texte übernommen"
            )
