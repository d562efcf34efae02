"""Home and region pages under load against a static file served by the same server.

Prints one JSON line per target: requests/s and p95 (medians over rounds) and the ratio to
the static file, which is the ceiling of what the server stack can do on this machine.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench_env, gunicorn, load, median, prepare_demo

ROUNDS = 5
REQUESTS = 300
TARGETS = {
    "static_file": "/static/wir/css/site.css",
    "region_list": "/",
    "region_home": "/wetterau/de/",
    "content_page": "/wetterau/de/erste-schritte/",
    "content_page_ar": "/wetterau/ar/erste-schritte/",
    "directory": "/wetterau/de/was-ist-wo/",
    "directory_filtered": "/wetterau/de/was-ist-wo/?kategorie=counselling"
    "&kategorie=leisure_families&kategorie=leisure_youth"
    "&zielgruppe=families&kostenlos=1&jetzt_offen=1",
    "directory_by_distance_ar": "/wetterau/ar/was-ist-wo/?naehe=1",
    "offer": "/wetterau/de/was-ist-wo/angebot/1/",
    "search": "/wetterau/de/suche/?q=Beratung",
}


def main() -> None:
    env = bench_env("http")
    prepare_demo(env)
    figures: dict[str, dict[str, list[float]]] = {
        name: {"rps": [], "p50": [], "p95": []} for name in TARGETS
    }
    with gunicorn(env) as port:
        for path in TARGETS.values():  # warm-up, and prove each target answers 200
            result = load(port, path, 20)
            if result.errors:
                raise SystemExit(f"{path} answered with errors")
        for _round in range(ROUNDS):
            for name, path in TARGETS.items():
                result = load(port, path, REQUESTS)
                figures[name]["rps"].append(result.rps)
                figures[name]["p50"].append(result.percentile(0.50))
                figures[name]["p95"].append(result.percentile(0.95))
    ceiling = median(figures["static_file"]["rps"])
    for name, path in TARGETS.items():
        rps = median(figures[name]["rps"])
        print(
            json.dumps(
                {
                    "bench": "http_pages",
                    "target": name,
                    "path": path,
                    "rounds": ROUNDS,
                    "requests_per_round": REQUESTS,
                    "concurrency": 4,
                    "server": "gunicorn, 2 sync workers, SQLite",
                    "rps_median": round(rps, 1),
                    "p50_ms_median": round(median(figures[name]["p50"]), 2),
                    "p95_ms_median": round(median(figures[name]["p95"]), 2),
                    "ratio_to_static_file": round(rps / ceiling, 3),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
