"""XLIFF exchange of snippets (offers, contacts, …) besides pages: selection, round trip,
the admin's snippet button and form, the command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from lxml import etree
from wagtail.models import Locale

from tests.conftest import verified_client
from tests.translation.test_xliff_admin import URL, translator  # noqa: F401
from wir.core.models import Area
from wir.portal.models import Contact, Offer
from wir.translation import segments
from wir.translation.xliff import export, importing
from wir.translation.xliff.formats import NS12

pytestmark = pytest.mark.django_db

OFFERS = "/admin/snippets/portal/offer/"


@pytest.fixture
def offer(make_offer: Any, towns: dict[str, Area]) -> Offer:
    return make_offer(
        "Migrationsberatung",
        towns["Nidda"],
        summary="Beratung zu Aufenthalt und Arbeit. Termine unter 06031 83-1234.",
    )


@pytest.fixture
def contact(region: Any) -> Contact:
    return Contact.objects.create(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        topic="language_pool",
        role="Sprachpool-Koordination",
        office_hours="Mo bis Do 9 bis 12 Uhr",
    )


def arabic() -> Locale:
    return Locale.objects.get(language_code="ar")


def translate_all(data: bytes) -> bytes:
    """Fill every unit of an XLIFF 1.2 file: "AR:" before the German text, numbers kept."""
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{NS12}}}trans-unit"):
        source = unit.find(f"{{{NS12}}}source")
        target = etree.SubElement(unit, f"{{{NS12}}}target")
        target.text = "AR: " + "".join(source.itertext())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_references_name_the_kind_in_german_or_english() -> None:
    assert export.parse_references("angebot:12, event: 3; Kontakt:4 neuigkeit:5") == [
        ("offer", 12),
        ("event", 3),
        ("contact", 4),
        ("news", 5),
    ]
    with pytest.raises(export.SelectionError, match="Art:ID"):
        export.parse_references("12")
    with pytest.raises(export.SelectionError, match="Unbekannte Art „seite“"):
        export.parse_references("seite:3")


def test_snippets_round_trip(
    offer: Offer, contact: Contact, region: Any, django_capture_on_commit_callbacks: Any
) -> None:
    chosen = export.select(region, "ar", objects=[("offer", offer.pk), ("contact", contact.pk)])
    assert chosen == [offer, contact]
    data, count = export.export(chosen, "ar", "1.2")
    assert count >= 3
    assert b"Angebot: Migrationsberatung" in data  # the note names kind and title
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.import_file(translate_all(data), region, "ar")
    assert report.ok, report.errors
    assert report.warnings == []
    assert sorted(report.applied) == [
        "Angebot: Migrationsberatung",
        "Kontakt: Sprachpool-Koordination",
    ]
    offer_ar = offer.get_translation(arabic())
    assert offer_ar.title == "AR: Migrationsberatung"
    assert offer_ar.summary.endswith("06031 83-1234.")
    assert contact.get_translation(arabic()).role == "AR: Sprachpool-Koordination"
    # A second export holds the translations as targets; "missing" finds nothing any more.
    again, _count = export.export([offer], "ar", "1.2")
    assert b"AR: Migrationsberatung" in again
    assert export.select(region, "ar", missing=True, kinds=["offer", "contact"]) == []


def test_missing_by_kind(offer: Offer, contact: Contact, region: Any) -> None:
    assert export.select(region, "ar", missing=True, kinds=["offer"]) == [offer]
    assert export.select(region, "ar", missing=True, kinds=["contact"]) == [contact]
    everything = export.select(region, "ar", missing=True)
    assert offer in everything
    assert contact in everything


def test_snippets_of_another_region_are_not_selected(
    offer: Offer, make_region: Any, region: Any
) -> None:
    other = make_region("anderkreis")
    assert export.select(other, "ar", objects=[("offer", offer.pk)]) == []


def test_snippet_button_and_form(
    offer: Offer,
    region: Any,
    translator: Any,  # noqa: F811
    make_user: Any,
) -> None:
    from wir.accounts.actions import grant_role
    from wir.accounts.roles import Role

    editor = make_user("redaktion")
    grant_role(None, editor, region, Role.EDITOR)
    listing = verified_client(editor).get(OFFERS)
    assert listing.status_code == 200
    link = f"{URL}?region=testkreis&amp;object=offer:{offer.pk}"
    assert link in listing.text
    client = verified_client(translator)
    form = client.get(f"{URL}?region=testkreis&object=offer:{offer.pk}")
    assert f'value="offer:{offer.pk}"' in form.text
    data = {"export": "1", "region": region.pk, "language": "ar", "scope": "pages"}
    response = client.post(URL, {**data, "objects": f"angebot:{offer.pk}", "version": "1.2"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xliff+xml"
    assert b"Migrationsberatung" in response.content
    missing = client.post(URL, {**data, "scope": "missing", "kinds": ["offer"], "version": "2.0"})
    assert b"Migrationsberatung" in missing.content


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"objects": "angebot:x"}, "Art:ID"),
        ({"objects": "haus:3"}, "Unbekannte Art „haus“"),
        ({}, "mindestens eine Seite oder einen Inhalt"),
        ({"objects": "angebot:999999"}, "Keine passenden Seiten oder Inhalte"),
        ({"scope": "missing", "kinds": []}, "mindestens eine Art"),
        ({"objects": "angebot:" + "9" * 30}, "gibt es nicht"),
        ({"pages": "9" * 30}, "Diese Seiten-ID gibt es nicht."),
        ({"objects": "angebot:999999999999999999"}, "Keine passenden Seiten oder Inhalte"),
        ({"objects": "angebot:1", "language": "de-x-ls"}, "Leichte Sprache wird nicht per XLIFF"),
    ],
)
def test_bad_selections_are_explained(
    offer: Offer,
    region: Any,
    translator: Any,  # noqa: F811
    fields: dict[str, Any],
    message: str,
) -> None:
    client = verified_client(translator)
    data = {"export": "1", "region": region.pk, "language": "ar", "scope": "pages"}
    response = client.post(URL, {**data, "version": "1.2", **fields})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert message in response.text


def test_command_exports_snippets(
    offer: Offer, contact: Contact, region: Any, tmp_path: Path
) -> None:
    out = tmp_path / "ar.xlf"
    call_command(
        "export_xliff", "testkreis", "ar", "--object", f"angebot:{offer.pk}", "-o", str(out)
    )
    assert b"Migrationsberatung" in out.read_bytes()
    assert b"Sprachpool" not in out.read_bytes()
    call_command(
        "export_xliff", "testkreis", "ar", "--missing", "--kind", "contact", "-o", str(out)
    )
    assert b"Sprachpool-Koordination" in out.read_bytes()
    assert b"Migrationsberatung" not in out.read_bytes()
    with pytest.raises(CommandError, match="Unbekannte Art"):
        call_command("export_xliff", "testkreis", "ar", "--object", "haus:1")
    with pytest.raises(CommandError, match="entweder"):
        call_command("export_xliff", "testkreis", "ar")
    assert segments.missing(segments.register(offer), arabic())
