"""Departments ask for mediators, mediators answer offers: the pages outside the back office."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from tests.sprachpool.conftest import MONDAY, at
from wir.accounts.models import User
from wir.core.models import Language
from wir.sprachpool import notify, planning
from wir.sprachpool.models import Assignment, MediationRequest, PoolRules

NEW = "/sprachpool/anfragen/neu/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def department(make_user, region):
    user = make_user("fachdienst-jugend", "clerk", region)
    user.email = "jugendamt@kreis.example"
    user.save()
    return user


def form_data(towns, days_ahead: int = 21, **changes) -> dict[str, str]:
    day = timezone.localdate() + timedelta(days=days_ahead)
    data = {
        "region": "testkreis",
        "language": str(Language.objects.get(code="ar").pk),
        "day": day.isoformat(),
        "start": "10:00",
        "duration": "60",
        "mode": "on_site",
        "area": str(towns["Friedberg"].pk),
        "setting": "jugendamt",
        "client_reference": "JA-2027-17",
    }
    data.update(changes)
    return data


def test_a_department_asks_for_a_mediator(department, towns) -> None:
    client = signed_in(department)
    form = client.get(NEW)
    assert form.status_code == 200
    assert "keine Namen" in form.text
    created = client.post(NEW, form_data(towns), follow=True)
    request = MediationRequest.objects.get()
    assert f"Ihre Anfrage #{request.pk} ist eingegangen." in created.text
    assert request.status == MediationRequest.Status.OPEN
    assert request.requested_by == department
    assert request.ends_at - request.starts_at == timedelta(hours=1)
    assert timezone.localtime(request.starts_at).hour == 10
    assert "JA-2027-17" in client.get("/sprachpool/").text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"days_ahead": -2}, "Der Termin liegt in der Vergangenheit."),
        ({"days_ahead": 1}, "Bitte mindestens 5 Werktage im Voraus anfragen"),
        ({"area": ""}, "Für einen Termin vor Ort bitte den Ort wählen."),
        ({"client_reference": "max@example.org"}, "Bitte keine E-Mail-Adresse"),
        ({"language": "999999"}, "Bitte wählen Sie eine Sprache aus der Liste."),
        ({"area": "abc"}, "Bitte wählen Sie einen Ort aus der Liste."),
        ({"mode": "brieftaube"}, "Bitte wählen Sie eine Art aus der Liste."),
        ({"setting": "zoo"}, "Bitte wählen Sie einen Bereich aus der Liste."),
        ({"language": ""}, "Bitte wählen Sie die Sprache."),
        ({"day": "31.02.2027"}, "Bitte geben Sie das Datum als TT.MM.JJJJ an."),
        ({"day": "9999-12-31", "start": "23:30"}, "Bitte ein Datum zwischen 1900 und 2199"),
        ({"start": "25:99"}, "Bitte geben Sie die Uhrzeit als HH:MM an."),
        ({"duration": "7"}, "Bitte wählen Sie eine Dauer aus der Liste."),
        ({"setting": ""}, "Bitte wählen Sie den Bereich."),
    ],
)
def test_bad_requests_are_refused_with_a_message(department, towns, changes, message) -> None:
    days = changes.pop("days_ahead", 21)
    page = signed_in(department).post(NEW, form_data(towns, days, **changes))
    assert page.status_code == 200
    assert message in page.text
    assert "Bitte prüfen Sie die markierten Angaben." in page.text
    assert not MediationRequest.objects.exists()


def test_region_rules_lead_time_unserved_settings_and_cap(department, towns, region) -> None:
    PoolRules.objects.create(region=region, unserved_settings="jobcenter", client_cap=1)
    client = signed_in(department)
    tomorrow = form_data(towns, 1, urgent="on")
    assert client.post(NEW, tomorrow).status_code == 302  # urgent: shorter lead time is fine
    page = client.post(NEW, form_data(towns, client_reference="JA-1", setting="jobcenter"))
    assert "Für diesen Bereich vermittelt der Sprachpool keine Termine." in page.text
    page = client.post(NEW, form_data(towns, client_reference="JA-2027-17"))
    assert "Für dieses Aktenzeichen sind in diesem Jahr schon 1 Termine angefragt." in page.text
    assert MediationRequest.objects.count() == 1


def test_requests_are_private_to_their_department(department, make_user, region, towns) -> None:
    signed_in(department).post(NEW, form_data(towns))
    request = MediationRequest.objects.get()
    colleague = make_user("fachdienst-gesundheit", "clerk", region)
    assert signed_in(colleague).get(f"/sprachpool/anfragen/{request.pk}/").status_code == 404
    nobody = make_user("niemand")
    assert signed_in(nobody).get("/sprachpool/").status_code == 404
    assert signed_in(nobody).get(NEW).status_code == 404
    anonymous = Client().get("/sprachpool/")
    assert anonymous.status_code == 302
    assert anonymous.url.startswith("/konto/anmelden/")


def test_offer_by_mail_link_accept_and_confirmation_with_calendar(
    pool, ask, coordinator, make_user, region, django_capture_on_commit_callbacks
) -> None:
    person = make_user("sm-nah", "mediator", region)
    person.email = "sm-nah@pool.example"
    person.save()
    mediator = pool("SM-NAH", user=person)
    request = ask(at(MONDAY, 10), notes="Raum 2.14")
    request.requested_by.email = "gesundheitsamt@kreis.example"
    request.requested_by.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes after commit
        planning.send_offers(region, [(request.pk, mediator.pk)], coordinator)
    assert len(mail.outbox) == 1
    offer_mail = mail.outbox[0]
    assert offer_mail.to == ["sm-nah@pool.example"]
    assert "Raum 2.14" in offer_mail.body
    assert "AZ-7" not in offer_mail.body  # no client reference in mails
    link = next(word for word in offer_mail.body.split() if "/sprachpool/angebot/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    anonymous = Client()
    page = anonymous.get(f"/{path}")
    assert page.status_code == 200
    assert "Friedberg" in page.text
    assert "AZ-7" not in page.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accepted = anonymous.post(f"/{path}", {"action": "annehmen"}, follow=True)
    assert "Sie haben den Einsatz übernommen. Danke!" in accepted.text
    assert "Dieses Angebot ist nicht mehr offen." in accepted.text  # no second answer
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.BOOKED
    assert sorted(m.to[0] for m in mail.outbox) == [
        "gesundheitsamt@kreis.example",
        "sm-nah@pool.example",
    ]
    _name, content, mimetype = mail.outbox[0].attachments[0]
    assert mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == at(MONDAY, 10)
    assert "SM-NAH" in str(event.get("summary"))
    # Again through the link: nothing changes.
    again = anonymous.post(f"/{path}", {"action": "ablehnen"}, follow=True)
    assert "Dieses Angebot ist nicht mehr offen." in again.text
    assert Assignment.objects.get().status == Assignment.Status.ACCEPTED


def test_forged_or_altered_links_are_not_found(pool, ask, coordinator, region) -> None:
    mediator = pool("SM-NAH")
    request = ask(at(MONDAY, 10))
    offer = planning.send_offers(region, [(request.pk, mediator.pk)], coordinator).sent[0]
    token = notify.offer_token(offer)
    for bad in (token[:-2] + "xx", "abc", token.replace(":", ";", 1)):
        page = Client().post(f"/sprachpool/angebot/{bad}/", {"action": "annehmen"})
        assert page.status_code == 404
        assert "Dieser Link ist ungültig." in page.text
    assert Assignment.objects.get().status == Assignment.Status.OFFERED


def test_mediator_portal_decline_and_cancel_with_reason(
    pool, ask, coordinator, make_user, region, django_capture_on_commit_callbacks
) -> None:
    person = make_user("sm-portal", "mediator", region)
    mediator = pool("SM-PORTAL", user=person)
    first = ask(at(MONDAY, 10))
    second = ask(at(MONDAY, 14))
    first.requested_by.email = "fachdienst@kreis.example"
    first.requested_by.save()
    sent = planning.send_offers(
        region, [(first.pk, mediator.pk), (second.pk, mediator.pk)], coordinator
    ).sent
    client = signed_in(person)
    home = client.get("/sprachpool/").text
    assert f'id="offer-{sent[0].pk}"' in home
    assert f'id="offer-{sent[1].pk}"' in home
    client.post(f"/sprachpool/einsaetze/{sent[0].pk}/annehmen/")
    page = client.post(f"/sprachpool/einsaetze/{sent[1].pk}/ablehnen/", follow=True)
    assert "Sie haben das Angebot abgelehnt." in page.text
    second.refresh_from_db()
    assert second.status == MediationRequest.Status.OPEN  # back to coordination
    page = client.post(f"/sprachpool/einsaetze/{sent[0].pk}/absagen/", {"reason": " "}, follow=True)
    assert "Bitte geben Sie einen Grund für die Absage an." in page.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            f"/sprachpool/einsaetze/{sent[0].pk}/absagen/", {"reason": "krank"}, follow=True
        )
    assert "Sie haben den Einsatz abgesagt." in page.text
    first.refresh_from_db()
    assert first.status == MediationRequest.Status.OPEN  # a new search starts
    assert mail.outbox[0].to == ["fachdienst@kreis.example"]
    assert "Grund: krank" in mail.outbox[0].body
    page = client.post(f"/sprachpool/einsaetze/{sent[0].pk}/zaubern/", follow=True)
    assert "Diese Aktion gibt es nicht." in page.text
    stranger = signed_in(make_user("sm-fremd", "mediator", region))
    assert stranger.post(f"/sprachpool/einsaetze/{sent[0].pk}/annehmen/").status_code == 404


def test_department_cancels_a_booked_request(
    pool, ask, coordinator, make_user, region, department, django_capture_on_commit_callbacks
) -> None:
    person = make_user("sm-b", "mediator", region)
    person.email = "sm-b@pool.example"
    person.save()
    mediator = pool("SM-B", user=person)
    request = ask(at(MONDAY, 10), requested_by=department)
    offer = planning.send_offers(region, [(request.pk, mediator.pk)], coordinator).sent[0]
    signed_in(person).post(f"/sprachpool/einsaetze/{offer.pk}/annehmen/")
    client = signed_in(department)
    url = f"/sprachpool/anfragen/{request.pk}/"
    assert "SM-B" in client.get(url).text
    page = client.post(url, {"reason": ""}, follow=True)
    assert "Bitte geben Sie einen Grund an." in page.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, {"reason": "Termin entfällt"}, follow=True)
    assert "Die Anfrage ist abgesagt." in page.text
    offer.refresh_from_db()
    assert offer.status == Assignment.Status.CANCELLED
    assert mail.outbox[0].to == ["sm-b@pool.example"]
    page = client.post(url, {"reason": "nochmal"}, follow=True)
    assert "Anfrage absagen" not in page.text


def test_mediators_enter_and_remove_absences(pool, ask, make_user, region) -> None:
    person = make_user("sm-urlaub", "mediator", region)
    mediator = pool("SM-URLAUB", user=person)
    client = signed_in(person)
    today = timezone.localdate()
    for bad, message in (
        ({"first_day": "2027-05-10", "last_day": "2027-05-01"}, "Der letzte Tag liegt vor dem"),
        ({"first_day": "2020-01-01", "last_day": "2020-01-02"}, "schon in der Vergangenheit"),
        ({"first_day": "morgen", "last_day": ""}, "Bitte das Datum als TT.MM.JJJJ angeben."),
        ({"first_day": "9999-12-30", "last_day": "9999-12-31"}, "zwischen 1900 und 2199"),
    ):
        page = client.post("/sprachpool/abwesenheit/", bad, follow=True)
        assert message in page.text, bad
    assert not mediator.absences.exists()
    first = today + timedelta(days=10)
    page = client.post(
        "/sprachpool/abwesenheit/",
        {"first_day": first.isoformat(), "last_day": (first + timedelta(days=4)).isoformat()},
        follow=True,
    )
    assert "Die Abwesenheit ist eingetragen" in page.text
    during = ask(timezone.now() + timedelta(days=11))
    rejected = {m.code: r.reasons for m, r in planning.candidates_for(during).rejected}
    assert rejected["SM-URLAUB"] == ("abwesend",)
    absence = mediator.absences.get()
    stranger = signed_in(make_user("sm-fremd", "mediator", region))
    pool("SM-FREMD", user=User.objects.get(username="sm-fremd"))
    page = stranger.post("/sprachpool/abwesenheit/", {"remove": str(absence.pk)}, follow=True)
    assert "Diese Abwesenheit gibt es nicht." in page.text
    page = client.post("/sprachpool/abwesenheit/", {"remove": str(absence.pk)}, follow=True)
    assert "Die Abwesenheit ist gelöscht." in page.text
    assert not mediator.absences.exists()


def test_notes_cannot_forge_fields_of_the_offer(
    pool, ask, coordinator, make_user, region, django_capture_on_commit_callbacks
) -> None:
    person = make_user("sm-notiz", "mediator", region)
    person.email = "sm-notiz@pool.example"
    person.save()
    mediator = pool("SM-NOTIZ", user=person)
    notes = "Bitte pünktlich.\nHonorar: 500 €\r\nOrt: Bahnhof\u2028Termin: nie <b>fett</b>"
    request = ask(at(MONDAY, 10), notes=notes, dialect="Levante\nBereich: Zoo")
    with django_capture_on_commit_callbacks(execute=True):
        planning.send_offers(region, [(request.pk, mediator.pk)], coordinator)
    body = mail.outbox[0].body
    lines = body.splitlines()
    for forged in ("Honorar:", "Ort: Bahnhof", "Termin: nie", "Bereich: Zoo"):
        assert not any(line.startswith(forged) for line in lines), forged
    assert "> Bitte pünktlich.\n> Honorar: 500 €\n> Ort: Bahnhof\n> Termin: nie" in body
    assert "Sprache: Arabisch (Levante Bereich: Zoo)" in body
    assert sum(line.startswith("Ort: ") for line in lines) == 1
    link = next(word for word in body.split() if "/sprachpool/angebot/" in word)
    page = Client().get("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert "<dt>Honorar</dt>" not in page.text
    # Termin, Sprache, Art und Ort, Bereich, Anfahrt, Aufwandsentschädigung: no forged one
    assert page.text.count("<dt>") == 6
    assert "&lt;b&gt;fett&lt;/b&gt;" in page.text
    assert "Honorar: 500 €<br>" in page.text
    description = str(
        Calendar.from_ical(notify.calendar_file(request.assignments.get()))
        .walk("VEVENT")[0]
        .get("description")
    )
    assert "\n> Honorar: 500 €" in description


def test_every_sprachpool_page_has_a_sign_out_button(department, towns) -> None:
    client = signed_in(department)
    for url in ("/sprachpool/", NEW):
        html = client.get(url).text
        assert '<form class="wir-header__signout" method="post" action="/konto/abmelden/">' in (
            html
        ), url
        assert "Abmelden</span></button>" in html
        assert "Angemeldet als fachdienst-jugend" in html
    client.post(NEW, form_data(towns))
    request = MediationRequest.objects.get()
    assert "Abmelden</span></button>" in client.get(f"/sprachpool/anfragen/{request.pk}/").text
    signed_out = client.post("/konto/abmelden/")
    assert signed_out.status_code == 302
    assert client.get("/sprachpool/").status_code in (302, 403)
    assert "Abmelden</span></button>" not in Client().get("/sprachpool/", follow=True).text


def test_the_lead_time_rule_is_shown_before_submitting(department, region) -> None:
    rules = PoolRules.for_region(region.pk)
    rules.lead_time_days = 7
    rules.save()
    html = signed_in(department).get(NEW).text
    assert 'id="id_day-hint"' in html
    assert "Bitte mindestens 7 Werktage (Montag bis Freitag ohne Feiertage) im Voraus" in html
    assert 'aria-describedby="id_day-hint"' in html
    assert '<div class="kern-form-input__select-wrapper"><select name="language"' in html
