"""Mentorship matching: ranked suggestions and the plan for many open households.

A synthetic district (seeded, no personal data): households and volunteers in 25
municipalities of a 50 × 40 km district, languages with more demand than supply for the
scarce ones, needs and interests, a few availability slots, capacities of 1–3 mentorships
with some already in use, minors in about a third of the households and clearance for
minors in about half of the volunteers.

Ranking: `matching.rank_all` (all pairs scored at once, the best 10 per household with
their reasons) against the baseline of checking and scoring every pair one by one with
`hard_reasons` and `score` (the same rules, pair by pair), on the same instance.

Plan: `matching.assign` (exact, capacity expanded into an assignment problem) against
`matching.greedy` (first come, first served) on the same instance: time, households
matched, mean distance. Medians over ROUNDS seeded instances; ratios ours / baseline.
Sizes: WIR_BENCH_HOUSEHOLDS × WIR_BENCH_VOLUNTEERS (default 1000 × 3000, as the issue
asks), then 300 × 150, a district with fewer volunteers than households waiting.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wir.volunteers.matching import (
    HouseholdSpec,
    Plan,
    VolunteerSpec,
    assign,
    check,
    greedy,
    hard_reasons,
    rank_all,
    score,
)

HOUSEHOLDS = int(os.environ.get("WIR_BENCH_HOUSEHOLDS", "1000"))
VOLUNTEERS = int(os.environ.get("WIR_BENCH_VOLUNTEERS", "3000"))
ROUNDS = 3
# Languages by share of households and of volunteers (who mostly speak German too).
LANGUAGES = {
    "ar": (0.25, 0.10),
    "fa": (0.15, 0.05),
    "uk": (0.20, 0.08),
    "tr": (0.08, 0.10),
    "ru": (0.07, 0.12),
    "ti": (0.08, 0.02),
    "so": (0.05, 0.02),
    "en": (0.07, 0.30),
    "fr": (0.05, 0.21),
}
NEEDS = ["authorities", "school", "job", "housing", "health", "language", "leisure"]
SLOTS = [f"{day}-{part}" for day in ("mon", "tue", "wed", "thu", "fri", "sat") for part in "ae"]
TOWNS = [(50.33 + 0.08 * (k % 5), 8.75 + 0.11 * (k // 5)) for k in range(25)]


def instance(
    seed: int, households_count: int, volunteers_count: int
) -> tuple[list[HouseholdSpec], list[VolunteerSpec]]:
    rng = random.Random(seed)
    codes = list(LANGUAGES)
    demand = [LANGUAGES[c][0] for c in codes]
    supply = [LANGUAGES[c][1] for c in codes]
    households = [
        HouseholdSpec(
            id=k + 1,
            languages=frozenset(rng.choices(codes, weights=demand, k=rng.choice((1, 1, 2)))),
            needs=frozenset(rng.sample(NEEDS, rng.randint(1, 3))),
            place=rng.choice(TOWNS),
            has_minors=rng.random() < 0.35,
            availability=frozenset(rng.sample(SLOTS, rng.randint(0, 4))),
            without_shared_language=rng.random() < 0.1,
        )
        for k in range(households_count)
    ]
    volunteers = []
    for k in range(volunteers_count):
        capacity = rng.choice((1, 1, 2, 3))
        volunteers.append(
            VolunteerSpec(
                id=k + 1,
                languages=frozenset(
                    {"de", *rng.choices(codes, weights=supply, k=rng.choice((0, 1, 1, 2)))}
                ),
                interests=frozenset(rng.sample(NEEDS, rng.randint(1, 4))),
                place=rng.choice(TOWNS),
                availability=frozenset(rng.sample(SLOTS, rng.randint(0, 6))),
                active=rng.randint(0, capacity),
                capacity=capacity,
                cleared_for_minors=rng.random() < 0.5,
            )
        )
    return households, volunteers


def rank_pair_by_pair(
    households: list[HouseholdSpec], volunteers: list[VolunteerSpec], limit: int = 10
) -> list[list[int]]:
    ranked = []
    for household in households:
        found = [(-score(household, v), v.id) for v in volunteers if not hard_reasons(household, v)]
        ranked.append([vid for _s, vid in sorted(found)[:limit]])
    return ranked


def measure_ranking(households_count: int, volunteers_count: int) -> None:
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    for round_ in range(ROUNDS):
        households, volunteers = instance(round_, households_count, volunteers_count)
        started = time.perf_counter()
        rankings = rank_all(households, volunteers)
        times["ours"].append(time.perf_counter() - started)
        started = time.perf_counter()
        expected = rank_pair_by_pair(households, volunteers)
        times["baseline"].append(time.perf_counter() - started)
        same = sum(
            [s.volunteer_id for s in r.suggestions] == e
            for r, e in zip(rankings, expected, strict=True)
        )
        if same < 0.99 * len(households):  # float ties may order a few differently
            raise SystemExit(f"ranking differs from the pair-by-pair one for {same} households")
    print(
        json.dumps(
            {
                "bench": "mentoring_ranking",
                "households": households_count,
                "volunteers": volunteers_count,
                "rounds": ROUNDS,
                "median_seconds": {n: round(statistics.median(t), 3) for n, t in times.items()},
                "ratio_seconds": round(
                    statistics.median(times["ours"]) / statistics.median(times["baseline"]), 3
                ),
            }
        )
    )


def measure_plan(households_count: int, volunteers_count: int) -> None:
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    results: dict[str, list[Plan]] = {"ours": [], "baseline": []}
    for round_ in range(ROUNDS):
        households, volunteers = instance(100 + round_, households_count, volunteers_count)
        for name, planner in (("ours", assign), ("baseline", greedy)):
            started = time.perf_counter()
            plan = planner(households, volunteers)
            times[name].append(time.perf_counter() - started)
            problems = check(plan, households, volunteers)
            if problems:
                raise SystemExit(f"{name}: unsound plan: {problems[:3]}")
            results[name].append(plan)
    matched = {n: [len(p.assignments) for p in plans] for n, plans in results.items()}
    km = {n: [p.mean_distance_km or 0.0 for p in plans] for n, plans in results.items()}
    value = {n: [p.value for p in plans] for n, plans in results.items()}

    def ratio(figures: dict[str, list[float]] | dict[str, list[int]]) -> float:
        pairs = zip(figures["ours"], figures["baseline"], strict=True)
        return round(statistics.median(o / b for o, b in pairs if b), 3)

    print(
        json.dumps(
            {
                "bench": "mentoring_plan",
                "households": households_count,
                "volunteers": volunteers_count,
                "rounds": ROUNDS,
                "median_seconds": {n: round(statistics.median(t), 3) for n, t in times.items()},
                "median_matched": {n: statistics.median(m) for n, m in matched.items()},
                "median_mean_km": {n: round(statistics.median(k), 2) for n, k in km.items()},
                "median_value": {n: round(statistics.median(v), 1) for n, v in value.items()},
                "ratio_matched": ratio(matched),
                "ratio_mean_km": ratio(km),
                "ratio_value": ratio(value),
                "ratio_seconds": round(
                    statistics.median(times["ours"]) / statistics.median(times["baseline"]), 1
                ),
            }
        )
    )


def main() -> None:
    measure_ranking(HOUSEHOLDS, VOLUNTEERS)
    measure_plan(HOUSEHOLDS, VOLUNTEERS)
    measure_plan(300, 150)


if __name__ == "__main__":
    main()
