"""The admin screen "Übersetzungsstand" and the translator role, through HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Page, PageLogEntry

from tests.conftest import MakeRegion, MakeUser, verified_client
from tests.translation.test_status import make_page
from wir.accounts.actions import grant_role
from wir.accounts.roles import Role
from wir.core.models import Region
from wir.portal.actions import publish
from wir.translation import legacy

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed_page(region: Region) -> Any:
    page = make_page(
        region,
        "arbeit",
        {
            "de": ("Arbeit", "<p>Einen Job finden.</p>"),
            "en": ("Work", "<p>Find a job.</p>"),
            "ar": ("عمل", "<p>ابحث عن عمل.</p>"),
        },
    )
    legacy.sync_region(region)
    page.body = "<p>Einen Job finden!</p>"
    publish(page)
    legacy.sync_region(region)
    return page


def test_matrix_shows_status_as_text_in_an_accessible_table(
    region: Region, make_user: MakeUser, changed_page: Any
) -> None:
    client = verified_client(make_user("koord", Role.COORDINATION, region))
    response = client.get("/admin/uebersetzung/stand/testkreis/")
    assert response.status_code == 200
    html = response.text
    assert '<th scope="col">' in html
    assert '<th scope="row">Arbeit</th>' in html
    assert "veraltet" in html
    cell_url = f"/admin/uebersetzung/stand/testkreis/page/{changed_page.pk}/en/"
    assert cell_url in html
    detail = client.get(cell_url)
    assert detail.status_code == 200
    assert "[gestrichen: </span>finden.<span" in detail.text
    assert "[eingefügt: </span>finden!<span" in detail.text
    assert "Find a job." in detail.text
    assert "Kleine Änderung – keine neue Übersetzung nötig" in detail.text


def test_minor_change_is_a_logged_post(
    region: Region, make_user: MakeUser, changed_page: Any
) -> None:
    client = verified_client(make_user("koord", Role.COORDINATION, region))
    url = f"/admin/uebersetzung/stand/testkreis/page/{changed_page.pk}/en/"
    response = client.post(url)
    assert response.status_code == 302
    assert PageLogEntry.objects.filter(
        page=changed_page, action="wir.translation_minor_change"
    ).exists()
    filtered = client.get("/admin/uebersetzung/stand/testkreis/?language=en&status=outdated")
    assert filtered.status_code == 200
    assert '<th scope="row">Arbeit</th>' not in filtered.text
    still = client.get("/admin/uebersetzung/stand/testkreis/?language=ar&status=outdated")
    assert '<th scope="row">Arbeit</th>' in still.text


def test_bad_input_is_a_message_or_not_found(
    make_region: MakeRegion, region: Region, make_user: MakeUser, changed_page: Any
) -> None:
    client = verified_client(make_user("koord", Role.COORDINATION, region))
    bad = client.get("/admin/uebersetzung/stand/testkreis/?language=xx&status=kaputt&section=1")
    assert bad.status_code == 400
    assert "Unbekannter Filterwert" in bad.text
    other = make_region("anderkreis")
    foreign = Page.objects.get(url_path="/anderkreis/de/")
    base = "/admin/uebersetzung/stand"
    for url in [
        f"{base}/anderkreis/",
        f"{base}/testkreis/page/{foreign.pk}/en/",
        f"{base}/testkreis/page/{changed_page.pk}/xx/",
        f"{base}/testkreis/page/{changed_page.pk}/de/",
        f"{base}/testkreis/teapot/1/en/",
        f"{base}/testkreis/offer/999999/en/",
    ]:
        assert client.get(url).status_code == 404, url
    assert other.slug == "anderkreis"


def test_translator_sees_and_edits_only_assigned_languages(
    region: Region, make_user: MakeUser, changed_page: Any
) -> None:
    user = make_user("uebersetzung")
    grant_role(None, user, region, Role.TRANSLATOR, languages=["ar"])
    client = verified_client(user)
    matrix = client.get("/admin/uebersetzung/stand/testkreis/")
    assert matrix.status_code == 200
    assert '<abbr title="Arabisch">ar</abbr>' in matrix.text
    assert '<abbr title="Englisch">en</abbr>' not in matrix.text
    base = f"/admin/uebersetzung/stand/testkreis/page/{changed_page.pk}"
    assert client.get(f"{base}/en/").status_code == 404
    assert client.post(f"{base}/en/").status_code == 404
    assert client.get(f"{base}/ar/").status_code == 200
    arabic = Page.objects.get(url_path="/testkreis/ar/arbeit/")
    english = Page.objects.get(url_path="/testkreis/en/arbeit/")
    # The page editor is not theirs, in any language: they translate in the editor above.
    for page in (arabic, english, changed_page):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 404
    english_title = english.title
    client.post(f"/admin/pages/{english.pk}/edit/", {"title": "Hacked", "slug": "arbeit"})
    english.refresh_from_db()
    assert english.title == english_title


def test_coordination_assigns_translation_languages_in_the_role_admin(
    region: Region, make_user: MakeUser
) -> None:
    from wir.accounts.models import Membership
    from wir.core.models import Language

    client = verified_client(make_user("koord", Role.COORDINATION, region))
    colleague = make_user("kollege")
    roles = "/admin/snippets/accounts/membership/add/"
    form = client.get(roles)
    assert 'name="languages"' in form.text
    arabic = Language.objects.get(code="ar")
    turkish = Language.objects.get(code="tr")  # not enabled in the test region
    refused = client.post(
        roles,
        {
            "region": region.pk,
            "username": "kollege",
            "role": "translator",
            "languages": [turkish.pk],
        },
    )
    assert refused.status_code == 200
    assert not Membership.objects.filter(user=colleague).exists()
    granted = client.post(
        roles,
        {
            "region": region.pk,
            "username": "kollege",
            "role": "translator",
            "languages": [arabic.pk],
        },
    )
    assert granted.status_code == 302
    membership = Membership.objects.get(user=colleague)
    assert membership.language_codes == "ar"
    matrix = verified_client(colleague).get("/admin/uebersetzung/stand/testkreis/")
    assert '<option value="ar"' in matrix.text
    assert '<option value="en"' not in matrix.text


def test_matrix_is_paginated(region: Region, make_user: MakeUser, monkeypatch: Any) -> None:
    from wir.translation.status import views as status_views

    monkeypatch.setattr(status_views, "ROWS_PER_PAGE", 1)
    make_page(region, "eins", {"de": ("Eins", "<p>1</p>")})
    make_page(region, "zwei", {"de": ("Zwei", "<p>2</p>")})
    client = verified_client(make_user("koord", Role.COORDINATION, region))
    first = client.get("/admin/uebersetzung/stand/testkreis/?language=en")
    assert "Seite 1 von 2" in first.text
    assert '<th scope="row">Eins</th>' in first.text
    assert "?language=en&amp;p=2" in first.text
    second = client.get("/admin/uebersetzung/stand/testkreis/?language=en&p=kaputt")
    assert second.status_code == 200


def test_cells_lead_to_the_editor_and_a_selection_to_an_xliff_file(
    region: Region, make_user: MakeUser, changed_page: Any
) -> None:
    client = verified_client(make_user("koord", Role.COORDINATION, region))
    html = client.get("/admin/uebersetzung/stand/testkreis/").text
    editor = f"/admin/uebersetzung/bearbeiten/testkreis/page/{changed_page.pk}/en/"
    assert editor in html
    assert f'name="item" value="page:{changed_page.pk}"' in html
    chosen = client.post(
        "/admin/uebersetzung/xliff/",
        {
            "export": "1",
            "region": region.pk,
            "scope": "pages",
            "language": "en",
            "version": "1.2",
            "item": [f"page:{changed_page.pk}"],
        },
    )
    assert chosen.status_code == 200
    assert chosen["Content-Type"] == "application/xliff+xml"
    assert b"Einen Job finden!" in chosen.content
    nothing = client.post(
        "/admin/uebersetzung/xliff/",
        {"export": "1", "region": region.pk, "scope": "pages", "language": "en", "version": "1.2"},
    )
    assert nothing["Content-Type"].startswith("text/html")
    assert "mindestens eine Seite oder einen Inhalt" in nothing.text
