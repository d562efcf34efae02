"""Who could mentor which household, ranked with reasons, and the best plan for many.

Plain data in, plain data out: this module knows neither Django nor the rest of the
project (see docs/architecture.md). The caller converts households and volunteers into
`HouseholdSpec` and `VolunteerSpec`; places are the municipalities' coordinates (plain
numbers), languages, needs, interests and availability are plain codes.

Hard rules (a volunteer who breaks one is no candidate, and the reason is given as a
`Reason` of a `REJECT_*` kind): a shared language (unless the household is flagged as
possible without one); free capacity (active mentorships below the volunteer's maximum);
a household with minors needs a volunteer cleared for work with minors; a volunteer who
already had this household (one side asked for a new match) is not proposed again.

Soft criteria make up the score (points, 0 to `MAX_SCORE`, higher is better): shared
languages, distance between the municipalities, the household's needs covered by the
volunteer's interests, shared availability, and free capacity (the current load).

Every reason is a structured `Reason` (kind, points, codes, number) that the user interface
renders in German, with the language and need names of the region.

`assign` finds an optimal plan for many open households at once: it maximises the total
value, each match worth `MATCH_VALUE` plus its score, subject to every volunteer's free
capacity. A volunteer's k-th new mentorship in one plan is scored with the load it would
then have, so work is spread. Exact: a rectangular assignment problem (SciPy's
`linear_sum_assignment`) where every volunteer appears once per free place. `greedy` is
the first-come baseline: each household in turn takes its best free volunteer.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

# Points of the soft criteria (the score is their sum, 0 to MAX_SCORE).
LANGUAGE_POINTS = 35.0  # at least one shared language
EXTRA_LANGUAGE_POINTS = 5.0  # a second shared language
DISTANCE_POINTS = 25.0  # same municipality; falls linearly to 0 at DISTANCE_HORIZON_KM
DISTANCE_HORIZON_KM = 30.0
UNKNOWN_DISTANCE_POINTS = 8.0  # a place without coordinates
NEEDS_POINTS = 20.0  # every need covered by an interest
AVAILABILITY_POINTS_PER_SLOT = 5.0
AVAILABILITY_MAX_POINTS = 10.0
LOAD_POINTS = 10.0  # no active mentorship; falls with the share of the maximum in use
MAX_SCORE = (
    LANGUAGE_POINTS
    + EXTRA_LANGUAGE_POINTS
    + DISTANCE_POINTS
    + NEEDS_POINTS
    + AVAILABILITY_MAX_POINTS
    + LOAD_POINTS
)
# What a household gets by having a mentor at all, on top of the score: a plan matching one
# more household is better than one with slightly better matches.
MATCH_VALUE = 100.0

# Kinds of reasons for a candidate (soft criteria) ...
LANGUAGE = "language"  # codes: the shared languages
NO_LANGUAGE = "no_language"  # no shared language, allowed for this household
DISTANCE = "distance"  # number: kilometres
DISTANCE_UNKNOWN = "distance_unknown"
NEEDS = "needs"  # codes: needs covered; number: needs in all
NEEDS_UNCOVERED = "needs_uncovered"  # codes: needs no interest covers
AVAILABILITY = "availability"  # codes: shared slots
NO_AVAILABILITY = "no_availability"  # both stated some, none shared
LOAD = "load"  # number: active mentorships; limit: the maximum
# ... and against one (hard rules).
REJECT_LANGUAGE = "reject_language"
REJECT_CAPACITY = "reject_capacity"  # number: active mentorships; limit: the maximum
REJECT_MINORS = "reject_minors"
REJECT_HAD_HOUSEHOLD = "reject_had_household"
HARD_KINDS = (REJECT_LANGUAGE, REJECT_CAPACITY, REJECT_MINORS, REJECT_HAD_HOUSEHOLD)

Place = tuple[float, float]  # latitude, longitude


@dataclass(frozen=True)
class HouseholdSpec:
    id: int
    languages: frozenset[str]
    needs: frozenset[str] = frozenset()
    place: Place | None = None  # the municipality's coordinates
    has_minors: bool = False
    availability: frozenset[str] = frozenset()  # slot codes, e.g. "mon-evening"
    without_shared_language: bool = False  # the coordinator allows a match without one
    excluded: frozenset[int] = frozenset()  # volunteers who already had this household


@dataclass(frozen=True)
class VolunteerSpec:
    id: int
    languages: frozenset[str]
    interests: frozenset[str] = frozenset()  # in the same codes as the households' needs
    place: Place | None = None
    availability: frozenset[str] = frozenset()
    active: int = 0  # active mentorships
    capacity: int = 1  # the most mentorships at once
    cleared_for_minors: bool = False


@dataclass(frozen=True)
class Reason:
    """One reason, for people: the UI renders it by kind (German, the region's names)."""

    kind: str
    points: float = 0.0
    codes: tuple[str, ...] = ()
    number: float | None = None
    limit: int | None = None


@dataclass(frozen=True)
class Suggestion:
    volunteer_id: int
    score: float
    distance_km: float | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Rejection:
    volunteer_id: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Ranking:
    household_id: int
    suggestions: tuple[Suggestion, ...]  # best first, at most the limit asked for
    eligible: int  # volunteers who could take the household
    rejected: dict[str, int]  # hard kind → number of volunteers it excludes


@dataclass
class Plan:
    assignments: dict[int, int] = field(default_factory=dict)  # household id → volunteer id
    scores: dict[int, float] = field(default_factory=dict)  # household id → score
    distances: dict[int, float] = field(default_factory=dict)  # household id → km (known)
    unmatched: list[int] = field(default_factory=list)  # household ids, in the given order

    @property
    def value(self) -> float:
        """What the plan is worth: MATCH_VALUE per match plus the scores."""
        return MATCH_VALUE * len(self.assignments) + sum(self.scores.values())

    @property
    def mean_distance_km(self) -> float | None:
        if not self.distances:
            return None
        return sum(self.distances.values()) / len(self.distances)


# --- one pair ------------------------------------------------------------------------


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def pair_distance(household: HouseholdSpec, volunteer: VolunteerSpec) -> float | None:
    if household.place is None or volunteer.place is None:
        return None
    return distance_km(household.place, volunteer.place)


def hard_reasons(
    household: HouseholdSpec, volunteer: VolunteerSpec, extra_load: int = 0
) -> list[Reason]:
    """Why this volunteer cannot take the household; empty when nothing speaks against it.

    `extra_load`: mentorships this volunteer already got in the plan being built.
    """
    reasons: list[Reason] = []
    if volunteer.id in household.excluded:
        reasons.append(Reason(REJECT_HAD_HOUSEHOLD))
    if not (household.languages & volunteer.languages) and not household.without_shared_language:
        reasons.append(Reason(REJECT_LANGUAGE))
    if volunteer.active + extra_load >= volunteer.capacity:
        reasons.append(
            Reason(REJECT_CAPACITY, number=volunteer.active + extra_load, limit=volunteer.capacity)
        )
    if household.has_minors and not volunteer.cleared_for_minors:
        reasons.append(Reason(REJECT_MINORS))
    return reasons


def load_points(active: int, capacity: int) -> float:
    if capacity <= 0:
        return 0.0
    return LOAD_POINTS * max(0.0, 1.0 - active / capacity)


def distance_points(km: float | None) -> float:
    if km is None:
        return UNKNOWN_DISTANCE_POINTS
    return DISTANCE_POINTS * max(0.0, 1.0 - km / DISTANCE_HORIZON_KM)


def soft_reasons(
    household: HouseholdSpec, volunteer: VolunteerSpec, extra_load: int = 0
) -> list[Reason]:
    """The reasons that make up the score, each with its points (sum = the score)."""
    reasons: list[Reason] = []
    shared = sorted(household.languages & volunteer.languages)
    if shared:
        points = LANGUAGE_POINTS + (EXTRA_LANGUAGE_POINTS if len(shared) > 1 else 0.0)
        reasons.append(Reason(LANGUAGE, points, codes=tuple(shared)))
    else:
        reasons.append(Reason(NO_LANGUAGE))
    km = pair_distance(household, volunteer)
    if km is None:
        reasons.append(Reason(DISTANCE_UNKNOWN, distance_points(None)))
    else:
        reasons.append(Reason(DISTANCE, distance_points(km), number=km))
    if household.needs:
        covered = sorted(household.needs & volunteer.interests)
        if covered:
            points = NEEDS_POINTS * len(covered) / len(household.needs)
            reasons.append(Reason(NEEDS, points, codes=tuple(covered), number=len(household.needs)))
        uncovered = sorted(household.needs - volunteer.interests)
        if uncovered:
            reasons.append(Reason(NEEDS_UNCOVERED, codes=tuple(uncovered)))
    if household.availability and volunteer.availability:
        slots = sorted(household.availability & volunteer.availability)
        if slots:
            points = min(AVAILABILITY_MAX_POINTS, AVAILABILITY_POINTS_PER_SLOT * len(slots))
            reasons.append(Reason(AVAILABILITY, points, codes=tuple(slots)))
        else:
            reasons.append(Reason(NO_AVAILABILITY))
    active = volunteer.active + extra_load
    reasons.append(
        Reason(
            LOAD, load_points(active, volunteer.capacity), number=active, limit=volunteer.capacity
        )
    )
    return reasons


def score(household: HouseholdSpec, volunteer: VolunteerSpec, extra_load: int = 0) -> float:
    return sum(r.points for r in soft_reasons(household, volunteer, extra_load))


# --- all pairs at once (the same rules, as arrays) -----------------------------------


def _codes_matrix(sets: Sequence[frozenset[str]], index: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(sets), max(1, len(index))), dtype=np.float32)
    for row, codes in enumerate(sets):
        for code in codes:
            column = index.get(code)
            if column is not None:
                matrix[row, column] = 1.0
    return matrix


def _places(items: Sequence[HouseholdSpec] | Sequence[VolunteerSpec]) -> np.ndarray:
    return np.array(
        [item.place if item.place is not None else (np.nan, np.nan) for item in items],
        dtype=np.float64,
    ).reshape(len(items), 2)


def _distances(households: np.ndarray, volunteers: np.ndarray) -> np.ndarray:
    """Haversine for every pair; NaN where a place is unknown."""
    lat1 = np.radians(households[:, 0])[:, None]
    lon1 = np.radians(households[:, 1])[:, None]
    lat2 = np.radians(volunteers[:, 0])[None, :]
    lon2 = np.radians(volunteers[:, 1])[None, :]
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, h)))


@dataclass
class PairTable:
    """Score and eligibility of every (household, volunteer) pair, at the current load.

    `base` is the score without the load points, so that a plan can score a volunteer's
    further mentorships with the load they would then have.
    """

    households: Sequence[HouseholdSpec]
    volunteers: Sequence[VolunteerSpec]
    base: np.ndarray  # households × volunteers
    eligible: np.ndarray  # households × volunteers, bool, capacity not included
    distance: np.ndarray  # km, NaN where unknown
    language_ok: np.ndarray
    minors_ok: np.ndarray
    had: np.ndarray

    def load_points(self, extra_load: np.ndarray | int = 0) -> np.ndarray:
        """The load points of every volunteer with `extra_load` more mentorships."""
        active = np.array([v.active for v in self.volunteers], dtype=np.float64) + extra_load
        capacity = np.array([v.capacity for v in self.volunteers], dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(capacity > 0, active / capacity, 1.0)
        return np.asarray(LOAD_POINTS * np.clip(1.0 - share, 0.0, None))


def pair_table(
    households: Sequence[HouseholdSpec], volunteers: Sequence[VolunteerSpec]
) -> PairTable:
    """Every pair at once; agrees with `hard_reasons` and `score` pair by pair (tested)."""
    languages = {c: k for k, c in enumerate(sorted({c for v in volunteers for c in v.languages}))}
    h_lang = _codes_matrix([h.languages for h in households], languages)
    v_lang = _codes_matrix([v.languages for v in volunteers], languages)
    shared_languages = h_lang @ v_lang.T
    needs = {c: k for k, c in enumerate(sorted({c for h in households for c in h.needs}))}
    h_needs = _codes_matrix([h.needs for h in households], needs)
    v_interests = _codes_matrix([v.interests for v in volunteers], needs)
    covered = h_needs @ v_interests.T
    need_count = np.array([len(h.needs) for h in households], dtype=np.float64)[:, None]
    slots = {c: k for k, c in enumerate(sorted({c for h in households for c in h.availability}))}
    h_slots = _codes_matrix([h.availability for h in households], slots)
    v_slots = _codes_matrix([v.availability for v in volunteers], slots)
    shared_slots = h_slots @ v_slots.T
    both_stated = (
        np.array([bool(h.availability) for h in households], dtype=bool)[:, None]
        & np.array([bool(v.availability) for v in volunteers], dtype=bool)[None, :]
    )
    distance = _distances(_places(households), _places(volunteers))

    with np.errstate(divide="ignore", invalid="ignore"):
        needs_points = np.where(need_count > 0, NEEDS_POINTS * covered / need_count, 0.0)
    base = (
        np.where(shared_languages > 0, LANGUAGE_POINTS, 0.0)
        + np.where(shared_languages > 1, EXTRA_LANGUAGE_POINTS, 0.0)
        + np.where(
            np.isnan(distance),
            UNKNOWN_DISTANCE_POINTS,
            DISTANCE_POINTS * np.clip(1.0 - np.nan_to_num(distance) / DISTANCE_HORIZON_KM, 0, None),
        )
        + needs_points
        + np.where(
            both_stated,
            np.minimum(AVAILABILITY_MAX_POINTS, AVAILABILITY_POINTS_PER_SLOT * shared_slots),
            0.0,
        )
    )
    allowed = np.array([h.without_shared_language for h in households], dtype=bool)[:, None]
    language_ok = (shared_languages > 0) | allowed
    minors = np.array([h.has_minors for h in households], dtype=bool)[:, None]
    cleared = np.array([v.cleared_for_minors for v in volunteers], dtype=bool)[None, :]
    minors_ok = ~minors | cleared
    had = np.zeros((len(households), len(volunteers)), dtype=bool)
    column = {v.id: k for k, v in enumerate(volunteers)}
    for row, household in enumerate(households):
        for volunteer_id in household.excluded:
            if volunteer_id in column:
                had[row, column[volunteer_id]] = True
    return PairTable(
        households=households,
        volunteers=volunteers,
        base=base,
        eligible=language_ok & minors_ok & ~had,
        distance=distance,
        language_ok=language_ok,
        minors_ok=minors_ok,
        had=had,
    )


# --- one household: ranked suggestions ------------------------------------------------


def _ranking(
    table: PairTable, scores: np.ndarray, free: np.ndarray, row: int, limit: int
) -> Ranking:
    household = table.households[row]
    eligible = table.eligible[row] & free
    columns = np.flatnonzero(eligible)
    if len(columns) > limit:
        # The best `limit` by score; ties broken by the volunteer's id, as in a full sort.
        cut = np.partition(scores[columns], len(columns) - limit)[len(columns) - limit]
        columns = columns[scores[columns] >= cut]
    ids = np.array([table.volunteers[int(c)].id for c in columns], dtype=np.int64)
    order = np.lexsort((ids, -scores[columns])) if len(columns) else np.array([], dtype=int)
    suggestions = []
    for c in columns[order][:limit]:
        volunteer = table.volunteers[int(c)]
        reasons = soft_reasons(household, volunteer)
        suggestions.append(
            Suggestion(
                volunteer_id=volunteer.id,
                score=sum(r.points for r in reasons),
                distance_km=pair_distance(household, volunteer),
                reasons=tuple(reasons),
            )
        )
    rejected = {
        REJECT_HAD_HOUSEHOLD: int(table.had[row].sum()),
        REJECT_LANGUAGE: int((~table.language_ok[row]).sum()),
        REJECT_CAPACITY: int((~free).sum()),
        REJECT_MINORS: int((~table.minors_ok[row]).sum()),
    }
    return Ranking(
        household_id=household.id,
        suggestions=tuple(suggestions),
        eligible=int(eligible.sum()),
        rejected={kind: count for kind, count in rejected.items() if count},
    )


def suggest(
    household: HouseholdSpec, volunteers: Sequence[VolunteerSpec], limit: int = 10
) -> Ranking:
    """The best volunteers for one household, with reasons, and how many each rule excludes."""
    return rank_all([household], volunteers, limit)[0]


def rank_all(
    households: Sequence[HouseholdSpec], volunteers: Sequence[VolunteerSpec], limit: int = 10
) -> list[Ranking]:
    """`suggest` for many households, scoring all pairs in one go."""
    table = pair_table(households, volunteers)
    scores = table.base + table.load_points()[None, :]
    free = np.array([v.active < v.capacity for v in volunteers], dtype=bool)
    return [_ranking(table, scores[row], free, row, limit) for row in range(len(households))]


def rejections(household: HouseholdSpec, volunteers: Sequence[VolunteerSpec]) -> list[Rejection]:
    """The volunteers who cannot take the household, each with every reason against."""
    found = []
    for volunteer in volunteers:
        against = hard_reasons(household, volunteer)
        if against:
            found.append(Rejection(volunteer.id, tuple(against)))
    return found


# --- many households: the plan --------------------------------------------------------


def _record(plan: Plan, table: PairTable, row: int, column: int, value: float) -> None:
    household_id = table.households[row].id
    plan.assignments[household_id] = table.volunteers[column].id
    plan.scores[household_id] = float(value)
    km = table.distance[row, column]
    if not np.isnan(km):
        plan.distances[household_id] = float(km)


def assign(households: Sequence[HouseholdSpec], volunteers: Sequence[VolunteerSpec]) -> Plan:
    """An optimal plan: the most total value (MATCH_VALUE + score per match) within capacity.

    Each volunteer becomes one column per free place; the k-th place (k = 0, 1, ...) is
    scored with the load `active + k`, so lower places always fill first and a plan that
    gives someone two new households pays for the second one's higher load. Pairs that
    break a hard rule are worth 0, the same as no match, and are dropped afterwards.
    """
    plan = Plan()
    if not households:
        return plan
    table = pair_table(households, volunteers)
    columns: list[int] = []  # volunteer index of each expanded column
    places: list[int] = []  # its k
    for j, volunteer in enumerate(volunteers):
        wanted = int(table.eligible[:, j].sum())
        for k in range(min(max(0, volunteer.capacity - volunteer.active), wanted)):
            columns.append(j)
            places.append(k)
    if not columns:
        plan.unmatched = [h.id for h in households]
        return plan
    column_index = np.array(columns)
    extra = np.array(places, dtype=np.float64)
    active = np.array([volunteers[j].active for j in columns], dtype=np.float64) + extra
    capacity = np.array([volunteers[j].capacity for j in columns], dtype=np.float64)
    value = table.base[:, column_index] + LOAD_POINTS * np.clip(1.0 - active / capacity, 0, None)
    value = np.where(table.eligible[:, column_index], value + MATCH_VALUE, 0.0)
    rows, chosen = linear_sum_assignment(value, maximize=True)
    for row, c in zip(rows, chosen, strict=True):
        if value[row, c] > 0:
            _record(plan, table, int(row), int(column_index[c]), value[row, c] - MATCH_VALUE)
    plan.unmatched = [h.id for h in households if h.id not in plan.assignments]
    return plan


def greedy(households: Sequence[HouseholdSpec], volunteers: Sequence[VolunteerSpec]) -> Plan:
    """First come, first served: each household in turn takes its best free volunteer.

    The baseline `assign` is measured against, and what a coordinator working down the
    list of open households one by one would do.
    """
    plan = Plan()
    if not households:
        return plan
    table = pair_table(households, volunteers)
    ids = np.array([v.id for v in volunteers], dtype=np.int64)
    given = np.zeros(len(volunteers))
    free = np.array([v.capacity - v.active for v in volunteers], dtype=np.float64)
    for row, household in enumerate(households):
        scores = table.base[row] + table.load_points(given)
        open_ = table.eligible[row] & (given < free)
        columns = np.flatnonzero(open_)
        if not len(columns):
            plan.unmatched.append(household.id)
            continue
        best = columns[np.lexsort((ids[columns], -scores[columns]))[0]]
        _record(plan, table, row, int(best), scores[best])
        given[best] += 1
    return plan


def check(
    plan: Plan, households: Sequence[HouseholdSpec], volunteers: Sequence[VolunteerSpec]
) -> list[str]:
    """Every broken rule of a plan (empty for a sound plan): for tests and the bench."""
    problems: list[str] = []
    by_household = {h.id: h for h in households}
    by_volunteer = {v.id: v for v in volunteers}
    load: Counter[int] = Counter()
    for household_id, volunteer_id in plan.assignments.items():
        household, volunteer = by_household[household_id], by_volunteer[volunteer_id]
        against = [r.kind for r in hard_reasons(household, volunteer) if r.kind != REJECT_CAPACITY]
        if against:
            problems.append(f"Haushalt {household_id} / Person {volunteer_id}: {against}")
        load[volunteer_id] += 1
    for volunteer_id, count in load.items():
        volunteer = by_volunteer[volunteer_id]
        if volunteer.active + count > volunteer.capacity:
            problems.append(f"Person {volunteer_id} über der Höchstzahl")
    return problems
