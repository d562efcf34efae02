"""The actors directory with filters and map at 5,000 organisations (p50/p95).

On the demo database, the demo's coordinator opens the directory of the demo region
(list, filters, and the map with a point for every organisation found) with the
in-process client: first at the demo's size (the baseline, ~60 organisations), then
after synthetic organisations are added up to TOTAL. Printed per filter: p50/p95 of both,
their ratio, and the query count of both (it must not grow with the rows).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_privacy import signed_in_client
from common import bench_env, prepare_demo

TOTAL = int(os.environ.get("WIR_BENCH_NETWORK_TOTAL", "5000"))
ROUNDS = int(os.environ.get("WIR_BENCH_NETWORK_ROUNDS", "15"))
PREFIX = "Bench-Organisation"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(client: Any, url: str) -> dict[str, float]:
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # A request starts by emptying the query log; keep it for the one request counted.
    request_started.disconnect(reset_queries)
    try:
        with CaptureQueriesContext(connection) as captured:
            first = client.get(url)
    finally:
        request_started.connect(reset_queries)
    # Count now: the captured list is a slice of the connection's log, which the next
    # request's start empties (the earlier runs printed 0 for this reason).
    queries = len(captured)
    if first.status_code != 200:
        raise RuntimeError(f"{url} answered {first.status_code}")
    times = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "queries": queries,
    }


def fill_up(region: Any, total: int) -> int:
    """Add synthetic organisations (all kinds, areas, topics, languages) up to `total`."""
    from wir.core.models import Area, Language
    from wir.network.models import Organisation, OrganisationKind, OrganisationTopic, Topic

    Organisation.objects.filter(region=region, name__startswith=PREFIX).delete()
    missing = total - Organisation.objects.filter(region=region).count()
    areas = list(Area.objects.filter(region=region).order_by("pk"))
    languages = list(Language.objects.filter(code__in=["ar", "fa", "uk", "tr", "en"]))
    kinds, topics = list(OrganisationKind.values), list(Topic.values)
    made = Organisation.objects.bulk_create(
        [
            Organisation(
                region=region,
                name=f"{PREFIX} {n:05d} Verein" if n % 3 == 0 else f"{PREFIX} {n:05d}",
                kind=kinds[n % len(kinds)],
                description="Synthetische Organisation für die Messung.",
                # Every second one has its own coordinates; the others use their area's.
                latitude=areas[n % len(areas)].latitude if n % 2 else None,
                longitude=areas[n % len(areas)].longitude if n % 2 else None,
            )
            for n in range(max(missing, 0))
        ],
        batch_size=500,
    )
    area_links = Organisation.areas.through
    language_links = Organisation.languages.through
    area_links.objects.bulk_create(
        [
            area_links(organisation_id=o.pk, area_id=areas[n % len(areas)].pk)
            for n, o in enumerate(made)
        ],
        batch_size=1000,
    )
    language_links.objects.bulk_create(
        [
            language_links(organisation_id=o.pk, language_id=languages[n % len(languages)].pk)
            for n, o in enumerate(made)
        ],
        batch_size=1000,
    )
    OrganisationTopic.objects.bulk_create(
        [
            OrganisationTopic(organisation=o, topic=topics[n % len(topics)])
            for n, o in enumerate(made)
        ],
        batch_size=1000,
    )
    return len(made)


def main() -> None:
    env = bench_env("network")
    prepare_demo(env)
    os.environ.update(env)
    import django

    django.setup()
    from wir.core.models import Area, Language, Region
    from wir.network.models import Organisation

    region = Region.objects.get(slug="wetterau")
    Organisation.objects.filter(region=region, name__startswith=PREFIX).delete()
    town = Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("pk").first()
    arabic = Language.objects.get(code="ar")
    assert town is not None
    base = f"/netzwerk/{region.slug}/akteure/"
    urls = {
        "all": base,
        "kind": f"{base}?kind=sports_club",
        "text": f"{base}?q=verein",
        "area": f"{base}?area={town.pk}",
        "topic_language": f"{base}?topic=sports&language={arabic.pk}",
    }
    client = signed_in_client("koordination")
    baseline_size = Organisation.objects.filter(region=region).count()
    baseline = {name: measure(client, url) for name, url in urls.items()}
    fill_up(region, TOTAL)
    size = Organisation.objects.filter(region=region).count()
    scaled = {name: measure(client, url) for name, url in urls.items()}
    for name in urls:
        print(
            json.dumps(
                {
                    "bench": f"network_directory_{name}",
                    "organisations": size,
                    "p50_ms": scaled[name]["p50_ms"],
                    "p95_ms": scaled[name]["p95_ms"],
                    "queries": scaled[name]["queries"],
                    "baseline_organisations": baseline_size,
                    "baseline_p50_ms": baseline[name]["p50_ms"],
                    "baseline_p95_ms": baseline[name]["p95_ms"],
                    "baseline_queries": baseline[name]["queries"],
                    "ratio_p50": round(scaled[name]["p50_ms"] / baseline[name]["p50_ms"], 2),
                }
            ),
            flush=True,
        )
    Organisation.objects.filter(region=region, name__startswith=PREFIX).delete()


if __name__ == "__main__":
    main()
