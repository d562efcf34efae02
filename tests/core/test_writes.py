"""The shared write step: a guarantee's "no" becomes the caller's refusal, a lock waits."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, OperationalError

from wir.core import writes

pytestmark = pytest.mark.django_db  # each attempt opens a transaction


class Busy(Exception):  # noqa: N818 (named like the outcome it stands for)
    pass


class Refused(Exception):  # noqa: N818 (named like the outcome it stands for)
    pass


def run(step: object, patience: float = 0.2) -> object:
    return writes.atomic_with_retries(
        step,  # type: ignore[arg-type]
        refusal=lambda exc: Refused(str(exc)),
        busy=Busy,
        patience=patience,
    )


def test_a_lock_that_clears_is_waited_for() -> None:
    calls: list[int] = []

    def step() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("database table is locked")
        return "done"

    assert run(step, patience=5) == "done"
    assert len(calls) == 3


def test_a_lasting_lock_gives_up_after_the_deadline_not_after_a_count() -> None:
    calls: list[int] = []

    def step() -> None:
        calls.append(1)
        raise OperationalError("database is locked")

    with pytest.raises(Busy):
        run(step, patience=0.3)
    assert len(calls) > 3


def test_a_violated_guarantee_is_refused_and_nothing_of_the_attempt_stays() -> None:
    before = set(Group.objects.values_list("name", flat=True))
    Group.objects.create(name="Bestand")

    def step() -> None:
        Group.objects.create(name="Erster Schritt")
        Group.objects.create(name="Bestand")  # the unique name says no

    with pytest.raises(Refused, match=r"(?i)unique"):
        run(step)
    assert set(Group.objects.values_list("name", flat=True)) == before | {"Bestand"}


def test_other_database_errors_are_not_hidden() -> None:
    def step() -> None:
        raise OperationalError("no such table: nirgends")

    with pytest.raises(OperationalError, match="no such table"):
        run(step)


def test_a_code_taken_by_a_parallel_sign_up_is_picked_again() -> None:
    Group.objects.create(name="EA-001")  # what the other sign-up inserted meanwhile
    picks = iter(["EA-001", "EA-002"])
    made = writes.with_free_code(
        lambda: Group.objects.create(name=next(picks)), "auth_group_name_key", "auth_group.name"
    )
    assert made.name == "EA-002"
    assert Group.objects.filter(name__startswith="EA-").count() == 2


def test_another_constraint_is_not_retried() -> None:
    Group.objects.create(name="Bestand")
    with pytest.raises(IntegrityError):
        writes.with_free_code(lambda: Group.objects.create(name="Bestand"), "irgendwas_anderes")
