"""The back office's lists of regions, areas and roles read a fixed number of queries: the
same with more rows (exact counts; a failure prints the SQL)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from wagtail.models import Locale

from tests.conftest import MakeRegion, MakeUser, QueryCount, verified_client
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area
from wir.portal.models import Offer

pytestmark = pytest.mark.django_db

LISTS = {
    "areas": "/admin/snippets/core/area/",
    "roles": "/admin/snippets/accounts/membership/",
    "regions": "/admin/snippets/core/region/",
}


def add_rows(region, make_user: MakeUser, first: int, count: int) -> None:
    for number in range(first, first + count):
        add_area(
            region,
            f"Ort {number}",
            Area.Kind.MUNICIPALITY,
            Decimal("50.4") + number / Decimal(100),
            Decimal("8.7"),
        )
        make_user(f"redaktion-{number}", Role.EDITOR, region)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("areas", 13),
        ("roles", 14),
        ("regions", 13),
    ],
)
def test_back_office_lists(
    make_region: MakeRegion, make_user: MakeUser, query_count: QueryCount, name: str, expected: int
) -> None:
    region = make_region("nordkreis")
    client = verified_client(make_user("koordination-nord", Role.COORDINATION, region))
    add_rows(region, make_user, 0, 1)
    client.get(LISTS[name])  # warm the caches (locales, site settings, sessions)
    with query_count.capture() as few:
        assert client.get(LISTS[name]).status_code == 200
    add_rows(region, make_user, 1, 3)
    with query_count.capture() as many:
        assert client.get(LISTS[name]).status_code == 200
    query_count.assert_same(few, many)
    assert len(many) == expected, many.listing()


def test_the_offer_list_loads_each_offers_municipality_with_the_rows(
    make_region: MakeRegion, make_user: MakeUser, query_count: QueryCount
) -> None:
    region = make_region("nordkreis")
    client = verified_client(make_user("redaktion-nord", Role.EDITOR, region))
    german = Locale.objects.get(language_code="de")

    def add_offers(first: int, count: int) -> None:
        for number in range(first, first + count):
            town = add_area(
                region, f"Ort {number}", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("8.7")
            )
            Offer.objects.create(
                region=region, locale=german, category="counselling", title=f"Beratung {number}",
                summary="Kurz", provider="Beratungsstelle", area=town,
            )  # fmt: skip

    add_offers(0, 1)
    client.get("/admin/snippets/portal/offer/")
    with query_count.capture() as few:
        assert client.get("/admin/snippets/portal/offer/").status_code == 200
    add_offers(1, 3)
    with query_count.capture() as many:
        page = client.get("/admin/snippets/portal/offer/")
    assert "Ort 3" in page.content.decode()
    query_count.assert_same(few, many)
