"""The status matrix needs the same number of queries for 2 or 12 objects, 2 or 4
languages (no query per object, per language or per cell)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests.conftest import MakeRegion, translate_offer
from tests.translation.test_status import make_page
from wir.core.actions import add_area
from wir.core.models import Area, Region
from wir.portal.models import Offer
from wir.translation import legacy, status

pytestmark = pytest.mark.django_db


def fill(region: Region, pages: int, offers: int) -> None:
    codes = [
        code
        for code in ("de", "en", "ar", "uk", "tr")
        if code in status.region_languages(region) or code == "de"
    ]
    for index in range(pages):
        make_page(
            region,
            f"seite-{index}",
            {
                code: (f"Seite {index} {code}", f"<p>Text {index} {code}.</p>")
                for code in codes[: 2 + index % 3]
            },
        )
    town = add_area(region, f"Ort {region.slug}", Area.Kind.MUNICIPALITY, 50, 8)
    for index in range(offers):
        offer = Offer(
            region=region,
            locale=Locale.objects.get(language_code="de"),
            category="counselling",
            title=f"Angebot {index}",
            summary="Kurz",
            provider="Träger",
            area=town,
        )
        offer.save()
        if index % 2:
            translate_offer(offer, "en", f"Offer {index}")
    legacy.sync_region(region)


def count_queries(region: Region, **filters: Any) -> int:
    region = Region.objects.get(pk=region.pk)
    with CaptureQueriesContext(connection) as queries:
        result = status.matrix(region, **filters)
    assert result.rows or filters
    return len(queries)


def test_constant_number_of_queries(make_region: MakeRegion) -> None:
    small = make_region("kleinkreis", languages=("de", "en", "ar"))
    large = make_region("grosskreis", languages=("de", "en", "ar", "uk", "tr"))
    fill(small, pages=2, offers=1)
    fill(large, pages=12, offers=6)
    status.matrix(small)  # content types are cached after the first call
    baseline = count_queries(small)
    assert baseline <= 20
    assert count_queries(large) == baseline
    assert count_queries(large, status=status.MISSING) == baseline
    assert count_queries(large, language="en") == baseline
