"""Background work of the translation workflow (django-tasks).

With the default (immediate) backend a task runs in the request that enqueues it. With
`WIR_MT_BACKGROUND=1` the admin only queues the job and `manage.py run_translation_jobs`
(a timer or `--loop`) works through queued jobs; progress is kept in `TranslationJob`.
"""

from __future__ import annotations

from django_tasks import task

from wir.translation.machine import jobs


@task()
def run_machine_job(job_id: int) -> int:
    """Translate the objects of a queued machine-translation job; returns objects done."""
    return jobs.run_job(job_id).done
