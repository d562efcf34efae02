"""After signing in, every demo role lands on a page that is theirs (never back on the
sign-in form): the back office, the translation status, the Sprachpool, or a page that
says the role's area is being set up."""

import re

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.test_login import CODE, LOGIN, current_code
from tests.conftest import TEST_PASSWORD, MakeUser
from wir.accounts.landing import url_of
from wir.accounts.roles import TWO_FACTOR_ROLES
from wir.demo.builder import DEMO_ACCOUNTS

pytestmark = pytest.mark.django_db

PENDING = "Ihr Bereich wird gerade eingerichtet"
EXPECTED = {
    "koordination": "/admin/",
    "redaktion": "/admin/",
    "beobachtung": "/admin/",
    "uebersetzung": "Übersetzungsstand",
    "fachdienst": "Sprachpool",
    "sprachmittlung": "Sprachpool",
    # A volunteer role without a profile yet: the coordination is setting it up.
    "ehrenamt": PENDING,
    "partner": "/netzwerk/",
}


def sign_in(username: str) -> tuple[Client, object]:
    client = Client()
    answer = client.post(LOGIN, {"username": username, "password": TEST_PASSWORD})
    assert answer.status_code == 302, username
    if answer["Location"] == CODE:
        device = TOTPDevice.objects.get(user__username=username)
        answer = client.post(CODE, {"token": current_code(device)})
        assert answer.status_code == 302, username
    return client, client.get(answer["Location"], follow=True)


def title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else ""


def heading(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", found.group(1)).strip() if found else ""


@pytest.mark.parametrize("username", list(DEMO_ACCOUNTS))
def test_every_demo_role_lands_on_its_own_page(region, make_user: MakeUser, username) -> None:
    role, _description = DEMO_ACCOUNTS[username]
    user = make_user(username, role, region)
    if role in TWO_FACTOR_ROLES:
        TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    _client, page = sign_in(username)
    assert page.status_code == 200, username
    final = page.redirect_chain[-1][0] if page.redirect_chain else ""
    assert not final.startswith(LOGIN), f"{username} was sent back to the sign-in form"
    expected = EXPECTED[username]
    if expected == PENDING:
        assert heading(page.text) == PENDING
        assert "Abmelden" in page.text
    elif expected == "/netzwerk/":
        assert page.request["PATH_INFO"].startswith(expected), username
    elif expected.startswith("/"):
        assert page.request["PATH_INFO"] == expected, username
        assert 'id="main"' in page.text or "<main" in page.text
    else:
        # The page's title names it (Wagtail's header draws its heading apart from the text).
        assert title(page.text).startswith(expected), (username, title(page.text))


def test_partner_is_pointed_to_the_sprachpool_while_waiting(region, make_user: MakeUser) -> None:
    make_user("partner", "partner", region)
    client, page = sign_in("partner")
    if url_of("network:home") is None:
        assert 'href="/sprachpool/"' in page.text
        assert client.get("/sprachpool/").status_code == 200


def test_a_user_without_a_role_is_told_so(db: None, make_user: MakeUser) -> None:
    make_user("ohne-rolle")
    _client, page = sign_in("ohne-rolle")
    assert heading(page.text) == PENDING
    assert "noch keine Rolle zugeordnet" in page.text


def test_the_waiting_page_needs_a_sign_in(db: None) -> None:
    answer = Client().get("/konto/bereich/")
    assert answer.status_code == 302
    assert answer["Location"].startswith(LOGIN)
