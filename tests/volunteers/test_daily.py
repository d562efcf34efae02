"""The daily job: reminders once, deletions after their periods; a second run changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.volunteers.conftest import MakeShift, MakeVolunteer
from wir.accounts.models import User
from wir.volunteers import actions
from wir.volunteers.daily import run
from wir.volunteers.models import HoursEntry, PoliceCertificate, ShiftSignup, Volunteer

pytestmark = pytest.mark.django_db


def test_shift_reminder_once(make_volunteer: MakeVolunteer, make_shift: MakeShift) -> None:
    volunteer = make_volunteer("EA-001")
    assert volunteer.user is not None
    now = timezone.now()
    tomorrow = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)
    shift = make_shift(start=tomorrow + timedelta(days=1))
    actions.sign_up_for_shift(shift.pk, volunteer.pk, volunteer.user)
    mail.outbox.clear()
    assert run(now).shift_reminders == 1
    assert mail.outbox[0].subject == "Ehrenamt: Ihre Schicht morgen"
    assert run(now).shift_reminders == 0
    assert len(mail.outbox) == 1


def test_certificate_reminder_and_deletion(make_volunteer: MakeVolunteer) -> None:
    volunteer = make_volunteer("EA-001", works_with_minors=True)
    today = date.today()
    certificate = PoliceCertificate.objects.create(
        volunteer=volunteer,
        issued_on=today.replace(year=today.year - 5) + timedelta(days=30),
        inspected_on=today.replace(year=today.year - 5) + timedelta(days=40),
        delete_after=today + timedelta(days=200),
    )
    assert run().certificate_reminders == 1
    assert "Führungszeugnis" in mail.outbox[-1].subject
    assert run().certificate_reminders == 0
    PoliceCertificate.objects.filter(pk=certificate.pk).update(
        delete_after=today - timedelta(days=1)
    )
    assert run().certificates_deleted == 1
    assert not PoliceCertificate.objects.exists()


def test_unconfirmed_sign_ups_are_deleted_after_the_days(
    make_volunteer: MakeVolunteer, region: Any
) -> None:
    user = User.objects.create_user(username="unbestaetigt", is_active=False)
    fresh = Volunteer.objects.create(region=region, code="EA-100", user=user)
    old_user = User.objects.create_user(username="alt", is_active=False)
    Volunteer.objects.create(
        region=region,
        code="EA-101",
        user=old_user,
        created_at=timezone.now() - timedelta(days=8),
    )
    assert run().unconfirmed_deleted == 1
    assert list(Volunteer.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not User.objects.filter(username="alt").exists()


def test_inactive_profiles_reminded_then_anonymised(make_volunteer: MakeVolunteer) -> None:
    volunteer = make_volunteer("EA-001")
    now = timezone.now()
    Volunteer.objects.filter(pk=volunteer.pk).update(last_active_at=now - timedelta(days=715))
    result = run(now)
    assert (result.inactive_reminders, result.anonymised) == (1, 0)
    assert run(now).inactive_reminders == 0
    Volunteer.objects.filter(pk=volunteer.pk).update(last_active_at=now - timedelta(days=740))
    assert run(now).anonymised == 1
    volunteer.refresh_from_db()
    assert volunteer.status == Volunteer.Status.ANONYMISED
    assert volunteer.name == ""
    assert run(now).anonymised == 0


def test_command_runs() -> None:
    call_command("volunteers_daily", verbosity=0)


def test_certificate_of_a_past_minors_shift_is_deleted_too(
    make_volunteer: MakeVolunteer, make_shift: MakeShift
) -> None:
    volunteer = make_volunteer("EA-001", works_with_minors=True)
    today = date.today()
    certificate = PoliceCertificate.objects.create(
        volunteer=volunteer,
        issued_on=today - timedelta(days=400),
        inspected_on=today - timedelta(days=390),
        delete_after=today - timedelta(days=1),
    )
    past = make_shift(start=timezone.now() - timedelta(days=30))
    ShiftSignup.objects.create(
        shift=past,
        volunteer=volunteer,
        starts_at=past.starts_at,
        ends_at=past.ends_at,
        with_minors=True,
        certificate=certificate,
    )
    assert run().certificates_deleted == 1
    assert ShiftSignup.objects.get().certificate_id is None


def test_finished_shifts_count_as_hours_once(
    make_volunteer: MakeVolunteer, make_shift: MakeShift
) -> None:
    volunteer = make_volunteer("EA-001")
    past = make_shift(start=timezone.now() - timedelta(days=2), hours=2.5)
    ShiftSignup.objects.create(
        shift=past, volunteer=volunteer, starts_at=past.starts_at, ends_at=past.ends_at
    )
    assert run().hours_from_shifts == 1
    entry = HoursEntry.objects.get()
    assert (str(entry.hours), entry.activity, entry.approved) == ("2.50", "Sprachcafé", False)
    assert run().hours_from_shifts == 0
    assert HoursEntry.objects.count() == 1
