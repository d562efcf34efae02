"""Scores of the intercultural opening: plain data in, plain data out (no ORM, no HTTP).

A self-assessment scores each checklist item 0–3. The progress of one organisation is the
series of its assessments; the region overview counts organisations per stage, finds the
weakest items (lowest mean of each organisation's latest score) and compares the means with
those a year earlier.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

MAX_SCORE = 3


@dataclass(frozen=True)
class Assessment:
    organisation_id: int
    day: date
    scores: Mapping[int, int]  # checklist item id → 0..3


@dataclass(frozen=True)
class ItemTrend:
    item_id: int
    mean_now: float | None
    mean_year_ago: float | None
    organisations: int

    @property
    def change(self) -> float | None:
        if self.mean_now is None or self.mean_year_ago is None:
            return None
        return round(self.mean_now - self.mean_year_ago, 2)


def share(scores: Mapping[int, int], item_ids: Sequence[int]) -> float | None:
    """The share of the possible points reached, 0..1 (None without any scored item)."""
    values = [scores[item] for item in item_ids if item in scores]
    if not values:
        return None
    return sum(values) / (MAX_SCORE * len(values))


def latest_by_organisation(assessments: Iterable[Assessment], on: date) -> dict[int, Assessment]:
    """Each organisation's last assessment made on or before `on`."""
    latest: dict[int, Assessment] = {}
    for assessment in assessments:
        if assessment.day > on:
            continue
        current = latest.get(assessment.organisation_id)
        if current is None or assessment.day > current.day:
            latest[assessment.organisation_id] = assessment
    return latest


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def item_trends(
    assessments: Sequence[Assessment], item_ids: Sequence[int], today: date
) -> list[ItemTrend]:
    """Per item: the mean of every organisation's latest score today and a year ago,
    weakest first (items nobody scored last)."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    now = latest_by_organisation(assessments, today)
    before = latest_by_organisation(assessments, year_ago)
    trends = []
    for item in item_ids:
        current = [a.scores[item] for a in now.values() if item in a.scores]
        earlier = [a.scores[item] for a in before.values() if item in a.scores]
        trends.append(ItemTrend(item, _mean(current), _mean(earlier), len(current)))
    return sorted(
        trends,
        key=lambda t: (t.mean_now is None, t.mean_now if t.mean_now is not None else 0, t.item_id),
    )


def stage_counts(stages: Iterable[str], order: Sequence[str]) -> list[tuple[str, int]]:
    """How many processes are in each stage, in the stages' order (zeros included)."""
    counts = dict.fromkeys(order, 0)
    for stage in stages:
        if stage in counts:
            counts[stage] += 1
    return list(counts.items())
