"""Public pages and API under load against the ceiling of the same server, SQLite and PostgreSQL.

For each database: gunicorn (DEBUG=0, the worker model below) serves the platform and, in
the same processes, a tiny WSGI app that returns the very status, headers and bytes the
platform gave for each target (bench/ceiling_app.py): the ceiling of what server, sockets
and load generator can do on this machine. wrk (C, one event loop per thread) makes the
load, so the client is not the bottleneck. Each row: requests/s, p50/p95 (medians over
ROUNDS rounds), the ceiling's requests/s measured in the same rounds, their ratio and the
issue's target. Plus the peak RSS of each worker.

Worker model: WIR_BENCH_WORKER_CLASS (default gthread), WIR_BENCH_WORKERS (2),
WIR_BENCH_THREADS (4); see docs/operations.md for why. WIR_BENCH_ROWS (comma-separated
target names, default all) measures only those rows.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    bench_env,
    children,
    gunicorn_server,
    median,
    postgres,
    prepare_demo,
    rss_mb,
    wrk,
)

ROUNDS = int(os.environ.get("WIR_BENCH_ROUNDS", "3"))
SECONDS = float(os.environ.get("WIR_BENCH_SECONDS", "2"))
WORKER_CLASS = os.environ.get("WIR_BENCH_WORKER_CLASS", "gthread")
WORKERS = int(os.environ.get("WIR_BENCH_WORKERS", "2"))
THREADS = int(os.environ.get("WIR_BENCH_THREADS", "4"))
ROWS = [r for r in os.environ.get("WIR_BENCH_ROWS", "").split(",") if r]  # default: all rows
BROWSER = {"Accept-Encoding": "br, gzip", "Accept-Language": "de"}


@dataclass
class Target:
    name: str
    path: str
    connections: int
    goal: str
    min_ratio: float | None = None
    revalidate: bool = False
    unique: list[str] | None = None  # every request a new address: no cache answers
    rps: list[float] = field(default_factory=list)
    p50: list[float] = field(default_factory=list)
    p95: list[float] = field(default_factory=list)
    ceiling: list[float] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


def targets() -> list[Target]:
    api = "/api/v3/wetterau/de/pages/"
    return [
        Target("api_pages", api, 32, ">= 0.5 x ceiling", 0.5),
        Target("api_pages_304", api, 32, ">= 0.8 x ceiling", 0.8, revalidate=True),
        Target("region_home", "/wetterau/de/", 32, ">= 0.3 x ceiling", 0.3),
        Target("content_page", "/wetterau/de/erste-schritte/", 32, ">= 0.3 x ceiling", 0.3),
        Target(
            "directory_filtered",
            "/wetterau/de/was-ist-wo/?kategorie=counselling&kategorie=leisure_families"
            "&zielgruppe=families&kostenlos=1",
            4,
            ">= 3 x 35-60 req/s, p95 < 50 ms",
        ),
        Target("search", "/wetterau/de/suche/?q=Beratung", 4, ">= 3 x 35-60 req/s, p95 < 50 ms"),
        # The same two under load without any cache: every request another filter or word
        # and a parameter never seen before.
        Target(
            "directory_filtered_uncached",
            DIRECTORY_FILTERS[0],
            4,
            ">= 3 x 35-60 req/s, p95 < 50 ms",
            unique=DIRECTORY_FILTERS,
        ),
        Target(
            "search_uncached",
            SEARCHES[0],
            4,
            ">= 3 x 35-60 req/s, p95 < 50 ms",
            unique=SEARCHES,
        ),
    ]


DIRECTORY_FILTERS = [
    "/wetterau/de/was-ist-wo/?kategorie=counselling&kategorie=leisure_families"
    "&zielgruppe=families&kostenlos=1",
    "/wetterau/de/was-ist-wo/?kategorie=language_course",
    "/wetterau/de/was-ist-wo/?zielgruppe=youth&kostenlos=1",
    "/wetterau/de/was-ist-wo/?kategorie=counselling&zielgruppe=women",
    "/wetterau/de/was-ist-wo/?kategorie=leisure_youth&seite=2",
    "/wetterau/de/was-ist-wo/?kategorie=vocational_training&zielgruppe=job_seekers",
]
SEARCHES = [
    f"/wetterau/de/suche/?q={word}"
    for word in ("Beratung", "Sprachkurs", "Kita", "Wohnung", "Arbeit", "Jobcenter", "Familie")
]


def record(
    folder: Path, name: str, status: int, reason: str, headers: list[tuple[str, str]], body: bytes
) -> None:
    """Keep an answer of the platform for the ceiling app (bench/ceiling_app.py)."""
    kept = [(n, v) for n, v in headers if n.lower() not in {"date", "server", "connection"}]
    data = {
        "status": f"{status} {reason}",
        "headers": kept,
        "body": base64.b64encode(body).decode(),
    }
    (folder / f"{name}.json").write_text(json.dumps(data))


def get(port: int, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


def measure(database: str, env: dict[str, str]) -> list[dict[str, object]]:
    rows = [row for row in targets() if not ROWS or row.name in ROWS]
    ceiling_dir = Path(tempfile.mkdtemp(prefix="wir-ceiling-"))
    env = {**env, "WIR_BENCH_CEILING_DIR": str(ceiling_dir)}
    with gunicorn_server(
        env,
        "bench.ceiling_app:application",
        workers=WORKERS,
        worker_class=WORKER_CLASS,
        threads=THREADS,
    ) as (port, proc):
        for row in rows:
            row.headers = dict(BROWSER)
            for _ in range(3):  # warm: every worker renders and stores it
                first = get(port, row.path, row.headers)
                if first.status != 200:
                    raise SystemExit(f"{row.path} answered {first.status}")
            if row.revalidate:
                row.headers["If-None-Match"] = first.getheader("ETag") or ""
                first = get(port, row.path, row.headers)
                if first.status != 304:
                    raise SystemExit(f"{row.path} revalidated with {first.status}")
            record(
                ceiling_dir,
                row.name,
                first.status,
                first.reason,
                first.getheaders(),
                first.body,  # type: ignore[attr-defined]
            )
        for _round in range(ROUNDS):
            for row in rows:
                result = wrk(
                    port,
                    row.path,
                    seconds=SECONDS,
                    connections=row.connections,
                    headers=row.headers,
                    unique_paths=row.unique,
                )
                if result.errors:
                    raise SystemExit(f"{row.path}: {result.errors} errors under load")
                row.rps.append(result.rps)
                row.p50.append(result.p50_ms)
                row.p95.append(result.p95_ms)
                top = wrk(
                    port,
                    f"/__ceiling__/{row.name}",
                    seconds=SECONDS,
                    connections=row.connections,
                    headers=row.headers,
                )
                row.ceiling.append(top.rps)
        workers = children(proc.pid)
        peak_rss = max(rss_mb(pid) for pid in workers)
    server = f"gunicorn {WORKER_CLASS}, {WORKERS} workers x {THREADS} threads, DEBUG=0"
    lines: list[dict[str, object]] = []
    for row in rows:
        rps, ceiling = median(row.rps), median(row.ceiling)
        ratio = rps / ceiling
        p95 = median(row.p95)
        met = ratio >= row.min_ratio if row.min_ratio else rps >= 3 * 35 and p95 < 50
        lines.append(
            {
                "bench": "http_pages",
                "database": database,
                "target": row.name,
                "path": row.path,
                "connections": row.connections,
                "rounds": ROUNDS,
                "seconds_per_round": SECONDS,
                "server": server,
                "load": "wrk, 2 threads",
                "rps_median": round(rps, 1),
                "p50_ms_median": round(median(row.p50), 2),
                "p95_ms_median": round(p95, 2),
                "ceiling_rps_median": round(ceiling, 1),
                "ratio_to_ceiling": round(ratio, 3),
                "goal": row.goal,
                "goal_met": met,
            }
        )
    lines.append(
        {
            "bench": "http_pages",
            "database": database,
            "target": "peak_rss_per_worker",
            "server": server,
            "rss_mb_max": round(peak_rss, 1),
            "goal": "< 250 MB",
            "goal_met": peak_rss < 250,
        }
    )
    return lines


def main() -> None:
    databases = os.environ.get("WIR_BENCH_DATABASES", "sqlite,postgresql").split(",")
    if "sqlite" in databases:
        env = bench_env("http")
        prepare_demo(env)
        for line in measure("sqlite", env):
            print(json.dumps(line), flush=True)
    if "postgresql" not in databases:
        return
    env = bench_env("http-pg")
    with postgres("http-pg") as url:
        env["DATABASE_URL"] = url
        prepare_demo(env)
        for line in measure("postgresql", env):
            print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
