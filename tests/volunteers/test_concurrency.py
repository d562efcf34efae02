"""No overbooking and no overlap, ever: many parallel sign-ups, each on its own connection."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connections

from tests.volunteers.conftest import START, MakeShift, MakeVolunteer
from wir.accounts.models import User
from wir.volunteers.actions import Refused, sign_up_for_shift
from wir.volunteers.models import Shift, ShiftSignup

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 12


def run_in_parallel(attempts: list[tuple[int, int, User]]) -> list[str]:
    """Sign up all at once; return "ok", the refusal's message or the unexpected error."""
    barrier = threading.Barrier(len(attempts))
    outcomes: list[str] = [""] * len(attempts)

    def attempt(index: int, shift_id: int, volunteer_id: int, user: User) -> None:
        try:
            barrier.wait(timeout=30)
            sign_up_for_shift(shift_id, volunteer_id, user)
            outcomes[index] = "ok"
        except Refused as refused:
            outcomes[index] = refused.message
        except Exception as exc:  # anything else would be a 500
            outcomes[index] = f"error: {exc!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i, *args)) for i, args in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_many_people_few_places(make_shift: MakeShift, make_volunteer: MakeVolunteer) -> None:
    shift = make_shift(places=3)
    people = [make_volunteer(f"EA-{i:03d}") for i in range(PARALLEL)]
    outcomes = run_in_parallel([(shift.pk, p.pk, p.user) for p in people if p.user])
    assert outcomes.count("ok") == 3, outcomes
    assert all(o == "ok" or "voll" in o or "gleich noch einmal" in o for o in outcomes), outcomes
    shift.refresh_from_db()
    assert shift.taken == 3
    assert ShiftSignup.objects.filter(status="signed_up").count() == 3


def test_one_person_overlapping_shifts(
    make_shift: MakeShift, make_volunteer: MakeVolunteer
) -> None:
    person = make_volunteer("EA-001")
    assert person.user is not None
    shifts = [
        make_shift(start=START + timedelta(minutes=10 * i), places=2) for i in range(PARALLEL)
    ]
    outcomes = run_in_parallel([(s.pk, person.pk, person.user) for s in shifts])
    assert outcomes.count("ok") == 1, outcomes
    assert all(o == "ok" or "andere Schicht" in o or "gleich noch einmal" in o for o in outcomes)
    # No partial state: exactly one place is taken, on the winner's shift.
    signup = ShiftSignup.objects.get(status="signed_up")
    taken = dict(Shift.objects.values_list("pk", "taken"))
    assert taken == {s.pk: (1 if s.pk == signup.shift_id else 0) for s in shifts}


def test_one_person_same_shift_many_times(
    make_shift: MakeShift, make_volunteer: MakeVolunteer
) -> None:
    person = make_volunteer("EA-001")
    assert person.user is not None
    shift = make_shift(places=PARALLEL)
    outcomes = run_in_parallel([(shift.pk, person.pk, person.user)] * PARALLEL)
    assert outcomes.count("ok") == 1, outcomes
    shift.refresh_from_db()
    assert shift.taken == 1
