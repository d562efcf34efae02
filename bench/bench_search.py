"""Search latency on the scaled demo against a naive `icontains` scan over the same data.

WIR_BENCH_SCALE (default 45) multiplies the demo: at 45 it holds 22,545 page and offer
translations. The first run builds that database once (about two minutes: the copies are
written in bulk); later runs reuse it. "ours" is what the search view does (it has the home
page from Wagtail's routing), including the merge into hits; "naive" only fetches rows.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench_env, prepare_demo

SCALE = int(os.environ.get("WIR_BENCH_SCALE", "45"))
ROUNDS = 7
QUERIES = {
    "de": ["Integrationskurs", "Beratung Frauen", "Wohnung Kaution", "Kita", "Jobcenter"],
    "ar": ["السكن", "دورة الاندماج", "استشارة"],
}


def main() -> None:
    env = bench_env(f"search-x{SCALE}")
    prepare_demo(env, scale=SCALE)
    os.environ.update(env)
    import django

    django.setup()
    from django.db.models import Q

    from wir.core.models import Region
    from wir.portal.models import ContentPage, Offer
    from wir.portal.queries import home_page_for
    from wir.portal.search import search_region

    region = Region.objects.select_related("root_page").get(slug="wetterau")
    documents = ContentPage.objects.count() + Offer.objects.count()

    # The search view gets the home page from Wagtail's routing; so does this caller.
    homes = {code: home_page_for(region, code) for code in QUERIES}

    def ours(code: str, query: str) -> int:
        directory = f"/wetterau/{code}/was-ist-wo/"
        return len(search_region(region, code, query, directory, home=homes[code]).hits)

    def naive(code: str, query: str) -> int:
        match_pages, match_offers = Q(), Q()
        for term in query.split():
            match_pages &= Q(title__icontains=term) | Q(body__icontains=term)
            match_offers &= Q(title__icontains=term) | Q(summary__icontains=term)
        pages = ContentPage.objects.live().filter(locale__language_code=code).filter(match_pages)
        offers = Offer.objects.filter(live=True, locale__language_code=code).filter(match_offers)
        return len(list(pages[:60])) + len(list(offers[:60]))

    for name, method in (("wagtail_search", ours), ("naive_icontains", naive)):
        timings: list[float] = []
        found = 0
        for _round in range(ROUNDS):
            for code, queries in QUERIES.items():
                for query in queries:
                    started = time.perf_counter()
                    found += method(code, query)
                    timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results = {
            "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
            "hits_per_round": found // ROUNDS,
        }
        if name == "wagtail_search":
            baseline_input = results
        else:
            print(
                json.dumps(
                    {
                        "bench": "search",
                        "documents": documents,
                        "scale": SCALE,
                        "queries_per_round": sum(len(q) for q in QUERIES.values()),
                        "rounds": ROUNDS,
                        "backend": "SQLite FTS5 (Wagtail database backend)",
                        "ours": baseline_input,
                        "naive_icontains": results,
                        "p50_ratio_naive_to_ours": round(
                            results["p50_ms"] / baseline_input["p50_ms"], 2
                        ),
                    }
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
