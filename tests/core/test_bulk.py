"""After a bulk load, PostgreSQL's planner learns the new sizes of the tables the load
wrote, and only of those (wir/core/bulk.py)."""

from decimal import Decimal

import pytest
from django.db import connection

from wir.core import bulk
from wir.core.actions import add_area
from wir.core.models import Area

pytestmark = pytest.mark.django_db


def planner_rows(table: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        return float(cursor.fetchone()[0])


def test_the_tables_a_load_wrote_are_analyzed_and_no_others(region) -> None:
    if connection.vendor != "postgresql":
        assert bulk.analyze() == []  # SQLite's planner needs no statistics
        return
    for number in range(40):
        add_area(region, f"Ort {number}", Area.Kind.MUNICIPALITY, Decimal("50.3"), Decimal("8.8"))
    analyzed = bulk.analyze()
    assert "core_area" in analyzed
    assert "sprachpool_mediator" not in analyzed  # not written by this transaction
    assert planner_rows("core_area") >= 40  # the planner now counts the new rows
