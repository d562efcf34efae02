"""manage.py network_daily: reminders of the network's agreed tasks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wir.network.daily import run


class Command(BaseCommand):
    help = "Erinnert an fällige und überfällige Aufgaben aus Netzwerktreffen (einmal je Aufgabe)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = run()
        self.stdout.write(f"Erinnerungen: {result.soon} bald fällig, {result.overdue} überfällig.")
