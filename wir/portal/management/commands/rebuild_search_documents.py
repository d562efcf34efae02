"""Build the search's own index anew (after a bulk import or a restore of old data)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wir.core import bulk
from wir.core.models import Region
from wir.portal import search_index


class Command(BaseCommand):
    help = "Baut den Suchindex neu auf (alle Regionen oder die genannten)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("regions", nargs="*", help="Kürzel der Regionen (sonst alle)")

    def handle(self, *args: Any, regions: list[str], **options: Any) -> None:
        ids = None
        if regions:
            ids = list(Region.objects.filter(slug__in=regions).values_list("pk", flat=True))
        count = search_index.rebuild(ids)
        bulk.analyze()
        self.stdout.write(f"Suchindex aufgebaut: {count} Dokumente.")
