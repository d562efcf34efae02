"""Trainings and network meetings: registration, waiting list, moving up — through HTTP
like a volunteer and a coordinator; the guarantees under parallel registrations."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connections
from django.test import Client

from tests.conftest import verified_client
from tests.volunteers.conftest import START, MakeVolunteer
from wir.accounts.models import User
from wir.core.models import Area, Region
from wir.volunteers import gatherings
from wir.volunteers.actions import Refused
from wir.volunteers.models import Gathering, GatheringRegistration, Network, Volunteer


def make_gathering(region: Region, town: Area, places: int = 2, **fields: Any) -> Gathering:
    values: dict[str, Any] = {
        "title": "Schulung Erste Hilfe",
        "location": "Familienzentrum",
        "starts_at": START,
        "ends_at": START + timedelta(hours=3),
        **fields,
    }
    return Gathering.objects.create(region=region, area=town, places=places, **values)


def as_volunteer(volunteer: Volunteer) -> Client:
    client = Client()
    assert volunteer.user is not None
    client.force_login(volunteer.user)
    return client


@pytest.mark.django_db
def test_register_wait_and_move_up_with_a_mail(
    region: Region,
    town: Area,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    gathering = make_gathering(region, town, places=1)
    first, second = make_volunteer("EA-001"), make_volunteer("EA-002")
    one, two = as_volunteer(first), as_volunteer(second)
    assert "Schulung Erste Hilfe" in one.get("/ehrenamt/").text
    url = f"/ehrenamt/veranstaltungen/{gathering.pk}/anmelden/"
    with django_capture_on_commit_callbacks(execute=True):
        assert "Sie sind angemeldet" in one.post(url, follow=True).text
        page = two.post(url, follow=True)
    assert "Warteliste (Platz 1)" in page.text
    again = one.post(url, follow=True)
    assert "schon angemeldet" in again.text
    assert [m.subject for m in mail.outbox] == [
        "Ehrenamt: Anmeldung bestätigt",
        "Ehrenamt: Auf der Warteliste",
    ]
    mail.outbox.clear()
    mine = GatheringRegistration.objects.get(volunteer=first)
    with django_capture_on_commit_callbacks(execute=True):
        one.post(f"/ehrenamt/veranstaltungen/anmeldungen/{mine.pk}/abmelden/")
    moved = GatheringRegistration.objects.get(volunteer=second, status="registered")
    assert moved.moved_up_at is not None
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["ea-002@example.org"], "Ehrenamt: Sie sind nachgerückt")
    ]
    gathering.refresh_from_db()
    assert gathering.taken == 1
    assert "Sie sind angemeldet." in two.get("/ehrenamt/").text
    # Someone else's registration is "not found".
    assert (
        one.post(f"/ehrenamt/veranstaltungen/anmeldungen/{moved.pk}/abmelden/").status_code == 404
    )


@pytest.mark.django_db
def test_coordination_creates_sees_the_waiting_list_and_adds_places(
    region: Region,
    town: Area,
    coordinator: User,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = verified_client(coordinator)
    url = "/ehrenamt/koordination/testkreis/veranstaltungen/"
    data = {
        "kind": "training",
        "title": "Schulung Interkulturelle Kommunikation",
        "area": str(town.pk),
        "location": "Rathaus, Saal 2",
        "starts_at": START.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (START + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "places": "1",
    }
    bad = client.post(url, {**data, "title": "", "places": "0", "ends_at": data["starts_at"]})
    assert bad.status_code == 400
    assert "Bitte geben Sie einen Titel ein." in bad.text
    assert "Mindestens ein Platz." in bad.text
    assert "Das Ende muss nach dem Beginn liegen." in bad.text
    assert not Gathering.objects.exists()
    page = client.post(url, data, follow=True)
    assert "Die Veranstaltung ist angelegt." in page.text
    gathering = Gathering.objects.get()
    for code in ("EA-001", "EA-002", "EA-003"):
        gatherings.register(gathering.pk, make_volunteer(code).pk, coordinator)
    detail = client.get(f"/ehrenamt/koordination/veranstaltungen/{gathering.pk}/")
    assert "Warteliste" in detail.text
    assert "EA-003" in detail.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/ehrenamt/koordination/veranstaltungen/{gathering.pk}/", {**data, "places": "2"}
        )
    assert list(
        GatheringRegistration.objects.filter(status="registered")
        .order_by("pk")
        .values_list("volunteer__code", flat=True)
    ) == ["EA-001", "EA-002"]
    assert [m.to for m in mail.outbox] == [["ea-002@example.org"]]
    fewer = client.post(
        f"/ehrenamt/koordination/veranstaltungen/{gathering.pk}/", {**data, "places": "1"}
    )
    assert fewer.status_code == 400
    assert "weniger Plätze gehen nicht" in fewer.text
    gathering.refresh_from_db()
    assert (gathering.places, gathering.taken) == (2, 2)


@pytest.mark.django_db
def test_network_events_only_for_members(
    region: Region, town: Area, make_volunteer: MakeVolunteer
) -> None:
    network = Network.objects.create(
        region=region, municipality=town, kind=Network.Kind.MENTORS, name="Patennetzwerk"
    )
    make_gathering(region, town, network=network, title="Treffen des Patennetzwerks")
    member, outsider = make_volunteer("EA-001"), make_volunteer("EA-002")
    network.members.add(member)
    assert "Treffen des Patennetzwerks" in as_volunteer(member).get("/ehrenamt/").text
    assert "Treffen des Patennetzwerks" not in as_volunteer(outsider).get("/ehrenamt/").text


PARALLEL = 12


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_overbook(
    region: Region, town: Area, make_volunteer: MakeVolunteer
) -> None:
    gathering = make_gathering(region, town, places=3)
    people = [make_volunteer(f"EA-{i:03d}") for i in range(PARALLEL)]
    barrier = threading.Barrier(PARALLEL)
    outcomes = [""] * PARALLEL

    def attempt(index: int, person: Volunteer) -> None:
        try:
            assert person.user is not None
            barrier.wait(timeout=30)
            outcomes[index] = gatherings.register(gathering.pk, person.pk, person.user).status
        except Refused as refused:
            outcomes[index] = refused.message
        except Exception as exc:  # anything else would be a 500
            outcomes[index] = f"error: {exc!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i, p)) for i, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert outcomes.count("registered") == 3, outcomes
    assert all(o in {"registered", "waiting"} or "gleich noch einmal" in o for o in outcomes)
    gathering.refresh_from_db()
    assert gathering.taken == 3
    assert GatheringRegistration.objects.filter(status="registered").count() == 3
    waiting = GatheringRegistration.objects.filter(status="waiting").count()
    assert waiting == outcomes.count("waiting")
