"""manage.py sprachpool_daily: reminders and expired offers (retention: privacy_daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wir.sprachpool.daily import run


class Command(BaseCommand):
    help = (
        "Erinnert an morgige Einsätze und lässt überfällige Angebote verfallen "
        "(Löschen nach der Frist: privacy_daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = run()
        self.stdout.write(
            f"Erinnerungen: {result.reminded}, verfallene Angebote: {result.expired}, "
            f"unbesetzt gebliebene Anfragen: {result.reopened}."
        )
