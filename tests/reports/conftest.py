"""Fixtures of the programme report's tests: the Sprachpool's, and a year with a past."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tests.sprachpool.conftest import ask, coordinator, pool  # noqa: F401 (fixtures)
from wir.accounts.models import User
from wir.core.models import Region
from wir.portal.models import Offer
from wir.sprachpool.models import Assignment, MediationRequest

# Two whole past years, so that "unfilled" (the appointment passed) is settled.
YEAR = timezone.localdate().year - 1
BERLIN = timezone.get_default_timezone()


def in_year(year: int, month: int, day: int = 10, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=BERLIN)


def published(offer: Offer, when: datetime, **fields: Any) -> Offer:
    """Set when the offer was first published (and any other field) without a new revision."""
    Offer.objects.filter(pk=offer.pk).update(first_published_at=when, **fields)
    offer.refresh_from_db()
    return offer


def done(request: MediationRequest, mediator: Any, minutes: int, amount: str) -> Assignment:
    request.status = MediationRequest.Status.DONE
    request.save(update_fields=["status"])
    return Assignment.objects.create(
        request=request, mediator=mediator, starts_at=request.starts_at,
        ends_at=request.ends_at, status=Assignment.Status.DONE, actual_minutes=minutes,
        allowance=Decimal(amount),
    )  # fmt: skip


@pytest.fixture
def observer(make_user: Callable[..., User], region: Region) -> User:
    return make_user("beobachtung", "observer", region)


@pytest.fixture
def pool_history(pool: Any, ask: Any) -> dict[str, Any]:  # noqa: F811 (the fixtures above)
    """The Sprachpool in YEAR and the year before.

    YEAR: Arabic done (90 min, 33 €, health), Arabic done (30 min, 12 €, school), Tigrinya
    unfilled (health), Farsi cancelled (not counted). YEAR-1: Arabic done (60 min, 20 €,
    health).
    """
    mediator = pool("SM-JAHR", languages="ar,ti")
    first = ask(in_year(YEAR, 3))
    second = ask(in_year(YEAR, 3, 12), setting=MediationRequest.Setting.SCHOOL)
    done(first, mediator, 90, "33.00")
    done(second, mediator, 30, "12.00")
    ask(in_year(YEAR, 5), language="ti")
    ask(in_year(YEAR, 6), language="fa", status=MediationRequest.Status.CANCELLED)
    old = ask(in_year(YEAR - 1, 11) - timedelta(days=1))
    done(old, mediator, 60, "20.00")
    return {"mediator": mediator}
