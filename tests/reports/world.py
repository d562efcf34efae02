"""The programme report's records for the authorisation matrix: a finished run per region,
its figures marked with the region's secret (a report is not public)."""

from __future__ import annotations

from typing import Any

from wir.accounts.models import User
from wir.core.models import Region
from wir.reports.data import Figure, SectionData
from wir.reports.models import ReportRun


def populate(region: Region, users: dict[str, User], secret: str) -> list[Any]:
    section = SectionData(
        key="offers",
        title=f"Angebote {secret}",
        year=2026,
        figures=[Figure(f"Kennzahl {secret}", 1, 0)],
    )
    run = ReportRun.objects.create(
        region=region,
        year=2026,
        status=ReportRun.Status.DONE,
        progress=100,
        result={"sections": {"offers": section.to_json()}},
    )
    return [run]
