"""Public sign-up with double opt-in; coordination welcomes; the volunteer lands on their page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client

from wir.accounts.models import Membership, User
from wir.core.models import Area, Language, Region
from wir.privacy.models import Consent
from wir.volunteers.models import Volunteer

pytestmark = pytest.mark.django_db
URL = "/ehrenamt/testkreis/mitmachen/"
PASSWORD = "Ehrenamt-verbindet-2027"


def data(town: Area, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "name": "Ehrenamt 017",
        "email": "ea017@example.org",
        "username": "ea017",
        "password": PASSWORD,
        "municipality": str(town.pk),
        "languages": [str(Language.objects.get(code="ar").pk)],
        "interests": ["language", "homework"],
        "skills": ["car"],
        "availability": ["0-am", "2-ev"],
        "works_with_minors": "on",
        "consent": "on",
    }
    values.update(changes)
    return values


def confirm_link() -> str:
    found = re.search(r"https?://[^/\s]+(/ehrenamt/bestaetigen/[^/\s]+/)", mail.outbox[-1].body)
    assert found is not None, mail.outbox[-1].body
    return found.group(1)


def test_sign_up_confirm_welcome_and_land_on_the_page(
    region: Region, town: Area, coordinator: User, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    assert "Ehrenamtlich mitmachen" in client.get(URL).text
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(URL, data(town))
    assert page.status_code == 201
    volunteer = Volunteer.objects.get()
    assert volunteer.status == Volunteer.Status.UNCONFIRMED
    assert volunteer.code == "EA-001"
    assert volunteer.interests == ["homework", "language"]
    assert volunteer.skills == ["car"]
    assert volunteer.availability == ["0-am", "2-ev"]
    assert volunteer.user is not None
    assert not volunteer.user.is_active
    assert Consent.objects.get(user=volunteer.user).text.version == "2026-12"
    # The link itself changes nothing (mail scanners follow links); the button confirms.
    link = confirm_link()
    assert client.get(link).status_code == 200
    assert Volunteer.objects.get().status == Volunteer.Status.UNCONFIRMED
    assert client.post(link).status_code == 200
    volunteer.refresh_from_db()
    assert volunteer.status == Volunteer.Status.REGISTERED
    assert Membership.objects.filter(user=volunteer.user, role="volunteer").exists()
    assert client.post(link).status_code == 404  # used once
    # Signing in lands on the volunteer's page, which says they wait for the welcome.
    signin = client.post("/konto/anmelden/", {"username": "ea017", "password": PASSWORD})
    assert signin.status_code == 302
    assert signin["Location"] == "/ehrenamt/"
    assert "begrüßt Sie bald" in client.get("/ehrenamt/").text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": ""}, "Ohne Einwilligung"),
        ({"email": "kein-mail"}, "gültige E-Mail"),
        ({"interests": []}, "mindestens einen Bereich"),
        ({"interests": ["piano"]}, "Bereiche aus der Liste"),
        ({"availability": ["9-am"]}, "Zeiten aus der Liste"),
        ({"languages": ["999999"]}, "Sprachen aus der Liste"),
        ({"municipality": "abc"}, "Ort aus der Liste"),
        ({"username": "A B"}, "kleine Buchstaben"),
        ({"password": "kurz"}, "Passwort"),
        ({"phone": "<script>"}, "nur Ziffern"),
    ],
)
def test_bad_input_is_answered_and_nothing_saved(
    region: Region, town: Area, changes: dict[str, object], message: str
) -> None:
    page = Client().post(URL, data(town, **changes))
    assert page.status_code == 400
    assert message in page.text
    assert not Volunteer.objects.exists()
    assert not User.objects.filter(username="ea017").exists()


def test_municipality_of_another_region_is_refused(
    region: Region, town: Area, make_region: Any
) -> None:
    other = make_region("anderswo")
    foreign = Area.objects.create(
        region=other,
        kind="municipality",
        name="Fremdort",
        slug="fremdort",
        latitude=50,
        longitude=9,
    )
    page = Client().post(URL, data(town, municipality=str(foreign.pk)))
    assert page.status_code == 400
    assert not Volunteer.objects.exists()


def test_taken_username(region: Region, town: Area, make_user: Any) -> None:
    make_user("ea017")
    page = Client().post(URL, data(town))
    assert "schon vergeben" in page.text


def test_rate_limited(region: Region, town: Area, settings: Any) -> None:
    caches["limits"].clear()
    client = Client()
    statuses = [client.post(URL, {"name": ""}).status_code for _ in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429


def test_unknown_region_and_link() -> None:
    assert Client().get("/ehrenamt/nirgendwo/mitmachen/").status_code == 404
    assert Client().get("/ehrenamt/bestaetigen/erfunden/").status_code == 404
    assert Client().post("/ehrenamt/bestaetigen/erfunden/").status_code == 404


def test_arabic_page_is_right_to_left(region: Region, town: Area) -> None:
    page = Client().get(URL + "?lang=ar")
    assert 'dir="rtl"' in page.text
    assert 'lang="ar"' in page.text


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Volunteer with us"),
        ("ar", "شارك كمتطوع"),
        ("fa", "داوطلب شوید"),
        ("uk", "Долучитися як волонтер"),
        ("tr", "Gönüllü olarak katılın"),
    ],
)
def test_the_join_page_in_every_portal_language(make_region: Any, lang: str, heading: str) -> None:
    make_region("vielkreis", ("de", "en", "ar", "fa", "uk", "tr"))
    page = Client().get(f"/ehrenamt/vielkreis/mitmachen/?lang={lang}")
    assert page.status_code == 200
    assert heading in page.text
    assert "Ehrenamtlich mitmachen" not in page.text
