"""Shared pieces of the load and crash runs: the server as in production (gunicorn with
wir/gunicorn_conf.py), locust as the load tool, the Django-side checks, PostgreSQL."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import PYTHON, ROOT, bench_env, free_port, manage

HERE = Path(__file__).resolve().parent
WORKERS = 2
THREADS = 8
# The limit per worker (wir/core/shedding.py); WIR_MAX_IN_FLIGHT=2 bench/run.py load tries another.
MAX_IN_FLIGHT = int(os.environ.get("WIR_MAX_IN_FLIGHT", "4"))


def environment(name: str) -> dict[str, str]:
    """The bench installation; on PostgreSQL (DATABASE_URL set by with_postgres.sh) its
    database, else its own SQLite file."""
    database = os.environ.get("DATABASE_URL", "") if os.environ.get("WIR_BENCH_ON_POSTGRES") else ""
    env = bench_env(f"{name}-pg" if database else name)
    if database:
        env["DATABASE_URL"] = database
    env.update(
        WIR_TRUSTED_PROXIES="1",  # the load tool says which visitor it is (X-Forwarded-For)
        WIR_MAX_IN_FLIGHT=str(MAX_IN_FLIGHT),
        WIR_WORKERS=str(WORKERS),
        WIR_THREADS=str(THREADS),
        EMAIL_URL="dummy:",
    )
    return env


def prepare(env: dict[str, str]) -> None:
    """Migrate and load the demo once per database (the marker is in the database itself:
    a PostgreSQL cluster may have been thrown away since)."""
    manage(env, "migrate", "--noinput", "-v0")
    probe = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c",
         "from wir.core.models import Region; "
         "print(Region.objects.filter(slug='wetterau').count())"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    if probe.stdout.strip().splitlines()[-1] == "0":
        manage(env, "load_demo", "--reset", "--no-progress", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


def side(env: dict[str, str], *args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [PYTHON, str(HERE / "django_side.py"), *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=True,
    )  # fmt: skip
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


class Server:
    """gunicorn in its own process group, so that a SIGKILL takes master and workers."""

    def __init__(self, env: dict[str, str], port: int | None = None) -> None:
        self.env = env
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "python:wir.gunicorn_conf", "wir.wsgi:application",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "error",
             "--access-logfile", "/dev/null"],
            cwd=ROOT, env=self.env, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # up means: a worker answers /healthz
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
                conn.close()
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def kill(self) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=60)


@dataclass
class Run:
    seconds: float
    requests: int
    ok: int
    shed: int
    errors: list[str]
    latencies_ms: list[float]
    acks_path: Path

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def p95(self) -> float:
        ordered = sorted(self.latencies_ms) or [0.0]
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def locust(
    env: dict[str, str], port: int, plan: Path, out: Path, users: int, seconds: int,
    user_rps: float = 0.0, mix: str = "all",
) -> subprocess.Popen[bytes]:  # fmt: skip
    """Start locust (headless) for `seconds`."""
    load_env = {**env, "WIR_BENCH_PLAN": str(plan), "WIR_BENCH_OUT": str(out),
                "WIR_BENCH_MIX": mix, "WIR_BENCH_USER_RPS": str(user_rps)}  # fmt: skip
    proc = subprocess.Popen(
        [PYTHON, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
         "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--stop-timeout", "15",
         "--host", f"http://127.0.0.1:{port}", "--only-summary", "--loglevel", "ERROR",
         "--exit-code-on-error", "0"],
        cwd=ROOT, env=load_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return proc


def finish(proc: subprocess.Popen[bytes], seconds: float, out: Path) -> Run:
    """Wait for locust; `seconds` is the run time it was given (requests/s are per that)."""
    proc.wait(timeout=600)
    stats = json.loads(out.with_suffix(".stats.json").read_text())
    ok, shed, errors = len(stats["ok"]), len(stats["shed"]), stats["errors"]
    return Run(
        seconds, ok + shed + len(errors), ok, shed, errors, stats["latencies_ms"],
        out.with_suffix(".acks.jsonl"),
    )  # fmt: skip


def on_postgres(script: str) -> list[str]:
    """Run `script --postgres-run` inside scripts/with_postgres.sh; its JSON lines."""
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "with_postgres.sh"), PYTHON, str(HERE / script)],
        cwd=ROOT, env={**os.environ, "WIR_BENCH_ON_POSTGRES": "1"}, stdout=subprocess.PIPE,
        text=True, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        print(f"{script} on PostgreSQL failed ({proc.returncode})", file=sys.stderr)
    return [line for line in proc.stdout.splitlines() if line.startswith("{")]
