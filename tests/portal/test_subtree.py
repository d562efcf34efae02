"""A region's pages are read as an index range of the tree path: the same pages as
Wagtail's descendant_of/child_of, and SQLite does not scan the other regions' pages."""

from __future__ import annotations

import pytest
from django.db import connection
from wagtail.models import Page

from wir.portal.publication import children, descendants, subtree

pytestmark = pytest.mark.django_db


def test_subtree_children_and_descendants_match_wagtail(make_region) -> None:
    first, second = make_region("eins"), make_region("zwei")
    for region in (first, second):
        root = region.root_page
        assert set(Page.objects.filter(subtree(root.path))) == set(
            Page.objects.descendant_of(root, inclusive=True)
        )
        assert set(Page.objects.filter(children(root.path, root.depth))) == set(
            Page.objects.child_of(root)
        )
        assert set(Page.objects.filter(descendants(root.path, root.depth))) == set(
            Page.objects.descendant_of(root)
        )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_sqlite_reads_a_range_of_the_path_index(region) -> None:
    sql, params = Page.objects.filter(subtree(region.root_page.path)).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "SEARCH" in plan
    assert "SCAN wagtailcore_page" not in plan
