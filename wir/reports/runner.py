"""Computing a report run, section by section, with progress saved after each.

Who runs: with WIR_REPORTS_BACKGROUND=1 (set by `make run`) the worker
`manage.py run_report_runs --loop` picks up queued runs; otherwise the request that asks
for a report runs it at once (the immediate task backend). A run whose worker died
(running, silent for `ReportRun.STALE_AFTER`) is picked up again by the next worker round
and resumes after its last finished section; after `MAX_ATTEMPTS` it fails visibly.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.reports.data import SectionData
from wir.reports.models import ReportRun
from wir.reports.registry import SECTIONS

logger = logging.getLogger(__name__)


def claim_next() -> ReportRun | None:
    """The oldest queued run, or a run whose worker died; marked running for this worker.
    Runs interrupted too often are failed on the way."""
    while True:
        with transaction.atomic():
            stale = timezone.now() - ReportRun.STALE_AFTER
            run = (
                ReportRun.objects.select_for_update()
                .filter(
                    Q(status=ReportRun.Status.QUEUED)
                    | Q(status=ReportRun.Status.RUNNING, updated_at__lt=stale)
                )
                .order_by("created_at")
                .first()
            )
            if run is None:
                return None
            if run.attempts >= ReportRun.MAX_ATTEMPTS:
                _fail(run, _("Die Erstellung wurde mehrfach unterbrochen. Bitte neu anfordern."))
                continue
            run.status = ReportRun.Status.RUNNING
            run.attempts += 1
            run.updated_at = timezone.now()
            run.save(update_fields=["status", "attempts", "updated_at"])
            return run


def run_report(run_id: int) -> ReportRun:
    """Compute the sections still missing in the run, saving progress after each."""
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().select_related("region").get(pk=run_id)
        if run.status in {ReportRun.Status.DONE, ReportRun.Status.FAILED}:
            return run
        if run.status == ReportRun.Status.QUEUED:
            run.attempts += 1
        run.status = ReportRun.Status.RUNNING
        run.updated_at = timezone.now()
        run.save(update_fields=["status", "attempts", "updated_at"])
    done: dict[str, object] = dict(run.result.get("sections", {}))
    for index, spec in enumerate(SECTIONS):
        if spec.key in done:
            continue  # finished before an interruption
        run.current_section = str(spec.title)
        _save_progress(run, index)
        try:
            data = spec.compute(run.region, run.year)
        except Exception:
            logger.exception("report run %s: section %s failed", run.pk, spec.key)
            _fail(run, _("Der Abschnitt „%(title)s“ konnte nicht berechnet werden.")
                  % {"title": spec.title})  # fmt: skip
            return run
        done[spec.key] = data.to_json()
        run.result = {"sections": done}
        _save_progress(run, index + 1)
    run.status = ReportRun.Status.DONE
    run.current_section = ""
    run.progress = 100
    run.finished_at = run.updated_at = timezone.now()
    run.save(update_fields=["status", "current_section", "progress", "finished_at", "updated_at"])
    return run


def _save_progress(run: ReportRun, sections_done: int) -> None:
    run.progress = sections_done * 100 // len(SECTIONS)
    run.updated_at = timezone.now()
    run.save(update_fields=["progress", "current_section", "result", "updated_at"])


def _fail(run: ReportRun, error: str) -> None:
    run.status = ReportRun.Status.FAILED
    run.error = error[:500]
    run.finished_at = run.updated_at = timezone.now()
    run.save(update_fields=["status", "error", "finished_at", "updated_at"])


def sections_of(run: ReportRun) -> list[SectionData]:
    """The finished sections of a run, in the report's order (JSON objects keep none)."""
    stored = run.result.get("sections", {}) if isinstance(run.result, dict) else {}
    return [SectionData.from_json(stored[spec.key]) for spec in SECTIONS if spec.key in stored]


def run_next() -> ReportRun | None:
    """One round of the worker: claim a run and compute it; None when there was none."""
    run = claim_next()
    return None if run is None else run_report(run.pk)
