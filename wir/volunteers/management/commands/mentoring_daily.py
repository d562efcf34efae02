"""manage.py mentoring_daily: remind the coordination of mentorship conversations due."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from wir.volunteers.mentorship_notify import checkins_due


class Command(BaseCommand):
    help = "Erinnert die Koordination an fällige Gespräche mit Patenschaften (einmal je Gespräch)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = checkins_due(timezone.localdate())
        self.stdout.write(f"Erinnerungen an fällige Gespräche: {sent} E-Mail(s).")
