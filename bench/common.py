"""Shared pieces of the benchmarks: a prepared demo database, a real server, a load loop."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def bench_env(name: str) -> dict[str, str]:
    """Environment of a benchmark installation: its own var/ dir and SQLite database."""
    var_dir = ROOT / "var" / "bench" / name
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    env.update(
        WIR_VAR_DIR=str(var_dir),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SETTINGS_MODULE="wir.settings",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_demo(env: dict[str, str], scale: int = 1) -> None:
    """Migrate, load the demo (once per scale) and collect static files."""
    marker = Path(env["WIR_VAR_DIR"]) / f"demo-scale-{scale}.done"
    manage(env, "migrate", "--noinput", "-v0")
    if not marker.exists():
        manage(env, "load_demo", "--reset", "--no-progress", "--scale", str(scale), "-v0")
        marker.touch()
    manage(env, "collectstatic", "--noinput", "-v0")
    url = env.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        vacuum(url)


def vacuum(url: str) -> None:
    """VACUUM ANALYZE, as autovacuum would within minutes of a bulk load: planner statistics,
    and the GIN indexes' pending lists merged (rows inserted after an index was created wait
    in a list every search reads through until then)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(env: dict[str, str], workers: int = 2) -> Iterator[int]:
    """The production server on loopback; yields its port."""
    port = free_port()
    proc = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "wir.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--access-logfile",
            "-" if False else "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@dataclass
class LoadResult:
    requests: int
    seconds: float
    latencies_ms: list[float]
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load(
    port: int, path: str, requests: int, concurrency: int = 4, headers: dict[str, str] | None = None
) -> LoadResult:
    """Send `requests` GETs with `concurrency` client threads; bounded in count and time."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [requests]

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers or {})
                response = conn.getresponse()
                response.read()
                ok = response.status < 400
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors += 1
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return LoadResult(len(latencies), time.perf_counter() - started, latencies, errors)


def median(values: list[float]) -> float:
    return float(statistics.median(values))


# --- tools from Debian, PostgreSQL, wrk -------------------------------------------------
def ensure_debian(*packages: str, commands: tuple[str, ...] = ()) -> None:
    """Install Debian packages whose commands are missing (as root, else with sudo)."""
    missing = [
        pkg
        for pkg, cmd in zip(packages, commands or packages, strict=True)
        if shutil.which(cmd) is None and not Path("/usr/sbin", cmd).exists()
    ]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=apt_env)
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "-qq", *missing],
        check=True,
        env=apt_env,
        stdout=subprocess.DEVNULL,
    )


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} ended with exit code {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not start")


INITDB = ("-E", "UTF8", "--locale=C.UTF-8")


@contextmanager
def postgres(name: str) -> Iterator[str]:
    """A private PostgreSQL cluster (Debian's server) on a loopback port; yields its URL.

    The cluster stays in var/bench/<name>/pg so that the demo is loaded once; it runs
    only while the benchmark runs. Durability is off: it holds benchmark data only.
    """
    ensure_debian("postgresql", commands=("pg_ctlcluster",))
    version = sorted(Path("/usr/lib/postgresql").iterdir(), key=lambda p: int(p.name))[-1]
    bindir = version / "bin"
    data = ROOT / "var" / "bench" / name / "pg"
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
        data.chmod(0o700)
    if not (data / "PG_VERSION").exists():
        subprocess.run(
            [*as_pg, str(bindir / "initdb"), "-D", str(data), "-U", "wir", "--auth=trust", *INITDB],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    port = free_port()
    options = (
        f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    start = ["-w", "start", "-o", options]
    subprocess.run(
        [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), *start],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "wir", "wir"],
            check=False,
            stderr=subprocess.DEVNULL,
        )
        yield f"postgres://wir@127.0.0.1:{port}/wir"
    finally:
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )


@contextmanager
def gunicorn_server(
    env: dict[str, str],
    app: str = "wir.wsgi:application",
    *,
    workers: int = 2,
    worker_class: str = "sync",
    threads: int = 1,
    port: int | None = None,
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """gunicorn on loopback with the given worker model; yields (port, process)."""
    port = port or free_port()
    command = [PYTHON, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--worker-class", worker_class]
    command += ["--threads", str(threads), "--backlog", "2048", "--keep-alive", "5"]
    command += ["--log-level", "warning", "--access-logfile", "/dev/null"]
    proc = subprocess.Popen(command, cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)})
    try:
        _wait_for_port(port, proc, "gunicorn")
        yield port, proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format(
    "WRKJSON {\\"requests\\": %d, \\"seconds\\": %f, \\"p50_ms\\": %f, \\"p95_ms\\": %f, "
    .. "\\"p99_ms\\": %f, \\"errors\\": %d, \\"status_errors\\": %d}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.errors.status))
end
"""


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int


# Every request another address from a list, with a counter no cache has seen ("&_=t-n"):
# what uncached answers cost under load.
WRK_UNIQUE_SCRIPT = """
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
request = function()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, path .. sep .. "_=" .. tid .. "-" .. n)
end
"""


def wrk(
    port: int,
    path: str,
    *,
    seconds: float = 3,
    connections: int = 32,
    threads: int = 2,
    headers: dict[str, str] | None = None,
    unique_paths: list[str] | None = None,
) -> WrkResult:
    """Load `path` with wrk (C, event loop: not the bottleneck); bounded in time.

    With `unique_paths`, every request goes to the next of these addresses with a query
    parameter never used before, so no answer comes from a cache."""
    ensure_debian("wrk")
    content = WRK_SCRIPT
    name = "wrk-report.lua"
    if unique_paths:
        listed = ", ".join(json.dumps(p) for p in unique_paths)
        content = f"paths = {{{listed}}}\n{WRK_UNIQUE_SCRIPT}{WRK_SCRIPT}"
        name = f"wrk-unique-{hashlib.sha256(content.encode()).hexdigest()[:12]}.lua"
    script = ROOT / "var" / "bench" / name
    script.parent.mkdir(parents=True, exist_ok=True)
    if not script.exists() or script.read_text() != content:
        script.write_text(content)
    duration = f"{max(1, round(seconds))}s"
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", duration]
    command += ["--timeout", "10s", "-s", str(script)]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed: {done.stdout} {done.stderr}")
    out = done.stdout
    line = next(line for line in out.splitlines() if line.startswith("WRKJSON "))
    data = json.loads(line.removeprefix("WRKJSON "))
    return WrkResult(
        data["requests"] / data["seconds"],
        data["p50_ms"],
        data["p95_ms"],
        data["errors"] + data["status_errors"],
    )


def rss_mb(pid: int) -> float:
    """Resident memory (VmHWM: the peak) of one process in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []
