"""The actions: each refusal with its reason, nothing changed half-way, mails after commit."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from tests.volunteers.conftest import START, MakeShift, MakeVolunteer
from wir.accounts.models import User
from wir.core.models import OutboxMail
from wir.privacy.models import AuditEvent
from wir.volunteers import actions
from wir.volunteers.actions import Refused
from wir.volunteers.models import (
    HoursEntry,
    Opportunity,
    PoliceCertificate,
    Shift,
    ShiftSignup,
    Volunteer,
)

pytestmark = pytest.mark.django_db
TODAY = date.today()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def user_of(volunteer: Volunteer) -> User:
    assert volunteer.user is not None
    return volunteer.user


def test_sign_up_takes_a_place_and_mails_a_calendar_file(
    make_shift: MakeShift,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    volunteer = make_volunteer("EA-001")
    shift = make_shift(places=2)
    with django_capture_on_commit_callbacks(execute=True):
        signup = actions.sign_up_for_shift(shift.pk, volunteer.pk, user_of(volunteer))
    shift.refresh_from_db()
    assert shift.taken == 1
    assert signup.starts_at == shift.starts_at
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][0] == "schicht.ics"
    assert "BEGIN:VEVENT" in str(mail.outbox[0].attachments[0][1])
    assert AuditEvent.objects.filter(record_type="volunteers.shiftsignup").count() == 1


def refusal(call: Any) -> str:
    with pytest.raises(Refused) as caught:
        call()
    return caught.value.message


def test_refusals_with_reasons(
    make_shift: MakeShift, make_volunteer: MakeVolunteer, opportunity: Opportunity
) -> None:
    first, second = make_volunteer("EA-001"), make_volunteer("EA-002")
    shift = make_shift(places=1)
    actions.sign_up_for_shift(shift.pk, first.pk, user_of(first))
    assert "schon angemeldet" in refusal(
        lambda: actions.sign_up_for_shift(shift.pk, first.pk, user_of(first))
    )
    assert "voll" in refusal(
        lambda: actions.sign_up_for_shift(shift.pk, second.pk, user_of(second))
    )
    overlapping = make_shift(start=START + timedelta(hours=1), places=3)
    assert "andere Schicht" in refusal(
        lambda: actions.sign_up_for_shift(overlapping.pk, first.pk, user_of(first))
    )
    minors = Opportunity.objects.create(
        region=opportunity.region,
        title="Hausaufgabenhilfe",
        description="Grundschule",
        area=opportunity.area,
        organiser="Schule",
        published=True,
        with_minors=True,
    )
    with_minors = make_shift(start=START + timedelta(days=1), of=minors)
    assert "Führungszeugnis" in refusal(
        lambda: actions.sign_up_for_shift(with_minors.pk, second.pk, user_of(second))
    )
    # Nothing of the refused attempts was written.
    assert ShiftSignup.objects.count() == 1
    assert list(Shift.objects.order_by("pk").values_list("taken", flat=True)) == [1, 0, 0]


def test_minors_with_a_valid_certificate(
    make_shift: MakeShift,
    make_volunteer: MakeVolunteer,
    opportunity: Opportunity,
    coordinator: User,
) -> None:
    volunteer = make_volunteer("EA-001")
    Opportunity.objects.filter(pk=opportunity.pk).update(with_minors=True)
    shift = make_shift()
    actions.record_certificate(
        volunteer.pk,
        coordinator,
        issued_on=ago(60),
        inspected_on=ago(5),
        disqualifying=False,
    )
    signup = actions.sign_up_for_shift(shift.pk, volunteer.pk, user_of(volunteer))
    assert signup.with_minors
    assert signup.certificate_id is not None
    # A later, disqualifying certificate ends the sign-up and gives the place back.
    actions.record_certificate(
        volunteer.pk,
        coordinator,
        issued_on=ago(3),
        inspected_on=ago(2),
        disqualifying=True,
    )
    signup.refresh_from_db()
    shift.refresh_from_db()
    assert signup.status == ShiftSignup.Status.CANCELLED
    assert shift.taken == 0
    assert PoliceCertificate.objects.filter(volunteer=volunteer).count() == 1


def test_certificate_rules(make_volunteer: MakeVolunteer, coordinator: User) -> None:
    volunteer = make_volunteer("EA-001")

    def record(issued: date, inspected: date) -> str:
        return refusal(
            lambda: actions.record_certificate(
                volunteer.pk,
                coordinator,
                issued_on=issued,
                inspected_on=inspected,
                disqualifying=False,
            )
        )

    assert "älter als 3 Monate" in record(ago(200), ago(10))
    assert "nach der Einsicht" in record(ago(9), ago(10))
    assert "Zukunft" in record(ago(10), TODAY + timedelta(days=1))
    certificate = actions.record_certificate(
        volunteer.pk, coordinator, issued_on=ago(80), inspected_on=ago(1), disqualifying=False
    )
    assert certificate.valid_until(5) == ago(80).replace(year=ago(80).year + 5)
    assert certificate.delete_after > certificate.valid_until(5)
    # A volunteer may not record their own certificate: answered as "not found".
    with pytest.raises(Volunteer.DoesNotExist):
        actions.record_certificate(
            volunteer.pk,
            user_of(volunteer),
            issued_on=ago(10),
            inspected_on=ago(9),
            disqualifying=False,
        )


def test_cancel_signup_gives_the_place_back(
    make_shift: MakeShift, make_volunteer: MakeVolunteer
) -> None:
    volunteer = make_volunteer("EA-001")
    shift = make_shift()
    signup = actions.sign_up_for_shift(shift.pk, volunteer.pk, user_of(volunteer))
    actions.cancel_signup(signup.pk, user_of(volunteer))
    shift.refresh_from_db()
    assert shift.taken == 0
    assert "schon beendet" in refusal(lambda: actions.cancel_signup(signup.pk, user_of(volunteer)))
    other = make_volunteer("EA-002")
    with pytest.raises(ShiftSignup.DoesNotExist):
        actions.cancel_signup(signup.pk, user_of(other))


def test_change_and_cancel_shift_tell_the_people(
    make_shift: MakeShift,
    make_volunteer: MakeVolunteer,
    coordinator: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    volunteer = make_volunteer("EA-001")
    shift = make_shift(places=2)
    actions.sign_up_for_shift(shift.pk, volunteer.pk, user_of(volunteer))
    with django_capture_on_commit_callbacks(execute=True):
        actions.save_shift(
            coordinator,
            shift.opportunity_id,
            shift_id=shift.pk,
            starts_at=START + timedelta(hours=1),
            ends_at=START + timedelta(hours=3),
            places=2,
        )
    assert [m.subject for m in mail.outbox] == ["Ehrenamt: Schicht geändert"]
    assert ShiftSignup.objects.get().starts_at == START + timedelta(hours=1)
    second = make_volunteer("EA-002")
    actions.sign_up_for_shift(shift.pk, second.pk, user_of(second))
    assert "weniger Plätze" in refusal(
        lambda: actions.save_shift(
            coordinator,
            shift.opportunity_id,
            shift_id=shift.pk,
            starts_at=START,
            ends_at=START + timedelta(hours=1),
            places=1,
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_shift(shift.pk, coordinator, "Raum nicht verfügbar")
    assert [m.subject for m in mail.outbox[-2:]] == ["Ehrenamt: Schicht abgesagt"] * 2
    assert "Raum nicht verfügbar" in mail.outbox[-1].body
    assert set(ShiftSignup.objects.values_list("status", flat=True)) == {"shift_cancelled"}
    with pytest.raises(Shift.DoesNotExist):
        actions.cancel_shift(shift.pk, user_of(volunteer), "")


def test_moving_a_shift_onto_another_of_a_person_is_refused_whole(
    make_shift: MakeShift, make_volunteer: MakeVolunteer, coordinator: User
) -> None:
    volunteer = make_volunteer("EA-001")
    first, second = make_shift(), make_shift(start=START + timedelta(hours=4))
    for shift in (first, second):
        actions.sign_up_for_shift(shift.pk, volunteer.pk, user_of(volunteer))
    message = refusal(
        lambda: actions.save_shift(
            coordinator,
            second.opportunity_id,
            shift_id=second.pk,
            starts_at=START + timedelta(hours=1),
            ends_at=START + timedelta(hours=3),
            places=1,
        )
    )
    assert "zur neuen Zeit" in message
    second.refresh_from_db()
    assert second.starts_at == START + timedelta(hours=4)


def test_hours_logged_and_approved(make_volunteer: MakeVolunteer, coordinator: User) -> None:
    volunteer = make_volunteer("EA-001")
    today = TODAY
    entry = actions.log_hours(
        volunteer.pk, user_of(volunteer), day=today, hours=Decimal("2.5"), activity="Sprachcafé"
    )
    assert not entry.approved
    assert "Zukunft" in refusal(
        lambda: actions.log_hours(
            volunteer.pk,
            user_of(volunteer),
            day=today + timedelta(days=1),
            hours=Decimal(1),
            activity="x",
        )
    )
    assert "24 Stunden" in refusal(
        lambda: actions.log_hours(
            volunteer.pk, user_of(volunteer), day=today, hours=Decimal(22), activity="x"
        )
    )
    assert "beschreiben" in refusal(
        lambda: actions.log_hours(
            volunteer.pk, user_of(volunteer), day=today, hours=Decimal(1), activity="  "
        )
    )
    with pytest.raises(HoursEntry.DoesNotExist):
        actions.approve_hours(entry.pk, user_of(volunteer), approve=True)
    assert "Grund" in refusal(lambda: actions.approve_hours(entry.pk, coordinator, approve=False))
    actions.approve_hours(entry.pk, coordinator, approve=True)
    entry.refresh_from_db()
    assert entry.approved_by == coordinator
    assert "schon bestätigt" in refusal(
        lambda: actions.approve_hours(entry.pk, coordinator, approve=True)
    )


def test_other_region_cannot_act(
    make_shift: MakeShift,
    make_volunteer: MakeVolunteer,
    make_region: Any,
    make_user: Any,
) -> None:
    volunteer = make_volunteer("EA-001")
    stranger = make_user("fremd", "coordination", make_region("anderswo"))
    with pytest.raises(Volunteer.DoesNotExist):
        actions.set_status(volunteer.pk, stranger, Volunteer.Status.PAUSED)
    with pytest.raises(Volunteer.DoesNotExist):
        actions.sign_up_for_shift(make_shift().pk, volunteer.pk, stranger)


def test_welcome_and_leave(
    make_volunteer: MakeVolunteer,
    make_shift: MakeShift,
    coordinator: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    volunteer = make_volunteer("EA-001", status=Volunteer.Status.REGISTERED)
    with django_capture_on_commit_callbacks(execute=True):
        actions.set_status(volunteer.pk, coordinator, Volunteer.Status.ACTIVE)
    assert mail.outbox[0].subject == "Ehrenamt: Willkommen"
    shift = make_shift()
    actions.sign_up_for_shift(shift.pk, volunteer.pk, user_of(volunteer))
    actions.set_status(volunteer.pk, coordinator, Volunteer.Status.LEFT)
    shift.refresh_from_db()
    assert shift.taken == 0
    assert "nicht möglich" in refusal(
        lambda: actions.set_status(volunteer.pk, coordinator, Volunteer.Status.PAUSED)
    )


def test_the_sign_up_mail_survives_a_crash_after_commit_and_goes_once(
    make_shift: MakeShift, make_volunteer: MakeVolunteer
) -> None:
    """No after-commit callback runs here (as if the process died right after the commit):
    the confirmation waits in the outbox, stored with the sign-up; the worker sends it once."""
    volunteer = make_volunteer("EA-001")
    shift = make_shift(places=2)
    actions.sign_up_for_shift(shift.pk, volunteer.pk, user_of(volunteer))
    assert mail.outbox == []
    assert OutboxMail.objects.get().status == OutboxMail.Status.QUEUED
    call_command("send_mail_outbox", verbosity=0)
    call_command("send_mail_outbox", verbosity=0)
    assert [m.subject for m in mail.outbox] == ["Ehrenamt: Anmeldung bestätigt"]
    assert mail.outbox[0].attachments[0][0] == "schicht.ics"
