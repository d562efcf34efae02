"""Several app servers behind one nginx, with one PostgreSQL and one shared Redis.

Starts (as unprivileged processes, configs in a temporary folder, loopback ports only):
PostgreSQL (the demo of bench_http), redis-server, two gunicorn app servers and nginx with
deploy/nginx.conf. The replica alias (DATABASE_REPLICA_URL) points at the same PostgreSQL
server: this proves the routing works end to end, not the speed of a second machine.

Proves, and fails otherwise:
- a publish through app server 1 (the demo coordinator signs in there with password and
  second factor and saves a translation, which publishes the page) is visible at once
  through app server 2 and through nginx, although both had the old page in the cache;
- rate limits are shared: feedback beyond the hourly limit through server 1 is refused by
  server 2 as well;
- signed-in sessions live in Redis and the database: the coordinator's session cookie
  from server 1 opens the back office through server 2.
Reports requests/s through nginx (wrk, 32 connections) next to one app server alone.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    PYTHON,
    ROOT,
    _wait_for_port,
    bench_env,
    ensure_debian,
    free_port,
    gunicorn_server,
    median,
    postgres,
    prepare_demo,
    wrk,
)
from scenarios.translation import TITLE, EditorFields

ROUNDS = int(os.environ.get("WIR_BENCH_ROUNDS", "3"))
SECONDS = float(os.environ.get("WIR_BENCH_SECONDS", "2"))
PAGE = "/wetterau/de/erste-schritte/"
API = "/api/v3/wetterau/de/pages/"
BROWSER = {"Accept-Encoding": "br, gzip", "Accept-Language": "de"}


def unprivileged() -> list[str]:
    """As root: run as nobody (setpriv execs the program itself, so signals reach it)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


@contextmanager
def redis_server(folder: Path) -> Iterator[int]:
    ensure_debian("redis-server")
    port = free_port()
    command = [*unprivileged(), "redis-server", "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
    command += ["--maxmemory-policy", "noeviction", "--loglevel", "warning"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        _wait_for_port(port, proc, "redis-server")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def nginx_config(folder: Path, listen: int, servers: list[int], static_root: Path) -> Path:
    """The main config around deploy/nginx.conf, with this run's ports and folders."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    site = site.replace("127.0.0.1:8001", f"127.0.0.1:{servers[0]}")
    site = site.replace("127.0.0.1:8002", f"127.0.0.1:{servers[1]}")
    site = site.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{listen};")
    site = site.replace("/srv/wir/var/static/", f"{static_root}/")
    if str(listen) not in site or str(servers[1]) not in site:
        raise SystemExit("deploy/nginx.conf no longer has the lines the benchmark adapts")
    (folder / "site.conf").write_text(site)
    main = f"""
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""
    path = folder / "nginx.conf"
    path.write_text(main)
    return path


@contextmanager
def nginx(folder: Path, servers: list[int], static_root: Path) -> Iterator[int]:
    ensure_debian("nginx")
    port = free_port()
    config = nginx_config(folder, port, servers, static_root)
    nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
    command = [*unprivileged(), nginx_bin, "-c", str(config), "-p", str(folder)]
    proc = subprocess.Popen([*command, "-g", "daemon off;"])
    try:
        _wait_for_port(port, proc, "nginx")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def request(
    port: int, method: str, path: str, headers: dict[str, str] | None = None, body: str = ""
) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(method, path, body=body or None, headers={"Host": "127.0.0.1", **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), data.decode("utf-8", "replace")


def manage_shell(env: dict[str, str], code: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().splitlines()[-1]


PAGE_ID = """
from wagtail.models import Page
print(Page.objects.get(url_path="/wetterau/de/erste-schritte/").pk)
"""

# The coordinator's current second-factor code, computed from the demo device in the
# database (what her authenticator app shows).
TOTP_CODE = """
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
device = TOTPDevice.objects.get(user__username="koordination")
print(f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}")
"""

DEMO_PASSWORD = "WIR-Demo-2026!"  # noqa: S105 - the demo accounts' documented password
ENGLISH_PAGE = "/wetterau/en/erste-schritte/"


class Visitor:
    """A browser's cookie jar over plain HTTP: signs in and posts forms with CSRF tokens."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def send(
        self, port: int, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = ""
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": self.csrf()})
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request(method, path, body=body or None, headers={"Host": "127.0.0.1", **headers})
        response = conn.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                jar: SimpleCookie = SimpleCookie()
                jar.load(value)
                for key, morsel in jar.items():
                    self.cookies[key] = morsel.value
        data = response.read().decode("utf-8", "replace")
        conn.close()
        return response.status, dict(response.getheaders()), data

    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")


def sign_in_coordinator(env: dict[str, str], port: int) -> Visitor:
    """The demo coordinator signs in through one app server: password, then the code."""
    visitor = Visitor()
    visitor.send(port, "GET", "/konto/anmelden/")
    status, headers, _ = visitor.send(
        port, "POST", "/konto/anmelden/", {"username": "koordination", "password": DEMO_PASSWORD}
    )
    if status != 302 or "code" not in headers.get("Location", ""):
        raise SystemExit(f"sign-in through server 1 answered {status}")
    code = manage_shell(env, TOTP_CODE)
    status, _headers, _ = visitor.send(port, "POST", "/konto/anmelden/code/", {"token": code})
    if status != 302:
        raise SystemExit(f"the second factor through server 1 answered {status}")
    return visitor


def prove_publish(env: dict[str, str], ports: dict[str, int], page_id: int) -> dict[str, object]:
    """The coordinator signs in through server 1 and saves a new English title in the
    translation editor (which publishes the complete translation); servers 2 and nginx,
    whose shared cache held the old page and whose processes held its version in memory
    (PostgreSQL notifies them: wir/core/versionwatch.py), show the new title at once. The
    same session cookie then opens the back office through server 2: sessions are shared."""
    for _twice in range(2):  # every cache holds the old page, every process its version
        for port in ports.values():
            request(port, "GET", ENGLISH_PAGE)
    coordinator = sign_in_coordinator(env, ports["app1"])
    editor = f"/admin/uebersetzung/bearbeiten/wetterau/page/{page_id}/en/"
    status, _headers, page = coordinator.send(ports["app1"], "GET", editor)
    fields = EditorFields()
    fields.feed(page)
    if status != 200 or TITLE not in fields.fields:
        raise SystemExit(f"the translation editor through server 1 answered {status}")
    title = f"First steps {time.time_ns()}"
    status, _headers, _ = coordinator.send(
        ports["app1"], "POST", editor, {**fields.fields, TITLE: title}
    )
    if status != 302:
        raise SystemExit(f"saving the translation through server 1 answered {status}")
    seen = {name: title in request(port, "GET", ENGLISH_PAGE)[2] for name, port in ports.items()}
    if not all(seen.values()):
        raise SystemExit(f"a publish was not visible at once: {seen}")
    status, _headers, page = coordinator.send(ports["app2"], "GET", "/admin/")
    if status != 200:  # without the session: a redirect to the sign-in
        raise SystemExit(f"server 2 did not know the session made by server 1: {status}")
    return {
        "check": "publish_through_server1_visible_at_once",
        "through": sorted(seen),
        "session_shared": True,
        "ok": True,
    }


def prove_limits(ports: dict[str, int], page_id: int) -> dict[str, object]:
    form = urllib.parse.urlencode({"page": page_id, "helpful": "ja", "language": "de"})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "same-origin",
    }
    statuses = [
        request(ports["app1"], "POST", "/rueckmeldung/", headers, form)[0] for _ in range(11)
    ]
    if statuses[:10] != [302] * 10 or statuses[10] != 429:
        raise SystemExit(f"feedback through server 1 answered {statuses}")
    other = request(ports["app2"], "POST", "/rueckmeldung/", headers, form)[0]
    if other != 429:
        raise SystemExit(f"server 2 did not share the limit: {other}")
    return {"check": "rate_limit_shared", "server1": statuses[-1], "server2": other, "ok": True}


def main() -> None:
    env = bench_env("http-pg")  # the demo on PostgreSQL that bench_http prepared
    with ExitStack() as stack:
        url = stack.enter_context(postgres("http-pg"))
        env["DATABASE_URL"] = url
        prepare_demo(env)
        folder = Path(tempfile.mkdtemp(prefix="wir-cluster-"))
        folder.chmod(0o777)
        redis_port = stack.enter_context(redis_server(folder))
        redis_url = f"redis://127.0.0.1:{redis_port}"
        cluster = {
            **env,
            "DATABASE_REPLICA_URL": url,  # the same server: see the docstring
            "CACHE_URL": f"{redis_url}/0",
            "WIR_LIMITS_CACHE_URL": f"{redis_url}/1",
            "WIR_SESSION_CACHE_URL": f"{redis_url}/2",
            "WIR_BEHIND_PROXY": "1",
        }
        app1 = stack.enter_context(gunicorn_server(cluster, worker_class="gthread", threads=4))
        app2 = stack.enter_context(gunicorn_server(cluster, worker_class="gthread", threads=4))
        static_root = Path(env["WIR_VAR_DIR"]) / "static"
        front = stack.enter_context(nginx(folder, [app1[0], app2[0]], static_root))
        ports = {"app1": app1[0], "app2": app2[0], "nginx": front}
        page_id = int(manage_shell(cluster, PAGE_ID))
        checks = [
            prove_publish(cluster, ports, page_id),
            prove_limits(ports, page_id),
        ]
        for check in checks:
            print(json.dumps({"bench": "cluster", **check}), flush=True)
        status, _headers, _body = request(front, "GET", "/static/wir/css/site.css")
        if status != 200:
            raise SystemExit(f"nginx answered {status} for a static file")
        for name, path in (("content_page", PAGE), ("api_pages", API)):
            for port in ports.values():  # warm every worker's view of the shared cache
                request(port, "GET", path, BROWSER)
            figures: dict[str, list[float]] = {"nginx": [], "app1": []}
            for _round in range(ROUNDS):
                for where in figures:
                    result = wrk(ports[where], path, seconds=SECONDS, headers=BROWSER)
                    if result.errors:
                        raise SystemExit(f"{path} through {where}: {result.errors} errors")
                    figures[where].append(result.rps)
            through, alone = median(figures["nginx"]), median(figures["app1"])
            print(
                json.dumps(
                    {
                        "bench": "cluster",
                        "target": name,
                        "path": path,
                        "setup": "nginx -> 2 x gunicorn gthread (2 workers x 4 threads), "
                        "Redis cache/limits/sessions, PostgreSQL (replica alias = same server)",
                        "connections": 32,
                        "rounds": ROUNDS,
                        "rps_through_nginx": round(through, 1),
                        "rps_one_app_server_direct": round(alone, 1),
                        "ratio_nginx_to_one_server": round(through / alone, 3),
                    }
                ),
                flush=True,
            )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
