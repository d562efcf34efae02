"""A network's own coordinator sees other people's data only with a second factor, as the
coordination back office does."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import TEST_PASSWORD, verified_client
from tests.volunteers.conftest import MakeVolunteer
from wir.core.models import Area, Region
from wir.privacy.models import AuditEvent
from wir.volunteers.models import Network

pytestmark = pytest.mark.django_db
SETUP = "/konto/zwei-faktor/"


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=6):06d}"


@pytest.fixture
def network(region: Region, town: Area, make_volunteer: MakeVolunteer) -> Network:
    network = Network.objects.create(
        region=region, municipality=town, kind=Network.Kind.HELPERS, name="Helferkreis Friedberg"
    )
    network.members.add(make_volunteer("EA-002"))
    lead = make_volunteer("EA-001")
    assert lead.user is not None
    network.coordinators.add(lead.user)
    return network


def test_without_a_second_factor_the_page_sends_to_setting_one_up(network: Network) -> None:
    lead = network.coordinators.get()
    client = Client()
    client.force_login(lead)
    url = f"/ehrenamt/netzwerk/{network.pk}/"
    answer = client.get(url)
    assert answer.status_code == 302
    assert answer["Location"] == f"{SETUP}?next={quote(url, safe='')}"
    assert not AuditEvent.objects.filter(record_type="volunteers.volunteer").exists()
    # The set-up page carries the way back; a correct code leads to the members.
    setup = client.get(answer["Location"])
    assert f'name="next" value="{url}"' in setup.text
    device = TOTPDevice.objects.get(user=lead, confirmed=False)
    done = client.post(SETUP, {"token": code(device), "next": url})
    assert done["Location"] == url
    page = client.get(url)
    assert page.status_code == 200
    assert "EA-002" in page.text
    # Their own volunteer page needs no code (it shows only their own data).
    assert Client().get("/ehrenamt/").status_code == 302  # anonymous: to the login
    assert client.get("/ehrenamt/").status_code == 200


def test_with_a_device_but_an_old_session_sign_in_again_with_the_code(network: Network) -> None:
    lead = network.coordinators.get()
    device = TOTPDevice.objects.create(user=lead, name="App", confirmed=True)
    client = Client()
    client.force_login(lead)
    url = f"/ehrenamt/netzwerk/{network.pk}/"
    to_setup = client.get(url)["Location"]
    to_login = client.get(to_setup)["Location"]
    assert to_login == f"/konto/anmelden/?next={quote(url, safe='')}"
    assert "_auth_user_id" not in client.session
    client.post(to_login, {"username": lead.username, "password": TEST_PASSWORD, "next": url})
    assert client.post("/konto/anmelden/code/", {"token": code(device)})["Location"] == url
    assert "EA-002" in client.get(url).text


def test_verified_coordinator_sees_members_and_others_still_see_nothing(
    network: Network, make_volunteer: MakeVolunteer
) -> None:
    url = f"/ehrenamt/netzwerk/{network.pk}/"
    assert "Ehrenamt EA-002" in verified_client(network.coordinators.get()).get(url).text
    # Not a coordinator of it: "not found", not an invitation to set up a code.
    outsider = make_volunteer("EA-003")
    assert outsider.user is not None
    client = Client()
    client.force_login(outsider.user)
    assert client.get(url).status_code == 404
    assert verified_client(outsider.user).get(url).status_code == 404
