"""manage.py network_daily [--loop]: reminders of the network's agreed tasks."""

from __future__ import annotations

from wir.core.periodic import PeriodicCommand
from wir.network.daily import run


class Command(PeriodicCommand):
    help = (
        "Erinnert an fällige und überfällige Aufgaben aus Netzwerktreffen (einmal je Aufgabe). "
        "Mit --loop jetzt und dann regelmäßig (mehrfaches Ausführen verschickt nichts doppelt)."
    )

    def run_once(self, verbosity: int) -> None:
        result = run()
        if verbosity > 0:
            self.stdout.write(
                f"Erinnerungen: {result.soon} bald fällig, {result.overdue} überfällig."
            )
