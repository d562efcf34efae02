"""The shared query-count fixture (tests/conftest.py) fails with the SQL in its message."""

from contextlib import AbstractContextManager
from typing import Any

import pytest

from tests.conftest import QueryCount
from wir.core.models import Language, Region

pytestmark = pytest.mark.django_db


def two_queries_in(counting: AbstractContextManager[Any]) -> None:
    with counting:
        list(Region.objects.all())
        list(Language.objects.all())


def test_exact_count_passes_and_shows_the_sql_when_it_differs(query_count: QueryCount) -> None:
    with query_count.exactly(1) as captured:
        list(Region.objects.all())
    assert len(captured) == 1
    two_queries_in(query_count.exactly(2))
    expected = r'(?s)2 queries, expected 1:\n  1\. .*"core_region".*\n  2\. .*"core_language"'
    with pytest.raises(pytest.fail.Exception, match=expected):
        two_queries_in(query_count.exactly(1))


def test_at_most(query_count: QueryCount) -> None:
    two_queries_in(query_count.at_most(3))
    with pytest.raises(pytest.fail.Exception, match="2 queries, at most 1 expected"):
        two_queries_in(query_count.at_most(1))


def test_assert_same_shows_the_additional_queries(query_count: QueryCount) -> None:
    with query_count.capture() as few:
        list(Region.objects.all())
    with query_count.capture() as same:
        list(Region.objects.all())
    query_count.assert_same(few, same)
    with query_count.capture() as more:
        list(Region.objects.all())
        list(Language.objects.all())
    expected = r'(?s)2 queries instead of 1:.*\n\+.*"core_language"'
    with pytest.raises(pytest.fail.Exception, match=expected):
        query_count.assert_same(few, more)
