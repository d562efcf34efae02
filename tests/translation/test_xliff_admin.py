"""The XLIFF exchange screen and the glossary admin through HTTP, with permission checks."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale, Page

from tests.conftest import verified_client
from tests.translation.test_xliff import BODY, fill, translations
from wir.accounts.roles import Role
from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation import segments
from wir.translation.models import GlossaryTerm, PendingTranslation
from wir.translation.xliff import export

pytestmark = pytest.mark.django_db

URL = "/admin/uebersetzung/xliff/"
GLOSSARY = "/admin/snippets/translation/glossaryterm/"


@pytest.fixture
def original(region: Any) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Anmelden", slug="anmelden", intro="Kurz", body=BODY)
    home.add_child(instance=page)
    publish(page)
    child = ContentPage(title="Unterseite", slug="unterseite", intro="Mehr")
    page.add_child(instance=child)
    publish(child)
    return page


@pytest.fixture
def translator(region: Any, make_user: Any) -> Any:
    from wir.accounts.actions import grant_role

    user = make_user("uebersetzung")
    grant_role(None, user, region, Role.TRANSLATOR, languages=["ar"])
    return user


def test_translator_may_not_exchange_other_languages(region: Any, translator: Any) -> None:
    from wir.translation.xliff import export

    assert export.may_exchange(translator, region, "ar")
    assert not export.may_exchange(translator, region, "fa")
    assert not export.may_exchange(translator, region, "de")


def download(client: Any, region: Any, page: Any, **extra: str) -> Any:
    data = {"export": "1", "region": region.pk, "language": "ar", "scope": "subtree"}
    data |= {"pages": str(page.pk), "version": "2.0", **extra}
    return client.post(URL, data)


def upload(client: Any, region: Any, content: bytes, **extra: Any) -> Any:
    data = {"import": "1", "region": region.pk, "language": "ar", **extra}
    data["file"] = SimpleUploadedFile("ar.xlf", content, content_type="application/xml")
    return client.post(URL, data)


def test_translator_downloads_and_uploads(
    original: ContentPage,
    region: Any,
    translator: Any,
    make_user: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from wir.accounts.actions import grant_role

    client = verified_client(translator)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Übersetzungen austauschen (XLIFF)" in page.text
    response = download(client, region, original)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xliff+xml"
    assert 'attachment; filename="testkreis-ar-' in response["Content-Disposition"]
    assert b"Unterseite" in response.content  # the subtree
    with django_capture_on_commit_callbacks(execute=True):
        result = upload(client, region, fill(response.content, "2.0", translations("2.0")))
    assert result.status_code == 200, result.text
    assert "Segmente importiert" in result.text
    # A translator may not publish: the texts wait for an editor, nothing is public yet.
    assert "veröffentlichen darf die Redaktion" in result.text
    arabic = Locale.objects.get(language_code="ar")
    assert original.get_translation_or_none(arabic) is None
    assert PendingTranslation.objects.filter(translation_key=original.translation_key).exists()
    editor = make_user("redaktion")
    grant_role(None, editor, region, Role.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        again = upload(
            verified_client(editor), region, fill(response.content, "2.0", translations("2.0"))
        )
    assert again.status_code == 200, again.text
    target = original.get_translation(arabic)
    assert '<a href="https://example.org/amt">' in target.body
    assert target.live
    assert not PendingTranslation.objects.filter(translation_key=original.translation_key).exists()


def test_bad_uploads_get_a_clear_message(
    original: ContentPage, region: Any, translator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = verified_client(translator)
    response = upload(client, region, b"\x00\x01 kein XML")
    assert response.status_code == 400
    assert "kein lesbares XML" in response.text
    assert "Nichts wurde importiert" in response.text
    monkeypatch.setattr(export, "MAX_BYTES", 100)
    response = upload(client, region, b"<xliff>" + b" " * 200 + b"</xliff>")
    assert response.status_code == 200
    assert "zu groß" in response.text
    arabic = Locale.objects.get(language_code="ar")
    assert all(u.target is None for u in segments.units(segments.register(original), arabic))


def test_people_without_rights_get_nothing(
    original: ContentPage, region: Any, make_user: Any, make_region: Any
) -> None:
    clerk = make_user("fachdienst", Role.CLERK, region)
    assert verified_client(clerk).get(URL).status_code in (302, 403)
    other = make_region("anderswo")
    foreign = make_user("fremd", Role.TRANSLATOR, other)
    client = verified_client(foreign)
    assert client.get(URL).status_code == 200
    response = download(client, region, original)  # a region that is not theirs
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Auswahl gültig" in response.text or "gültige Auswahl" in response.text
    data, _count = export.export([original], "ar", "1.2")
    response = upload(client, region, fill(data, "1.2", translations("1.2")))
    assert "Segmente importiert" not in response.text
    arabic = Locale.objects.get(language_code="ar")
    assert original.get_translation_or_none(arabic) is None


def test_glossary_admin_is_region_scoped(
    region: Any, make_region: Any, make_user: Any, translator: Any
) -> None:
    other = make_region("anderswo")
    GlossaryTerm.objects.create(
        region=region, term="Jobcenter", language_code="ar", do_not_translate=True
    )
    GlossaryTerm.objects.create(region=other, term="Fremdamt", language_code="ar", translation="x")
    editor = make_user("redaktion", Role.EDITOR, region)
    listing = verified_client(editor).get(GLOSSARY)
    assert listing.status_code == 200
    assert "Jobcenter" in listing.text
    assert "Fremdamt" not in listing.text
    foreign = GlossaryTerm.objects.get(term="Fremdamt")
    assert verified_client(editor).get(f"{GLOSSARY}edit/{foreign.pk}/").status_code in (403, 404)
    assert verified_client(translator).get(GLOSSARY).status_code in (302, 403)


def test_page_listing_offers_the_export(
    original: ContentPage, region: Any, translator: Any, make_user: Any, make_region: Any
) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    # The page tree is the editors' (translators work from the status matrix).
    editor = make_user("redaktion-xliff", Role.EDITOR, region)
    listing = verified_client(editor).get(f"/admin/pages/{home.pk}/")
    assert listing.status_code == 200
    assert f"{URL}?page={original.pk}&amp;subtree=1" in listing.text
    form = verified_client(translator).get(f"{URL}?page={original.pk}&subtree=1")
    assert f'value="{original.pk}"' in form.text
