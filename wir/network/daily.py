"""The network's daily work: reminders of agreed tasks.

Run once a day (`manage.py network_daily`). Idempotent: each task gets at most one
reminder before it is due (three days ahead) and one when it is overdue; the last one
sent is kept on the task, so a second run on the same day sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from wir.network import notify
from wir.network.models import NetworkTask, WorkStatus

DAYS_AHEAD = 3
SOON = "soon"
OVERDUE = "overdue"


@dataclass
class DailyResult:
    soon: int = 0
    overdue: int = 0


def reminder_due(task_due: date, reminded: str, today: date) -> str:
    """Which reminder a task needs today: "soon", "overdue" or "" (none). Pure."""
    if task_due < today:
        return OVERDUE if reminded != OVERDUE else ""
    if task_due <= today + timedelta(days=DAYS_AHEAD):
        return SOON if reminded == "" else ""
    return ""


def run(today: date | None = None) -> DailyResult:
    today = today or timezone.localdate()
    result = DailyResult()
    open_tasks = (
        NetworkTask.objects.exclude(status=WorkStatus.DONE)
        .filter(due_on__lte=today + timedelta(days=DAYS_AHEAD))
        .exclude(reminded=OVERDUE)
        .select_related("owner", "meeting")
        .order_by("pk")
    )
    for task in open_tasks:
        kind = reminder_due(task.due_on, task.reminded, today)
        if not kind:
            continue
        with transaction.atomic():
            # Mark first, in the same transaction: a crash after it sends no duplicate;
            # a second run skips what is marked.
            marked = NetworkTask.objects.filter(pk=task.pk, reminded=task.reminded).update(
                reminded=kind
            )
            if not marked:
                continue
            transaction.on_commit(partial(notify.send_task_reminder, task, kind == OVERDUE))
        if kind == OVERDUE:
            result.overdue += 1
        else:
            result.soon += 1
    return result
