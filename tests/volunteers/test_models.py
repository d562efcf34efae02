"""The guarantees the database keeps by itself, whoever writes (no action involved)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import F

from tests.volunteers.conftest import START, MakeShift, MakeVolunteer
from wir.volunteers.guard import ensure_sqlite_triggers
from wir.volunteers.models import HoursEntry, PoliceCertificate, Shift, ShiftSignup

pytestmark = pytest.mark.django_db


def signup(shift: Shift, volunteer_id: int, **fields: object) -> ShiftSignup:
    times: dict[str, object] = {"starts_at": shift.starts_at, "ends_at": shift.ends_at}
    return ShiftSignup.objects.create(shift=shift, volunteer_id=volunteer_id, **{**times, **fields})


def test_taken_never_exceeds_places(make_shift: MakeShift) -> None:
    shift = make_shift(places=2)
    Shift.objects.filter(pk=shift.pk).update(taken=F("taken") + 2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Shift.objects.filter(pk=shift.pk).update(taken=F("taken") + 1)
    shift.refresh_from_db()
    assert shift.taken == 2


def test_overlapping_signups_of_one_person_refused(
    make_shift: MakeShift, make_volunteer: MakeVolunteer
) -> None:
    volunteer = make_volunteer("EA-001")
    first = make_shift()
    overlapping = make_shift(start=START + timedelta(hours=1))
    adjacent = make_shift(start=START + timedelta(hours=2))
    signup(first, volunteer.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        signup(overlapping, volunteer.pk)
    signup(adjacent, volunteer.pk)  # touching ends do not overlap
    # A cancelled sign-up does not block, and re-activating it is checked too.
    cancelled = signup(overlapping, volunteer.pk, status=ShiftSignup.Status.CANCELLED)
    cancelled.status = ShiftSignup.Status.SIGNED_UP
    with pytest.raises(IntegrityError), transaction.atomic():
        cancelled.save(update_fields=["status"])


def test_other_people_may_share_a_time(
    make_shift: MakeShift, make_volunteer: MakeVolunteer
) -> None:
    shift = make_shift(places=2)
    signup(shift, make_volunteer("EA-001").pk)
    signup(shift, make_volunteer("EA-002").pk)
    assert ShiftSignup.objects.count() == 2


def test_once_per_shift(make_shift: MakeShift, make_volunteer: MakeVolunteer) -> None:
    volunteer = make_volunteer("EA-001")
    shift = make_shift(places=3)
    signup(shift, volunteer.pk, status=ShiftSignup.Status.CANCELLED)
    signup(shift, volunteer.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        signup(shift, volunteer.pk, starts_at=shift.starts_at - timedelta(days=1))


def test_minors_need_a_certificate(make_shift: MakeShift, make_volunteer: MakeVolunteer) -> None:
    volunteer = make_volunteer("EA-001")
    shift = make_shift()
    with pytest.raises(IntegrityError), transaction.atomic():
        signup(shift, volunteer.pk, with_minors=True)
    certificate = PoliceCertificate.objects.create(
        volunteer=volunteer,
        issued_on=date(2026, 11, 1),
        inspected_on=date(2026, 11, 20),
        delete_after=date(2031, 12, 1),
    )
    signup(shift, volunteer.pk, with_minors=True, certificate=certificate)


def test_certificate_inspected_after_issue(make_volunteer: MakeVolunteer) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        PoliceCertificate.objects.create(
            volunteer=make_volunteer("EA-001"),
            issued_on=date(2026, 11, 1),
            inspected_on=date(2026, 10, 1),
            delete_after=date(2031, 12, 1),
        )


@pytest.mark.parametrize("hours", ["0", "-1", "24.5"])
def test_hours_between_0_and_24(make_volunteer: MakeVolunteer, hours: str) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        HoursEntry.objects.create(
            volunteer=make_volunteer("EA-001"), date=date(2026, 12, 1), hours=hours, activity="x"
        )


def test_sqlite_triggers_are_reinstalled() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps its exclusion constraint")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER shiftsignup_no_overlap_INSERT")
    assert ensure_sqlite_triggers() == 2
