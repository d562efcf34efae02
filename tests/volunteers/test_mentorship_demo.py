"""The demo's mentorships: deterministic, pseudonymous, within the rules, with work to do."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils import timezone

from wir.accounts.models import User
from wir.core.actions import add_area
from wir.core.models import Area, Region
from wir.demo.mentoring import create_mentoring
from wir.volunteers import matching, mentorship_planning
from wir.volunteers.models_mentorship import CheckIn, Household, Mentorship

pytestmark = pytest.mark.django_db

TOWNS = [("Friedberg", "50.3353", "8.7550"), ("Nidda", "50.4128", "9.0092"),
         ("Büdingen", "50.2908", "9.1122")]  # fmt: skip


def _build(region: Region, coordinator: User) -> list[tuple[str, str, str]]:
    for name, lat, lon in TOWNS:
        add_area(region, name, Area.Kind.MUNICIPALITY, Decimal(lat), Decimal(lon))
    households, started = create_mentoring(region, coordinator)
    assert households == Household.objects.filter(region=region).count()
    assert started == Mentorship.objects.filter(household__region=region).count()
    return [
        (m.household.code, m.volunteer.code, m.status)
        for m in Mentorship.objects.filter(household__region=region)
        .select_related("household", "volunteer")
        .order_by("household__code")
    ]


def test_demo_mentoring_is_deterministic_and_sound(
    make_region: Callable[..., Region], make_user: Callable[..., User]
) -> None:
    first, second = make_region("eins"), make_region("zwei")
    pairs = _build(first, make_user("k1", "coordination", first))
    assert pairs == _build(second, make_user("k2", "coordination", second))
    assert len(pairs) >= 6
    assert {status for _h, _v, status in pairs} == {"active", "ended"}
    households = Household.objects.filter(region=first)
    assert not households.exclude(contact_name="").exists()
    assert households.filter(status=Household.Status.OPEN).count() >= 5
    today = timezone.localdate()
    assert CheckIn.objects.filter(
        mentorship__household__region=first, done_on__isnull=True, due_on__lte=today
    ).exists()
    assert CheckIn.objects.filter(mentorship__household__region=first, done_on__isnull=False)
    # The proposal for the open households keeps every rule.
    open_ = list(households.filter(status=Household.Status.OPEN))
    specs = mentorship_planning.household_specs(open_)
    pool = mentorship_planning.volunteer_specs(mentorship_planning.mentor_pool(first), today)
    assert matching.check(matching.assign(specs, pool), specs, pool) == []
