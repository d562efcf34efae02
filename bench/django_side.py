"""The Django side of the load and crash runs (run with the bench's environment).

`python bench/django_side.py prepare PLAN.json`: every scenario's prepare(), once per
function, written as {scenario name: data}.
`python bench/django_side.py check PLAN.json ACKS.jsonl`: every acknowledged write looked up
in the database, every scenario's invariants, and the database's own integrity check
(SQLite `PRAGMA integrity_check` and foreign keys; PostgreSQL `amcheck` on every B-tree
index); prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project

from scenarios import discover


def prepare(plan_path: Path) -> None:
    done: dict[Any, dict[str, Any]] = {}
    plan = {}
    for scenario in discover():
        if scenario.prepare not in done:
            done[scenario.prepare] = scenario.prepare()
        plan[scenario.name] = done[scenario.prepare]
    settled = set()
    for scenario in discover():
        if scenario.settle is not None and scenario.settle not in settled:
            settled.add(scenario.settle)
            scenario.settle()
    plan_path.write_text(json.dumps(plan))


def integrity() -> list[str]:
    from django.db import connection

    problems: list[str] = []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check")
            problems += [row[0] for row in cursor.fetchall() if row[0] != "ok"]
            cursor.execute("PRAGMA foreign_key_check")
            problems += [f"foreign key: {row}" for row in cursor.fetchall()]
        else:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
            cursor.execute(
                "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE a.amname = 'btree' AND n.nspname = 'public' AND i.indisvalid"
            )
            for (index,) in cursor.fetchall():
                try:
                    cursor.execute("SELECT bt_index_check(%s::regclass, true)", [index])
                except Exception as error:  # one broken index must not hide the others
                    problems.append(f"{index}: {error}")
    return problems


def check(plan_path: Path, acks_path: Path) -> None:
    from django.apps import apps

    plan = json.loads(plan_path.read_text())
    scenarios = {s.name: s for s in discover()}
    acknowledged = missing = 0
    lost: list[str] = []
    for line in acks_path.read_text().splitlines() if acks_path.exists() else []:
        name, token = json.loads(line)
        expected = scenarios[name].expect(plan[name], token)
        if expected is None:
            continue
        acknowledged += 1
        label, lookup = expected
        if not apps.get_model(label).objects.filter(**lookup).exists():
            missing += 1
            lost.append(f"{name} {token}")
    broken: list[str] = []
    seen = set()
    for scenario in scenarios.values():
        if scenario.invariants not in seen:
            seen.add(scenario.invariants)
            broken += scenario.invariants()
    problems = integrity()
    print(
        json.dumps(
            {
                "acknowledged_writes": acknowledged,
                "lost_writes": missing,
                "lost_examples": lost[:5],
                "broken_invariants": len(broken),
                "broken_examples": broken[:5],
                "integrity_problems": problems[:5],
                "integrity_ok": not problems,
            }
        )
    )


REPORT_RUNS = 6


def report_job(action: str) -> None:
    """The background job of the crash run: a programme report computed by the worker.
    `queue`: a new run for the demo region; `stale`: a run left running by the killed
    worker is dated back by ReportRun.STALE_AFTER (the time a real restart would wait);
    `status`: the runs' states."""
    from datetime import timedelta

    from django.utils import timezone

    from wir.core.models import Region
    from wir.reports.models import ReportRun

    if action == "queue":
        # A queue: the worker is killed when it reports the first one done, in the middle
        # of the next (bench_crash.py).
        region = Region.objects.get(slug="wetterau")
        year = timezone.localdate().year
        queued = [
            ReportRun.objects.create(region=region, year=year - 1 - number % 2).pk
            for number in range(REPORT_RUNS)
        ]
        print(json.dumps({"runs": queued}))
    elif action == "stale":
        back = timezone.now() - ReportRun.STALE_AFTER - timedelta(seconds=1)
        left = ReportRun.objects.filter(status=ReportRun.Status.RUNNING).update(updated_at=back)
        print(json.dumps({"left_running": left}))
    else:
        runs = list(ReportRun.objects.values("pk", "status", "progress", "attempts", "error"))
        print(json.dumps({"report_runs": runs}))


def main() -> None:
    import django

    django.setup()
    command, *paths = sys.argv[1:]
    if command == "prepare":
        prepare(Path(paths[0]))
    elif command == "report":
        report_job(paths[0])
    else:
        check(Path(paths[0]), Path(paths[1]))


if __name__ == "__main__":
    main()
