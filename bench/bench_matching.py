"""The Sprachpool's plan for a week of requests against first come, first served.

A synthetic district week (seeded, no personal data): mediators with 1–3 languages,
weekly availability on some half-days, homes spread over a 50 × 40 km district; requests
on weekdays between 8 and 17 o'clock, mostly on site, with more demand for the scarce
languages than there is supply. Both planners get the same candidates; "ours" is
`matching.propose` (exact MILP), the baseline `matching.greedy` (each request in turn takes
its cheapest free candidate, as a coordinator working down a list would). Figures: time,
requests filled, kilometres travelled (medians over ROUNDS seeded weeks); ratios ours /
baseline. Sizes: WIR_BENCH_REQUESTS × WIR_BENCH_MEDIATORS (default 2000 × 800, as the
issue asks), then 200 × 40, a busy week of one district.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wir.sprachpool.matching import (
    MediatorSpec,
    Proposal,
    RequestSpec,
    Rules,
    Skill,
    WeeklyWindow,
    check,
    greedy,
    propose,
)

REQUESTS = int(os.environ.get("WIR_BENCH_REQUESTS", "2000"))
MEDIATORS = int(os.environ.get("WIR_BENCH_MEDIATORS", "800"))
ROUNDS = 5
MONDAY = datetime(2027, 3, 1)
# Languages by share of requests and of mediators: demand for the first few exceeds supply.
LANGUAGES = {
    "ar": (0.22, 0.16),
    "fa": (0.14, 0.08),
    "prs": (0.10, 0.05),
    "tr": (0.08, 0.14),
    "uk": (0.12, 0.12),
    "ru": (0.06, 0.12),
    "ti": (0.08, 0.04),
    "so": (0.05, 0.04),
    "ku": (0.06, 0.07),
    "ps": (0.05, 0.04),
    "fr": (0.02, 0.08),
    "en": (0.02, 0.06),
}
TOWNS = [(50.33 + 0.04 * (k % 5), 8.75 + 0.07 * (k // 5)) for k in range(25)]


def instance(
    seed: int, requests_count: int = REQUESTS, mediators_count: int = MEDIATORS
) -> tuple[list[RequestSpec], list[MediatorSpec]]:
    rng = random.Random(seed)
    codes = list(LANGUAGES)
    supply = [LANGUAGES[c][1] for c in codes]
    demand = [LANGUAGES[c][0] for c in codes]
    mediators = []
    for m in range(mediators_count):
        spoken = set(rng.choices(codes, weights=supply, k=rng.choice((1, 1, 2, 3))))
        home = rng.choice(TOWNS)
        weekly = tuple(
            WeeklyWindow(day, start, start + 240)
            for day in range(5)
            for start in (8 * 60, 13 * 60)
            if rng.random() < 0.4
        )
        mediators.append(
            MediatorSpec(
                id=m + 1,
                skills={
                    c: Skill("native", frozenset({"syr"} if c == "ar" else ())) for c in spoken
                },
                home=(home[0] + rng.uniform(-0.02, 0.02), home[1] + rng.uniform(-0.03, 0.03)),
                max_travel_km=rng.choice((15.0, 25.0, 40.0)),
                weekly=weekly,
                confidentiality_signed=True,
                month_minutes=rng.randrange(0, 20 * 60, 30),
            )
        )
    requests = []
    for r in range(requests_count):
        day = MONDAY + timedelta(days=rng.randrange(5))
        start = day.replace(hour=8) + timedelta(minutes=30 * rng.randrange(16))
        length = timedelta(minutes=rng.choice((30, 60, 60, 90, 120)))
        mode = rng.choices(("on_site", "phone", "video"), weights=(7, 2, 1))[0]
        language = rng.choices(codes, weights=demand)[0]
        requests.append(
            RequestSpec(
                id=r + 1,
                language=language,
                start=start,
                end=start + length,
                mode=mode,
                location=rng.choice(TOWNS) if mode == "on_site" else None,
                dialect="syr" if language == "ar" and rng.random() < 0.3 else "",
            )
        )
    return requests, mediators


def measure(requests_count: int, mediators_count: int) -> None:
    rules = Rules()
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    results: dict[str, list[Proposal]] = {}
    for round_ in range(ROUNDS):
        requests, mediators = instance(round_, requests_count, mediators_count)
        for name, planner in (("ours", propose), ("baseline", greedy)):
            started = time.perf_counter()
            plan = planner(requests, mediators, rules)
            times[name].append(time.perf_counter() - started)
            problems = check(plan, requests, mediators, rules)
            if problems:
                raise SystemExit(f"{name}: unsound plan: {problems[:3]}")
            results.setdefault(name, []).append(plan)
    filled = {n: [len(p.assignments) for p in plans] for n, plans in results.items()}
    km = {n: [p.travel_km for p in plans] for n, plans in results.items()}
    print(
        json.dumps(
            {
                "bench": "sprachpool_matching",
                "requests": requests_count,
                "mediators": mediators_count,
                "rounds": ROUNDS,
                "median_seconds": {n: round(statistics.median(t), 3) for n, t in times.items()},
                "median_filled": {n: statistics.median(f) for n, f in filled.items()},
                "median_travel_km": {n: round(statistics.median(k), 1) for n, k in km.items()},
                # "ours" is the proven optimum when the solver says so: the baseline's
                # ratios are then its distance from the optimum.
                "all_optimal": all(p.optimal for p in results["ours"]),
                "ratio_filled": round(
                    statistics.median(
                        o / b for o, b in zip(filled["ours"], filled["baseline"], strict=True)
                    ),
                    3,
                ),
                "ratio_km_per_filled": round(
                    statistics.median(
                        (ko / fo) / (kb / fb)
                        for ko, fo, kb, fb in zip(
                            km["ours"],
                            filled["ours"],
                            km["baseline"],
                            filled["baseline"],
                            strict=True,
                        )
                    ),
                    3,
                ),
                "ratio_seconds": round(
                    statistics.median(times["ours"]) / statistics.median(times["baseline"]), 1
                ),
            }
        )
    )


def main() -> None:
    measure(REQUESTS, MEDIATORS)  # the size: far more than a district's week
    measure(200, 40)  # a busy week of a district's pool


if __name__ == "__main__":
    main()
