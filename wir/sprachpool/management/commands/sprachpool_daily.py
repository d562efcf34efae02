"""manage.py sprachpool_daily: reminders, expired offers, deletion after retention."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wir.sprachpool.daily import run


class Command(BaseCommand):
    help = (
        "Erinnert an morgige Einsätze, lässt überfällige Angebote verfallen, "
        "löscht Aktenzeichen nach der Frist."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = run()
        self.stdout.write(
            f"Erinnerungen: {result.reminded}, verfallene Angebote: {result.expired}, "
            f"unbesetzt gebliebene Anfragen: {result.reopened}, "
            f"Aktenzeichen gelöscht: {result.anonymised}."
        )
