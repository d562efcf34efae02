"""The Sprachpool's pages read a fixed number of rows' worth of queries: the same with three
times the requests, mediators and offers (exact counts; a failure prints the SQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.conftest import QueryCount, verified_client
from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool.models import Assignment, MediationRequest

pytestmark = pytest.mark.django_db

ADMIN = "/admin/sprachpool/testkreis"
PERIOD = {"von": MONDAY.isoformat(), "bis": MONDAY.isoformat()}


def add_rows(pool: Callable[..., Any], ask: Callable[..., Any], first: int, count: int) -> list:
    """`count` mediators, each with a request of the plan's day offered to them."""
    requests = []
    for number in range(first, first + count):
        mediator = pool(f"SM-{number}")
        request = ask(at(MONDAY, 8 + number), status=MediationRequest.Status.OFFERED)
        Assignment.objects.create(
            request=request, mediator=mediator, starts_at=request.starts_at, ends_at=request.ends_at
        )
        requests.append(request)
    return requests


def counted(query_count: QueryCount, client: Client, path: str, **query: str) -> Any:
    client.get(path, query)  # warm the caches (locales, site settings, sessions)
    with query_count.capture() as captured:
        response = client.get(path, query)
    assert response.status_code == 200, path
    return captured


@pytest.mark.parametrize(
    ("page", "expected", "query"),
    [
        ("vermittlung/", 24, PERIOD),
        ("abrechnung/", 17, {}),
        ("berichte/", 14, {}),
    ],
)
def test_coordination_pages(
    pool, ask, coordinator, query_count: QueryCount, page: str, expected: int, query: dict
) -> None:
    client = verified_client(coordinator)
    add_rows(pool, ask, 0, 1)
    few = counted(query_count, client, f"{ADMIN}/{page}", **query)
    add_rows(pool, ask, 1, 3)
    many = counted(query_count, client, f"{ADMIN}/{page}", **query)
    query_count.assert_same(few, many)
    assert len(many) == expected, many.listing()


def test_request_detail_in_the_back_office(pool, ask, coordinator, query_count) -> None:
    client = verified_client(coordinator)
    (request,) = add_rows(pool, ask, 0, 1)
    few = counted(query_count, client, f"{ADMIN}/anfrage/{request.pk}/")
    for number in range(1, 4):  # more candidates and more offers of the same request
        mediator = pool(f"SM-{number}")
        Assignment.objects.create(
            request=request, mediator=mediator, starts_at=request.starts_at, ends_at=request.ends_at
        )
    many = counted(query_count, client, f"{ADMIN}/anfrage/{request.pk}/")
    query_count.assert_same(few, many)
    assert len(many) == 28, many.listing()


def test_the_department_start_page(pool, ask, query_count) -> None:
    (request,) = add_rows(pool, ask, 0, 1)
    client = Client()
    client.force_login(request.requested_by)
    few = counted(query_count, client, "/sprachpool/")
    add_rows(pool, ask, 1, 3)  # the same department asks three times more
    many = counted(query_count, client, "/sprachpool/")
    query_count.assert_same(few, many)
    assert len(many) == 6, many.listing()


def test_the_mediator_start_page(make_mediator, make_request, make_offer, query_count) -> None:
    mediator = make_mediator("SM-1")
    make_offer(make_request(), mediator)
    client = Client()
    client.force_login(mediator.user)
    few = counted(query_count, client, "/sprachpool/")
    for _ in range(3):  # three more offers to answer
        make_offer(make_request(), mediator)
    many = counted(query_count, client, "/sprachpool/")
    query_count.assert_same(few, many)
    assert len(many) == 12, many.listing()
