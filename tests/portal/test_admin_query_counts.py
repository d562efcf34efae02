"""The back office's common pages read a fixed number of queries, whatever the amount of
content: the page explorer, the offers list and the offer editor, with 3 and with 30
pages or offers (exact counts; a failure prints the SQL, or the difference)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.conftest import CapturedQueries, MakeUser, QueryCount, verified_client
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area, Region
from wir.portal.actions import publish
from wir.portal.models import ContentPage, Offer, Place

pytestmark = pytest.mark.django_db


def add_content(region: Region, first: int, count: int) -> None:
    """`count` published pages below the German home and as many offers, each at its own
    place in its own municipality."""
    home = Page.objects.get(url_path="/testkreis/de/")
    german = Locale.objects.get(language_code="de")
    for number in range(first, first + count):
        page = ContentPage(title=f"Thema {number}", slug=f"thema-{number}", intro="Kurz")
        home.add_child(instance=page)
        publish(page)
        town = add_area(
            region, f"Ort {number}", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("8.7")
        )
        place = Place.objects.create(
            region=region, name=f"Rathaus {number}", street="Markt 1", postcode="61169",
            town=f"Ort {number}", area=town, latitude=Decimal("50.4"), longitude=Decimal("8.7"),
        )  # fmt: skip
        Offer.objects.create(
            region=region, locale=german, category="counselling", title=f"Beratung {number}",
            summary="Kurz", provider="Beratungsstelle", area=town, place=place,
        )  # fmt: skip


def queries_for(client: Client, query_count: QueryCount, url: str) -> CapturedQueries:
    assert client.get(url).status_code == 200  # warm: sessions, locales, site settings
    with query_count.capture() as queries:
        assert client.get(url).status_code == 200
    return queries


@pytest.mark.parametrize(
    ("name", "expected"),
    [("page_explorer", 44), ("offers_list", 18), ("offer_edit", 35)],
)
def test_common_admin_pages_read_a_fixed_number_of_queries(
    region: Region, make_user: MakeUser, query_count: QueryCount, name: str, expected: int
) -> None:
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    add_content(region, 0, 3)
    first_offer = Offer.objects.order_by("pk").first()
    assert first_offer is not None
    home = Page.objects.get(url_path="/testkreis/de/")
    url = {
        "page_explorer": f"/admin/pages/{home.pk}/",
        "offers_list": "/admin/snippets/portal/offer/",
        "offer_edit": f"/admin/snippets/portal/offer/edit/{first_offer.pk}/",
    }[name]
    few = queries_for(client, query_count, url)
    add_content(region, 3, 27)
    many = queries_for(client, query_count, url)
    query_count.assert_same(few, many)
    assert len(many) == expected, many.listing()
