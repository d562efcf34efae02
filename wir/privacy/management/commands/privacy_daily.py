"""manage.py privacy_daily [--loop]: apply the retention rules and purge old audit events."""

from __future__ import annotations

import sys

from tqdm import tqdm

from wir.core.periodic import PeriodicCommand
from wir.privacy import audit, retention


class Command(PeriodicCommand):
    help = (
        "Anonymisiert oder löscht, was nach den erklärten Fristen fällig ist, und löscht "
        "Protokolleinträge nach WIR_AUDIT_RETENTION_DAYS. Mit --loop einmal am Tag."
    )

    def run_once(self, verbosity: int) -> None:
        rules = retention.with_retention()
        with tqdm(
            total=len(rules), desc="Fristen", unit="Art", disable=verbosity == 0, file=sys.stderr
        ) as bar:
            report = retention.run(progress=lambda _declaration: bar.update())
        purged = audit.purge_expired()
        for label, count in sorted(report.counts.items()):
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(
            f"Nach Frist bearbeitet: {report.total}, Protokolleinträge gelöscht: {purged}."
        )
