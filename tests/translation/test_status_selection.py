"""The status matrix's XLIFF export takes the rows chosen on the page, or every row under
the matrix's filters across all pages of the table ("alle gefilterten auswählen")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from wagtail.models import Locale

from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area
from wir.portal.models import Offer
from wir.translation.status import views

pytestmark = pytest.mark.django_db

XLIFF = "/admin/uebersetzung/xliff/"


@pytest.fixture
def offers(region: Any) -> list[Offer]:
    german = Locale.objects.get(language_code="de")
    town = add_area(region, "Nidda", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("9.0"))
    fields = {"summary": "Kurz", "provider": "Beratungsstelle", "category": "counselling"}
    return [
        Offer.objects.create(
            region=region, locale=german, title=f"Beratung {n}", area=town, **fields
        )
        for n in range(3)
    ]


def export_data(region: Any, **extra: str) -> dict[str, Any]:
    return {
        "export": "1", "region": region.pk, "scope": "pages", "language": "ar",
        "version": "1.2", **extra,
    }  # fmt: skip


def test_all_filtered_rows_are_exported_across_the_pages_of_the_table(
    region: Any, offers: list[Offer], make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "ROWS_PER_PAGE", 2)
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    table = client.get("/admin/uebersetzung/stand/testkreis/?section=offer").text
    assert "Alle 3 gefilterten Inhalte auswählen" in table
    assert 'name="filter_section" value="offer"' in table
    assert "Beratung 2" not in table  # on the second page of the table
    answer = client.post(XLIFF, export_data(region, all_filtered="1", filter_section="offer"))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/xliff+xml"
    content = answer.content.decode()
    for offer in offers:
        assert offer.title in content
    assert "Start testkreis" not in content  # pages were filtered out
    # Only the rows ticked on the page, when "all" is not chosen.
    one = client.post(XLIFF, export_data(region, item=f"offer:{offers[2].pk}"))
    assert "Beratung 2" in one.content.decode()
    assert "Beratung 0" not in one.content.decode()


def test_a_bad_filter_or_another_region_exports_nothing(
    region: Any, offers: list[Offer], make_user: Any, make_region: Any
) -> None:
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    bad = client.post(XLIFF, export_data(region, all_filtered="1", filter_status="kaputt"))
    assert bad.status_code == 200
    assert "Bitte mindestens eine Seite oder einen Inhalt angeben." in bad.content.decode()
    other = make_region("anderkreis")
    foreign = client.post(XLIFF, export_data(other, all_filtered="1", filter_section="offer"))
    assert "application/xliff+xml" not in foreign["Content-Type"]
    assert "Beratung" not in foreign.content.decode()
