"""The programme report for the demo at 1× and scaled 20×: time and query count.

"ours" computes every section of the report registry (aggregate queries); the baseline
"naive" computes the same figures row by row in Python, as one would without aggregates
(each offer's municipality and each request's language and bookings read per row). Each
scale is measured in a child process with its own demo database (built once, then reused);
the parent prints one JSON line. The query count of "ours" must not grow with the size:
`query_ratio_20x_to_1x` is 1.0.

WIR_BENCH_REPORT_SCALE (default 20) sets the large scale.
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

from common import PYTHON, ROOT, bench_env, prepare_demo

SCALE = int(os.environ.get("WIR_BENCH_REPORT_SCALE", "20"))
ROUNDS = 5


def measure(scale: int) -> dict[str, object]:
    """In a child process: build (once) and open the demo at `scale`, time both methods."""
    env = bench_env(f"reports-x{scale}")
    prepare_demo(env, scale=scale)
    os.environ.update(env)
    import django

    django.setup()
    from collections import Counter, defaultdict

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from wir.core.models import Region
    from wir.portal.models import Offer
    from wir.reports.registry import SECTIONS
    from wir.sprachpool.models import Assignment, MediationRequest

    region = Region.objects.get(slug="wetterau")
    year = timezone.localdate().year

    def ours() -> int:
        return sum(len(spec.compute(region, year).tables) for spec in SECTIONS)

    def naive() -> int:
        figures: dict[str, Counter[str]] = defaultdict(Counter)
        for check_year in (year, year - 1):
            for offer in Offer.objects.filter(region=region, live=True):
                if offer.locale.language_code != "de" or offer.first_published_at is None:
                    continue
                published = timezone.localtime(offer.first_published_at).year
                valid = (offer.valid_from is None or offer.valid_from.year <= check_year) and (
                    offer.valid_until is None or offer.valid_until.year >= check_year
                )
                if published <= check_year and valid:
                    figures[f"category-{check_year}"][offer.category] += 1
                    figures[f"area-{check_year}"][offer.area.name] += 1
            for request in MediationRequest.objects.filter(region=region):
                if timezone.localtime(request.starts_at).year != check_year:
                    continue
                if request.status == MediationRequest.Status.CANCELLED:
                    continue
                figures[f"language-{check_year}"][request.language.name_de] += 1
                figures[f"setting-{check_year}"][request.setting] += 1
                for assignment in Assignment.objects.filter(request=request):
                    if assignment.status == Assignment.Status.DONE:
                        figures[f"minutes-{check_year}"][request.language.name_de] += (
                            assignment.actual_minutes or 0
                        )
        return len(figures)

    result: dict[str, object] = {
        "scale": scale,
        "offers_de": Offer.objects.filter(region=region, locale__language_code="de").count(),
        "mediation_requests": MediationRequest.objects.filter(region=region).count(),
    }
    # The per-row baseline takes seconds at 20x: timed once (its query count is the point).
    for name, method, rounds in (("ours", ours, ROUNDS), ("naive", naive, 1)):
        with CaptureQueriesContext(connection) as captured:
            method()  # also warms caches (content types, locales)
        timings = []
        for _round in range(rounds):
            started = time.perf_counter()
            method()
            timings.append((time.perf_counter() - started) * 1000)
        result[name] = {
            "rounds": rounds,
            "median_ms": round(statistics.median(timings), 1),
            "queries": len(captured.captured_queries),
        }
    return result


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(int(sys.argv[2]))), flush=True)
        return
    found = {}
    for scale in (1, SCALE):
        child = subprocess.run(
            [PYTHON, __file__, "--child", str(scale)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
        found[scale] = json.loads(child.stdout.strip().splitlines()[-1])
    small, large = found[1], found[SCALE]
    print(
        json.dumps(
            {
                "bench": "reports",
                "what": "programme report, every section, demo region, this year vs last",
                "at_1x": small,
                f"at_{SCALE}x": large,
                f"query_ratio_{SCALE}x_to_1x": round(
                    large["ours"]["queries"] / small["ours"]["queries"], 2
                ),
                f"time_ratio_{SCALE}x_to_1x": round(
                    large["ours"]["median_ms"] / small["ours"]["median_ms"], 2
                ),
                f"naive_to_ours_at_{SCALE}x": round(
                    large["naive"]["median_ms"] / large["ours"]["median_ms"], 2
                ),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
