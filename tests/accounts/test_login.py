"""Sign-in as a person does it: password, second factor, throttling; all through HTTP."""

import time

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import TEST_PASSWORD, MakeUser, verified_client
from wir.accounts.roles import Role

pytestmark = pytest.mark.django_db

LOGIN = "/konto/anmelden/"
CODE = "/konto/anmelden/code/"
SETUP = "/konto/zwei-faktor/"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=6):06d}"


def test_wrong_password_is_answered_in_german_and_signs_nobody_in(region, make_user: MakeUser):
    make_user("fachdienst", Role.CLERK, region)
    client = Client()
    response = client.post(LOGIN, {"username": "fachdienst", "password": "falsch"})
    assert response.status_code == 400
    assert "Benutzername oder Passwort ist falsch." in response.text
    assert "_auth_user_id" not in client.session


def test_empty_form_names_the_missing_fields(db: None) -> None:
    response = Client().post(LOGIN, {"username": "", "password": ""})
    assert response.status_code == 400
    assert response.text.count("Dieses Feld muss ausgefüllt werden.") == 2


def test_login_without_second_factor_for_roles_that_do_not_need_it(region, make_user: MakeUser):
    make_user("fachdienst", Role.CLERK, region)
    client = Client()
    response = client.post(
        LOGIN, {"username": "fachdienst", "password": TEST_PASSWORD, "next": "/testkreis/de/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/testkreis/de/"
    assert client.session["_auth_user_id"]


def test_open_redirect_through_next_is_refused(region, make_user: MakeUser) -> None:
    make_user("fachdienst", Role.CLERK, region)
    response = Client().post(
        LOGIN, {"username": "fachdienst", "password": TEST_PASSWORD, "next": "https://evil.test/"}
    )
    assert response.status_code == 302
    # Not the foreign site, but the clerk's own start page (the Sprachpool, not the
    # back office a clerk may not use).
    assert response["Location"] == "/sprachpool/"


def test_editor_without_device_must_set_up_totp_before_anything_else(region, make_user):
    make_user("redaktion", Role.EDITOR, region)
    client = Client()
    response = client.post(LOGIN, {"username": "redaktion", "password": TEST_PASSWORD})
    assert response["Location"] == SETUP
    # Every other page sends the editor back to the set-up.
    assert client.get("/admin/")["Location"] == SETUP
    page = client.get(SETUP)
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in page.text
    device = TOTPDevice.objects.get(user__username="redaktion", confirmed=False)
    wrong = client.post(
        SETUP, {"token": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 400
    assert "Der Code ist falsch oder abgelaufen." in wrong.text
    bad_format = client.post(SETUP, {"token": "12ab"})
    assert "Bitte geben Sie die sechs Ziffern des Codes ein." in bad_format.text
    # django-otp throttles after failures; a person waits a moment, the test resets it.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    device.refresh_from_db()
    done = client.post(SETUP, {"token": current_code(device)})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_password_alone_does_not_sign_in_a_user_with_a_device(region, make_user: MakeUser):
    user = make_user("koordination", Role.COORDINATION, region)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client = Client()
    response = client.post(LOGIN, {"username": "koordination", "password": TEST_PASSWORD})
    assert response["Location"] == CODE
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith(LOGIN)
    wrong = client.post(CODE, {"token": "000000" if current_code(device) != "000000" else "1"})
    assert wrong.status_code == 400
    assert "_auth_user_id" not in client.session
    # django-otp throttles after a failure: wait out the first back-off, then succeed.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    ok = client.post(CODE, {"token": current_code(device)})
    assert ok.status_code == 302
    assert ok["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_pending_login_expires(region, make_user: MakeUser, monkeypatch) -> None:
    user = make_user("koordination", Role.COORDINATION, region)
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client = Client()
    client.post(LOGIN, {"username": "koordination", "password": TEST_PASSWORD})
    later = time.time() + 301
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(CODE)["Location"] == LOGIN


def test_repeated_failures_lock_the_account_from_that_address(region, make_user, settings):
    make_user("fachdienst", Role.CLERK, region)
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "fachdienst", "password": "falsch"})
    locked = client.post(LOGIN, {"username": "fachdienst", "password": TEST_PASSWORD})
    assert locked.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in locked.text
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not affected.
    make_user("andere", Role.CLERK, region)
    assert client.post(LOGIN, {"username": "andere", "password": TEST_PASSWORD}).status_code == 302


def test_wagtail_login_form_is_not_a_way_around_the_second_factor(db: None) -> None:
    response = Client().get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/admin/pages/"


def test_logout_needs_post(region, make_user: MakeUser) -> None:
    client = verified_client(make_user("k", Role.COORDINATION, region))
    assert client.get("/konto/abmelden/").status_code == 405
    assert client.post("/konto/abmelden/").status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "path",
    ["/admin/password_reset/", "/admin/password_reset/done/", "/admin/password_reset/complete/"],
)
def test_wagtails_password_reset_is_off(region, make_user: MakeUser, path: str) -> None:
    from django.core import mail

    user = make_user("fachdienst", Role.CLERK, region)
    user.email = "fachdienst@kreis.example"
    user.save()
    client = Client()
    assert client.get(path).status_code == 404
    for _attempt in range(3):
        assert client.post(path, {"email": user.email}).status_code == 404
    assert not mail.outbox
    assert "password_reset" not in client.get(LOGIN).text
