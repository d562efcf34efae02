"""`manage.py load_demo`: build the demo district (idempotent; --reset rebuilds it)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from tqdm import tqdm

from wir.demo.builder import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    REGION_SLUG,
    build_demo,
    demo_exists,
    remove_demo,
)

T = TypeVar("T")
MAX_SCALE = 500


class Command(BaseCommand):
    help = "Lädt den Demo-Landkreis (deterministisch). Ein zweiter Aufruf ändert nichts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help=f"Inhalte vervielfachen, für Benchmarks (1–{MAX_SCALE}, Standard 1).",
        )
        parser.add_argument(
            "--reset", action="store_true", help="Vorhandenen Demo-Landkreis löschen und neu laden."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Keinen Fortschrittsbalken zeigen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"]
        if not 1 <= scale <= MAX_SCALE:
            raise CommandError(f"--scale muss zwischen 1 und {MAX_SCALE} liegen, nicht {scale}.")
        show_progress = not options["no_progress"] and options["verbosity"] > 0

        def progress(items: Iterable[T], label: str) -> Iterator[T]:
            listed = list(items)
            yield from tqdm(
                listed,
                desc=label,
                unit="",
                disable=not show_progress,
                file=sys.stderr,
                leave=False,
            )

        try:
            if demo_exists() and not options["reset"]:
                if options["verbosity"] > 0:
                    self.stdout.write("Der Demo-Landkreis ist schon geladen; nichts geändert.")
            else:
                if options["reset"]:
                    remove_demo()
                summary = build_demo(scale=scale, progress=progress)
                pages = sum(summary.pages.values())
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Demo-Landkreis geladen: {summary.municipalities} Kommunen, "
                        f"{summary.areas} Ortsteile, {summary.offers} Angebote, "
                        f"{summary.events} Veranstaltungen, "
                        f"{summary.mediators} Sprachmittler*innen (pseudonym), "
                        f"{summary.mediation_requests} offene Anfragen, "
                        f"{summary.past_requests} Anfragen des vergangenen Jahres, "
                        f"{summary.volunteers} Ehrenamtliche (pseudonym), "
                        f"{summary.machine_reviewed + summary.machine_unreviewed} maschinelle "
                        f"Übersetzungen ({summary.machine_unreviewed} ungeprüft), "
                        f"{pages} Seiten "
                        f"({', '.join(f'{k}: {v}' for k, v in summary.pages.items())}), "
                        f"{len(summary.accounts)} Konten"
                        + (
                            f", Netzwerk: {summary.network.organisations} Organisationen, "
                            f"{summary.network.processes} Öffnungsprozesse, "
                            f"{summary.network.concepts} Konzepte, "
                            f"{summary.network.meetings} Treffen."
                            if summary.network
                            else "."
                        )
                    )
                )
        except DatabaseError as exc:
            raise CommandError(f"Datenbankfehler, nichts wurde geändert: {exc}") from exc
        if options["verbosity"] > 0:
            self._print_logins()

    def _print_logins(self) -> None:
        base = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write("")
        self.stdout.write(f"Öffentliche Seite:  {base}/{REGION_SLUG}/de/")
        self.stdout.write(f"Verwaltung (Admin): {base}/admin/")
        self.stdout.write(f"Demo-Konten (Passwort für alle: {DEMO_PASSWORD}):")
        for username, (_role, description) in DEMO_ACCOUNTS.items():
            self.stdout.write(f"  {username:<15} {description}")
        self.stdout.write(
            "  koordination und redaktion melden sich mit Zwei-Faktor-Code an; den aktuellen "
            "Code zeigt: make totp ACCOUNT=koordination"
        )
