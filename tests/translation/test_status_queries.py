"""The status matrix needs the same number of queries for 2 or 12 objects, 2 or 4
languages (no query per object, per language or per cell)."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Locale

from tests.conftest import CapturedQueries, MakeRegion, QueryCount, translate_offer
from tests.translation.test_status import make_page
from wir.core.actions import add_area
from wir.core.models import Area, Region
from wir.portal.models import Offer
from wir.translation import legacy
from wir.translation.status import states

pytestmark = pytest.mark.django_db


def fill(region: Region, pages: int, offers: int) -> None:
    codes = [
        code
        for code in ("de", "de-x-ls", "en", "ar", "uk", "tr")
        if code in states.region_languages(region) or code == "de"
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
        if "de-x-ls" in codes and index % 3 == 0:
            translate_offer(offer, "de-x-ls", f"Angebot {index} in Leichter Sprache")
    legacy.sync_region(region)


def count_queries(query_count: QueryCount, region: Region, **filters: Any) -> CapturedQueries:
    region = Region.objects.get(pk=region.pk)
    with query_count.capture() as queries:
        result = states.matrix(region, **filters)
    assert result.rows or filters
    return queries


def test_constant_number_of_queries(make_region: MakeRegion, query_count: QueryCount) -> None:
    small = make_region("kleinkreis", languages=("de", "en", "ar"))
    large = make_region("grosskreis", languages=("de", "en", "ar", "uk", "tr"))
    fill(small, pages=2, offers=1)
    fill(large, pages=12, offers=6)
    states.matrix(small)  # content types are cached after the first call
    baseline = count_queries(query_count, small)
    assert len(baseline) <= 20, baseline.listing()
    query_count.assert_same(baseline, count_queries(query_count, large))
    query_count.assert_same(baseline, count_queries(query_count, large, status=states.MISSING))
    query_count.assert_same(baseline, count_queries(query_count, large, language="en"))


def test_constant_number_of_queries_with_easy_german(
    make_region: MakeRegion, query_count: QueryCount
) -> None:
    """Easy German cells follow their own rule (publication times, confirmations): still
    no query per object or cell."""
    from wir.portal.actions import publish
    from wir.portal.models import ContentPage

    small = make_region("leichtklein", languages=("de", "de-x-ls", "en"))
    large = make_region("leichtgross", languages=("de", "de-x-ls", "en", "ar", "uk"))
    fill(small, pages=2, offers=1)
    fill(large, pages=12, offers=6)
    for page in ContentPage.objects.filter(
        url_path__startswith="/leichtgross/de/", slug__in=["seite-0", "seite-3"]
    ):
        publish(page)  # the German original changed after its Easy German version
    states.matrix(small)
    baseline = count_queries(query_count, small)
    assert len(baseline) <= 20, baseline.listing()
    query_count.assert_same(baseline, count_queries(query_count, large))
    query_count.assert_same(baseline, count_queries(query_count, large, language="de-x-ls"))
    query_count.assert_same(
        baseline, count_queries(query_count, large, language="de-x-ls", status=states.OUTDATED)
    )
    counts = states.matrix(large).counts["de-x-ls"]
    assert counts[states.OUTDATED] == 2
    assert counts[states.UP_TO_DATE] >= 4
