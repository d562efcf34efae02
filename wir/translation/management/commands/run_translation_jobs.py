"""Work through queued machine-translation jobs (with WIR_MT_BACKGROUND=1)."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

from wir.translation.machine import jobs
from wir.translation.models import TranslationJob

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run queued machine-translation jobs; with --loop keep waiting for new ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep running, poll for jobs")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between polls")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            while True:
                try:
                    self.run_queued()
                except DatabaseError:
                    if not options["loop"]:
                        raise
                    # e.g. SQLite busy while the web process writes: try again next round
                    logger.exception("run_translation_jobs: database error, retrying")
                    close_old_connections()
                if not options["loop"]:
                    return
                time.sleep(options["interval"])
        except KeyboardInterrupt:
            return

    def run_queued(self) -> None:
        for job_id in jobs.requeue_stale():  # left running by a worker that was killed
            self.stdout.write(f"job {job_id}: resumed after an interrupted worker")
        queued = list(
            TranslationJob.objects.filter(
                kind=TranslationJob.Kind.MACHINE, status=TranslationJob.Status.QUEUED
            )
            .order_by("created_at")
            .values_list("pk", flat=True)
        )
        for job_id in queued:
            job = jobs.run_job(job_id)
            self.stdout.write(f"job {job.pk}: {job.status} {job.done}/{job.total}")
