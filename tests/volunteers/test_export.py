"""The volunteer's own data file: mailings delivered, the unsubscribe, trainings and meetings."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from tests.volunteers.conftest import START, MakeVolunteer
from wir.accounts.models import User
from wir.core.models import Area, Region
from wir.volunteers import gatherings, mailing, optin
from wir.volunteers.models import Gathering, Volunteer

pytestmark = pytest.mark.django_db


def exported(volunteer: Volunteer) -> dict[str, Any]:
    client = Client()
    assert volunteer.user is not None
    client.force_login(volunteer.user)
    answer = client.get("/ehrenamt/meine-daten/export.json")
    assert answer.status_code == 200
    return json.loads(answer.content)


def training(region: Region, town: Area, title: str, places: int, days: int) -> Gathering:
    return Gathering.objects.create(
        region=region,
        area=town,
        places=places,
        title=title,
        location="Familienzentrum",
        starts_at=START + timedelta(days=days),
        ends_at=START + timedelta(days=days, hours=2),
    )


def test_export_has_mailings_delivered_and_the_unsubscribe(
    region: Region,
    coordinator: User,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    volunteer = make_volunteer("EA-001")
    optin.set_opt_in(volunteer, True, by=None)
    assert exported(volunteer)["rundmail_zustellungen"] == []
    with django_capture_on_commit_callbacks(execute=True):
        mailing.send_mailing(
            coordinator,
            region,
            mailing.Audience(),
            subject="Schulung Erste Hilfe",
            body="Am Samstag im Familienzentrum.",
            key="export-1",
        )
    data = exported(volunteer)
    [delivery] = data["rundmail_zustellungen"]
    assert delivery["betreff"] == "Schulung Erste Hilfe"
    assert delivery["text"] == "Am Samstag im Familienzentrum."
    assert delivery["zugestellt_am"] is not None
    assert data["rundmails"] is True
    assert data["rundmail_abmeldung"] is None
    [opt_in] = [c for c in data["einwilligungen"] if c["zweck"] == optin.PURPOSE]
    assert opt_in["widerrufen_am"] is None

    # One click on the link in the mail: the file says so, the delivery stays listed.
    found = re.search(r"(/ehrenamt/rundmails/abmelden/[^/\s]+/)", str(mail.outbox[-1].body))
    assert found is not None
    assert Client().post(found.group(1)).status_code == 200
    data = exported(volunteer)
    assert data["rundmails"] is False
    assert data["rundmail_abmeldung"] is not None
    [opt_in] = [c for c in data["einwilligungen"] if c["zweck"] == optin.PURPOSE]
    assert opt_in["widerrufen_am"] == data["rundmail_abmeldung"]
    assert len(data["rundmail_zustellungen"]) == 1


def test_export_has_trainings_and_meetings_with_the_waiting_list(
    region: Region, town: Area, make_volunteer: MakeVolunteer
) -> None:
    volunteer = make_volunteer("EA-001")
    other = make_volunteer("EA-002")
    full = training(region, town, "Schulung Erste Hilfe", places=1, days=1)
    open_one = training(region, town, "Netzwerktreffen Friedberg", places=5, days=2)
    assert volunteer.user is not None
    assert other.user is not None
    gatherings.register(full.pk, other.pk, other.user)
    gatherings.register(full.pk, volunteer.pk, volunteer.user)
    left = gatherings.register(open_one.pk, volunteer.pk, volunteer.user)
    gatherings.cancel(left.pk, volunteer.user)

    waiting, cancelled = exported(volunteer)["veranstaltungen"]
    assert waiting["titel"] == "Schulung Erste Hilfe"
    assert waiting["status"] == "auf der Warteliste"
    assert waiting["wartelistenplatz"] == 1
    assert waiting["ort"] == "Familienzentrum"
    assert cancelled["titel"] == "Netzwerktreffen Friedberg"
    assert cancelled["status"] == "abgemeldet"
    assert cancelled["abgemeldet_am"] is not None
    assert cancelled["wartelistenplatz"] is None
    # Nothing of the other person's registration is in the file.
    assert len(exported(other)["veranstaltungen"]) == 1
