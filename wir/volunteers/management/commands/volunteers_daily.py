"""manage.py volunteers_daily: reminders, deleting unconfirmed sign-ups and old facts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wir.volunteers.daily import run


class Command(BaseCommand):
    help = (
        "Erinnert an morgige Schichten und ablaufende Führungszeugnisse, löscht unbestätigte "
        "Anmeldungen und alte Angaben."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = run()
        self.stdout.write(
            f"Schicht-Erinnerungen: {result.shift_reminders}, "
            f"Stunden aus Schichten: {result.hours_from_shifts}, "
            f"Führungszeugnis-Erinnerungen: {result.certificate_reminders}, "
            f"Erinnerungen wegen Inaktivität: {result.inactive_reminders}, "
            f"unbestätigte Anmeldungen gelöscht: {result.unconfirmed_deleted}, "
            f"Führungszeugnis-Angaben gelöscht: {result.certificates_deleted}, "
            f"anonymisiert: {result.anonymised}."
        )
