"""Pseudonymous volunteers, opportunities and shifts for the volunteer tests (no real data)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from wir.accounts.models import User
from wir.core.actions import add_area
from wir.core.models import Area, Region
from wir.volunteers.models import Opportunity, Shift, Volunteer

# A week ahead, so that shifts are in the future whenever the tests run.
START = datetime.now(tz=UTC).replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=7)

MakeVolunteer = Callable[..., Volunteer]
MakeShift = Callable[..., Shift]


@pytest.fixture
def town(region: Region) -> Area:
    return add_area(
        region, "Friedberg", Area.Kind.MUNICIPALITY, Decimal("50.3353"), Decimal("8.7550")
    )


@pytest.fixture
def coordinator(make_user: Callable[..., User], region: Region) -> User:
    return make_user("koordination", "coordination", region)


@pytest.fixture
def make_volunteer(make_user: Callable[..., User], region: Region, town: Area) -> MakeVolunteer:
    def make(code: str, status: str = Volunteer.Status.ACTIVE, **fields: object) -> Volunteer:
        user = make_user(f"ea-{code.lower()}", "volunteer", region)
        user.email = f"{code.lower()}@example.org"
        user.save(update_fields=["email"])
        return Volunteer.objects.create(
            region=region,
            code=code,
            user=user,
            name=f"Ehrenamt {code}",
            municipality=town,
            status=status,
            **fields,
        )

    return make


@pytest.fixture
def opportunity(region: Region, town: Area) -> Opportunity:
    return Opportunity.objects.create(
        region=region,
        title="Sprachcafé",
        description="Deutsch üben bei Kaffee und Tee.",
        area=town,
        organiser="Familienzentrum",
        published=True,
    )


@pytest.fixture
def make_shift(opportunity: Opportunity) -> MakeShift:
    def make(
        start: datetime = START,
        hours: float = 2.0,
        places: int = 1,
        of: Opportunity | None = None,
    ) -> Shift:
        return Shift.objects.create(
            opportunity=of or opportunity,
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            places=places,
        )

    return make
