"""`in` over an integer column with numbers the column cannot hold (wir/core/lookups.py)."""

import pytest

from wir.core.models import Area, Region

pytestmark = pytest.mark.django_db


def test_numbers_beyond_the_column_match_nothing_instead_of_failing(
    region: Region, towns: dict[str, Area]
) -> None:
    area = next(iter(towns.values()))
    huge, tiny = 9999999999999999999, -9999999999999999999
    assert list(Area.objects.filter(pk__in=[huge, tiny])) == []
    assert list(Area.objects.filter(pk__in=[huge, area.pk])) == [area]
    assert not Area.objects.filter(region=region, pk__in=[str(huge)]).exists()
