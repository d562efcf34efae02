"""Responsible organisations of content pages (e.g. imported from Integreat): region-scoped
in the page editor and in their own admin list."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from tests.conftest import MakeRegion, MakeUser, verified_client
from wir.accounts.roles import Role
from wir.core.models import Region
from wir.portal.models import ContentPage, PageOrganisation

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/portal/pageorganisation/"


def test_editor_chooses_and_lists_only_the_organisations_of_their_region(
    region: Region, make_region: MakeRegion, make_user: MakeUser
) -> None:
    neighbour = make_region("nachbarkreis", ("de",))
    mine = PageOrganisation.objects.create(region=region, name="Caritas Testkreis", slug="c")
    PageOrganisation.objects.create(region=neighbour, name="Diakonie Nachbar", slug="d")
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Thema", slug="thema")
    home.add_child(instance=page)
    user = make_user("redaktion", Role.EDITOR, region)

    form_class = ContentPage.get_edit_handler().get_form_class()
    for form in (
        form_class(instance=page, for_user=user),
        form_class(instance=ContentPage(), parent_page=home, for_user=user),
    ):
        assert list(form.fields["organisation"].queryset) == [mine]

    editor = verified_client(user)
    assert "Verantwortliche Organisation" in editor.get(f"/admin/pages/{page.pk}/edit/").text
    listing = editor.get(LIST)
    assert listing.status_code == 200
    assert "Caritas Testkreis" in listing.text
    assert "Diakonie Nachbar" not in listing.text
