"""Writes of the programme report: asking for a run."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from wir.accounts.models import User
from wir.accounts.permissions import can
from wir.accounts.roles import Perm
from wir.core.models import Region
from wir.reports.models import ReportRun


class NotAllowedError(Exception):
    pass


def request_report(user: User, region: Region, year: int) -> tuple[ReportRun, bool]:
    """Queue a run of the report for (region, year); (run, created).

    A run of the same region and year that is still queued or running (and not abandoned)
    is returned instead of a second one: two clicks make one report.
    """
    if not can(user, Perm.VIEW_REPORTS, region):
        raise NotAllowedError
    with transaction.atomic():
        pending = (
            ReportRun.objects.select_for_update()
            .filter(
                region=region,
                year=year,
                status__in=[ReportRun.Status.QUEUED, ReportRun.Status.RUNNING],
                updated_at__gte=timezone.now() - ReportRun.ABANDONED_AFTER,
            )
            .first()
        )
        if pending is not None:
            return pending, False
        run = ReportRun.objects.create(region=region, year=year, requested_by=user)
    return run, True
