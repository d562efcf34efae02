"""Back-office screens for regions, areas and roles ask the permission module."""

from decimal import Decimal

import pytest

from tests.conftest import MakeRegion, MakeUser, verified_client
from wir.accounts.models import Membership
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area
from wir.volunteers.models import Network

pytestmark = pytest.mark.django_db

AREAS = "/admin/snippets/core/area/"
ROLES = "/admin/snippets/accounts/membership/"
REGIONS = "/admin/snippets/core/region/"


@pytest.fixture
def two_regions(make_region: MakeRegion, make_user: MakeUser):
    north = make_region("nordkreis")
    south = make_region("suedkreis")
    north_town = add_area(
        north, "Butzbach", Area.Kind.MUNICIPALITY, Decimal("50.43"), Decimal("8.67")
    )
    south_town = add_area(south, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.42"), Decimal("9.2"))
    coordinator = make_user("koordination-nord", Role.COORDINATION, north)
    return north, south, north_town, south_town, coordinator


def test_area_list_shows_only_the_own_region(two_regions) -> None:
    _north, _south, _north_town, _south_town, coordinator = two_regions
    response = verified_client(coordinator).get(AREAS)
    assert response.status_code == 200
    assert "Butzbach" in response.text
    assert "Gedern" not in response.text


def test_area_of_another_region_is_not_found(two_regions) -> None:
    _north, _south, _north_town, south_town, coordinator = two_regions
    client = verified_client(coordinator)
    assert client.get(f"{AREAS}edit/{south_town.pk}/").status_code == 404
    assert client.post(f"{AREAS}delete/{south_town.pk}/").status_code == 404
    assert Area.objects.filter(pk=south_town.pk).exists()


def test_area_cannot_be_created_in_another_region(two_regions) -> None:
    north, south, north_town, _south_town, coordinator = two_regions
    client = verified_client(coordinator)
    base = {
        "kind": "district",
        "name": "Griedel",
        "slug": "griedel",
        "official_key": "",
        "latitude": "50.42",
        "longitude": "8.68",
    }
    refused = client.post(f"{AREAS}add/", {**base, "region": south.pk, "parent": north_town.pk})
    assert refused.status_code == 200  # the form again, with the error
    assert "Bitte eine gültige Auswahl treffen" in refused.text
    assert not Area.objects.filter(name="Griedel").exists()
    created = client.post(f"{AREAS}add/", {**base, "region": north.pk, "parent": north_town.pk})
    assert created.status_code == 302
    assert Area.objects.get(name="Griedel").parent == north_town


def test_coordination_grants_a_role_by_username(two_regions, make_user: MakeUser) -> None:
    north, south, _n, _s, coordinator = two_regions
    colleague = make_user("kollegin")
    client = verified_client(coordinator)
    unknown = client.post(
        f"{ROLES}add/", {"region": north.pk, "username": "niemand", "role": "editor"}
    )
    assert "Es gibt kein aktives Konto mit diesem Benutzernamen." in unknown.text
    foreign = client.post(
        f"{ROLES}add/", {"region": south.pk, "username": "kollegin", "role": "editor"}
    )
    assert "Bitte eine gültige Auswahl treffen" in foreign.text
    assert not Membership.objects.filter(user=colleague).exists()
    granted = client.post(
        f"{ROLES}add/", {"region": north.pk, "username": "kollegin", "role": "editor"}
    )
    assert granted.status_code == 302
    assert colleague.groups.filter(name="wir:nordkreis:editor").exists()
    twice = client.post(
        f"{ROLES}add/", {"region": north.pk, "username": "kollegin", "role": "editor"}
    )
    assert "Dieses Konto hat diese Rolle in der Region schon." in twice.text
    assert Membership.objects.filter(user=colleague).count() == 1


def test_revoking_a_role_removes_the_wagtail_group(two_regions, make_user: MakeUser) -> None:
    north, _south, _n, _s, coordinator = two_regions
    colleague = make_user("kollegin", Role.EDITOR, north)
    membership = Membership.objects.get(user=colleague)
    response = verified_client(coordinator).post(f"{ROLES}delete/{membership.pk}/")
    assert response.status_code == 302
    assert not Membership.objects.filter(user=colleague).exists()
    assert not colleague.groups.exists()


def test_editors_cannot_manage_roles_or_regions(two_regions, make_user: MakeUser) -> None:
    north, *_rest = two_regions
    client = verified_client(make_user("redaktion", Role.EDITOR, north))
    assert client.get(ROLES).status_code in (302, 403)
    assert client.get(f"{REGIONS}edit/{north.pk}/").status_code in (302, 403, 404)


def test_coordination_edits_its_region_but_cannot_create_regions(two_regions) -> None:
    north, south, _n, _s, coordinator = two_regions
    client = verified_client(coordinator)
    assert client.get(f"{REGIONS}edit/{north.pk}/").status_code == 200
    assert client.get(f"{REGIONS}edit/{south.pk}/").status_code == 404
    assert client.get(f"{REGIONS}add/").status_code in (302, 403)


def test_an_area_still_in_use_is_not_deleted_but_told_why(two_regions) -> None:
    """Found by the hostile-input corpus: deleting an area that a volunteer network still
    names (protected foreign key) was a 500; now a German message, and nothing changes."""
    north, _south, north_town, _south_town, coordinator = two_regions
    Network.objects.create(
        region=north, municipality=north_town, kind=Network.Kind.HELPERS, name="Helferkreis"
    )
    client = verified_client(coordinator)
    response = client.post(f"{AREAS}delete/{north_town.pk}/", follow=True)
    assert response.status_code == 200
    assert "„Butzbach“ kann nicht gelöscht werden" in response.text
    assert "Netzwerke" in response.text
    assert Area.objects.filter(pk=north_town.pk).exists()
