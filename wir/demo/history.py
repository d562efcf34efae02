"""A year of past Sprachpool activity in the demo district, so that statements, the
yearly report and its charts show what a coordinator would recognise.

Synthetic and pseudonymous: mediators are the pool's codes, requests carry invented file
references (DEMO-H-…). Deterministic (the builder's random generator) and written in bulk.
Realistic shape: fewer requests in the summer and Christmas holidays, most of them filled,
some cancelled, some unfilled (above all in languages few mediators speak), actual
durations near the planned ones, travel for appointments on site, allowances from the
region's tariff, ratings now and then.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from wir.accounts.models import User
from wir.core.models import Area, Language, Region
from wir.sprachpool.models import (
    Assignment,
    MediationRequest,
    Mediator,
    MediatorLanguage,
    PoolRules,
)
from wir.sprachpool.tariff import allowance

DAYS = 365
PER_WEEKDAY = 2.2  # requests on an ordinary working day
# Relative demand by month (1 = ordinary): summer and Christmas holidays are quieter.
SEASON = {1: 1.0, 2: 1.1, 3: 1.1, 4: 0.9, 5: 1.0, 6: 1.0, 7: 0.7, 8: 0.6, 9: 1.2, 10: 1.1,
          11: 1.1, 12: 0.7}  # fmt: skip
CANCELLED_SHARE = 0.07
DURATIONS = [45, 60, 60, 90, 120]


def _busy(spans: list[tuple[datetime, datetime]], start: datetime, end: datetime) -> bool:
    return any(other_start < end and start < other_end for other_start, other_end in spans)


def create_history(region: Region, rng: random.Random, clerk: User, demand: dict[str, int]) -> int:
    """Past requests of the last year with their bookings; returns how many requests."""
    tz = ZoneInfo(settings.TIME_ZONE)
    tariff = PoolRules.for_region(region.pk).tariff()
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    speakers: dict[str, list[Mediator]] = defaultdict(list)
    for link in (
        MediatorLanguage.objects.filter(mediator__region=region)
        .select_related("mediator", "language")
        .order_by("mediator__code", "language__code")
    ):
        speakers[link.language.code].append(link.mediator)
    languages = {lang.code: lang for lang in Language.objects.filter(code__in=demand)}
    codes = [code for code in demand if code in languages]
    weights = [demand[code] for code in codes]
    settings_choices = list(MediationRequest.Setting.values)
    booked: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    requests: list[MediationRequest] = []
    plans: list[tuple[Mediator, int, Decimal] | None] = []
    today = timezone.localdate()
    for offset in range(DAYS, 0, -1):
        day: date = today - timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        expected = PER_WEEKDAY * SEASON[day.month]
        count = int(expected) + (rng.random() < expected - int(expected))
        for _number in range(count):
            code = rng.choices(codes, weights=weights)[0]
            starts = datetime.combine(day, time(8), tz) + timedelta(minutes=30 * rng.randrange(16))
            minutes = rng.choice(DURATIONS)
            ends = starts + timedelta(minutes=minutes)
            mode = rng.choices(["on_site", "phone", "video"], weights=[7, 2, 1])[0]
            lead = timedelta(days=rng.randint(2, 16), hours=rng.randint(0, 8))
            status = MediationRequest.Status.DONE
            plan: tuple[Mediator, int, Decimal] | None = None
            free = [m for m in speakers.get(code, []) if not _busy(booked[m.pk], starts, ends)]
            if rng.random() < CANCELLED_SHARE:
                status = MediationRequest.Status.CANCELLED
            elif not free or rng.random() < 0.06:
                status = MediationRequest.Status.OPEN  # the appointment passed unfilled
            else:
                mediator = rng.choice(free)
                booked[mediator.pk].append((starts, ends))
                actual = max(30, minutes + rng.choice([-15, 0, 0, 0, 15, 30]))
                km = Decimal(rng.randint(4, 38) * 2) if mode == "on_site" else Decimal(0)
                plan = (mediator, actual, km)
            requests.append(
                MediationRequest(
                    region=region,
                    language=languages[code],
                    starts_at=starts,
                    ends_at=ends,
                    mode=mode,
                    area=rng.choice(towns) if mode == "on_site" else None,
                    setting=rng.choice(settings_choices),
                    client_reference=f"DEMO-H-{len(requests) + 1:04d}",
                    status=status,
                    cancel_reason="Termin entfällt" if status == "cancelled" else "",
                    requested_by=clerk,
                    created_at=starts - lead,
                )
            )
            plans.append(plan)
    MediationRequest.objects.bulk_create(requests, batch_size=500)
    assignments = []
    for request, plan in zip(requests, plans, strict=True):
        if plan is None:
            continue
        mediator, actual, km = plan
        offered = request.created_at + timedelta(hours=rng.randint(2, 30))
        finished = request.ends_at + timedelta(hours=rng.randint(1, 48))
        assignments.append(
            Assignment(
                request=request,
                mediator=mediator,
                starts_at=request.starts_at,
                ends_at=request.ends_at,
                travel_before_minutes=20 if km else 0,
                travel_after_minutes=20 if km else 0,
                status=Assignment.Status.DONE,
                actual_minutes=actual,
                travel_km=km,
                mediator_confirmed_at=finished,
                department_confirmed_at=finished + timedelta(hours=rng.randint(1, 72)),
                mediator_rating=rng.choice([None, None, 4, 5, 5]),
                department_rating=rng.choice([None, None, 3, 4, 5, 5]),
                allowance=allowance(tariff, actual, km),
                offered_at=offered,
                responded_at=offered + timedelta(hours=rng.randint(1, 20)),
            )
        )
    Assignment.objects.bulk_create(assignments, batch_size=500)
    return len(requests)
