"""Departments change or reschedule their requests: the rules are checked again, the
booked mediator is told, and a booking that no longer fits is given up and searched anew."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool import planning
from wir.sprachpool.actions import accept_offer
from wir.sprachpool.models import Assignment, MediationRequest


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def booked(pool, ask, coordinator, region, make_user):
    """A request of the department, booked with SM-B (who has a mail address)."""
    department = make_user("fachdienst-aendern", "clerk", region)
    person = make_user("sm-b", "mediator", region)
    person.email = "sm-b@pool.example"
    person.save()
    mediator = pool("SM-B", user=person)
    request = ask(at(MONDAY, 10), requested_by=department, notes="Raum 1")
    offer = planning.send_offers(region, [(request.pk, mediator.pk)], coordinator).sent[0]
    accept_offer(offer.pk, person)
    return request, offer, department


def form_data(request: MediationRequest, **changes) -> dict[str, str]:
    data = {
        "language": str(request.language_id),
        "day": MONDAY.isoformat(),
        "start": "10:00",
        "duration": "60",
        "mode": request.mode,
        "area": str(request.area_id),
        "setting": request.setting,
        "client_reference": request.client_reference,
        "notes": request.notes,
    }
    data.update(changes)
    return data


def test_request_page_shows_details_and_notes(booked) -> None:
    request, _offer, department = booked
    page = signed_in(department).get(f"/sprachpool/anfragen/{request.pk}/")
    assert 'id="request-notes"' in page.text
    assert "Raum 1" in page.text
    assert "60 Minuten" in page.text
    assert f"/sprachpool/anfragen/{request.pk}/aendern/" in page.text
    form = signed_in(department).get(f"/sprachpool/anfragen/{request.pk}/aendern/")
    assert form.status_code == 200
    assert "Raum 1</textarea>" in form.text


def test_changed_notes_keep_the_booking_and_tell_the_mediator(
    booked, django_capture_on_commit_callbacks
) -> None:
    request, offer, department = booked
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = signed_in(department).post(
            f"/sprachpool/anfragen/{request.pk}/aendern/",
            form_data(request, notes="Raum 2.14, bitte am Empfang melden"),
            follow=True,
        )
    assert "Die Änderung ist gespeichert; die Sprachmittlung ist benachrichtigt." in page.text
    offer.refresh_from_db()
    assert offer.status == Assignment.Status.ACCEPTED
    assert [m.to for m in mail.outbox] == [["sm-b@pool.example"]]
    assert mail.outbox[0].subject == "Sprachpool: Einsatz geändert"
    assert "Raum 2.14" in mail.outbox[0].body


def test_a_new_time_the_mediator_can_make_moves_the_booking(
    booked, django_capture_on_commit_callbacks
) -> None:
    request, offer, department = booked
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(department).post(
            f"/sprachpool/anfragen/{request.pk}/aendern/",
            form_data(request, start="13:30", duration="90"),
        )
    offer.refresh_from_db()
    request.refresh_from_db()
    assert offer.status == Assignment.Status.ACCEPTED
    assert offer.starts_at == at(MONDAY, 13, 30)
    assert offer.ends_at == at(MONDAY, 15)
    assert request.status == MediationRequest.Status.BOOKED
    _name, content, _type = mail.outbox[0].attachments[0]
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == at(MONDAY, 13, 30)


def test_a_new_time_that_clashes_gives_up_the_booking_and_searches_again(
    booked, pool, ask, coordinator, region, django_capture_on_commit_callbacks
) -> None:
    request, offer, department = booked
    # SM-B is booked elsewhere at 15:00; SM-C can step in.
    other = ask(at(MONDAY, 15))
    second = planning.send_offers(region, [(other.pk, offer.mediator_id)], coordinator).sent[0]
    accept_offer(second.pk, coordinator)
    pool("SM-C")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = signed_in(department).post(
            f"/sprachpool/anfragen/{request.pk}/aendern/",
            form_data(request, start="15:00"),
            follow=True,
        )
    assert "kann den neuen Termin nicht übernehmen; der Sprachpool sucht neu." in page.text
    offer.refresh_from_db()
    assert offer.status == Assignment.Status.CANCELLED
    assert offer.starts_at == at(MONDAY, 10)  # the cancelled booking keeps its old time
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.OFFERED
    assert request.assignments.get(status="offered").mediator.code == "SM-C"
    cancelled = [m for m in mail.outbox if m.subject == "Sprachpool: Einsatz abgesagt"]
    assert [m.to for m in cancelled] == [["sm-b@pool.example"]]
    assert "Der geänderte Termin passt nicht mehr." in cancelled[0].body


def test_the_rules_are_checked_again_and_nothing_changes_on_bad_input(booked) -> None:
    request, offer, department = booked
    client = signed_in(department)
    url = f"/sprachpool/anfragen/{request.pk}/aendern/"
    tomorrow = (MONDAY - timedelta(days=400)).isoformat()
    for changes, message in [
        ({"day": tomorrow}, "Der Termin liegt in der Vergangenheit."),
        ({"day": "kein Datum"}, "Bitte geben Sie das Datum als TT.MM.JJJJ an."),
        ({"language": "999999"}, "Bitte wählen Sie eine Sprache aus der Liste."),
        ({"mode": "on_site", "area": ""}, "Für einen Termin vor Ort bitte den Ort wählen."),
    ]:
        page = client.post(url, form_data(request, **changes))
        assert page.status_code == 200
        assert message in page.text
    offer.refresh_from_db()
    assert offer.starts_at == at(MONDAY, 10)
    assert offer.status == Assignment.Status.ACCEPTED


def test_lead_time_applies_when_the_time_moves_close(booked) -> None:
    request, _offer, department = booked
    soon = timezone.localdate() + timedelta(days=1)
    page = signed_in(department).post(
        f"/sprachpool/anfragen/{request.pk}/aendern/", form_data(request, day=soon.isoformat())
    )
    assert "Werktage im Voraus anfragen" in page.text
    request.refresh_from_db()
    assert request.starts_at == at(MONDAY, 10)


def test_only_the_own_open_request_can_be_changed(booked, make_user, region) -> None:
    request, _offer, department = booked
    stranger = make_user("fachdienst-fremd", "clerk", region)
    url = f"/sprachpool/anfragen/{request.pk}/aendern/"
    assert signed_in(stranger).get(url).status_code == 404
    assert signed_in(stranger).post(url, form_data(request, notes="x")).status_code == 404
    MediationRequest.objects.filter(pk=request.pk).update(status="cancelled")
    page = signed_in(department).get(url, follow=True)
    assert "Diese Anfrage lässt sich nicht mehr ändern." in page.text
