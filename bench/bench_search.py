"""Search latency on the scaled demo against a naive `icontains` scan over the same data.

WIR_BENCH_SCALE (default 45) multiplies the demo: at 45 it holds 22,545 page and offer
translations. The first run builds that database once (about two minutes: the copies are
written in bulk); later runs reuse it. "ours" is what the search view does (it has the home
page from Wagtail's routing): the one ranked statement over the search index
(wir/portal/search_index.py: hits per kind with what they show, ranked among at most the
newest 120 title matches and 120 matches per kind, pages checked against the page table,
German originals hidden by public translations) and the merge into hits;
"index_only" is the ranked statement without the page check and the translation check;
"naive" only fetches rows of pages and offers, the same kinds and the same limit, with
`icontains` on title and text. WIR_BENCH_ROUNDS (default 7) rounds; in each, every method
runs the eight queries, the methods in rotating order.

On PostgreSQL: WIR_BENCH_DATABASE_URL=postgres://... (an empty database of its own; the
scaled demo is built there once, too). A database built before portal 0017 gets the title
index by the bench's own `migrate`; nothing to rebuild. The slowest query used to be one
Arabic word in ~3,600 offers (the category label every German original carries in every
language), ranked in full; the p95 follows it. There is no warm-up round: on PostgreSQL the
first search of each shape of statement (German, Arabic; "ours", "index_only") prepares
and plans it, and those four are among the measured ones. Since the statement is
prepared, the slowest is that Arabic word (no title matches: 120 of its matches ranked per
kind), on SQLite with "Beratung Frauen"; the two-word Arabic query no longer is (its
title matches fill the limit of offers, the second tier is not computed).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench_env, postgres, prepare_demo

SCALE = int(os.environ.get("WIR_BENCH_SCALE", "45"))
ROUNDS = int(os.environ.get("WIR_BENCH_ROUNDS", "7"))
QUERIES = {
    "de": ["Integrationskurs", "Beratung Frauen", "Wohnung Kaution", "Kita", "Jobcenter"],
    "ar": ["السكن", "دورة الاندماج", "استشارة"],
}


def main() -> None:
    """PostgreSQL in a private cluster, then SQLite (WIR_BENCH_DATABASES, default both),
    unless WIR_BENCH_DATABASE_URL names the one database to measure."""
    if os.environ.get("WIR_BENCH_DATABASE_URL"):
        measure()
        return
    engines = os.environ.get("WIR_BENCH_DATABASES", "sqlite,postgresql").split(",")
    if "postgresql" in engines:  # first, in a process of its own: this one sets up SQLite
        with postgres(f"search-x{SCALE}-pg") as url:
            env = {**os.environ, "WIR_BENCH_DATABASE_URL": url}
            subprocess.run([sys.executable, __file__], env=env, check=True)
    if "sqlite" in engines:
        measure()


def measure() -> None:
    database_url = os.environ.get("WIR_BENCH_DATABASE_URL", "")
    env = bench_env(f"search-x{SCALE}" + ("-pg" if database_url else ""))
    if database_url:
        env["DATABASE_URL"] = database_url
    prepare_demo(env, scale=SCALE)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Q
    from django.utils import timezone

    from wir.core.models import Region
    from wir.portal import search_index
    from wir.portal.models import ContentPage, Offer, SearchDocument
    from wir.portal.models.search import scope_word
    from wir.portal.queries import home_page_for
    from wir.portal.search import search_region

    region = Region.objects.select_related("root_page").get(slug="wetterau")
    documents = ContentPage.objects.count() + Offer.objects.count()

    # The search view gets the home page from Wagtail's routing; so does this caller.
    homes = {code: home_page_for(region, code) for code in QUERIES}

    def ours(code: str, query: str) -> int:
        directory = f"/wetterau/{code}/was-ist-wo/"
        return len(search_region(region, code, query, directory, home=homes[code]).hits)

    def index_only(code: str, query: str) -> int:
        scopes = {
            "page": [scope_word(region.pk, "page", code)],
            "offer": sorted({scope_word(region.pk, "offer", c) for c in (code, "de")}),
            "place": [scope_word(region.pk, "place", "")],
        }
        found = search_index.ranked(scopes, query, 60, timezone.now())
        return sum(len(ids) for ids in found.values())

    def naive(code: str, query: str) -> int:
        match_pages, match_offers = Q(), Q()
        for term in query.split():
            match_pages &= Q(title__icontains=term) | Q(body__icontains=term)
            match_offers &= Q(title__icontains=term) | Q(summary__icontains=term)
        pages = ContentPage.objects.live().filter(locale__language_code=code).filter(match_pages)
        offers = Offer.objects.filter(live=True, locale__language_code=code).filter(match_offers)
        return len(list(pages[:60])) + len(list(offers[:60]))

    # Every round runs each method over all queries, the methods in a rotating order: a
    # machine whose load changes during the run slows all of them alike, and none always
    # runs right after the naive scan has filled the caches with other pages.
    methods = {"ours": ours, "index_only": index_only, "naive_icontains": naive}
    timings: dict[str, list[float]] = {name: [] for name in methods}
    found = dict.fromkeys(methods, 0)
    names = list(methods)
    # One unmeasured round of every method first: a running server has long since prepared
    # its statements, filled its per-region memory and read the index pages into the
    # page cache; the first search of each kind in a fresh process measures none of that.
    for method in methods.values():
        for code, queries in QUERIES.items():
            for query in queries:
                method(code, query)
    for number in range(ROUNDS):
        for name in names[number % 3 :] + names[: number % 3]:
            for code, queries in QUERIES.items():
                for query in queries:
                    started = time.perf_counter()
                    found[name] += methods[name](code, query)
                    timings[name].append((time.perf_counter() - started) * 1000)
    measured: dict[str, dict[str, float]] = {}
    for name, values in timings.items():
        values.sort()
        measured[name] = {
            "p50_ms": round(statistics.median(values), 2),
            "p95_ms": round(values[int(0.95 * (len(values) - 1))], 2),
            "hits_per_round": found[name] // ROUNDS,
        }
    print(
        json.dumps(
            {
                "bench": "search",
                "database": connection.vendor,
                "documents": documents,
                "indexed_documents": SearchDocument.objects.count(),
                "scale": SCALE,
                "queries_per_round": sum(len(q) for q in QUERIES.values()),
                "rounds": ROUNDS,
                **measured,
                "p50_ratio_naive_to_ours": round(
                    measured["naive_icontains"]["p50_ms"] / measured["ours"]["p50_ms"], 2
                ),
                "p95_ratio_naive_to_ours": round(
                    measured["naive_icontains"]["p95_ms"] / measured["ours"]["p95_ms"], 2
                ),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
