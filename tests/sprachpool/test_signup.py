"""Mediators sign up themselves; coordination activates them later."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from wir.accounts.models import Membership, User
from wir.core.models import Language
from wir.privacy.consent import current
from wir.sprachpool.models import Mediator
from wir.sprachpool.privacy import CONSENT_TEXT, CONSENT_VERSION, PURPOSE

URL = "/sprachpool/mitmachen/testkreis/"


@pytest.fixture
def pool_region(region):
    region.sprachpool_enabled = True
    region.save()
    cache.clear()
    return region


def data(towns, **changes) -> dict[str, object]:
    values: dict[str, object] = {
        "username": "neu.sm",
        "email": "neu.sm@pool.example",
        "password": "Sprachen-verbinden-2027",
        "language_1": str(Language.objects.get(code="ti").pk),
        "level_1": "native",
        "dialects_1": "",
        "language_2": str(Language.objects.get(code="ar").pk),
        "level_2": "B2",
        "german_level": "B1",
        "modes": ["on_site", "phone"],
        "home_area": str(towns["Nidda"].pk),
        "max_travel_km": "30",
        "availability": ["0-vm", "3-nm"],
        "areas": [str(towns["Nidda"].pk), str(towns["Büdingen"].pk)],
        "gender": "",
        "consent": "on",
    }
    values.update(changes)
    return values


def test_a_mediator_signs_up_with_consent(pool_region, towns) -> None:
    client = Client()
    assert "Verschwiegenheitserklärung" in client.get(URL).text
    page = client.post(URL, data(towns))
    assert page.status_code == 201
    mediator = Mediator.objects.get()
    assert mediator.code in page.text
    assert mediator.code == "SM-001"
    assert mediator.status == Mediator.Status.APPLIED  # coordination activates
    consent = current(mediator.user, PURPOSE, pool_region)
    assert consent is not None
    assert consent.text.version == CONSENT_VERSION
    assert consent.text.text == str(CONSENT_TEXT)  # the exact wording agreed to
    assert mediator.modes == frozenset({"on_site", "phone"})
    assert sorted(s.language.code for s in mediator.languages.all()) == ["ar", "ti"]
    assert [(a.weekday, a.start.hour) for a in mediator.availability.all()] == [(0, 8), (3, 12)]
    assert sorted(area.name for area in mediator.areas.all()) == ["Büdingen", "Nidda"]
    user = User.objects.get(username="neu.sm")
    assert user.check_password("Sprachen-verbinden-2027")
    assert Membership.objects.get(user=user).role == "mediator"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": ""}, "Ohne Einwilligung können wir Ihnen keine Einsätze anbieten."),
        ({"username": "A B"}, "3 bis 40 Zeichen"),
        ({"email": "kein-mail"}, "Bitte geben Sie eine gültige E-Mail-Adresse an."),
        ({"password": "123"}, "Dieses Passwort ist zu kurz"),
        ({"language_1": ""}, "Bitte geben Sie mindestens eine Sprache an."),
        ({"language_2": "999999"}, "Bitte wählen Sie eine Sprache aus der Liste."),
        ({"modes": []}, "Bitte wählen Sie mindestens eine Einsatzart."),
        ({"home_area": "x"}, "Bitte wählen Sie einen Ort aus der Liste."),
        ({"max_travel_km": "-4"}, "Bitte eine Zahl von 0 bis 200 angeben."),
        ({"max_travel_km": "weit"}, "Bitte eine Zahl von 0 bis 200 angeben."),
        ({"availability": ["9-xx"]}, "Bitte wählen Sie Zeiten aus der Liste."),
        ({"modes": ["brieftaube"]}, "Bitte wählen Sie Einsatzarten aus der Liste."),
        ({"areas": ["999999"]}, "Bitte wählen Sie Orte aus der Liste."),
    ],
)
def test_bad_sign_ups_change_nothing(pool_region, towns, changes, message) -> None:
    page = Client().post(URL, data(towns, **changes))
    assert page.status_code == 200
    assert message in page.text
    assert not Mediator.objects.exists()
    assert not User.objects.filter(username="neu.sm").exists()


def test_taken_names_same_language_twice_and_closed_regions(
    pool_region, towns, make_user, make_region
) -> None:
    make_user("neu.sm")
    page = Client().post(URL, data(towns))
    assert "Dieser Benutzername ist schon vergeben." in page.text
    same = data(towns, username="zwei", language_2=data(towns)["language_1"])
    assert "Diese Sprache steht schon oben." in Client().post(URL, same).text
    make_region("ohnepool")
    assert Client().get("/sprachpool/mitmachen/ohnepool/").status_code == 404
    assert Client().get("/sprachpool/mitmachen/gibtsnicht/").status_code == 404
    assert not Mediator.objects.exists()


def test_sign_ups_are_rate_limited(pool_region, towns) -> None:
    client = Client()
    for number in range(5):
        client.post(URL, data(towns, username=f"sm{number}x", email=f"sm{number}@pool.example"))
    assert Mediator.objects.count() == 5
    page = client.post(URL, data(towns, username="sm-sechs"))
    assert page.status_code == 429
    assert "Zu viele Anmeldungen" in page.text
    assert Mediator.objects.count() == 5
