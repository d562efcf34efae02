"""Wagtail's admin follows the roles: page permissions per region subtree."""

import pytest
from wagtail.models import Page

from tests.conftest import MakeRegion, MakeUser, verified_client
from wir.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_editor_edits_own_region_pages_only(make_region: MakeRegion, make_user: MakeUser):
    north = make_region("nordkreis")
    make_region("suedkreis")
    client = verified_client(make_user("redaktion-nord", Role.EDITOR, north))
    own = Page.objects.get(url_path="/nordkreis/ar/")
    other = Page.objects.get(url_path="/suedkreis/de/")
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    refused = client.get(f"/admin/pages/{other.pk}/edit/")
    assert refused.status_code == 404  # another region's page looks missing
    assert other.title not in refused.text


def test_clerk_and_mediator_cannot_enter_the_admin(region, make_user: MakeUser) -> None:
    for username, role in [("fachdienst", Role.CLERK), ("sprachmittlung", Role.MEDIATOR)]:
        client = verified_client(make_user(username, role, region))
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/anmelden/")


def test_translator_has_no_wagtail_page_permissions(region, make_user: MakeUser) -> None:
    # Translators write through the translation editor and the XLIFF import only.
    user = make_user("uebersetzung", Role.TRANSLATOR, region)
    page = Page.objects.get(url_path="/testkreis/ar/")
    permissions = page.permissions_for_user(user)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_add_subpage()
