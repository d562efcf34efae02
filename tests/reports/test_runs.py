"""Runs in the background: progress after each section, resuming an interrupted run,
failing visibly instead of hanging."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.reports.conftest import YEAR
from wir.reports import registry, runner
from wir.reports.data import SectionData
from wir.reports.models import ReportRun
from wir.reports.registry import SECTIONS, Section

pytestmark = pytest.mark.django_db


def test_a_run_computes_every_section_in_order(region, coordinator) -> None:
    run = ReportRun.objects.create(region=region, year=YEAR, requested_by=coordinator)
    run = runner.run_report(run.pk)
    assert (run.status, run.progress, run.current_section) == (ReportRun.Status.DONE, 100, "")
    assert run.finished_at is not None
    assert run.attempts == 1
    assert [s.key for s in runner.sections_of(run)] == [s.key for s in SECTIONS]
    assert runner.run_report(run.pk).finished_at == run.finished_at  # done stays done


def test_progress_is_saved_after_each_section(region, monkeypatch) -> None:
    seen: list[tuple[int, str]] = []

    def watching(key: str) -> Section:
        def compute(region_arg, year):  # reads the run as another process would
            stored = ReportRun.objects.get(pk=run.pk)
            seen.append((stored.progress, stored.current_section))
            return SectionData(key=key, title=key.upper(), year=year)

        return Section(key, key.upper(), compute)

    monkeypatch.setattr(runner, "SECTIONS", (watching("eins"), watching("zwei")))
    run = ReportRun.objects.create(region=region, year=YEAR)
    runner.run_report(run.pk)
    assert seen == [(0, "EINS"), (50, "ZWEI")]


def test_the_worker_resumes_an_interrupted_run_after_its_last_section(region) -> None:
    first = SECTIONS[0]
    kept = SectionData(key=first.key, title="schon fertig", year=YEAR).to_json()
    silent = timezone.now() - ReportRun.STALE_AFTER - timedelta(seconds=5)
    run = ReportRun.objects.create(
        region=region, year=YEAR, status=ReportRun.Status.RUNNING, attempts=1,
        progress=50, result={"sections": {first.key: kept}}, updated_at=silent,
    )  # fmt: skip
    running_fresh = ReportRun.objects.create(
        region=region, year=YEAR - 1, status=ReportRun.Status.RUNNING, attempts=1
    )
    assert run.interrupted
    assert not running_fresh.interrupted
    call_command("run_report_runs", verbosity=0)  # one pass of the worker
    run.refresh_from_db()
    assert (run.status, run.attempts, run.progress) == (ReportRun.Status.DONE, 2, 100)
    sections = runner.sections_of(run)
    assert sections[0].title == "schon fertig"  # not computed again
    assert [s.key for s in sections] == [s.key for s in SECTIONS]
    running_fresh.refresh_from_db()
    assert running_fresh.status == ReportRun.Status.RUNNING  # its worker is alive: not taken


def test_a_run_interrupted_too_often_fails_with_a_message(region) -> None:
    silent = timezone.now() - ReportRun.STALE_AFTER - timedelta(seconds=5)
    run = ReportRun.objects.create(
        region=region, year=YEAR, status=ReportRun.Status.RUNNING,
        attempts=ReportRun.MAX_ATTEMPTS, updated_at=silent,
    )  # fmt: skip
    assert runner.run_next() is None
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert "mehrfach unterbrochen" in run.error


def test_a_failing_section_fails_the_run_and_names_it(region, monkeypatch) -> None:
    def broken(region_arg, year):
        raise ValueError("kaputt")

    monkeypatch.setattr(
        runner, "SECTIONS", (*registry.SECTIONS, Section("kaputt", "Kaputter Abschnitt", broken))
    )
    run = runner.run_report(ReportRun.objects.create(region=region, year=YEAR).pk)
    assert run.status == ReportRun.Status.FAILED
    assert run.error == "Der Abschnitt „Kaputter Abschnitt“ konnte nicht berechnet werden."
    assert len(runner.sections_of(run)) == len(registry.SECTIONS)  # the others are kept


def test_nobody_working_on_a_run_for_long_shows_it_as_failed(region) -> None:
    long_ago = timezone.now() - ReportRun.ABANDONED_AFTER - timedelta(minutes=1)
    run = ReportRun.objects.create(
        region=region, year=YEAR, created_at=long_ago, updated_at=long_ago
    )
    assert run.abandoned
    assert run.finished
    assert not run.waiting_long
