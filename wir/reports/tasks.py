"""Background work of the programme report (django-tasks).

With the default (immediate) backend the task runs in the request that enqueues it. With
WIR_REPORTS_BACKGROUND=1 the admin only queues the run and `manage.py run_report_runs
--loop` works through the queue (`runner.run_next`).
"""

from __future__ import annotations

from django_tasks import task

from wir.reports import runner


@task()
def generate_report(run_id: int) -> int:
    """Compute a queued run; returns its progress."""
    return runner.run_report(run_id).progress
