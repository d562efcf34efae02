"""The translation editor in the browser's admin: texts of one page or snippet into one
language, with the same checks as an XLIFF import, all or nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry
from wagtail_localize.models import StringTranslation

from tests.conftest import verified_client
from tests.translation.xliff_files import BODY
from wir.accounts.actions import grant_role
from wir.accounts.roles import Role
from wir.core.models import Area
from wir.portal.actions import publish
from wir.portal.models import Contact, ContentPage, Offer
from wir.translation import segments
from wir.translation.editor.actions import EDITED_ACTION
from wir.translation.models import GlossaryTerm, MachineTranslation, PendingTranslation
from wir.translation.xliff import export

pytestmark = pytest.mark.django_db


@pytest.fixture
def original(region: Any) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Anmelden", slug="anmelden", intro="Kurz", body=BODY)
    home.add_child(instance=page)
    publish(page)
    return page


def url(obj: Any, kind: str = "page", language: str = "ar") -> str:
    return f"/admin/uebersetzung/bearbeiten/testkreis/{kind}/{obj.pk}/{language}/"


def arabic() -> Locale:
    return Locale.objects.get(language_code="ar")


def units_of(obj: Any) -> list[segments.Unit]:
    return [u for u in segments.units(segments.register(obj), arabic()) if u.path != "slug"]


def field(obj: Any, unit: segments.Unit) -> str:
    """The editor's form field of a text: named after its place, not its segment id."""
    source = segments.register(obj)
    key = next(k for k, u in export.keyed(source, units_of(obj)).items() if u == unit)
    return "t-" + key.split(":", 1)[1]


def form(obj: Any, change: dict[str, str] | None = None) -> dict[str, str]:
    """Every text translated as "AR " + the German HTML (markup kept), with changes by
    the German text's beginning."""
    data = {}
    for unit in units_of(obj):
        value = "AR " + unit.source
        for start, replacement in (change or {}).items():
            if unit.source.startswith(start):
                value = replacement
        data[field(obj, unit)] = value
    return data


@pytest.fixture
def editor(region: Any, make_user: Any) -> Any:
    user = make_user("redaktion")
    grant_role(None, user, region, Role.EDITOR)
    return user


def test_a_translators_complete_work_waits_for_an_editor_to_publish(
    original: ContentPage,
    translator: Any,
    editor: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client = verified_client(translator)
    page = client.get(url(original))
    assert page.status_code == 200
    assert "0 von 3 Texten übersetzt" in page.text
    assert 'lang="ar" dir="rtl"' in page.text
    assert "&lt;a id=&quot;a1&quot;&gt;Bürgerbüro&lt;/a&gt;" in page.text  # tags visible
    assert "Link a1: https://example.org/amt" in page.text
    # The help shows the tags as text, it does not render them.
    assert '<code>&lt;a id="a1"&gt;…&lt;/a&gt;</code> (Link)' in page.text
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(url(original), form(original), follow=True)
    assert saved.status_code == 200
    assert "wartet darauf, dass die Redaktion sie veröffentlicht" in saved.text
    assert original.get_translation_or_none(arabic()) is None  # nothing public yet
    assert "Veröffentlichen darf die Redaktion." in saved.text
    assert "Übersetzung veröffentlichen" not in saved.text
    refused = client.post(url(original), {"publish": "1"}, follow=True)
    assert "Veröffentlichen darf die Redaktion oder die Koordination." in refused.text
    assert original.get_translation_or_none(arabic()) is None
    matrix = client.get("/admin/uebersetzung/stand/testkreis/?status=draft")
    assert '<th scope="row">Anmelden</th>' in matrix.text
    first = PageLogEntry.objects.get(action=EDITED_ACTION)
    assert (first.page_id, first.user_id, first.data["segments"]) == (original.pk, translator.pk, 3)
    assert first.data["language"] == "ar"
    assert StringTranslation.objects.filter(tool_name="Editor").count() == 4  # with the slug

    editing = verified_client(editor)
    assert "Übersetzung veröffentlichen" in editing.get(url(original)).text
    with django_capture_on_commit_callbacks(execute=True):
        published = editing.post(url(original), {"publish": "1"}, follow=True)
    assert "Die Übersetzung ist veröffentlicht." in published.text
    target = original.get_translation(arabic()).specific
    assert target.live
    assert target.title == "AR Anmelden"
    assert target.slug == "anmelden"  # stays German
    assert '<a href="https://example.org/amt">Bürgerbüro</a>' in target.body
    assert not PendingTranslation.objects.exists()
    matrix = editing.get("/admin/uebersetzung/stand/testkreis/?status=draft")
    assert '<th scope="row">Anmelden</th>' not in matrix.text


def test_a_translators_change_to_a_live_translation_stays_private_until_published(
    original: ContentPage,
    translator: Any,
    editor: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        verified_client(editor).post(url(original), form(original))
    assert "AR Anmelden" in Client().get("/testkreis/ar/anmelden/").text
    title = next(u for u in units_of(original) if u.path == "title")
    with django_capture_on_commit_callbacks(execute=True):
        verified_client(translator).post(url(original), {field(original, title): "AR Neu"})
    public = Client().get("/testkreis/ar/anmelden/").text
    assert "AR Anmelden" in public
    assert "AR Neu" not in public
    with django_capture_on_commit_callbacks(execute=True):
        verified_client(editor).post(url(original), {"publish": "1"})
    assert "AR Neu" in Client().get("/testkreis/ar/anmelden/").text


def test_an_editors_complete_translation_is_published_at_once(
    original: ContentPage, editor: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        saved = verified_client(editor).post(url(original), form(original), follow=True)
    assert "vollständig und veröffentlicht" in saved.text
    assert original.get_translation(arabic()).live


def test_partial_translation_is_kept_but_not_published(
    original: ContentPage,
    translator: Any,
) -> None:
    client = verified_client(translator)
    title = next(u for u in units_of(original) if u.path == "title")
    saved = client.post(url(original), {field(original, title): "تسجيل"}, follow=True)
    assert "1 Text(e) gespeichert" in saved.text
    assert "2 Segmente noch unübersetzt" in saved.text
    assert original.get_translation_or_none(arabic()) is None
    again = client.get(url(original))
    assert "1 von 3 Texten übersetzt" in again.text
    assert "تسجيل" in again.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("AR Beim Bürgerbüro <b>anmelden</b> &amp; <i>warten</i>.<br/>Jobcenter.", "fehlt: a1"),
        (
            'AR <a id="a1">x</a> <a id="a2">y</a> <b>z</b> <i>w</i><br/>',
            "unbekannt: a2",
        ),
        (
            'AR <script>alert(1)</script><a id="a1">x</a><b>y</b><i>z</i><br/>',
            "nicht unterstütztes Element &lt;script&gt;",
        ),
    ],
)
def test_faulty_markup_saves_nothing_and_says_where(
    original: ContentPage,
    translator: Any,
    body: str,
    message: str,
) -> None:
    client = verified_client(translator)
    response = client.post(url(original), form(original, {"Beim": body}))
    assert response.status_code == 400
    assert "Nichts gespeichert: 1 Text(e) enthalten Fehler" in response.text
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert "AR Anmelden" in response.text  # what was typed is kept in the form
    assert not StringTranslation.objects.exists()
    assert original.get_translation_or_none(arabic()) is None


def test_glossary_and_placeholder_hints_after_saving(
    original: ContentPage,
    translator: Any,
    region: Any,
) -> None:
    GlossaryTerm.objects.create(
        region=region, term="Jobcenter", language_code="ar", do_not_translate=True
    )
    client = verified_client(translator)
    body = 'AR <a id="a1">مكتب</a> <b>سجّل</b> &amp; <i>انتظر</i>.<br/>ثم مركز العمل.'
    saved = client.post(url(original), form(original, {"Beim": body}), follow=True)
    assert "wartet darauf, dass die Redaktion sie veröffentlicht" in saved.text
    assert "Glossar: „Jobcenter“ soll als „Jobcenter“ übersetzt werden." in saved.text


def test_languages_regions_and_kinds_are_checked(
    original: ContentPage, region: Any, make_user: Any, make_region: Any
) -> None:
    farsi_only = make_user("fa-uebersetzung")
    grant_role(None, farsi_only, region, Role.TRANSLATOR, languages=["fa"])
    client = verified_client(farsi_only)
    assert client.get(url(original)).status_code == 404
    assert client.post(url(original), form(original)).status_code == 404
    assert not StringTranslation.objects.exists()
    assert client.get(url(original, kind="haus")).status_code == 404
    assert client.get(url(original, language="de")).status_code == 404
    other = make_region("anderkreis")
    foreign = Page.objects.get(url_path="/anderkreis/de/")
    assert client.get(url(foreign)).status_code == 404
    assert other.slug == "anderkreis"
    easy = client.get(url(original, language="de-x-ls"))
    assert easy.status_code == 404  # not a language of this region / translator


def test_snippets_contacts_included_and_machine_marks_lead_to_the_editor(
    make_offer: Any,
    towns: dict[str, Area],
    region: Any,
    translator: Any,
    editor: Any,
) -> None:
    contact = Contact.objects.create(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        topic="language_pool",
        role="Sprachpool-Koordination",
    )
    waiting = verified_client(translator).post(
        url(contact, kind="contact"), form(contact), follow=True
    )
    assert waiting.status_code == 200
    assert "wartet darauf, dass die Redaktion sie veröffentlicht" in waiting.text
    assert contact.get_translation_or_none(arabic()) is None
    offer: Offer = make_offer("Migrationsberatung", towns["Nidda"])
    client = verified_client(editor)
    saved = client.post(url(offer, kind="offer"), form(offer), follow=True)
    assert "vollständig und veröffentlicht" in saved.text
    offer_ar = offer.get_translation(arabic())
    assert offer_ar.title == "AR Migrationsberatung"
    assert offer_ar.live
    assert ModelLogEntry.objects.filter(action=EDITED_ACTION, object_id=str(offer.pk)).exists()
    mark = MachineTranslation.objects.create(
        region=region,
        content_type=ContentType.objects.get_for_model(Offer),
        object_id=offer_ar.pk,
        language_code="ar",
        provider="deepl",
    )
    jump = client.get(f"/admin/uebersetzung/bearbeiten/ziel/{mark.content_type_id}/{offer_ar.pk}/")
    assert jump.status_code == 302
    assert jump["Location"] == url(offer, kind="offer")
    missing = client.get(f"/admin/uebersetzung/bearbeiten/ziel/{mark.content_type_id}/999999/")
    assert missing.status_code == 404
    glossary_type = ContentType.objects.get_for_model(GlossaryTerm).pk
    term = GlossaryTerm.objects.create(
        region=region, term="Amt", language_code="ar", translation="x"
    )
    untranslatable = client.get(f"/admin/uebersetzung/bearbeiten/ziel/{glossary_type}/{term.pk}/")
    assert untranslatable.status_code == 404


def test_outdated_texts_show_the_change_and_the_earlier_translation(
    original: ContentPage,
    translator: Any,
) -> None:
    client = verified_client(translator)
    client.post(url(original), form(original))
    original.title = "Ummelden"
    publish(original)
    page = client.get(url(original))
    assert "Der deutsche Text hat sich geändert" in page.text
    hidden = '<span class="w-sr-only">'
    assert f'<del class="word-diff">{hidden}[gestrichen: </span>Anmelden' in page.text
    assert f'<ins class="word-diff">{hidden}[eingefügt: </span>Ummelden' in page.text
    assert "Bisherige Übersetzung:" in page.text
    nothing = client.post(url(original), {}, follow=True)
    assert "Keine Änderungen" in nothing.text


def test_a_german_change_after_opening_the_form_is_not_overwritten_silently(
    original: ContentPage, editor: Any
) -> None:
    client = verified_client(editor)
    shown = form(original)  # what the form was filled for
    fingerprints = dict(
        re.findall(r'name="(src-t-[^"]+)" value="([^"]+)"', client.get(url(original)).text)
    )
    assert len(fingerprints) == 3
    original.title = "Ummelden"
    publish(original)
    response = client.post(url(original), {**shown, **fingerprints})
    assert response.status_code == 400
    assert "Der deutsche Text wurde inzwischen geändert" in response.text
    assert original.get_translation_or_none(arabic()) is None


def test_a_text_longer_than_its_field_is_refused(original: ContentPage, editor: Any) -> None:
    title = next(u for u in units_of(original) if u.path == "title")
    response = verified_client(editor).post(
        url(original), {**form(original), field(original, title): "ع" * 300}
    )
    assert response.status_code == 400
    assert "Der Text ist zu lang: höchstens 255 Zeichen." in response.text
    assert 'maxlength="255"' in response.text
    assert not StringTranslation.objects.exists()


def test_machine_translation_does_not_publish_a_translators_work(
    original: ContentPage,
    translator: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from tests.translation import mt_servers
    from wir.translation.machine import jobs

    verified_client(translator).post(url(original), form(original))
    assert PendingTranslation.objects.exists()
    with mt_servers.serve("deepl") as service:
        settings.WIR_MT_PROVIDER = "deepl"
        settings.WIR_DEEPL_KEY = mt_servers.DEEPL_KEY
        settings.WIR_DEEPL_URL = service.url
        with django_capture_on_commit_callbacks(execute=True):
            outcome = jobs.translate_object(original, "ar", user=None)
        assert outcome.status == jobs.SKIPPED
        assert "wartet auf Veröffentlichung" in outcome.reason
        assert service.requests == []
    assert original.get_translation_or_none(arabic()) is None


def test_machine_translation_started_by_a_translator_waits_for_an_editor(
    original: ContentPage,
    translator: Any,
    editor: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from tests.translation import mt_servers
    from wir.translation.machine import jobs

    title = next(u for u in units_of(original) if u.path == "title")
    verified_client(translator).post(url(original), {field(original, title): "AR Anmelden"})
    with mt_servers.serve("deepl") as service:
        settings.WIR_MT_PROVIDER = "deepl"
        settings.WIR_DEEPL_KEY = mt_servers.DEEPL_KEY
        settings.WIR_DEEPL_URL = service.url
        with django_capture_on_commit_callbacks(execute=True):
            outcome = jobs.translate_object(original, "ar", user=translator)
    assert outcome.status == jobs.TRANSLATED
    assert "wartet auf Veröffentlichung durch die Redaktion" in outcome.reason
    assert original.get_translation_or_none(arabic()) is None
    with django_capture_on_commit_callbacks(execute=True):
        verified_client(editor).post(url(original), {"publish": "1"})
    target = original.get_translation(arabic()).specific
    assert target.live
    assert target.title == "AR Anmelden"  # the translator's own text
    # The machine-made texts are marked in public until someone reviews them.
    assert MachineTranslation.objects.filter(object_id=target.pk, reviewed_at=None).exists()
