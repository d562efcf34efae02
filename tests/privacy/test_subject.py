"""A person's rights: export and erasure, by the person and by coordination on request."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import connection
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import TEST_PASSWORD, verified_client
from wir.accounts.actions import grant_role
from wir.accounts.models import Membership, User
from wir.core.actions import add_area
from wir.core.models import Area, Language, OutboxMail, Region
from wir.privacy import consent, subject
from wir.privacy.models import AuditEvent
from wir.privacy.registry import declarations
from wir.sprachpool.models import (
    Absence,
    Assignment,
    MediationRequest,
    Mediator,
    MediatorLanguage,
    WeeklyAvailability,
)
from wir.sprachpool.privacy import PURPOSE
from wir.volunteers.models import (
    HoursEntry,
    Opportunity,
    PoliceCertificate,
    Shift,
    ShiftSignup,
    Volunteer,
)
from wir.volunteers.models_events import Gathering, GatheringRegistration
from wir.volunteers.models_mailing import Mailing, MailingDelivery
from wir.volunteers.models_mentorship import CheckIn, Household, Mentorship

MARK = "zqxmarker"  # unique: found nowhere unless it is this person's


def person_everywhere(region: Region, mark: str = MARK) -> User:
    """A person with a record in every declared model that can reach an account."""
    person = User.objects.create_user(
        username=f"{mark}-konto",
        email=f"{mark}@example.org",
        first_name=f"{mark}vor",
        last_name=f"{mark}nach",
        password=TEST_PASSWORD,
    )
    person.last_login = timezone.now()
    person.save()
    grant_role(None, person, region, "mediator")
    grant_role(None, person, region, "clerk")
    consent.give(person, PURPOSE, region)
    mediator = Mediator.objects.create(
        region=region, code=f"SM-{person.pk}", user=person, german_level="B2", gender="d"
    )
    MediatorLanguage.objects.create(
        mediator=mediator, language=Language.objects.get(code="ar"), level="C1", dialects=mark
    )
    WeeklyAvailability.objects.create(mediator=mediator, weekday=1, start=time(8), end=time(12))
    Absence.objects.create(mediator=mediator, first_day=date(2027, 1, 4), last_day=date(2027, 1, 8))
    start = timezone.now() - timedelta(days=10)
    request = MediationRequest.objects.create(
        region=region,
        language=Language.objects.get(code="ar"),
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        setting="gesundheit",
        notes=f"{mark} Raum",
        client_reference=f"AZ-{mark}",
        status="done",
        requested_by=person,
    )
    Assignment.objects.create(
        request=request,
        mediator=mediator,
        starts_at=request.starts_at,
        ends_at=request.ends_at,
        status="done",
        mediator_comment=f"{mark} gut",
        department_comment=f"{mark} auch",
    )
    TOTPDevice.objects.create(user=person, name=f"{mark}-handy", confirmed=True)
    StaticDevice.objects.create(user=person, name=f"{mark}-codes")
    sign_in = {"username": person.username, "ip_address": "192.0.2.7"}
    AccessAttempt.objects.create(
        **sign_in, user_agent=f"{mark}-browser", failures_since_start=1, attempt_time=timezone.now()
    )
    AccessLog.objects.create(**sign_in, user_agent=f"{mark}-browser", attempt_time=timezone.now())
    AccessFailureLog.objects.create(
        **sign_in, user_agent=f"{mark}-browser", attempt_time=timezone.now()
    )
    OutboxMail.objects.create(
        subject=f"{mark} Anmeldung", message={"to": [person.email], "body": f"Hallo {mark}"}
    )  # a mail about a write, waiting in the outbox (wir/core/outbox.py)
    _volunteer_records(person, region, mark)
    return person


def _volunteer_records(person: User, region: Region, mark: str) -> None:
    """The same person as a volunteer: profile, certificate facts, a shift, hours and a
    mentorship with a check-in (wir.volunteers)."""
    grant_role(None, person, region, "volunteer")
    area = Area.objects.filter(region=region).first() or add_area(
        region, "Nidda", Area.Kind.MUNICIPALITY, Decimal("50.41"), Decimal("9.01")
    )
    volunteer = Volunteer.objects.create(
        region=region,
        code=f"EA-{person.pk}",
        user=person,
        name=f"{mark}ansprache",
        phone="0600 123456",
        notes=f"{mark} Notiz",
        municipality=area,
        status=Volunteer.Status.ACTIVE,
        availability=["0-am"],
    )
    today = date.today()
    PoliceCertificate.objects.create(
        volunteer=volunteer,
        issued_on=today - timedelta(days=30),
        inspected_on=today - timedelta(days=20),
        delete_after=today + timedelta(days=2000),
    )
    opportunity = Opportunity.objects.create(
        region=region, title="Sprachcafé", description="x", area=area, organiser="Verein"
    )
    starts = timezone.now().replace(microsecond=0) + timedelta(days=5)
    shift = Shift.objects.create(
        opportunity=opportunity, starts_at=starts, ends_at=starts + timedelta(hours=2), places=2
    )
    ShiftSignup.objects.create(
        shift=shift, volunteer=volunteer, starts_at=shift.starts_at, ends_at=shift.ends_at
    )
    HoursEntry.objects.create(
        volunteer=volunteer, date=today, hours=Decimal("2"), activity=f"{mark} Sprachcafé"
    )
    household = Household.objects.create(
        region=region, code="HH-9001", municipality=area, needs=["accompany"]
    )
    mentorship = Mentorship.objects.create(
        household=household, volunteer=volunteer, started_on=today, goals=f"{mark} Ziele"
    )
    CheckIn.objects.create(mentorship=mentorship, due_on=today, notes=f"{mark} Treffen")
    training = Gathering.objects.create(
        region=region,
        title="Schulung",
        area=area,
        location="Rathaus",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        places=1,
        taken=1,
    )
    GatheringRegistration.objects.create(
        gathering=training, volunteer=volunteer, status=GatheringRegistration.Status.REGISTERED
    )
    mailing = Mailing.objects.create(
        region=region, key="k-1", subject="Neue Einsätze", body="Text", recipient_count=1
    )
    MailingDelivery.objects.create(mailing=mailing, volunteer=volunteer, sent_at=timezone.now())


def tables_containing(text: str) -> list[str]:
    """Every table and column of the database whose value contains `text`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                q_table = connection.ops.quote_name(table)
                q_column = connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT COUNT(*) FROM {q_table} WHERE CAST({q_column} AS TEXT) LIKE %s",  # noqa: S608
                    [f"%{text}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


def test_the_person_world_reaches_every_declaration_with_a_subject(region) -> None:
    person = person_everywhere(region)
    reached = {d.label for d in declarations() if subject.records_of(person, d).exists()}
    expected = {d.label for d in declarations() if d.subject or d.subject_filter}
    assert reached == expected
    assert tables_containing(MARK)  # the scan finds the marker before the erasure


def test_erasure_leaves_nothing_of_the_person(region) -> None:
    person = person_everywhere(region)
    result = subject.erase(person, by=person, reason="Antrag der Person")
    assert result.account_erased
    assert tables_containing(MARK) == []
    person.refresh_from_db()
    assert person.username == f"geloescht-{person.pk}"
    assert not person.is_active
    assert not Membership.objects.filter(user=person).exists()
    mediator = Mediator.objects.get()
    assert (mediator.user, mediator.status) == (None, Mediator.Status.PAUSED)
    assert Assignment.objects.get().status == "done"  # the booking stays for statements
    logged = set(
        AuditEvent.objects.filter(reason="Antrag der Person").values_list("action", "record_type")
    )
    assert ("anonymised", "accounts.user") in logged
    assert ("anonymised", "sprachpool.assignment") in logged
    # the pool's own records went with the consent, before the rest
    withdrawn = AuditEvent.objects.filter(reason="Einwilligung widerrufen")
    assert withdrawn.filter(action="deleted", record_type="sprachpool.mediatorlanguage").exists()
    assert AuditEvent.objects.filter(action="consent_withdrawn").count() == 1


def test_an_erasure_that_fails_half_way_changes_nothing(region, monkeypatch) -> None:
    person = person_everywhere(region)
    before = tables_containing(MARK)

    def broken(*args, **kwargs):
        raise RuntimeError("Festplatte voll")

    monkeypatch.setattr(subject, "revoke_role", broken)  # fails after the records changed
    with pytest.raises(RuntimeError):
        subject.erase(person, by=person, reason="Antrag")
    assert tables_containing(MARK) == before
    assert MediatorLanguage.objects.exists()
    assert not AuditEvent.objects.filter(reason="Antrag").exists()


def test_coordination_of_one_region_erases_only_that_regions_records(
    region, make_region, make_user
) -> None:
    other = make_region("anderkreis")
    person = person_everywhere(region)
    grant_role(None, person, other, "clerk")
    elsewhere = MediationRequest.objects.create(
        region=other,
        language=Language.objects.get(code="ar"),
        starts_at=timezone.now(),
        ends_at=timezone.now() + timedelta(hours=1),
        setting="schule",
        notes="dort",
        requested_by=person,
    )
    coordinator = make_user("koordination", "coordination", region)
    result = subject.erase(person, by=coordinator, reason="Antrag", region=region)
    assert not result.account_erased
    person.refresh_from_db()
    assert person.username == f"{MARK}-konto"  # the other region still holds a role
    assert list(Membership.objects.filter(user=person).values_list("region__slug", flat=True)) == [
        "anderkreis"
    ]
    elsewhere.refresh_from_db()
    assert elsewhere.notes == "dort"
    assert not MediationRequest.objects.filter(region=region).exclude(notes="").exists()
    second = make_user("koordination-b", "coordination", other)
    assert subject.erase(person, by=second, reason="Antrag", region=other).account_erased
    assert tables_containing(MARK) == []


# --- through the pages -----------------------------------------------------------------

MY_DATA = "/konto/meine-daten/"


def test_the_person_downloads_their_data(client, region) -> None:
    person = person_everywhere(region)
    client.force_login(person)
    page = client.get(MY_DATA)
    assert "Auskunft herunterladen" in page.text
    exported = client.get(f"{MY_DATA}download.json")
    data = json.loads(exported.content)
    assert data["account"] == person.username
    types = {section["type"] for section in data["records"]}
    assert {"accounts.user", "sprachpool.mediator", "sprachpool.mediationrequest"} <= types
    assert "password" not in json.dumps(data)
    pdf = client.get(f"{MY_DATA}download.pdf")
    assert pdf.content.startswith(b"%PDF")
    assert client.get(f"{MY_DATA}download.xml").status_code == 404
    assert AuditEvent.objects.filter(action="exported", actor_id=person.pk).count() == 2


def test_the_person_deletes_their_account_with_password_and_confirmation(client, region) -> None:
    person = person_everywhere(region)
    client.force_login(person)
    url = f"{MY_DATA}konto-loeschen/"
    assert "Das kann niemand rückgängig machen." in client.get(url).text
    wrong = client.post(url, {"password": "falsch", "confirm": "on"})
    assert "Das Passwort stimmt nicht." in wrong.text
    unconfirmed = client.post(url, {"password": TEST_PASSWORD})
    assert "Bitte bestätigen Sie mit dem Häkchen." in unconfirmed.text
    assert User.objects.get(pk=person.pk).is_active
    done = client.post(url, {"password": TEST_PASSWORD, "confirm": "on"})
    assert "Ihr Konto ist gelöscht" in done.text
    assert tables_containing(MARK) == []
    assert client.get(MY_DATA).status_code == 302  # signed out


def test_coordination_answers_a_request_with_a_reason(region, make_user) -> None:
    person = person_everywhere(region)
    coordinator = make_user("koordination", "coordination", region)
    client = verified_client(coordinator)
    url = f"/admin/datenschutz/testkreis/personen/{person.pk}/"
    listing = client.get("/admin/datenschutz/testkreis/personen/", {"q": MARK})
    assert url in listing.text
    assert "Sprachmittler*innen" in client.get(url).text
    no_reason = client.post(url, {"step": "pdf", "export-reason": "  "})
    assert "Bitte geben Sie den Grund an" in no_reason.text
    pdf = client.post(url, {"step": "pdf", "export-reason": "Antrag vom 1.3."})
    assert pdf.content.startswith(b"%PDF")
    unconfirmed = client.post(url, {"step": "erase", "erase-reason": "Antrag vom 1.3."})
    assert "Bitte bestätigen Sie die Löschung." in unconfirmed.text
    assert User.objects.get(pk=person.pk).is_active
    assert "Diese Aktion gibt es nicht." in client.post(url, {"step": "x"}, follow=True).text
    done = client.post(
        url,
        {"step": "erase", "erase-reason": "Antrag vom 1.3.", "erase-confirm": "on"},
        follow=True,
    )
    assert "Das Konto ist gelöscht." in done.text
    assert tables_containing(MARK) == []
    reasons = set(
        AuditEvent.objects.filter(actor_id=coordinator.pk).values_list("action", "reason")
    )
    assert ("exported", "Antrag vom 1.3.") in reasons
    assert ("anonymised", "Antrag vom 1.3.") in reasons


def test_another_regions_person_is_not_found(region, make_region, make_user) -> None:
    person = person_everywhere(region)
    other = make_region("anderkreis")
    stranger = make_user("fremd", "coordination", other)
    client = verified_client(stranger)
    url = f"/admin/datenschutz/anderkreis/personen/{person.pk}/"
    assert client.get(url).status_code == 404
    erase = {"step": "erase", "erase-reason": "x", "erase-confirm": "on"}
    assert client.post(url, erase).status_code == 404
    assert (
        client.post(f"/admin/datenschutz/testkreis/personen/{person.pk}/", erase).status_code == 404
    )
    assert User.objects.get(pk=person.pk).is_active
