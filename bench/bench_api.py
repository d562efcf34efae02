"""The API's `pages/` of a 500-page region under load, plain and conditional, against the
same bytes served as a static file by the same server (the ceiling); before that, the
uncached in-process build of `pages/` for that region and the demo district (`wetterau`,
de/ar/en) against the build it replaced (`render_figures`; `--render-only` stops there).

Prints one JSON line per target: requests/s, p50 and p95 (medians over rounds) and the
ratio to the static file. Targets: the Integreat-compatible /api/v3/…/pages/ (all pages
with their content in one answer, as the Integreat app reads it) and /api/v1/…/pages/
(summaries, 200 a page); each without and with a matching If-None-Match.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, bench_env, gunicorn, load, manage, median, postgres, vacuum

ROUNDS = 5
REQUESTS = 200
PAGES = 500
REGION = "bench500"


def build_region() -> None:
    """Runs inside Django (python bench/bench_api.py --build): a region with 500 pages."""
    import django

    django.setup()
    from decimal import Decimal

    from django.db import transaction

    from wir.core.actions import create_region
    from wir.core.models import Region
    from wir.portal.actions import create_home_pages, publish
    from wir.portal.models import ContentPage

    if Region.objects.filter(slug=REGION).exists():
        return
    paragraph = (
        "<p>Hier finden Sie Beratung, Sprachkurse und Freizeitangebote im Landkreis. "
        "Die Beratung ist kostenlos und vertraulich; bringen Sie Ihre Unterlagen mit.</p>"
    )
    with transaction.atomic():
        region = create_region(
            slug=REGION,
            name="Benchkreis",
            prefix="Landkreis",
            centre=(Decimal("50.30"), Decimal("8.80")),
            bbox=(Decimal("8.60"), Decimal("50.10"), Decimal("9.30"), Decimal("50.50")),
            language_codes=["de"],
        )
        home = create_home_pages(region, {"de": "Benchkreis"})["de"]
        sections = 20
        for section in range(sections):
            top = ContentPage(title=f"Thema {section}", slug=f"thema-{section}", intro="Thema")
            home.add_child(instance=top)
            publish(top)
            for number in range(PAGES // sections - 1):
                page = ContentPage(
                    title=f"Seite {section}-{number}",
                    slug=f"seite-{number}",
                    intro="Kurzbeschreibung der Seite",
                    body=paragraph * 4,
                )
                top.add_child(instance=page)
                publish(page)


RENDER_ROUNDS = 15
DEMO_REGION = "wetterau"
DEMO_LANGUAGES = ("de", "ar", "en")
TARGET_MS = 8.0  # issue 17: the demo's pages/ without the answer cache


def load_demo_region() -> None:
    """Runs inside Django (--build): the demo district, once per bench database."""
    import io

    from django.core.management import call_command

    from wir.core.models import Region

    if not Region.objects.filter(slug=DEMO_REGION).exists():
        call_command("load_demo", "--no-progress", verbosity=0, stdout=io.StringIO())


def render_figures() -> None:
    """Runs inside Django (python bench/bench_api.py --render): the uncached build of
    /api/v3/{region}/{language}/pages/ as the view builds it (tree, pages, JSON), against
    the build it replaced (tests/api/integreat/pages_reference.py: the ORM tree, full page
    objects, Django's strip_tags), alternating the two; medians, queries of each, ratio.

    Regions: the 500-page bench region (de) and the demo district `wetterau` (de, ar, en;
    about 60 pages each, the issue's 8 ms target). "ms_median" is the build as it runs in
    a worker that has built the answer before (excerpts and the texts' JSON are remembered
    by their text, so after an edit only the changed pages' are made again);
    "cold_ms_median" forgets them before every round (the first build after a worker
    starts)."""
    import statistics
    import time

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.api.integreat import pages_reference
    from wir.api.http import dumps
    from wir.api.integreat import queries, serializers, views
    from wir.api.integreat.params import base_url
    from wir.core.queries import visible_languages

    def measure(slug: str, language: str) -> dict[str, object]:
        region = queries.active_regions(slug=slug)[0]
        codes = tuple(rl.language.code for rl in visible_languages(region))
        scope = queries.Scope(region, language, codes, base_url())
        trees = {"fast": queries.page_tree, "previous": pages_reference.page_tree}
        builds = {"fast": views.page_dicts, "previous": pages_reference.page_dicts}

        def render(name: str) -> bytes:
            tree = trees[name](region)
            pages = builds[name](scope, tree, tree.in_language(language))
            return dumps(serializers.encode_pages(pages) if name == "fast" else pages)

        counts, bodies = {}, {}
        for name in builds:
            render(name)  # warm: content types and the like are looked up once per process
            with CaptureQueriesContext(connection) as captured:
                bodies[name] = render(name)
            counts[name] = len(captured)
        if bodies["fast"] != bodies["previous"]:
            raise SystemExit(f"{slug}/{language}: the fast build answers other bytes")
        times: dict[str, list[float]] = {"fast": [], "cold": [], "previous": []}
        cpu: dict[str, list[float]] = {"fast": [], "cold": [], "previous": []}
        for _round in range(RENDER_ROUNDS):
            for name in ("fast", "cold", "previous"):
                if name == "cold":
                    serializers.plain_text.cache_clear()
                    serializers.json_string.cache_clear()
                started, started_cpu = time.perf_counter(), time.process_time()
                render("previous" if name == "previous" else "fast")
                times[name].append((time.perf_counter() - started) * 1000)
                cpu[name].append((time.process_time() - started_cpu) * 1000)
        fast, cold, previous = (statistics.median(times[n]) for n in ("fast", "cold", "previous"))
        fast_cpu, cold_cpu, previous_cpu = (
            statistics.median(cpu[n]) for n in ("fast", "cold", "previous")
        )
        return {
            "bench": "api_pages_render",
            "database": connection.vendor,
            "path": f"/api/v3/{slug}/{language}/pages/ (built in-process, no answer cache)",
            "pages": len(json.loads(bodies["fast"])),
            "body_bytes": len(bodies["fast"]),
            "rounds": RENDER_ROUNDS,
            "ms_median": round(fast, 2),
            "cold_ms_median": round(cold, 2),
            "queries": counts["fast"],
            "previous_ms_median": round(previous, 2),
            "previous_queries": counts["previous"],
            "ratio_previous_to_fast": round(previous / fast, 2),
            "ratio_previous_to_cold": round(previous / cold, 2),
            # CPU time of this process (SQLite runs in it): less disturbed by other load.
            "cpu_ms_median": round(fast_cpu, 2),
            "cold_cpu_ms_median": round(cold_cpu, 2),
            "previous_cpu_ms_median": round(previous_cpu, 2),
            "target_ms": TARGET_MS if slug == DEMO_REGION else None,
            "load_average_1min": round(os.getloadavg()[0], 2),
        }

    for slug, language in [(REGION, "de"), *((DEMO_REGION, code) for code in DEMO_LANGUAGES)]:
        print(json.dumps(measure(slug, language)), flush=True)


def fetch(port: int, path: str) -> tuple[int, bytes, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body, response.getheader("ETag") or ""


def main() -> None:
    env = bench_env("api")
    manage(env, "migrate", "--noinput", "-v0")
    subprocess.run([PYTHON, __file__, "--build"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, __file__, "--render"], cwd=ROOT, env=env, check=True)
    engines = os.environ.get("WIR_BENCH_DATABASES", "sqlite,postgresql").split(",")
    if "postgresql" in engines:  # the render on PostgreSQL too (a private cluster)
        pg_env = bench_env("api-pg")
        with postgres("api-pg") as url:
            pg_env["DATABASE_URL"] = url
            manage(pg_env, "migrate", "--noinput", "-v0")
            subprocess.run([PYTHON, __file__, "--build"], cwd=ROOT, env=pg_env, check=True)
            vacuum(url)  # as autovacuum would after the bulk load: statistics for the planner
            subprocess.run([PYTHON, __file__, "--render"], cwd=ROOT, env=pg_env, check=True)
    if "--render-only" in sys.argv:
        return
    manage(env, "collectstatic", "--noinput", "-v0")
    targets = {
        "v3_pages": f"/api/v3/{REGION}/de/pages/",
        "v1_pages": f"/api/v1/regions/{REGION}/de/pages/?page_size=200",
    }
    static_root = Path(env["WIR_VAR_DIR"]) / "static"
    with gunicorn(env) as port:
        bodies = {}
        for name, path in list(targets.items()):
            status, body, etag = fetch(port, path)
            if status != 200:
                print(f"{name}: {path} answered {status}; left out", file=sys.stderr)
                del targets[name]
                continue
            bodies[name] = (body, etag)
    # The same bytes as static files: WhiteNoise reads its files when the server starts.
    for name, (body, _etag) in bodies.items():
        (static_root / f"bench-{name}.json").write_bytes(body)
    with gunicorn(env) as port:
        runs: dict[str, tuple[str, dict[str, str]]] = {}
        for name, path in targets.items():
            body, etag = bodies[name]
            static = f"/static/bench-{name}.json"
            static_etag = fetch(port, static)[2]
            runs[f"{name}_static_file"] = (static, {})
            runs[f"{name}_static_file_conditional"] = (static, {"If-None-Match": static_etag})
            runs[name] = (path, {})
            runs[f"{name}_conditional"] = (path, {"If-None-Match": etag})
        figures: dict[str, dict[str, list[float]]] = {
            name: {"rps": [], "p50": [], "p95": []} for name in runs
        }
        for path, headers in runs.values():  # warm-up, and prove each answers
            if load(port, path, 10, headers=headers).errors:
                raise SystemExit(f"{path} answered with errors")
        for _round in range(ROUNDS):
            for name, (path, headers) in runs.items():
                result = load(port, path, REQUESTS, headers=headers)
                figures[name]["rps"].append(result.rps)
                figures[name]["p50"].append(result.percentile(0.50))
                figures[name]["p95"].append(result.percentile(0.95))
    for name, (path, headers) in runs.items():
        base = name.split("_static_file")[0].removesuffix("_conditional")
        ceiling = median(figures[f"{base}_static_file"]["rps"])
        rps = median(figures[name]["rps"])
        print(
            json.dumps(
                {
                    "bench": "api_pages",
                    "target": name,
                    "path": path,
                    "conditional": bool(headers),
                    "pages": PAGES,
                    "body_bytes": len(bodies[base][0]),
                    "rounds": ROUNDS,
                    "requests_per_round": REQUESTS,
                    "concurrency": 4,
                    "server": "gunicorn, 2 sync workers, SQLite, no compression requested",
                    "rps_median": round(rps, 1),
                    "p50_ms_median": round(median(figures[name]["p50"]), 2),
                    "p95_ms_median": round(median(figures[name]["p95"]), 2),
                    "ratio_to_static_file": round(rps / ceiling, 3),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    if "--build" in sys.argv:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wir.settings")
        sys.path.insert(0, str(ROOT))
        build_region()
        load_demo_region()
    elif "--render" in sys.argv:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wir.settings")
        sys.path.insert(0, str(ROOT))
        render_figures()
    else:
        main()
