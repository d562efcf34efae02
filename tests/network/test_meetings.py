"""Network meetings: invitations by mail, registration, minutes, tasks, reminders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.network.conftest import Net
from wir.network import daily
from wir.network.models import ContactRole, Meeting, NetworkTask, Organisation, Participation

pytestmark = pytest.mark.django_db


def test_reminder_rule() -> None:
    today = date(2027, 1, 10)
    assert daily.reminder_due(date(2027, 1, 12), "", today) == "soon"
    assert daily.reminder_due(date(2027, 1, 12), "soon", today) == ""
    assert daily.reminder_due(date(2027, 1, 20), "", today) == ""
    assert daily.reminder_due(date(2027, 1, 9), "soon", today) == "overdue"
    assert daily.reminder_due(date(2027, 1, 9), "overdue", today) == ""


def test_create_and_invite_sends_mail_after_commit(
    net: Net, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = net.client("coordination")
    url = f"/netzwerk/{net.region.slug}/treffen/"
    response = client.post(url, {"kind": "network", "title": "", "starts_at": "morgen"})
    assert response.status_code == 400
    assert "Datum und Uhrzeit" in response.content.decode()
    starts = (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url,
        {
            "kind": "round_table",
            "title": "Runder Tisch Sport",
            "starts_at": starts,
            "location": "Bürgerhaus",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Runder Tisch Sport")
    school = Organisation.objects.create(region=net.region, name="Schule", kind="school")
    ContactRole.objects.create(
        organisation=school, role="Schulleitung", office_email="sl@s.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/netzwerk/treffen/{meeting.pk}/einladen/",
            {"organisations": [net.organisation.pk, school.pk]},
        )
    assert Participation.objects.filter(meeting=meeting).count() == 2
    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert ("sl@s.example",) in recipients
    assert all("Runder Tisch Sport" in m.subject for m in mail.outbox)
    assert f"/netzwerk/treffen/{meeting.pk}/" in mail.outbox[0].body
    # Inviting again sends nothing twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/netzwerk/treffen/{meeting.pk}/einladen/", {"organisations": []}, follow=True
        )
    assert "mindestens eine Organisation" in response.content.decode()
    assert mail.outbox == []


def test_partner_registers_and_sees_minutes_and_own_tasks(net: Net, other: Net) -> None:
    meeting = net.meeting
    meeting.starts_at = timezone.now() + timedelta(days=3)
    meeting.save()
    partner = net.client("partner")
    page = partner.get(f"/netzwerk/treffen/{meeting.pk}/")
    assert page.status_code == 200
    assert "Protokoll GEHEIMTESTKREIS" in page.content.decode()
    response = partner.post(
        f"/netzwerk/treffen/{meeting.pk}/rueckmeldung/", {"role": "x"}, follow=True
    )
    assert "teilnehmen oder absagen" in response.content.decode()
    partner.post(
        f"/netzwerk/treffen/{meeting.pk}/rueckmeldung/",
        {"answer": "registered", "role": "Jugendwart*in"},
    )
    participation = Participation.objects.get(meeting=meeting)
    assert participation.answer == "registered"
    assert participation.role == "Jugendwart*in"
    # The partner may not write minutes or tasks, nor see other regions' meetings.
    assert (
        partner.post(f"/netzwerk/treffen/{meeting.pk}/protokoll/", {"minutes": "x"}).status_code
        == 404
    )
    assert partner.get(f"/netzwerk/treffen/{other.meeting.pk}/").status_code == 404
    tasks = partner.get(f"/netzwerk/organisation/{net.organisation.pk}/aufgaben/")
    assert "Aufgabe GEHEIMTESTKREIS" in tasks.content.decode()
    partner.post(f"/netzwerk/aufgaben/{net.task.pk}/", {"status": "done"})
    net.task.refresh_from_db()
    assert net.task.status == "done"
    assert (
        partner.post(f"/netzwerk/aufgaben/{other.task.pk}/", {"status": "done"}).status_code == 404
    )


def test_minutes_attendance_and_tasks(net: Net) -> None:
    client = net.client("coordination")
    meeting = net.meeting
    client.post(
        f"/netzwerk/treffen/{meeting.pk}/protokoll/",
        {"minutes": "1. Begrüßung", "attended": [net.organisation.pk]},
    )
    meeting.refresh_from_db()
    assert meeting.minutes == "1. Begrüßung"
    assert Participation.objects.get(meeting=meeting).attended
    response = client.post(
        f"/netzwerk/treffen/{meeting.pk}/aufgaben/",
        {"title": "Flyer", "owner": "999999", "due_on": ""},
        follow=True,
    )
    assert "Bitte wählen Sie einen Eintrag aus der Liste." in response.content.decode()
    client.post(
        f"/netzwerk/treffen/{meeting.pk}/aufgaben/",
        {"title": "Flyer drucken", "owner": net.organisation.pk, "due_on": "2027-02-01"},
    )
    assert NetworkTask.objects.filter(title="Flyer drucken", meeting=meeting).exists()


def test_daily_reminders_are_sent_once(net: Net, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    ContactRole.objects.filter(organisation=net.organisation).update(office_email="tv@tv.example")
    task = net.task
    task.due_on = today + timedelta(days=2)
    task.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("network_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("network_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tv@tv.example"]
    assert "Erinnerung" in mail.outbox[0].subject
    task.refresh_from_db()
    assert task.reminded == "soon"
    with django_capture_on_commit_callbacks(execute=True):
        result = daily.run(today + timedelta(days=5))
        again = daily.run(today + timedelta(days=5))
    assert (result.overdue, again.overdue) == (1, 0)
    assert "Überfällig" in mail.outbox[1].subject
    assert len(mail.outbox) == 2
