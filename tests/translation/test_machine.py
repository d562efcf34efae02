"""Machine translation against local stand-ins of DeepL and LibreTranslate."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from wagtail.models import Locale, Page

from tests.translation import mt_servers
from tests.translation.mt_servers import FakeService
from wir.core.models import Region
from wir.env import ConfigError, machine_translation_settings
from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation.machine import jobs
from wir.translation.machine.providers import (
    DeepL,
    NotConfiguredError,
    UnsupportedLanguageError,
    get_provider,
)
from wir.translation.models import GlossaryTerm, MachineTranslation

pytestmark = pytest.mark.django_db

BODY = '<p>Beim <a href="https://example.org/amt">Bürgerbüro</a> <b>anmelden</b>.</p>'


@pytest.fixture
def deepl(settings: Any) -> Iterator[FakeService]:
    with mt_servers.serve("deepl") as service:
        settings.WIR_MT_PROVIDER = "deepl"
        settings.WIR_DEEPL_KEY = mt_servers.DEEPL_KEY
        settings.WIR_DEEPL_URL = service.url
        settings.WIR_MT_TIMEOUT = 5
        yield service


@pytest.fixture
def libre(settings: Any) -> Iterator[FakeService]:
    with mt_servers.serve("libre") as service:
        settings.WIR_MT_PROVIDER = "libretranslate"
        settings.WIR_LIBRETRANSLATE_URL = service.url
        settings.WIR_LIBRETRANSLATE_KEY = mt_servers.LIBRE_KEY
        settings.WIR_MT_TIMEOUT = 5
        yield service


@pytest.fixture
def original(region: Region) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Anmelden", slug="anmelden", intro="Kurz", body=BODY)
    home.add_child(instance=page)
    publish(page)
    return page


def translate(page: Any, code: str, capture: Any) -> jobs.Outcome:
    with capture(execute=True):
        return jobs.translate_object(page, code)


def arabic_of(page: ContentPage) -> ContentPage:
    target = page.get_translation(Locale.objects.get(language_code="ar")).specific
    assert isinstance(target, ContentPage)
    return target


def test_deepl_keeps_structure_and_links_and_marks_the_target(
    deepl: FakeService, original: ContentPage, django_capture_on_commit_callbacks: Any
) -> None:
    outcome = translate(original, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.TRANSLATED, outcome.reason
    target = arabic_of(original)
    assert target.title == "[ar] ANMELDEN"
    assert target.slug == "anmelden"  # URL parts stay German
    assert '<a href="https://example.org/amt">BÜRGERBÜRO</a>' in target.body
    assert "<b>ANMELDEN</b>" in target.body
    assert target.live
    request = deepl.requests[0]
    assert request["path"] == "/v2/translate"
    assert request["headers"]["Authorization"] == f"DeepL-Auth-Key {mt_servers.DEEPL_KEY}"
    assert request["body"]["tag_handling"] == "html"
    assert (request["body"]["source_lang"], request["body"]["target_lang"]) == ("DE", "AR")
    assert "anmelden" not in request["body"]["text"]  # the slug is not sent
    mark = MachineTranslation.objects.get()
    assert (mark.object_id, mark.language_code, mark.provider) == (target.pk, "ar", "deepl")
    assert mark.reviewed_at is None


def test_only_missing_or_changed_segments_are_sent(
    deepl: FakeService, original: ContentPage, django_capture_on_commit_callbacks: Any
) -> None:
    translate(original, "ar", django_capture_on_commit_callbacks)
    again = translate(original, "ar", django_capture_on_commit_callbacks)
    assert again.status == jobs.SKIPPED
    assert len(deepl.requests) == 1
    original.title = "Ummelden"
    publish(original)
    changed = translate(original, "ar", django_capture_on_commit_callbacks)
    assert changed.status == jobs.TRANSLATED
    assert deepl.requests[-1]["body"]["text"] == ["Ummelden"]
    assert arabic_of(original).title == "[ar] UMMELDEN"


def test_glossary_terms_come_out_exactly(
    deepl: FakeService,
    region: Region,
    original: ContentPage,
    django_capture_on_commit_callbacks: Any,
) -> None:
    GlossaryTerm.objects.create(
        region=region, term="Bürgerbüro", language_code="en", do_not_translate=True
    )
    GlossaryTerm.objects.create(
        region=region, term="anmelden", language_code="ar", translation="تسجيل"
    )
    outcome = translate(original, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.TRANSLATED, outcome.reason
    body = arabic_of(original).body
    assert '<a href="https://example.org/amt">Bürgerbüro</a>' in body
    assert "<b>تسجيل</b>" in body
    assert "translate" not in body


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (456, "Kontingent"),
        (403, "Anmeldung"),
        (429, "überlastet"),
        (503, "nicht erreichbar"),
    ],
)
def test_provider_errors_leave_the_translation_untouched(
    deepl: FakeService,
    original: ContentPage,
    django_capture_on_commit_callbacks: Any,
    status: int,
    message: str,
) -> None:
    translate(original, "ar", django_capture_on_commit_callbacks)
    original.title = "Ummelden"
    publish(original)
    deepl.fail_with = status
    outcome = translate(original, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.FAILED
    assert message in outcome.reason
    assert arabic_of(original).title == "[ar] ANMELDEN"


def test_timeout_is_reported_and_writes_nothing(
    deepl: FakeService,
    settings: Any,
    original: ContentPage,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.WIR_MT_TIMEOUT = 1
    deepl.delay = 1.5
    outcome = translate(original, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.FAILED
    assert "Zeitüberschreitung" in outcome.reason
    assert original.get_translation_or_none(Locale.objects.get(language_code="ar")) is None
    assert not MachineTranslation.objects.exists()


def test_broken_markup_from_the_provider_writes_nothing(
    deepl: FakeService, original: ContentPage, django_capture_on_commit_callbacks: Any
) -> None:
    deepl.break_markup = True
    outcome = translate(original, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.FAILED
    assert "Links" in outcome.reason
    assert original.get_translation_or_none(Locale.objects.get(language_code="ar")) is None


def test_unsupported_languages_are_refused_without_a_request(
    deepl: FakeService, make_region: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_region("pskreis", ("de", "ps"))
    home = Page.objects.get(url_path="/pskreis/de/")
    page = ContentPage(title="Hallo", slug="hallo", body="<p>Hallo</p>")
    home.add_child(instance=page)
    publish(page)
    outcome = translate(page, "ps", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.FAILED
    assert "nicht unterstützt" in outcome.reason
    with pytest.raises(UnsupportedLanguageError):
        DeepL("k", deepl.url, 1).translate(["x"], "de", "so")
    assert deepl.requests == []
    easy = jobs.translate_object(page, "de-x-ls")
    assert easy.status == jobs.FAILED


def test_libretranslate_with_key_and_html(
    libre: FakeService, original: ContentPage, django_capture_on_commit_callbacks: Any
) -> None:
    outcome = translate(original, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.TRANSLATED, outcome.reason
    body = libre.requests[0]["body"]
    assert (body["source"], body["target"], body["format"]) == ("de", "ar", "html")
    assert body["api_key"] == mt_servers.LIBRE_KEY
    assert '<a href="https://example.org/amt">BÜRGERBÜRO</a>' in arabic_of(original).body


def test_libretranslate_unsupported_and_wrong_key(libre: FakeService, settings: Any) -> None:
    provider = get_provider()
    with pytest.raises(UnsupportedLanguageError):
        provider.translate(["Hallo"], "de", "ps")
    settings.WIR_LIBRETRANSLATE_KEY = "wrong"
    with pytest.raises(Exception, match="Anmeldung"):
        get_provider().translate(["Hallo"], "de", "ar")


def test_provider_none_says_so(settings: Any, original: ContentPage) -> None:
    settings.WIR_MT_PROVIDER = "none"
    with pytest.raises(NotConfiguredError, match="nicht eingerichtet"):
        get_provider()
    outcome = jobs.translate_object(original, "ar")
    assert outcome.status == jobs.FAILED
    assert "nicht eingerichtet" in outcome.reason


def test_outdated_lists_missing_and_changed_originals(
    deepl: FakeService, original: ContentPage, django_capture_on_commit_callbacks: Any
) -> None:
    region = Region.objects.get(slug="testkreis")
    assert original.pk in {o.pk for o in jobs.outdated(region, "ar")}
    translate(original, "ar", django_capture_on_commit_callbacks)
    assert original.pk not in {o.pk for o in jobs.outdated(region, "ar")}
    original.title = "Ummelden"
    publish(original)
    assert original.pk in {o.pk for o in jobs.outdated(region, "ar")}
    with pytest.raises(jobs.MachineTranslationError):
        jobs.outdated(region, "de-x-ls")


@pytest.mark.parametrize(
    ("environment", "variable"),
    [
        ({"WIR_MT_PROVIDER": "google"}, "WIR_MT_PROVIDER"),
        ({"WIR_MT_PROVIDER": "deepl"}, "WIR_DEEPL_KEY"),
        ({"WIR_MT_PROVIDER": "libretranslate"}, "WIR_LIBRETRANSLATE_URL"),
        ({"WIR_MT_TIMEOUT": "soon"}, "WIR_MT_TIMEOUT"),
        ({"WIR_MT_TIMEOUT": "0"}, "WIR_MT_TIMEOUT"),
        ({"WIR_DEEPL_URL": "ftp://x"}, "WIR_DEEPL_URL"),
    ],
)
def test_bad_configuration_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], variable: str
) -> None:
    for name in ("WIR_MT_PROVIDER", "WIR_DEEPL_KEY", "WIR_DEEPL_URL", "WIR_MT_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=variable):
        machine_translation_settings()


def test_deepl_url_follows_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIR_MT_PROVIDER", "deepl")
    monkeypatch.delenv("WIR_DEEPL_URL", raising=False)
    monkeypatch.setenv("WIR_DEEPL_KEY", "abc:fx")
    assert machine_translation_settings()["WIR_DEEPL_URL"] == "https://api-free.deepl.com"
    monkeypatch.setenv("WIR_DEEPL_KEY", "abc")
    assert machine_translation_settings()["WIR_DEEPL_URL"] == "https://api.deepl.com"


def test_a_page_below_an_untranslated_parent_fails_clearly(
    deepl: FakeService, original: ContentPage, django_capture_on_commit_callbacks: Any
) -> None:
    child = ContentPage(title="Unterseite", slug="unterseite", body="<p>Text</p>")
    original.add_child(instance=child)
    publish(child)
    outcome = translate(child, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.FAILED
    assert "übergeordnete Seite" in outcome.reason
    arabic = Locale.objects.get(language_code="ar")
    assert child.get_translation_or_none(arabic) is None
    assert original.get_translation_or_none(arabic) is None  # no German copy of the parent
    assert deepl.requests == []
    assert translate(original, "ar", django_capture_on_commit_callbacks).status == "translated"
    assert translate(child, "ar", django_capture_on_commit_callbacks).status == "translated"


def test_a_translation_made_outside_the_segments_is_not_overwritten(
    deepl: FakeService, original: ContentPage
) -> None:
    arabic = Locale.objects.get(language_code="ar")
    by_hand = original.copy_for_translation(arabic)
    by_hand.title = "من يد"
    by_hand.save_revision().publish()
    outcome = jobs.translate_object(original, "ar")
    assert outcome.status == jobs.SKIPPED
    assert "nicht überschrieben" in outcome.reason
    assert deepl.requests == []
    assert original.get_translation(arabic).title == "من يد"


def test_deepl_language_codes_and_batches(deepl: FakeService) -> None:
    client = DeepL(mt_servers.DEEPL_KEY, deepl.url, 5)
    assert client.translate(["Hallo"], "de", "en") == ["[en-gb] HALLO"]
    assert deepl.requests[-1]["body"]["target_lang"] == "EN-GB"
    texts = [f"Satz {index}" for index in range(jobs.BATCH_SIZE + 5)]
    result = jobs.translate_texts(client, texts, "ar")
    assert result == [f"[ar] SATZ {index}" for index in range(jobs.BATCH_SIZE + 5)]
    assert [len(r["body"]["text"]) for r in deepl.requests[1:]] == [jobs.BATCH_SIZE, 5]


FIXED_BODY = (
    "<p>Termin am {datum} für %(name)s in {{ ort }}.</p>"
    '<p>Fragen an <a href="mailto:wir@kreis.example">wir@kreis.example</a>, '
    "Tel. 06031 83-1234 oder +49 (0) 6031 83-0, mehr unter https://kreis.example/wir?x=1&amp;y=2.</p>"
    "<p>Sprechzeit 9 - 12 Uhr am 01.12.2026.</p>"
)


@pytest.mark.parametrize("service", ["deepl", "libre"])
def test_placeholders_addresses_and_numbers_come_out_exactly(
    request: pytest.FixtureRequest,
    service: str,
    region: Region,
    django_capture_on_commit_callbacks: Any,
) -> None:
    fake: FakeService = request.getfixturevalue(service)
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Termine", slug="termine", body=FIXED_BODY)
    home.add_child(instance=page)
    publish(page)
    outcome = translate(page, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.TRANSLATED, outcome.reason
    body = arabic_of(page).body
    for kept in (
        "{datum}",
        "%(name)s",
        "{{ ort }}",
        '<a href="mailto:wir@kreis.example">wir@kreis.example</a>',
        "06031 83-1234",
        "+49 (0) 6031 83-0",
        "https://kreis.example/wir?x=1&amp;y=2",
    ):
        assert kept in body
    # The rest was translated (the stand-in upper-cases), the protection left no trace.
    assert "TERMIN AM" in body
    assert "SPRECHZEIT 9 - 12 UHR AM 01.12.2026" in body
    assert "translate" not in body
    sent = " ".join(fake.requests[0]["body"]["text" if service == "deepl" else "q"])
    assert '<span translate="no" id="p1">{datum}</span>' in sent


def test_a_lost_placeholder_fails_and_writes_nothing(
    deepl: FakeService, region: Region, django_capture_on_commit_callbacks: Any
) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Termine", slug="termine", body="<p>Am {datum} im Amt.</p>")
    home.add_child(instance=page)
    publish(page)
    deepl.drop_kept = True
    outcome = translate(page, "ar", django_capture_on_commit_callbacks)
    assert outcome.status == jobs.FAILED
    assert "Platzhalter oder Angabe in der maschinellen Übersetzung verloren: {datum}" in (
        outcome.reason
    )
    assert page.get_translation_or_none(Locale.objects.get(language_code="ar")) is None
    assert not MachineTranslation.objects.exists()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Am {datum} um {{ zeit }}", ["{datum}", "{{ zeit }}"]),
        ("Hallo %(name)s, 100 %", ["%(name)s"]),
        ("Mail: a.b+c@kreis-x.example.", ["a.b+c@kreis-x.example"]),
        ("Siehe www.kreis.example/a, dann", ["www.kreis.example/a"]),
        ("Tel. (06031) 83-0 oder 0170/1234567", ["(06031) 83-0", "0170/1234567"]),
        ("9 - 12 Uhr, 01.12.2026, Raum 204, 2 Kinder, PLZ 61169", []),
    ],
)
def test_what_counts_as_fixed_text(text: str, kept: list[str]) -> None:
    from wir.translation.glossary import fixed_tokens

    assert fixed_tokens(text) == kept


@pytest.mark.parametrize(
    "text",
    ["10 - 12 und 14 - 16 Uhr", "2024-2025", "am 2024-05-01", "1 000 000 Euro", "S. 101 - 105"],
)
def test_dates_ranges_and_amounts_are_not_phone_numbers(text: str) -> None:
    from wir.translation.glossary import fixed_tokens, protect

    assert fixed_tokens(text) == []
    assert "translate" not in protect(text, []).html
