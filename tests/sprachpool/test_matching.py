"""Matching: the hard rules with their reasons, the ranking, and the plan for many requests."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wir.sprachpool.matching import (
    SPREAD_PENALTY,
    SPREAD_SLOTS,
    MediatorSpec,
    Proposal,
    RequestSpec,
    Rules,
    Skill,
    WeeklyWindow,
    candidates,
    check,
    distance_km,
    greedy,
    hard_reasons,
    propose,
    soft_cost,
    window,
)

FRIEDBERG = (50.3369, 8.7553)
BUEDINGEN = (50.2906, 9.1122)  # about 25 km east of Friedberg
MONDAY_10 = datetime(2027, 3, 1, 10, 0)


def request(id_: int = 1, **kwargs) -> RequestSpec:
    values = {
        "language": "ar",
        "start": MONDAY_10,
        "end": MONDAY_10 + timedelta(hours=1),
        "location": FRIEDBERG,
    }
    values.update(kwargs)
    return RequestSpec(id=id_, **values)


def mediator(id_: int = 1, **kwargs) -> MediatorSpec:
    values = {
        "skills": {"ar": Skill("native")},
        "home": FRIEDBERG,
        "confidentiality_signed": True,
    }
    values.update(kwargs)
    return MediatorSpec(id=id_, **values)


def test_distance_is_the_great_circle_distance() -> None:
    assert distance_km(FRIEDBERG, FRIEDBERG) == 0
    assert 25 < distance_km(FRIEDBERG, BUEDINGEN) < 27
    assert distance_km(FRIEDBERG, BUEDINGEN) == distance_km(BUEDINGEN, FRIEDBERG)


def test_every_hard_rule_names_its_reason() -> None:
    rules = Rules(certificate_settings=frozenset({"kita"}))
    cases = [
        (mediator(skills={"fa": Skill("C1")}), request(), "spricht die Sprache nicht"),
        (mediator(modes=frozenset({"phone"})), request(), "übernimmt diese Art"),
        (mediator(gender="m"), request(gender_preference="f"), "Geschlecht"),
        (mediator(confidentiality_signed=False), request(), "Verschwiegenheitserklärung"),
        (mediator(), request(setting="kita"), "Führungszeugnis"),
        (mediator(home=BUEDINGEN, max_travel_km=20), request(), "zu weit: 26\u00a0km"),
        (mediator(areas=frozenset({7})), request(area=8), "übersetzt an diesem Ort nicht"),
        (mediator(weekly=(WeeklyWindow(1, 8 * 60, 12 * 60),)), request(), "nicht verfügbar"),
        (mediator(absences=((date(2027, 2, 27), date(2027, 3, 1)),)), request(), "abwesend"),
        (
            mediator(busy=((MONDAY_10 - timedelta(hours=2), MONDAY_10 + timedelta(minutes=1)),)),
            request(),
            "schon gebucht",
        ),
    ]
    for candidate, wanted, reason in cases:
        reasons = hard_reasons(wanted, candidate, rules)
        assert len(reasons) == 1, (reason, reasons)
        assert reason in reasons[0]
        found, rejected = candidates(wanted, [candidate], rules)
        assert found == []
        assert rejected[0].reasons == tuple(reasons)


def test_what_is_allowed_is_no_reason_against() -> None:
    rules = Rules(certificate_settings=frozenset({"kita"}))
    fits = mediator(
        gender="f",
        certificates=frozenset({"kita"}),
        weekly=(WeeklyWindow(0, 9 * 60, 11 * 60),),  # exactly around 10–11 o'clock
        absences=((date(2027, 3, 2), date(2027, 3, 5)),),  # from the next day
        # A booking that ends where this one starts (no travel: same town) is fine.
        busy=((MONDAY_10 - timedelta(hours=1), MONDAY_10),),
    )
    assert hard_reasons(request(gender_preference="f", setting="kita"), fits, rules) == []
    # A phone appointment needs no travel and ignores the distance.
    far = mediator(home=BUEDINGEN, max_travel_km=5)
    assert hard_reasons(request(mode="phone", location=None), far, rules) == []
    # Served areas limit appointments on site only.
    picky = mediator(areas=frozenset({7}))
    assert hard_reasons(request(area=7), picky, rules) == []
    assert hard_reasons(request(area=8, mode="phone", location=None), picky, rules) == []


def test_travel_time_blocks_the_mediator_before_and_after() -> None:
    far = mediator(home=BUEDINGEN, max_travel_km=40)
    start, end = window(request(), far, Rules(speed_kmh=40))
    # About 26 km at 40 km/h: 39 minutes before and after.
    assert start == MONDAY_10 - timedelta(minutes=39)
    assert end == MONDAY_10 + timedelta(hours=1, minutes=39)
    booked = mediator(
        home=BUEDINGEN,
        max_travel_km=40,
        busy=((MONDAY_10 - timedelta(hours=1), MONDAY_10 - timedelta(minutes=30)),),
    )
    assert "schon gebucht" in hard_reasons(request(), booked, Rules(speed_kmh=40))[0]
    phone = window(request(mode="phone", location=None), far, Rules())
    assert phone == (MONDAY_10 - timedelta(minutes=10), MONDAY_10 + timedelta(minutes=70))


def test_candidates_are_ranked_by_travel_dialect_workload_and_allowance() -> None:
    near = mediator(1, month_minutes=600)
    far = mediator(2, home=BUEDINGEN, max_travel_km=40)
    dialect = mediator(3, skills={"ar": Skill("C2", frozenset({"Syrisch"}))}, month_minutes=600)
    rich = mediator(4, year_allowance=Decimal("900"))
    found, rejected = candidates(request(dialect="syrisch"), [far, near, rich, dialect])
    assert rejected == []
    assert [c.mediator_id for c in found] == [3, 1, 4, 2]
    reasons = {c.mediator_id: c.reasons for c in found}
    assert "Dialekt passt (syrisch)" in reasons[3]
    assert "Dialekt syrisch nicht angegeben" in reasons[1]
    assert "nahe an der steuerfreien Grenze" in reasons[4]
    assert any(r.startswith("Anfahrt 2") for r in reasons[2])
    assert found[-1].travel_km > 25


def test_the_plan_fills_more_than_first_come_first_served() -> None:
    # Two requests at the same time: A speaks Arabic and Farsi, B only Arabic. Taken in
    # order, the Arabic request gets A (nearer) and the Farsi one is left; the plan gives
    # the Arabic request to B and the Farsi one to A.
    a = mediator(1, skills={"ar": Skill("native"), "fa": Skill("C1")})
    b = mediator(2, home=BUEDINGEN, max_travel_km=40)
    requests = [request(1), request(2, language="fa")]
    first_come = greedy(requests, [a, b])
    assert first_come.assignments == {1: 1}
    assert "schon eingeplant" in first_come.unfilled[2]
    plan = propose(requests, [a, b])
    assert plan.assignments == {1: 2, 2: 1}
    assert plan.unfilled == {}
    assert plan.optimal
    assert check(plan, requests, [a, b]) == []


def test_the_plan_says_why_a_request_stays_open() -> None:
    requests = [request(1, language="ti"), request(2, setting="kita"), request(3), request(4)]
    plan = propose(requests, [mediator(1)], Rules(certificate_settings=frozenset({"kita"})))
    assert plan.unfilled[1] == "niemand im Pool spricht die Sprache"
    assert plan.unfilled[2] == "keine passende Person frei (meist: gültiges Führungszeugnis fehlt)"
    # Requests 3 and 4 are at the same time: one is filled, the other waits.
    assert len(plan.assignments) == 1
    assert plan.unfilled[({3, 4} - set(plan.assignments)).pop()].startswith("alle passenden")


def test_the_plan_spreads_work_when_the_cost_allows() -> None:
    # Three requests in a row on one day; two equally near mediators: not all to one.
    a, b = mediator(1), mediator(2)
    requests = [
        request(
            k, start=MONDAY_10 + timedelta(hours=2 * k), end=MONDAY_10 + timedelta(hours=2 * k + 1)
        )
        for k in range(1, 4)
    ]
    plan = propose(requests, [a, b])
    assert len(plan.assignments) == 3
    assert set(plan.assignments.values()) == {1, 2}


def test_check_finds_double_bookings_and_broken_rules() -> None:
    requests = [request(1), request(2, start=MONDAY_10 + timedelta(minutes=30))]
    mediators = [mediator(1), mediator(2, skills={"fa": Skill("native")})]
    problems = check(Proposal(assignments={1: 1, 2: 1}), requests, mediators)
    assert problems == ["Person 1: Anfragen 1 und 2 überschneiden sich"]
    problems = check(Proposal(assignments={1: 2}), requests, mediators)
    assert problems == ["Anfrage 1 / Person 2: spricht die Sprache nicht"]


# --- properties on small random instances, against brute force ------------------------

LANGS = ("ar", "fa", "uk")
TOWNS = (FRIEDBERG, BUEDINGEN, (50.42, 8.93))


@st.composite
def instances(draw) -> tuple[list[RequestSpec], list[MediatorSpec]]:
    mediators = []
    for m in range(draw(st.integers(1, 4))):
        spoken = draw(st.sets(st.sampled_from(LANGS), min_size=1, max_size=2))
        mediators.append(
            mediator(
                m + 1,
                skills={code: Skill("native") for code in spoken},
                home=draw(st.sampled_from(TOWNS)),
                max_travel_km=draw(st.sampled_from((10.0, 30.0))),
                month_minutes=draw(st.integers(0, 600)),
            )
        )
    requests = []
    for r in range(draw(st.integers(1, 6))):
        start = MONDAY_10 + timedelta(minutes=30 * draw(st.integers(0, 10)))
        mode = draw(st.sampled_from(("on_site", "on_site", "phone")))
        requests.append(
            request(
                r + 1,
                language=draw(st.sampled_from(LANGS)),
                start=start,
                end=start + timedelta(minutes=draw(st.sampled_from((30, 60, 90)))),
                mode=mode,
                location=draw(st.sampled_from(TOWNS)) if mode == "on_site" else None,
            )
        )
    return requests, mediators


def plan_cost(plan: Proposal, requests: list[RequestSpec], mediators: list[MediatorSpec]) -> float:
    """What the plan minimises once the number filled is fixed, computed independently."""
    by_request = {r.id: r for r in requests}
    by_mediator = {m.id: m for m in mediators}
    total = 0.0
    per_day: dict[tuple[int, object], int] = {}
    for request_id, mediator_id in plan.assignments.items():
        request = by_request[request_id]
        total += soft_cost(request, by_mediator[mediator_id], Rules())[0]
        key = (mediator_id, request.start.date())
        per_day[key] = per_day.get(key, 0) + 1
    for count in per_day.values():
        total += sum(SPREAD_PENALTY * (min(t, SPREAD_SLOTS) - 1) for t in range(1, count + 1))
    return total


def best_by_brute_force(
    requests: list[RequestSpec], mediators: list[MediatorSpec]
) -> tuple[int, float]:
    """The most requests any sound plan fills, and the least cost among those plans."""
    options = [
        [None] + [m.id for m in mediators if not hard_reasons(r, m, Rules())] for r in requests
    ]
    best = (0, 0.0)
    for choice in itertools.product(*options):
        plan = Proposal(
            assignments={r.id: m for r, m in zip(requests, choice, strict=True) if m is not None}
        )
        filled = len(plan.assignments)
        if filled < best[0] or check(plan, requests, mediators):
            continue
        cost = plan_cost(plan, requests, mediators)
        if filled > best[0] or cost < best[1]:
            best = (filled, cost)
    return best


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_plans_are_sound_and_optimal_against_brute_force(instance) -> None:
    requests, mediators = instance
    plan = propose(requests, mediators)
    baseline = greedy(requests, mediators)
    assert check(plan, requests, mediators) == []
    assert check(baseline, requests, mediators) == []
    assert plan.optimal
    filled, cost = best_by_brute_force(requests, mediators)
    assert len(plan.assignments) == filled
    assert plan_cost(plan, requests, mediators) == pytest.approx(cost, abs=1e-6)
    assert len(plan.assignments) >= len(baseline.assignments)
    # Every request is either filled or has a reason.
    assert set(plan.assignments) | set(plan.unfilled) == {r.id for r in requests}
    assert not set(plan.assignments) & set(plan.unfilled)
