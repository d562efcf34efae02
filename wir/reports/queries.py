"""Reads of the programme report and the loader of a run."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from wir.accounts.permissions import AnyUser, access_region
from wir.accounts.roles import Perm
from wir.core.models import Region
from wir.reports.models import ReportRun

RECENT_RUNS = 20


def access_report_run(user: AnyUser, region_slug: str, run_id: int) -> ReportRun:
    """A run of the region for someone who may read its reports; missing and forbidden
    look alike (404)."""
    region = access_region(user, region_slug, Perm.VIEW_REPORTS)
    run = (
        ReportRun.objects.select_related("region", "requested_by")
        .filter(region=region, pk=run_id)
        .first()
    )
    if run is None:
        raise Http404("Bericht nicht gefunden")
    return run


def recent_runs(region: Region) -> QuerySet[ReportRun]:
    return (
        ReportRun.objects.filter(region=region)
        .select_related("requested_by")
        .defer("result")
        .order_by("-created_at")[:RECENT_RUNS]
    )
