"""The actors directory: the coordination's list, filters, map data and exports; the
partner login that keeps its own entry current."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.conftest import TEST_PASSWORD, QueryCount
from tests.network.conftest import Net
from wir.core.models import Area, Language
from wir.network import exports
from wir.network.models import ContactRole, Organisation, OrganisationTopic
from wir.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def add_organisation(net: Net, name: str, kind: str = "school", **fields: object) -> Organisation:
    return Organisation.objects.create(region=net.region, name=name, kind=kind, **fields)


def test_coordination_finds_organisations_by_text_type_topic_language_and_area(net: Net) -> None:
    school = add_organisation(net, "Grundschule am Park", description="Elterncafé")
    OrganisationTopic.objects.create(organisation=school, topic="family")
    school.languages.add(Language.objects.get(code="en"))
    district = Area.objects.get(region=net.region, kind=Area.Kind.DISTRICT)
    school.areas.add(district)
    client = net.client("coordination")
    url = f"/netzwerk/{net.region.slug}/akteure/"

    def names(query: str) -> list[str]:
        response = client.get(url + query)
        assert response.status_code == 200
        return [o.name for o in response.context["page"]]

    assert names("") == ["Grundschule am Park", "Turnverein testkreis"]
    assert names("?q=elterncaf") == ["Grundschule am Park"]
    assert names("?q=integrationsbeauftragte") == ["Turnverein testkreis"]  # contact role
    assert names("?kind=sports_club") == ["Turnverein testkreis"]
    assert names("?topic=family") == ["Grundschule am Park"]
    assert names(f"?language={Language.objects.get(code='ar').pk}") == ["Turnverein testkreis"]
    # A municipality's filter finds the organisations of its Ortsteile too.
    assert names(f"?area={district.parent_id}") == ["Grundschule am Park", "Turnverein testkreis"]
    assert names(f"?area={district.pk}") == ["Grundschule am Park"]
    # Nonsense in the filters: no error, the whole list.
    assert names("?kind=rakete&area=abc") == ["Grundschule am Park", "Turnverein testkreis"]


def test_map_points_use_own_coordinates_or_the_area_centre(net: Net) -> None:
    district = Area.objects.get(region=net.region, kind=Area.Kind.DISTRICT)
    school = add_organisation(net, "Gesamtschule")
    school.areas.add(district)
    add_organisation(net, "Ohne Ort")
    response = net.client("coordination").get(f"/netzwerk/{net.region.slug}/akteure/")
    points = {p["name"]: p for p in response.context["map_points"]}
    assert set(points) == {"Gesamtschule", "Turnverein testkreis"}
    assert points["Turnverein testkreis"]["lat"] == pytest.approx(50.31)
    assert points["Gesamtschule"]["lat"] == pytest.approx(float(district.latitude))
    assert b"data-wir-map" in response.content
    assert f'data-areas="/offline/{net.region.slug}/gebiete.json"'.encode() in response.content


def test_list_queries_do_not_grow_with_the_rows(net: Net, query_count: QueryCount) -> None:
    client = net.client("coordination")
    url = f"/netzwerk/{net.region.slug}/akteure/"
    client.get(url)
    with query_count.capture() as few:
        client.get(url)
    district = Area.objects.get(region=net.region, kind=Area.Kind.DISTRICT)
    for index in range(12):
        organisation = add_organisation(net, f"Verein {index}", kind="club")
        organisation.areas.add(district)
        organisation.languages.add(Language.objects.get(code="en"))
        OrganisationTopic.objects.create(organisation=organisation, topic="culture")
        ContactRole.objects.create(organisation=organisation, role="Vorstand")
    with query_count.capture() as many:
        client.get(url)
    query_count.assert_same(few, many)


def test_safe_cell_neutralises_formulas() -> None:
    assert exports.safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert exports.safe_cell("+49 6031") == "'+49 6031"
    assert exports.safe_cell("-1") == "'-1"
    assert exports.safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert exports.safe_cell("Turnverein") == "Turnverein"
    assert exports.safe_cell(None) == ""


def test_exports_csv_and_xlsx_with_filters_and_no_formulas(net: Net) -> None:
    add_organisation(net, '=HYPERLINK("http://x")', kind="club", website="https://x.example")
    client = net.client("coordination")
    base = f"/netzwerk/{net.region.slug}/akteure/"
    response = client.get(base + "export.csv?kind=club")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="akteure-testkreis-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Name"
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert len(rows) == 2  # the filter applies
    response = client.get(base + "export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values[1] == '\'=HYPERLINK("http://x")'
    assert "Turnverein testkreis" in values
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(cell.data_type != "f" for cell in cells)
    # The person's name of a contact role is not exported; the role and its address are.
    assert "GEHEIM" not in response.content.decode("latin-1")
    tv = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Turnverein testkreis")
    assert "Vorstand — Integrationsbeauftragte*r, 06031 0000" in str(tv[7])


def test_new_organisation_and_bad_input(net: Net) -> None:
    client = net.client("coordination")
    url = f"/netzwerk/{net.region.slug}/akteure/neu/"
    response = client.post(
        url,
        {"name": " turnverein   TESTKREIS ", "kind": "club", "latitude": "50,1", "website": "x"},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Eine Organisation mit diesem Namen gibt es schon." in text
    assert "vollständige Adresse" in text
    assert Organisation.objects.count() == 1
    response = client.post(url, {"name": "Tafel", "kind": "rakete"})
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Eintrag aus der Liste." in response.content.decode()
    response = client.post(url, {"name": "Tafel", "kind": "initiative", "latitude": "50.2"})
    assert "Breiten- und Längengrad" in response.content.decode()
    area = Area.objects.filter(region=net.region).first()
    assert area is not None
    response = client.post(
        url,
        {"name": "Tafel  Nord", "kind": "initiative", "topics": ["housing", "health"],
         "areas": [area.pk], "languages": [Language.objects.get(code="uk").pk]},
    )  # fmt: skip
    assert response.status_code == 302
    tafel = Organisation.objects.get(name="Tafel Nord")
    assert sorted(tafel.topics.values_list("topic", flat=True)) == ["health", "housing"]
    assert list(tafel.areas.all()) == [area]


def test_another_regions_area_is_refused(net: Net, other: Net) -> None:
    foreign = Area.objects.filter(region=other.region).first()
    assert foreign is not None
    response = net.client("coordination").post(
        f"/netzwerk/{net.region.slug}/akteure/neu/",
        {"name": "Tafel", "kind": "initiative", "areas": [foreign.pk]},
    )
    assert response.status_code == 400
    assert not Organisation.objects.filter(name="Tafel").exists()


def test_partner_lands_on_its_organisation_and_keeps_it_current(net: Net) -> None:
    client = Client()
    response = client.post(
        "/konto/anmelden/", {"username": "testkreis-partner", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/netzwerk/"
    response = client.get("/netzwerk/")
    organisation = net.organisation
    assert response["Location"] == f"/netzwerk/organisation/{organisation.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Turnverein testkreis" in page.content.decode()
    edit = f"/netzwerk/organisation/{organisation.pk}/bearbeiten/"
    response = client.post(
        edit,
        {"description": "Training mittwochs", "website": "https://tv.example",
         "topics": ["sports", "youth"], "kind": "authority", "name": "Umbenannt"},
    )  # fmt: skip
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Training mittwochs"
    assert organisation.name == "Turnverein testkreis"  # name and type stay with coordination
    assert organisation.kind == "sports_club"
    response = client.post(edit, {"website": "kein link"})
    assert response.status_code == 400
    organisation.refresh_from_db()
    assert organisation.website == "https://tv.example"


def test_partner_sees_nothing_of_other_organisations(net: Net, other: Net) -> None:
    client = net.client("partner")
    stranger = add_organisation(net, "Fremder Verein")
    for url in [
        f"/netzwerk/organisation/{stranger.pk}/",
        f"/netzwerk/organisation/{stranger.pk}/bearbeiten/",
        f"/netzwerk/organisation/{other.organisation.pk}/",
        f"/netzwerk/{net.region.slug}/akteure/",
        f"/netzwerk/{net.region.slug}/akteure/export.csv",
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(
        f"/netzwerk/organisation/{stranger.pk}/ansprechstellen/", {"role": "Vorstand"}
    )
    assert response.status_code == 404
    assert not ContactRole.objects.filter(organisation=stranger).exists()
    # Coordination of another region: not found either.
    response = other.client("coordination").get(f"/netzwerk/organisation/{net.organisation.pk}/")
    assert response.status_code == 404


def test_contact_roles_name_only_with_consent_and_audited(net: Net) -> None:
    client = net.client("partner")
    organisation = net.organisation
    url = f"/netzwerk/organisation/{organisation.pk}/ansprechstellen/"
    before = ContactRole.objects.count()
    response = client.post(url, {"role": "Jugendwart*in", "person_name": "Erika"}, follow=True)
    assert "nur mit Einwilligung" in response.content.decode()
    assert ContactRole.objects.count() == before
    response = client.post(url, {"role": "", "office_email": "kaputt"}, follow=True)
    text = response.content.decode()
    assert "Bitte füllen Sie dieses Feld aus." in text
    assert "gültige E-Mail-Adresse" in text
    client.post(url, {"role": "Jugendwart*in", "office_email": "jugend@tv.example"})
    contact = ContactRole.objects.get(role="Jugendwart*in")
    event = AuditEvent.objects.get(record_type="network.contactrole", record_id=str(contact.pk))
    assert event.action == "created"
    assert event.fields == ["office_email"]
    assert event.region_id == net.region.pk


def test_coordination_links_a_partner_login(net: Net, make_user: object) -> None:
    school = add_organisation(net, "Realschule", latitude=Decimal("50.3"), longitude=Decimal("8.7"))
    client = net.client("coordination")
    url = f"/netzwerk/organisation/{school.pk}/zugang/"
    response = client.post(url, {"username": "testkreis-clerk"}, follow=True)
    assert "Einen Partnerzugang mit diesem Namen gibt es" in response.content.decode()
    client.post(url, {"username": "testkreis-partner"})
    partner = net.client("partner")
    assert partner.get(f"/netzwerk/organisation/{school.pk}/").status_code == 200
    # Two organisations now: the start page lists both.
    response = partner.get("/netzwerk/")
    assert response.status_code == 200
    assert "Realschule" in response.content.decode()
    # The partner may not link logins itself.
    assert partner.post(url, {"username": "testkreis-partner"}).status_code == 404


def test_a_choice_id_beyond_any_number_is_an_invalid_choice_not_a_server_error(net: Net) -> None:
    """Found by the hostile-input corpus: an area or language id above 2^63 in the partner's
    form reached the database (SQLite's driver: OverflowError), a 500."""
    client = net.client("partner")
    client.raise_request_exception = False
    organisation = net.organisation
    before = organisation.description
    edit = f"/netzwerk/organisation/{organisation.pk}/bearbeiten/"
    for name in ("areas", "languages"):
        response = client.post(
            edit, {"description": "Neu", name: ["9999999999999999999", "-9999999999999999999"]}
        )
        assert response.status_code == 400
        assert "Bitte wählen Sie einen Eintrag aus der Liste." in response.content.decode()
        organisation.refresh_from_db()
        assert organisation.description == before
