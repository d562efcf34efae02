"""XLIFF export and import: file shape, lossless round trip, validation, glossary."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree
from wagtail.models import Locale, Page

from tests.translation.xliff_files import fill, translations
from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation import segments
from wir.translation.models import GlossaryTerm, TranslationJob
from wir.translation.xliff import export, importing
from wir.translation.xliff.formats import NS12, NS20

pytestmark = pytest.mark.django_db


def body_unit(page: Any, code: str = "ar") -> segments.Unit:
    source = segments.register(page)
    units = segments.units(source, Locale.objects.get(language_code=code))
    return next(u for u in units if u.path.startswith("body"))


@pytest.mark.parametrize(("version", "ns"), [("1.2", NS12), ("2.0", NS20)])
def test_export_shape(original: ContentPage, version: str, ns: str) -> None:
    data, count = export.export([original], "ar", version)
    root = etree.fromstring(data)
    assert root.nsmap[None] == ns
    assert root.get("version") == version
    assert "ns0" not in data.decode()
    unit = body_unit(original)
    if version == "1.2":
        file_node = root.find(f"{{{ns}}}file")
        assert (file_node.get("source-language"), file_node.get("target-language")) == ("de", "ar")
        units = root.findall(f".//{{{ns}}}trans-unit")
        notes = [n.text for n in root.iter(f"{{{ns}}}note")]
        body = next(u for u in units if u.get("id").endswith(f"{unit.path}:0"))
        assert [(g.get("id"), g.get("ctype")) for g in body.iter(f"{{{ns}}}g")][:2] == [
            ("a1", "x-html-a"),
            ("b1", "x-html-b"),
        ]
        assert body.find(f".//{{{ns}}}x").get("id") == "br1"
    else:
        assert (root.get("srcLang"), root.get("trgLang")) == ("de", "ar")
        units = root.findall(f".//{{{ns}}}unit")
        notes = [n.text for n in root.iter(f"{{{ns}}}note")]
        body = next(u for u in units if u.get("id").endswith(f"{unit.path}:0"))
        pcs = [(p.get("id"), p.get("subType")) for p in body.iter(f"{{{ns}}}pc")]
        assert pcs[:2] == [("a1", "html:a"), ("b1", "html:b")]
        assert body.find(f".//{{{ns}}}ph").get("subType") == "xlf:lb"
        assert body.find(f"{{{ns}}}segment").get("state") == "initial"
    assert len(units) == count >= 3
    assert all(u.get("id").startswith(f"s{segments.register(original).pk}:") for u in units)
    assert "Seite: Anmelden" in notes
    assert "Link a1: https://example.org/amt" in notes


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_import_then_round_trip_is_lossless(
    original: ContentPage, region: Any, version: str, django_capture_on_commit_callbacks: Any
) -> None:
    data, _count = export.export([original], "ar", version)
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_file(fill(data, version, translations(version)), region, "ar")
    assert report.ok, report.errors
    assert report.warnings == []
    assert report.applied == ["Seite: Anmelden"]
    target = original.get_translation(Locale.objects.get(language_code="ar"))
    assert '<a href="https://example.org/amt">مكتب المواطنين</a>' in target.body
    assert "<b>سجّل</b>" in target.body
    before = {u.path: u.target for u in segments.units(segments.register(original), target.locale)}
    # export with targets and import unchanged: identical target HTML
    again, _count = export.export([original], "ar", version)
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_file(again, region, "ar")
    assert report.ok, report.errors
    after = {u.path: u.target for u in segments.units(segments.register(original), target.locale)}
    assert after == before
    assert all(after.values())


def errors_of(report: importing.Report) -> str:
    return " | ".join(p.message for p in report.errors)


def assert_nothing_imported(page: ContentPage) -> None:
    arabic = Locale.objects.get(language_code="ar")
    assert all(u.target is None for u in segments.units(segments.register(page), arabic))
    assert page.get_translation_or_none(arabic) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"kein xml", "kein lesbares XML"),
        (b"<html/>", "keine XLIFF-Datei"),
        (
            b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" '
            b'trgLang="ar"><file id="f"/></xliff>',
            "keine Übersetzungseinheiten",
        ),
        (b'<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"/>', "1.1"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2" '
            b'xmlns="urn:oasis:names:tc:xliff:document:1.2">&a;</xliff>',
            "DOCTYPE",
        ),
    ],
)
def test_unreadable_files_are_refused(
    original: ContentPage, region: Any, data: bytes, message: str
) -> None:
    report = importing.import_file(data, region, "ar")
    assert message in errors_of(report)
    assert_nothing_imported(original)


def test_wrong_and_disabled_languages(original: ContentPage, region: Any) -> None:
    data, _count = export.export([original], "en", "1.2")
    report = importing.import_file(fill(data, "1.2", translations("1.2")), region, "ar")
    assert "Zielsprache der Datei ist „en“" in errors_of(report)
    Locale.objects.get_or_create(language_code="fr")
    data, _count = export.export([original], "fr", "2.0")
    report = importing.import_file(data, region, "fr")
    assert "nicht freigeschaltet" in errors_of(report)
    assert_nothing_imported(original)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_unit_problems_are_reported_and_nothing_is_imported(
    original: ContentPage, region: Any, version: str
) -> None:
    data, _count = export.export([original], "ar", version)
    texts = translations(version)
    paired, empty = ("g", "x") if version == "1.2" else ("pc", "ph")
    texts["Beim"] = f'ohne Link <{paired} id="a9">x</{paired}><{empty} id="br1"/>'
    filled = fill(data, version, texts).decode()
    unit = body_unit(original)
    source = segments.register(original)
    filled = filled.replace(f"s{source.pk}:intro:0", f"s{source.pk}:gibt-es-nicht")
    filled = filled.replace(">Anmelden<", ">Abmelden<", 1)  # the German title changed
    report = importing.import_file(filled.encode(), region, "ar")
    by_unit = {p.unit_id: p.message for p in report.errors}
    assert "Unbekannte Einheit" in by_unit[f"s{source.pk}:gibt-es-nicht"]
    assert "geändert" in by_unit[f"s{source.pk}:title:0"]
    assert "unbekannt: a9" in by_unit[f"s{source.pk}:{unit.path}:0"]
    assert "fehlt: a1, b1, i1" in by_unit[f"s{source.pk}:{unit.path}:0"]
    assert_nothing_imported(original)


def test_unsupported_inline_elements_and_empty_targets(original: ContentPage, region: Any) -> None:
    data, _count = export.export([original], "ar", "1.2")
    texts = translations("1.2")
    texts["Kurz"] = '<bpt id="1">&lt;b&gt;</bpt>kurz'
    report = importing.import_file(fill(data, "1.2", texts), region, "ar")
    assert "nicht unterstütztes Element <bpt>" in errors_of(report)
    assert_nothing_imported(original)
    texts = translations("1.2")
    del texts["Kurz"]
    report = importing.import_file(fill(data, "1.2", texts), region, "ar")
    assert report.ok
    assert [p.message for p in report.skipped] == ["Leere Übersetzung übersprungen."]
    assert "noch unübersetzt" in report.warnings[0].message
    assert report.applied == []


def test_glossary_warnings_and_strict_mode(
    original: ContentPage, region: Any, django_capture_on_commit_callbacks: Any
) -> None:
    GlossaryTerm.objects.create(
        region=region, term="Bürgerbüro", language_code="ar", translation="مكتب المواطنين"
    )
    GlossaryTerm.objects.create(
        region=region, term="Jobcenter", language_code="ar", do_not_translate=True
    )
    GlossaryTerm.objects.create(region=region, term="Kurz", language_code="ar", translation="قصير")
    data, _count = export.export([original], "ar", "2.0")
    filled = fill(data, "2.0", translations("2.0"))
    report = importing.import_file(filled, region, "ar", strict=True)
    assert "Strenge Prüfung" in errors_of(report)
    assert [p.message for p in report.warnings] == [
        "Glossar: „Kurz“ soll als „قصير“ übersetzt werden."
    ]
    assert_nothing_imported(original)
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_file(filled, region, "ar")
    assert report.ok
    assert len(report.warnings) == 1
    assert report.applied


def test_failure_half_way_rolls_back_everything(
    original: ContentPage, region: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, _count = export.export([original], "ar", "1.2")

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("Festplatte voll")

    monkeypatch.setattr(segments, "apply", broken)
    report = importing.import_file(fill(data, "1.2", translations("1.2")), region, "ar")
    assert "Import abgebrochen" in errors_of(report)
    assert "Festplatte voll" in errors_of(report)
    assert_nothing_imported(original)


def copy_sources(data: bytes, ns: str) -> bytes:
    root = etree.fromstring(data)
    for source in list(root.iter(f"{{{ns}}}source")):
        target = etree.fromstring(etree.tostring(source))
        target.tag = f"{{{ns}}}target"
        source.addnext(target)
    return etree.tostring(root)


@pytest.mark.parametrize(("version", "ns"), [("1.2", NS12), ("2.0", NS20)])
def test_paragraphs_of_one_field_get_their_own_units(
    region: Any, version: str, ns: str, django_capture_on_commit_callbacks: Any
) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    body = "<p>Erstens <b>dies</b>.</p><p>Zweitens.</p><p>Erstens <b>dies</b>.</p>"
    page = ContentPage(title="Absätze", slug="absaetze", body=body)
    home.add_child(instance=page)
    publish(page)
    data, count = export.export([page], "ar", version)
    ids = [u.get("id") for u in etree.fromstring(data).iter(f"{{{ns}}}*") if u.get("id")]
    source = segments.register(page)
    assert {f"s{source.pk}:body:0", f"s{source.pk}:body:1", f"s{source.pk}:body:2"} <= set(ids)
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_file(copy_sources(data, ns), region, "ar")
    assert report.ok, report.errors
    assert report.imported == count
    target = page.get_translation(Locale.objects.get(language_code="ar"))
    assert target.body.count("<b>dies</b>") == 2


def test_every_import_is_kept_as_a_job(
    original: ContentPage, region: Any, make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = make_user("uebersetzung")
    importing.import_file(b"<kaputt", region, "ar", user=user)
    data, count = export.export([original], "ar", "1.2")
    with django_capture_on_commit_callbacks(execute=True):
        importing.import_file(fill(data, "1.2", translations("1.2")), region, "ar", user=user)
    failed, done = TranslationJob.objects.order_by("pk")
    assert (failed.status, failed.done, failed.created_by) == ("failed", 0, user)
    assert "kein lesbares XML" in failed.report[0]["message"]
    assert (done.status, done.kind, done.total, done.done) == ("done", "xliff_import", count, count)


def test_placeholders_and_numbers_missing_in_the_translation_are_reported(
    region: Any, django_capture_on_commit_callbacks: Any
) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(
        title="Termine",
        slug="termine",
        intro="Kurz",
        body="<p>Am {datum} anrufen: 06031 83-1234.</p>",
    )
    home.add_child(instance=page)
    publish(page)
    data, _count = export.export([page], "ar", "1.2")
    texts = {"Termine": "مواعيد", "termine": "termine", "Kurz": "باختصار"}
    lost = fill(data, "1.2", {**texts, "Am": "اتصل في {التاريخ}: 06031 83-1234."})
    report = importing.import_file(lost, region, "ar", strict=True)
    assert "Strenge Prüfung" in errors_of(report)
    assert [p.message for p in report.warnings] == [
        "„{datum}“ fehlt in der Übersetzung (Platzhalter oder Angabe, die unverändert "
        "bleiben soll)."
    ]
    assert_nothing_imported(page)
    # The number in Arabic-Indic digits is the same number.
    kept = fill(data, "1.2", {**texts, "Am": "اتصل في {datum}: ٠٦٠٣١ ٨٣-١٢٣٤."})
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_file(kept, region, "ar", strict=True)
    assert report.ok, report.errors
    assert report.warnings == []
    assert "{datum}" in page.get_translation(Locale.objects.get(language_code="ar")).specific.body
