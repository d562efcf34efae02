"""Numbers in the German UI of the Sprachpool: decimal comma and thousands points for km
and €, the same on the request page, the plan, the mediator's page and the statements."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import verified_client
from tests.sprachpool.conftest import MONDAY, at
from wir.sprachpool import statements
from wir.sprachpool.matching import euro, german_number, kilometres
from wir.sprachpool.models import Assignment, MediationRequest

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
ENGLISH_KM = re.compile(r"\d\.\d+(\s|&nbsp;)*km")
ENGLISH_EURO = re.compile(r"\d\.\d\d(\s|&nbsp;)*€")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (11.94, 1, "11,9"),
        (0, 1, "0,0"),
        (1234.5, 1, "1.234,5"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (26.4, 0, "26"),
        (-3.25, 2, "-3,25"),
    ],
)
def test_german_number(value, places, expected) -> None:
    assert german_number(value, places) == expected


def test_euro_and_kilometres() -> None:
    # A no-break space: number and unit never part at a line end.
    assert euro(Decimal("0")) == f"0,00{NBSP}€"
    assert euro(Decimal("1234.5")) == f"1.234,50{NBSP}€"
    assert kilometres(14.84) == f"14,8{NBSP}km"
    assert kilometres(26.4, 0) == f"26{NBSP}km"


def paid_booking(ask, mediator, amount: str) -> Assignment:
    start = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=3)
    request = ask(start, ends_at=start + timedelta(hours=1), status=MediationRequest.Status.DONE)
    return Assignment.objects.create(
        request=request, mediator=mediator, starts_at=request.starts_at,
        ends_at=request.ends_at, status=Assignment.Status.DONE, actual_minutes=60,
        travel_km=Decimal("12.5"), allowance=Decimal(amount),
    )  # fmt: skip


def test_request_page_and_plan_show_german_numbers(pool, ask, coordinator) -> None:
    pool("SM-FERN", town="Büdingen")
    request = ask(at(MONDAY, 10))
    client = verified_client(coordinator)
    text = client.get(f"/admin/sprachpool/testkreis/anfrage/{request.pk}/").text
    assert re.search(r"Anfahrt \d+,\d\u00a0km", text), text
    assert f"Jahressumme 0,00{NBSP}€ von 960,00{NBSP}€" in text
    assert "diesen Monat 0,0 Std. im Einsatz" in text
    assert not ENGLISH_KM.search(text)
    assert not ENGLISH_EURO.search(text)
    days = {"von": MONDAY.isoformat(), "bis": MONDAY.isoformat()}
    plan = client.get("/admin/sprachpool/testkreis/vermittlung/", days).text
    assert re.search(r"SM-FERN</strong> · \d+,\d&nbsp;km", plan), plan
    assert not ENGLISH_KM.search(plan)


def test_mediator_page_and_statements_show_german_amounts(
    pool, ask, coordinator, make_user, region
) -> None:
    person = make_user("sm-zahlen", "mediator", region)
    mediator = pool("SM-ZAHLEN", user=person)
    booking = paid_booking(ask, mediator, "1234.50")
    home = Client()
    home.force_login(person)
    text = home.get("/sprachpool/").text
    assert "1.234,50&nbsp;€" in text
    assert not ENGLISH_EURO.search(text)
    day = timezone.localtime(booking.starts_at)
    admin = verified_client(coordinator).get(
        f"/admin/sprachpool/testkreis/abrechnung/?monat={day.year}-{day.month:02d}"
    )
    assert "<td>1.234,50&nbsp;€</td>" in admin.text
    assert not ENGLISH_EURO.search(admin.text)
    item = statements.statements([mediator], day.year, day.month)[0]
    assert ";60;12,5;1234,50" in statements.as_csv([item])  # spreadsheets: no thousands points
