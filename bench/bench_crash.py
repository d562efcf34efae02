"""Crash run: a stream of acknowledged writes, the server killed with SIGKILL in the
middle (three times) and restarted; a backup taken and a background job killed meanwhile.

Writes come from the scenario registry (bench/scenarios/, the scenarios marked `write`).
After the run: every acknowledged write is in the database, the invariants hold, the
database's integrity check passes (SQLite `PRAGMA integrity_check`, PostgreSQL amcheck),
the backup finished, and the report worker, killed in the middle of the third of a queue
of reports (timed by its first two), was resumed by a new worker (after dating the run
back by ReportRun.STALE_AFTER, the wait a real restart has) and every run
is done or failed visibly, never left "running". On SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT
from loadkit import Server, environment, finish, locust, on_postgres, prepare, side

SECONDS = 45
KILLS_AT = (10.0, 22.0, 34.0)  # seconds into the write stream
WRITERS = 16
WRITES_PER_WRITER = 0.5  # per second: 8 writes/s, about what this machine sustains


def worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PYTHON, "manage.py", "run_report_runs", "--loop", "--interval", "0.5"],
        # Unbuffered: each finished report's line arrives at once, not when a pipe
        # buffer fills (kill_mid_report times the reports by them).
        cwd=ROOT, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


def kill_mid_report(jobs: subprocess.Popen[bytes]) -> None:
    """SIGKILL the worker in the middle of its third report: the time between its first two
    "done" lines is one report; half of that after the second, the third is running."""
    assert jobs.stdout is not None
    if not jobs.stdout.readline():
        return
    first = time.monotonic()
    if not jobs.stdout.readline():
        return
    second = time.monotonic()
    time.sleep((second - first) / 2)
    os.killpg(jobs.pid, signal.SIGKILL)


def run() -> dict[str, object]:
    env = environment("crash")
    prepare(env)
    var = Path(env["WIR_VAR_DIR"])
    plan = var / "plan.json"
    side(env, "prepare", str(plan))
    server = Server(env)
    server.start()
    queued = set(side(env, "report", "queue")["runs"])
    jobs = worker(env)
    killer = threading.Thread(target=kill_mid_report, args=(jobs,), daemon=True)
    killer.start()
    backup_file = var / "backup.tar.gz"
    backup_file.unlink(missing_ok=True)
    backup: subprocess.Popen[bytes] | None = None
    restarts: list[float] = []
    load = locust(env, server.port, plan, var / "writes", WRITERS, SECONDS,
                  user_rps=WRITES_PER_WRITER, mix="writes")  # fmt: skip
    started = time.monotonic()
    try:
        for index, at in enumerate(KILLS_AT):
            while time.monotonic() - started < at:
                time.sleep(0.2)
            server.kill()
            if index == 0 and jobs.poll() is None:  # not yet killed: dies with the server
                os.killpg(jobs.pid, signal.SIGKILL)
            if index == 0:
                jobs.wait()
            down = time.monotonic()
            server.start()
            restarts.append(time.monotonic() - down)
            if backup is None:  # between the first and the second kill, writes going on
                backup = subprocess.Popen(
                    [PYTHON, "manage.py", "backup", str(backup_file), "--no-progress"],
                    cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )  # fmt: skip
        writes = finish(load, SECONDS, var / "writes")
    finally:
        server.stop()
    backup_rc = backup.wait(timeout=600) if backup is not None else None
    side(env, "report", "stale")
    resumed = subprocess.run(
        [PYTHON, "manage.py", "run_report_runs"], cwd=ROOT, env=env, capture_output=True,
        check=False,
    )  # fmt: skip
    runs = [run for run in side(env, "report", "status")["report_runs"] if run["pk"] in queued]
    checked = side(env, "check", str(plan), str(writes.acks_path))
    return {
        "bench": "crash",
        "database": "postgresql" if "DATABASE_URL" in env else "sqlite",
        "seconds": SECONDS,
        "kills_survived": len(restarts),
        "restart_until_healthy_s_median": round(sorted(restarts)[len(restarts) // 2], 2),
        "writes_sent": writes.requests,
        "writes_refused_while_down": len(writes.errors),
        "writes_shed": writes.shed,
        **checked,
        "backup_during_run": "ok"
        if backup_rc == 0 and backup_file.exists()
        else f"failed ({backup_rc})",
        "backup_bytes": backup_file.stat().st_size if backup_file.exists() else 0,
        "report_worker_killed": True,
        "report_runs": len(runs),
        "report_runs_done": sum(1 for r in runs if r["status"] == "done"),
        # Runs the killed worker had started and another worker finished (attempts > 1).
        "report_runs_resumed": sum(1 for r in runs if r["attempts"] > 1),
        "report_resume_exit": resumed.returncode,
        "no_job_left_running": all(r["status"] in {"done", "failed"} for r in runs),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    print(json.dumps(run()), flush=True)
    if not os.environ.get("WIR_BENCH_ON_POSTGRES"):
        for line in on_postgres("bench_crash.py"):
            print(line, flush=True)


if __name__ == "__main__":
    main()
