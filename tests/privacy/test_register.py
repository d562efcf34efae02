"""The register of processing activities (Art. 30 GDPR): page and PDF for the coordination
of a region, generated from the declarations of `wir.privacy.registry`."""

from __future__ import annotations

import base64
import contextlib
import re
import zlib
from collections.abc import Iterator

import pytest
from django.test import Client

from tests.conftest import verified_client
from wir.core.models import Area
from wir.privacy import registry
from wir.privacy.registry import ERASE_DELETE, Retention, declarations, declare

URL = "/admin/datenschutz/{}/verzeichnis/"


@pytest.fixture
def declared_area() -> Iterator[None]:
    """A model declared by the test (restored afterwards, whatever was there)."""
    label = Area._meta.label_lower
    saved = registry.declaration_of(label)
    declare(
        Area,
        fields=("name",),
        purpose="TESTZWECK Wegweiser nach Wohngebiet",
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
        retention=Retention(months=18, since="official_key", action=ERASE_DELETE),
        region="region",
        visible_to="Koordination der Region",
        concerns="Bewohnerinnen und Bewohner",
        sensitive=True,
    )
    yield
    if saved is None:
        registry._REGISTRY.pop(label)
    else:
        registry._REGISTRY[label] = saved


@pytest.fixture
def coordination(make_user, region) -> Client:
    return verified_client(make_user("koordination", "coordination", region))


def test_the_page_lists_every_declaration_with_purpose_and_retention(
    declared_area, coordination, region
) -> None:
    response = coordination.get(URL.format(region.slug))
    assert response.status_code == 200
    text = response.content.decode()
    assert region.full_name in text  # the controller
    assert "TESTZWECK Wegweiser nach Wohngebiet" in text
    assert "18 Monate nach „Amtlicher Gemeindeschlüssel“" in text  # the field's name
    assert "dann gelöscht" in text
    assert "Bewohnerinnen und Bewohner" in text
    assert "ja – Einsicht nur mit Begründung" in text
    for declaration in declarations():  # every module's declarations, not only the test's
        assert str(declaration.model._meta.verbose_name_plural) in text
        assert declaration.label in text


def test_a_model_declared_later_appears(coordination, region) -> None:
    assert "TESTZWECK" not in coordination.get(URL.format(region.slug)).content.decode()
    label = Area._meta.label_lower
    saved = registry.declaration_of(label)
    try:
        declare(Area, fields=("name",), purpose="TESTZWECK neu", legal_basis="x", retention=None)
        text = coordination.get(URL.format(region.slug)).content.decode()
    finally:
        if saved is None:
            registry._REGISTRY.pop(label)
        else:
            registry._REGISTRY[label] = saved
    assert "TESTZWECK neu" in text
    assert "gelöscht mit dem Konto oder auf Antrag" in text  # no retention rule


def pdf_text(body: bytes) -> str:
    """The text drawn in a PDF made by reportlab (page streams, maybe compressed)."""
    parts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\n?endstream", body, re.S):
        if stream.rstrip().endswith(b"~>"):  # ASCII85, then Flate
            stream = base64.a85decode(stream.rstrip()[:-2])
        with contextlib.suppress(zlib.error):
            stream = zlib.decompress(stream)
        parts += re.findall(rb"\((.*?)(?<!\\)\)\s*Tj", stream)
    return b" ".join(parts).decode("latin-1")


def test_the_pdf_is_a_pdf_with_the_register(declared_area, coordination, region) -> None:
    response = coordination.get(URL.format(region.slug) + "?format=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "verarbeitungsverzeichnis-testkreis.pdf" in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"%PDF-")
    assert body.rstrip().endswith(b"%%EOF")
    text = pdf_text(body)
    assert "TESTZWECK Wegweiser nach Wohngebiet" in text
    assert "Testkreis testkreis" in text  # the controller
    assert "Art. 6 Abs. 1 lit. e DSGVO" in text


def test_coordination_of_another_region_gets_404(
    declared_area, make_region, make_user, region
) -> None:
    other = make_region("nachbar", languages=("de",))
    foreign = verified_client(make_user("fremd", "coordination", other))
    assert foreign.get(URL.format(region.slug)).status_code == 404
    assert foreign.get(URL.format(region.slug) + "?format=pdf").status_code == 404
    assert foreign.get(URL.format("gibt-es-nicht")).status_code == 404
    # Their own region's register is theirs.
    assert foreign.get(URL.format(other.slug)).status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [("clerk", 302), ("editor", 404), ("translator", 404), ("observer", 404)],
)
def test_other_roles_of_the_region_are_refused(
    declared_area, make_user, region, role: str, status: int
) -> None:
    """Roles without the back office go to the sign-in; the others' region looks missing."""
    client = verified_client(make_user("person", role, region))
    for url in (URL.format(region.slug), URL.format(region.slug) + "?format=pdf"):
        response = client.get(url)
        assert response.status_code == status
        assert b"TESTZWECK" not in response.content
        if status == 302:
            assert response["Location"].startswith("/konto/anmelden/")


def test_the_menu_shows_the_register_to_coordination_only(coordination, make_user, region) -> None:
    index = coordination.get("/admin/datenschutz/verzeichnis/")
    assert index.status_code == 302
    assert index["Location"] == URL.format(region.slug)
    assert "Verarbeitungsverzeichnis" in coordination.get("/admin/").content.decode()
    editor = verified_client(make_user("redaktion", "editor", region))
    assert "Verarbeitungsverzeichnis" not in editor.get("/admin/").content.decode()
    assert (
        "Sie sehen in keiner Region"
        in editor.get("/admin/datenschutz/verzeichnis/").content.decode()
    )
