"""Mailings (Rundmails): recipients by opt-in and filter, count before sending, sent once,
one-click unsubscribe — through HTTP like a coordinator and a volunteer."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from tests.conftest import verified_client
from tests.volunteers.conftest import MakeVolunteer
from wir.accounts.models import User
from wir.core.actions import add_area
from wir.core.models import Area, Language, Region
from wir.privacy.models import AuditEvent, Consent
from wir.volunteers import optin
from wir.volunteers.models import Mailing, Network, Volunteer, VolunteerTag

pytestmark = pytest.mark.django_db
URL = "/ehrenamt/koordination/testkreis/rundmails/"


def opted_in(
    make_volunteer: MakeVolunteer, code: str, town: Area | None = None, **fields: object
) -> Volunteer:
    volunteer = make_volunteer(code, **fields)
    if town is not None:
        volunteer.municipality = town
        volunteer.save(update_fields=["municipality"])
    optin.set_opt_in(volunteer, True, by=None)
    return volunteer


def unsubscribe_path(body: str) -> str:
    found = re.search(r"https?://[^/\s]+(/ehrenamt/rundmails/abmelden/[^/\s]+/)", body)
    assert found is not None, body
    return found.group(1)


def compose(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "key": "einmal-1",
        "subject": "Schulung Erste Hilfe",
        "body": "Am Samstag gibt es eine Schulung im Familienzentrum.",
        "network": "",
        "interest": "",
        "municipality": "",
    }
    values.update(changes)
    return values


def test_count_then_send_only_to_opted_in_with_filters(
    region: Region,
    town: Area,
    coordinator: User,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    other_town = add_area(
        region, "Bad Nauheim", Area.Kind.MUNICIPALITY, Decimal("50.36"), Decimal("8.74")
    )
    wanted = opted_in(make_volunteer, "EA-001")
    VolunteerTag.objects.create(volunteer=wanted, kind="interest", code="language")
    opted_in(make_volunteer, "EA-002", other_town)  # other town
    make_volunteer("EA-003", newsletter=True)  # flag without consent: no mail
    quiet = opted_in(make_volunteer, "EA-004")
    VolunteerTag.objects.create(volunteer=quiet, kind="interest", code="housing")
    paused = opted_in(make_volunteer, "EA-005", status=Volunteer.Status.PAUSED)
    VolunteerTag.objects.create(volunteer=paused, kind="interest", code="language")
    client = verified_client(coordinator)
    assert "Neue Rundmail" in client.get(URL).text
    filters = {"interest": "language", "municipality": str(town.pk)}
    preview = client.post(URL, compose(**filters, step="preview"))
    assert preview.status_code == 200
    assert "Diese Rundmail geht an 1 Person." in preview.text
    assert not Mailing.objects.exists()
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(URL, compose(**filters, step="send"), follow=True)
    assert "Die Rundmail geht an 1 Personen." in page.text
    assert [m.to for m in mail.outbox] == [["ea-001@example.org"]]
    sent = mail.outbox[0]
    assert sent.subject == "Schulung Erste Hilfe"
    assert "Schulung im Familienzentrum" in sent.body
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_path(str(sent.body)) in sent.extra_headers["List-Unsubscribe"]
    mailing = Mailing.objects.get()
    assert AuditEvent.objects.filter(
        record_type="volunteers.mailing", record_id=str(mailing.pk), action="created"
    ).exists()
    assert "Schulung Erste Hilfe" in client.get(URL).text


def test_a_retried_send_mails_nobody_twice(
    coordinator: User, make_volunteer: MakeVolunteer, django_capture_on_commit_callbacks: Any
) -> None:
    opted_in(make_volunteer, "EA-001")
    opted_in(make_volunteer, "EA-002")
    client = verified_client(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, compose(step="send"))
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(URL, compose(step="send"), follow=True)
    assert "schon verschickt" in again.text
    assert Mailing.objects.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["ea-001@example.org", "ea-002@example.org"]


def test_network_mailing_and_one_click_unsubscribe(
    region: Region,
    town: Area,
    coordinator: User,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    member = opted_in(make_volunteer, "EA-001")
    opted_in(make_volunteer, "EA-002")
    network = Network.objects.create(
        region=region, municipality=town, kind=Network.Kind.HELPERS, name="Helferkreis Friedberg"
    )
    network.members.add(member)
    client = verified_client(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, compose(network=str(network.pk), step="send"))
    assert [m.to for m in mail.outbox] == [["ea-001@example.org"]]
    path = unsubscribe_path(str(mail.outbox[0].body))
    anonymous = Client()
    assert "Keine Rundmails mehr" in anonymous.get(path).text
    member.refresh_from_db()
    assert member.newsletter  # a GET (a mail scanner) changes nothing
    # The mail program's RFC 8058 one-click: a POST without cookie or CSRF token.
    done = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert "Sie sind abgemeldet" in done.text
    member.refresh_from_db()
    assert not member.newsletter
    consent = Consent.objects.get(user=member.user, text__purpose=optin.PURPOSE)
    assert consent.withdrawn_at is not None
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(URL, compose(key="zwei", network=str(network.pk), step="send"))
    assert refused.status_code == 400
    assert "Niemand erhält diese Rundmail" in refused.text
    assert not mail.outbox
    assert Mailing.objects.count() == 1


def test_bad_input_and_bad_links(
    coordinator: User, make_volunteer: MakeVolunteer, make_user: Any, make_region: Any
) -> None:
    opted_in(make_volunteer, "EA-001")
    client = verified_client(coordinator)
    page = client.post(URL, compose(subject="", body="", interest="erfunden", step="send"))
    assert page.status_code == 400
    assert "Bitte geben Sie einen Betreff ein." in page.text
    assert "Bitte geben Sie den Text der Rundmail ein." in page.text
    assert "Bitte wählen Sie ein Interesse der Liste." in page.text
    assert not Mailing.objects.exists()
    bad = Client().post("/ehrenamt/rundmails/abmelden/erfunden/")
    assert bad.status_code == 404
    assert "Dieser Abmeldelink ist ungültig" in bad.text
    outsider = make_user("fremd", "coordination", make_region("andere", ("de",)))
    assert verified_client(outsider).get(URL).status_code == 404


def test_opt_in_at_sign_up_and_on_my_data(make_volunteer: MakeVolunteer) -> None:
    volunteer = make_volunteer("EA-001")
    client = Client()
    assert volunteer.user is not None
    client.force_login(volunteer.user)
    data = {
        "name": "Ehrenamt EA-001",
        "municipality": str(volunteer.municipality_id),
        "interests": ["language"],
        "languages": [str(Language.objects.get(code="de").pk)],
        "newsletter": "on",
    }
    assert client.post("/ehrenamt/meine-daten/", data).status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.newsletter
    assert Consent.objects.filter(
        user=volunteer.user, text__purpose=optin.PURPOSE, withdrawn_at__isnull=True
    ).exists()
    data.pop("newsletter")
    client.post("/ehrenamt/meine-daten/", data)
    volunteer.refresh_from_db()
    assert not volunteer.newsletter
    assert not Consent.objects.filter(
        user=volunteer.user, text__purpose=optin.PURPOSE, withdrawn_at__isnull=True
    ).exists()


def test_a_networks_own_coordinator_sees_and_mails_only_that_network(
    region: Region,
    town: Area,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    lead = make_volunteer("EA-001")
    member = opted_in(make_volunteer, "EA-002")
    opted_in(make_volunteer, "EA-003")  # not in the network
    ours = Network.objects.create(
        region=region, municipality=town, kind=Network.Kind.HELPERS, name="Helferkreis Friedberg"
    )
    other = Network.objects.create(
        region=region, municipality=town, kind=Network.Kind.MENTORS, name="Patennetzwerk"
    )
    ours.members.add(member)
    assert lead.user is not None
    ours.coordinators.add(lead.user)
    client = verified_client(lead.user)  # members' data: with a second factor
    home = client.get("/ehrenamt/")
    assert f"/ehrenamt/netzwerk/{ours.pk}/" in home.text
    page = client.get(f"/ehrenamt/netzwerk/{ours.pk}/")
    assert "EA-002" in page.text
    assert "EA-003" not in page.text
    assert client.get(f"/ehrenamt/netzwerk/{other.pk}/").status_code == 404
    assert client.get(URL).status_code == 404  # not the region's coordination
    url = f"/ehrenamt/netzwerk/{ours.pk}/"
    message = {"key": "netz-1", "subject": "Treffen", "body": "Wir treffen uns am Montag."}
    assert "Diese Rundmail geht an 1 Person." in client.post(url, message).text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**message, "step": "send"})
    assert [m.to for m in mail.outbox] == [["ea-002@example.org"]]
    assert Mailing.objects.get().network == ours
