"""Who can take which request, ranked with reasons, and the best plan for many requests.

Plain data in, plain data out: this module knows neither Django nor the rest of the
project (see ARCHITECTURE.md). The caller converts models into `RequestSpec` and
`MediatorSpec`, with all times as wall-clock times of the region (Europe/Berlin), because
weekly availability is stated in wall-clock time.

Hard rules (a mediator who breaks one is no candidate, and the reason is given):
language; mode (on site, phone, video); the gender when the request states a preference;
signed confidentiality declaration; a valid police certificate where the setting needs
one; distance within the mediator's maximum travel; within the weekly availability and
outside absences; no overlap with a booking, travel time before and after included.

Soft criteria (they order the candidates and make up the plan's cost): travel, dialect,
workload this month, the yearly allowance against the tax-free limit.

`propose` computes an optimal plan for many requests at once with one mixed-integer
program (SciPy's HiGHS) whose objective ranks two goals strictly: first as many requests
filled as possible, then, among those plans, the least travel and soft penalties,
spreading work over the mediators (each further appointment of one mediator on the same
day costs a little more than the last). Days and mediators that share nothing are solved
as separate programs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

ON_SITE = "on_site"
REMOTE_BUFFER = timedelta(minutes=10)  # phone and video: time to get ready
DEFAULT_SPEED_KMH = 40.0  # door to door in a rural district, car or bus

# Costs in "kilometre equivalents": what the plan minimises once the number of filled
# requests is fixed.
DIALECT_PENALTY = 25.0
WORKLOAD_PENALTY_PER_HOUR = 1.0  # hours already worked this month
SPREAD_PENALTY = 8.0  # each further appointment of one mediator on the same day
SPREAD_SLOTS = 6  # from the sixth appointment in one plan on, each costs the same
ALLOWANCE_WARN_SHARE = Decimal("0.9")
ALLOWANCE_PENALTY = 40.0


@dataclass(frozen=True)
class Skill:
    level: str  # CEFR level or "native"
    dialects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class WeeklyWindow:
    weekday: int  # 0 = Monday
    start_minute: int  # minutes after midnight, wall clock
    end_minute: int


@dataclass(frozen=True)
class RequestSpec:
    id: int
    language: str
    start: datetime
    end: datetime
    mode: str = ON_SITE
    location: tuple[float, float] | None = None  # latitude, longitude
    dialect: str = ""
    setting: str = ""
    gender_preference: str = ""  # "" = no preference
    excluded: frozenset[int] = frozenset()  # mediators who had this request (declined, ...)
    area: int | None = None  # the municipality, for mediators who serve some areas only


@dataclass(frozen=True)
class MediatorSpec:
    id: int
    skills: dict[str, Skill]
    modes: frozenset[str] = frozenset({ON_SITE, "phone", "video"})
    home: tuple[float, float] | None = None
    max_travel_km: float = 20.0
    areas: frozenset[int] = frozenset()  # municipalities served on site; empty: all
    weekly: tuple[WeeklyWindow, ...] = ()  # empty: no availability stated, always free
    absences: tuple[tuple[date, date], ...] = ()  # inclusive date ranges
    busy: tuple[tuple[datetime, datetime], ...] = ()  # bookings, travel included
    gender: str = ""
    confidentiality_signed: bool = False
    certificates: frozenset[str] = frozenset()  # settings for which a certificate is valid
    month_minutes: int = 0
    year_allowance: Decimal = Decimal(0)


@dataclass(frozen=True)
class Rules:
    """What the region decides: settings that need a police certificate, the tax limit."""

    certificate_settings: frozenset[str] = frozenset()
    allowance_limit: Decimal = Decimal(960)  # Ehrenamtspauschale since 2026
    speed_kmh: float = DEFAULT_SPEED_KMH


@dataclass(frozen=True)
class Candidate:
    mediator_id: int
    cost: float
    travel_km: float  # one way, 0 for phone and video
    reasons: tuple[str, ...]  # why this one (and what speaks against), for people


@dataclass(frozen=True)
class Rejection:
    mediator_id: int
    reasons: tuple[str, ...]


@dataclass
class Proposal:
    assignments: dict[int, int] = field(default_factory=dict)  # request id → mediator id
    unfilled: dict[int, str] = field(default_factory=dict)  # request id → why
    travel: dict[int, float] = field(default_factory=dict)  # request id → km one way
    travel_km: float = 0.0  # one way, summed over the assignments
    cost: float = 0.0
    optimal: bool = True  # False when the solver stopped at its time limit


# --- geometry and time ---------------------------------------------------------------


def german_number(value: float | Decimal, places: int = 1) -> str:
    """A number as German readers write it: decimal comma, points between thousands
    ("1.234,5"). Plain Python, so that this module stays free of Django."""
    text = f"{value:,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(value: float | Decimal) -> str:
    """An amount in euros, German style, with a no-break space: "1.234,50\u00a0€"."""
    return f"{german_number(value, 2)}\u00a0€"


def kilometres(value: float | Decimal, places: int = 1) -> str:
    """A distance, German style, with a no-break space: "14,8\u00a0km"."""
    return f"{german_number(value, places)}\u00a0km"


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def travel_km(request: RequestSpec, mediator: MediatorSpec) -> float:
    if request.mode != ON_SITE or request.location is None or mediator.home is None:
        return 0.0
    return distance_km(mediator.home, request.location)


def window(request: RequestSpec, mediator: MediatorSpec, rules: Rules) -> tuple[datetime, datetime]:
    """The time the appointment takes from the mediator, travel or preparation included."""
    if request.mode == ON_SITE:
        buffer = timedelta(minutes=math.ceil(travel_km(request, mediator) / rules.speed_kmh * 60))
    else:
        buffer = REMOTE_BUFFER
    return request.start - buffer, request.end + buffer


def overlaps(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    """Half-open ranges: one ending at 10:00 and one starting at 10:00 do not overlap."""
    return a[0] < b[1] and b[0] < a[1]


def _within_weekly(request: RequestSpec, weekly: Sequence[WeeklyWindow]) -> bool:
    if not weekly:
        return True
    if request.start.date() != request.end.date():
        return False
    day = request.start.weekday()
    start = request.start.hour * 60 + request.start.minute
    end = request.end.hour * 60 + request.end.minute
    return any(w.weekday == day and w.start_minute <= start and end <= w.end_minute for w in weekly)


def _absent(request: RequestSpec, absences: Iterable[tuple[date, date]]) -> bool:
    first, last = request.start.date(), request.end.date()
    return any(a <= last and first <= b for a, b in absences)


# --- one request ---------------------------------------------------------------------


def hard_reasons(request: RequestSpec, mediator: MediatorSpec, rules: Rules) -> list[str]:
    """Why this mediator cannot take the request; empty when nothing speaks against it."""
    reasons: list[str] = []
    if mediator.id in request.excluded:
        reasons.append("hatte diese Anfrage schon (abgelehnt oder abgesagt)")
    if request.language not in mediator.skills:
        reasons.append("spricht die Sprache nicht")
    if request.mode not in mediator.modes:
        reasons.append("übernimmt diese Art von Einsatz nicht")
    if request.gender_preference and mediator.gender != request.gender_preference:
        reasons.append("Geschlecht entspricht nicht dem Wunsch")
    if not mediator.confidentiality_signed:
        reasons.append("Verschwiegenheitserklärung fehlt")
    if request.setting in rules.certificate_settings and request.setting not in (
        mediator.certificates
    ):
        reasons.append("gültiges Führungszeugnis fehlt")
    if (
        request.mode == ON_SITE
        and mediator.areas
        and request.area is not None
        and request.area not in mediator.areas
    ):
        reasons.append("übersetzt an diesem Ort nicht vor Ort")
    km = travel_km(request, mediator)
    if km > mediator.max_travel_km:
        reasons.append(
            f"zu weit: {kilometres(km, 0)} (höchstens {kilometres(mediator.max_travel_km, 0)})"
        )
    if not _within_weekly(request, mediator.weekly):
        reasons.append("zu dieser Zeit nicht verfügbar")
    if _absent(request, mediator.absences):
        reasons.append("abwesend")
    own = window(request, mediator, rules)
    if any(overlaps(own, busy) for busy in mediator.busy):
        reasons.append("schon gebucht (Anfahrt eingerechnet)")
    return reasons


def soft_cost(
    request: RequestSpec, mediator: MediatorSpec, rules: Rules
) -> tuple[float, list[str]]:
    """The cost of this pairing in kilometre equivalents, and the reasons, for people."""
    reasons: list[str] = []
    skill = mediator.skills[request.language]
    level = "Muttersprache" if skill.level == "native" else skill.level
    reasons.append(f"Sprache passt ({level})")
    cost = 0.0
    if request.dialect:
        if request.dialect.casefold() in {d.casefold() for d in skill.dialects}:
            reasons.append(f"Dialekt passt ({request.dialect})")
        else:
            reasons.append(f"Dialekt {request.dialect} nicht angegeben")
            cost += DIALECT_PENALTY
    km = travel_km(request, mediator)
    if request.mode == ON_SITE and request.location is not None:
        reasons.append(f"Anfahrt {kilometres(km)}")
    cost += 2 * km  # there and back
    hours = mediator.month_minutes / 60
    reasons.append(f"diesen Monat {german_number(hours)} Std. im Einsatz")
    cost += WORKLOAD_PENALTY_PER_HOUR * hours
    limit = rules.allowance_limit
    if limit > 0:
        reasons.append(f"Jahressumme {euro(mediator.year_allowance)} von {euro(limit)}")
        if mediator.year_allowance >= limit * ALLOWANCE_WARN_SHARE:
            reasons.append("nahe an der steuerfreien Grenze")
            cost += ALLOWANCE_PENALTY
    return cost, reasons


def candidates(
    request: RequestSpec, mediators: Iterable[MediatorSpec], rules: Rules = Rules()
) -> tuple[list[Candidate], list[Rejection]]:
    """The mediators who can take the request, best first, and the others with reasons."""
    found: list[Candidate] = []
    rejected: list[Rejection] = []
    for mediator in mediators:
        against = hard_reasons(request, mediator, rules)
        if against:
            rejected.append(Rejection(mediator.id, tuple(against)))
            continue
        cost, reasons = soft_cost(request, mediator, rules)
        found.append(Candidate(mediator.id, cost, travel_km(request, mediator), tuple(reasons)))
    found.sort(key=lambda c: (c.cost, c.mediator_id))
    rejected.sort(key=lambda r: r.mediator_id)
    return found, rejected


# --- many requests -------------------------------------------------------------------


@dataclass(frozen=True)
class _Pair:
    request: int  # index into the request list
    mediator: int  # index into the mediator list
    cost: float
    km: float
    window: tuple[datetime, datetime]


def _pairs(
    requests: Sequence[RequestSpec], mediators: Sequence[MediatorSpec], rules: Rules
) -> tuple[list[_Pair], dict[int, str]]:
    by_language: dict[str, list[int]] = defaultdict(list)
    for j, mediator in enumerate(mediators):
        for language in mediator.skills:
            by_language[language].append(j)
    pairs: list[_Pair] = []
    why_not: dict[int, str] = {}
    for i, request in enumerate(requests):
        speakers = by_language.get(request.language, [])
        if not speakers:
            why_not[request.id] = "niemand im Pool spricht die Sprache"
            continue
        reasons: dict[str, int] = defaultdict(int)
        found = False
        for j in speakers:
            against = hard_reasons(request, mediators[j], rules)
            if against:
                for reason in against:
                    reasons[reason.split(":")[0]] += 1
                continue
            found = True
            cost, _reasons = soft_cost(request, mediators[j], rules)
            pairs.append(
                _Pair(
                    i,
                    j,
                    cost,
                    travel_km(request, mediators[j]),
                    window(request, mediators[j], rules),
                )
            )
        if not found:
            common = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))[0][0]
            why_not[request.id] = f"keine passende Person frei (meist: {common})"
    return pairs, why_not


def _components(pairs: list[_Pair]) -> list[list[int]]:
    """Indices of pairs in groups that share no request and no mediator-day, solved alone.

    Spreading the work couples all appointments of a mediator on one day, so a group holds
    all pairs of its mediators on its days; different days are independent.
    """
    parent = list(range(len(pairs)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first_of_request: dict[int, int] = {}
    first_of_day: dict[tuple[int, date], int] = {}
    for k, pair in enumerate(pairs):
        keys: list[tuple[dict[Any, int], Any]] = [(first_of_request, pair.request)]
        for moment in pair.window:  # a window over midnight joins both days
            keys.append((first_of_day, (pair.mediator, moment.date())))
        for first, key in keys:
            if key in first:
                a, b = find(k), find(first[key])
                if a != b:
                    parent[a] = b
            else:
                first[key] = k
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(pairs)):
        groups[find(k)].append(k)
    return list(groups.values())


def _overlap_rows(pairs: list[_Pair], group: list[int]) -> list[list[int]]:
    """For each mediator, the sets of pairs that overlap at some moment (interval cliques).

    For intervals it is enough to look at the moments where one starts: every set of
    pairwise overlapping intervals contains the latest start among them.
    """
    by_mediator: dict[int, list[int]] = defaultdict(list)
    for column, k in enumerate(group):
        by_mediator[pairs[k].mediator].append(column)
    rows: list[list[int]] = []
    for columns in by_mediator.values():
        if len(columns) < 2:
            continue
        spans = sorted((pairs[group[c]].window, c) for c in columns)
        cliques: list[set[int]] = []
        for (start, _end), _c in spans:
            clique = {c for (s, e), c in spans if s <= start < e}
            if len(clique) > 1:
                cliques.append(clique)
        # A clique inside another one of the same mediator adds nothing.
        cliques.sort(key=len, reverse=True)
        kept: list[set[int]] = []
        for clique in cliques:
            if not any(clique <= other for other in kept):
                kept.append(clique)
        rows.extend(sorted(clique) for clique in kept)
    return rows


def _solve_group(pairs: list[_Pair], group: list[int], time_limit: float) -> tuple[list[int], bool]:
    """Choose pairs of one group: most requests filled, then least cost. Exact (HiGHS)."""
    requests = sorted({pairs[k].request for k in group})
    mediators = sorted({pairs[k].mediator for k in group})
    n = len(group)
    if n == 1:
        return list(group), True
    # Spreading: mediator m's t-th appointment of the day costs SPREAD_PENALTY * (t - 1),
    # modelled by load variables s[m, t] in [0, 1] with increasing costs (convex).
    per_mediator: dict[int, list[int]] = defaultdict(list)
    for column, k in enumerate(group):
        per_mediator[pairs[k].mediator].append(column)
    slots: list[tuple[int, int]] = []  # (mediator, t); the last slot takes any number
    for m in mediators:
        for t in range(1, min(len(per_mediator[m]), SPREAD_SLOTS) + 1):
            slots.append((m, t))
    total = n + len(slots)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def add_row(entries: Iterable[tuple[int, float]], lo: float, hi: float) -> None:
        row = len(lower)
        for col, val in entries:
            rows.append(row)
            cols.append(col)
            vals.append(val)
        lower.append(lo)
        upper.append(hi)

    request_columns: dict[int, list[int]] = defaultdict(list)
    for column, k in enumerate(group):
        request_columns[pairs[k].request].append(column)
    for i in requests:
        add_row(((c, 1.0) for c in request_columns[i]), 0.0, 1.0)
    for clique in _overlap_rows(pairs, group):
        add_row(((c, 1.0) for c in clique), 0.0, 1.0)
    slot_index = {slot: n + s for s, slot in enumerate(slots)}
    for m in mediators:
        entries = [(c, 1.0) for c in per_mediator[m]]
        count = min(len(per_mediator[m]), SPREAD_SLOTS)
        entries += [(slot_index[(m, t)], -1.0) for t in range(1, count + 1)]
        add_row(entries, 0.0, 0.0)
    matrix = coo_array((vals, (rows, cols)), shape=(len(lower), total)).tocsr()
    integrality = np.zeros(total)
    integrality[:n] = 1
    upper_bounds = np.ones(total)
    for m in mediators:
        count = min(len(per_mediator[m]), SPREAD_SLOTS)
        upper_bounds[slot_index[(m, count)]] = np.inf
    bounds = Bounds(np.zeros(total), upper_bounds)
    constraints = [LinearConstraint(matrix, np.array(lower), np.array(upper))]
    options = {"time_limit": time_limit, "mip_rel_gap": 0.0}

    # One program, two goals in strict order: every filled request is worth more than
    # the cost of any plan could ever be (at most, per filled request, its dearest pair
    # and the highest spreading step), so the solver first fills as many as possible and
    # then, among those plans, minimises travel and penalties.
    cost = np.zeros(total)
    cost[:n] = [pairs[k].cost for k in group]
    for (_m, t), col in slot_index.items():
        cost[col] = SPREAD_PENALTY * (t - 1)
    dearest: dict[int, float] = defaultdict(float)
    for k in group:
        dearest[pairs[k].request] = max(dearest[pairs[k].request], pairs[k].cost)
    worth = 1.0 + sum(dearest.values()) + len(requests) * SPREAD_PENALTY * (SPREAD_SLOTS - 1)
    objective = cost.copy()
    objective[:n] -= worth
    result = milp(objective, integrality=integrality, bounds=bounds, constraints=constraints,
                  options=options)  # fmt: skip
    if result.x is None:
        return [], False
    chosen = [group[c] for c in range(n) if result.x[c] > 0.5]
    return chosen, bool(result.status == 0)


def propose(
    requests: Sequence[RequestSpec],
    mediators: Sequence[MediatorSpec],
    rules: Rules = Rules(),
    time_limit: float = 60.0,
) -> Proposal:
    """An optimal plan for the requests: most filled, then least travel, work spread."""
    pairs, why_not = _pairs(requests, mediators, rules)
    proposal = Proposal(unfilled=dict(why_not))
    for group in _components(pairs):
        chosen, optimal = _solve_group(pairs, group, time_limit)
        proposal.optimal &= optimal
        for k in chosen:
            pair = pairs[k]
            proposal.assignments[requests[pair.request].id] = mediators[pair.mediator].id
            proposal.travel[requests[pair.request].id] = pair.km
            proposal.travel_km += pair.km
            proposal.cost += pair.cost
    for request in requests:
        if request.id not in proposal.assignments and request.id not in proposal.unfilled:
            proposal.unfilled[request.id] = (
                "alle passenden Personen sind zu dieser Zeit schon eingeplant"
            )
    return proposal


def greedy(
    requests: Sequence[RequestSpec], mediators: Sequence[MediatorSpec], rules: Rules = Rules()
) -> Proposal:
    """First come, first served: each request in turn gets its cheapest free candidate.

    The baseline the optimal plan is measured against (bench), and what a coordinator
    working down a list by hand would do.
    """
    pairs, why_not = _pairs(requests, mediators, rules)
    by_request: dict[int, list[_Pair]] = defaultdict(list)
    for pair in pairs:
        by_request[pair.request].append(pair)
    taken: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    proposal = Proposal(unfilled=dict(why_not))
    for i, request in enumerate(requests):
        for pair in sorted(by_request[i], key=lambda p: (p.cost, p.mediator)):
            if any(overlaps(pair.window, other) for other in taken[pair.mediator]):
                continue
            taken[pair.mediator].append(pair.window)
            proposal.assignments[request.id] = mediators[pair.mediator].id
            proposal.travel[requests[pair.request].id] = pair.km
            proposal.travel_km += pair.km
            proposal.cost += pair.cost
            break
        else:
            if request.id not in proposal.unfilled:
                proposal.unfilled[request.id] = (
                    "alle passenden Personen sind zu dieser Zeit schon eingeplant"
                )
    return proposal


def check(
    proposal: Proposal,
    requests: Sequence[RequestSpec],
    mediators: Sequence[MediatorSpec],
    rules: Rules = Rules(),
) -> list[str]:
    """Every broken rule of a plan (empty for a sound plan): used by tests and the admin."""
    problems: list[str] = []
    by_request = {r.id: r for r in requests}
    by_mediator = {m.id: m for m in mediators}
    windows: dict[int, list[tuple[tuple[datetime, datetime], int]]] = defaultdict(list)
    for request_id, mediator_id in proposal.assignments.items():
        request, mediator = by_request[request_id], by_mediator[mediator_id]
        for reason in hard_reasons(request, mediator, rules):
            problems.append(f"Anfrage {request_id} / Person {mediator_id}: {reason}")
        own = window(request, mediator, rules)
        for other, other_id in windows[mediator_id]:
            if overlaps(own, other):
                problems.append(
                    f"Person {mediator_id}: Anfragen {other_id} und {request_id} überschneiden sich"
                )
        windows[mediator_id].append((own, request_id))
    return problems
