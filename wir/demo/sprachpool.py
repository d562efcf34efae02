"""The demo district's language-mediator pool: pseudonymous mediators and open requests.

No people: mediators are codes (SM-01, …), requests carry invented file references. The
requests lie in the week after the demo is loaded, so the plan has work to do; one of
them asks for a language nobody in the pool speaks, as happens in real pools.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from wir.accounts.models import User
from wir.core.models import Area, Language, Region
from wir.sprachpool.models import (
    CefrLevel,
    MediationRequest,
    Mediator,
    MediatorLanguage,
    PoolRules,
    WeeklyAvailability,
)

MEDIATOR_COUNT = 24
REQUEST_COUNT = 40
# Languages of the pool (weights: how many speak them) and of the requests.
SUPPLY = {"ar": 6, "fa": 4, "prs": 2, "tr": 4, "uk": 4, "ru": 4, "ti": 2, "so": 1, "kmr": 2}
DEMAND = {"ar": 9, "fa": 6, "prs": 4, "tr": 2, "uk": 5, "ru": 2, "ti": 4, "so": 2, "kmr": 2}
UNSERVED = "ps"  # asked for once; nobody in the pool speaks it


def next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def create_sprachpool(
    region: Region, rng: random.Random, clerk: User, mediator_account: User
) -> tuple[int, int]:
    """Create the pool and open requests; returns (mediators, requests).

    The demo account "sprachmittlung" is SM-01, so that its portal shows offers once
    coordination sends the week's plan.
    """
    PoolRules.objects.create(region=region)
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    languages = {lang.code: lang for lang in Language.objects.filter(code__in=[*SUPPLY, UNSERVED])}
    signed = timezone.localdate() - timedelta(days=400)  # before the year of history
    for number in range(1, MEDIATOR_COUNT + 1):
        mediator = Mediator.objects.create(
            region=region,
            code=f"SM-{number:02d}",
            user=mediator_account if number == 1 else None,
            status=Mediator.Status.ACTIVE,
            german_level=rng.choice([CefrLevel.B1, CefrLevel.B2, CefrLevel.C1]),
            max_travel_km=rng.choice([15, 25, 40]),
            home_area=rng.choice(towns),
            video=rng.random() < 0.6,
            confidentiality_signed_on=signed,
            certificate_valid_until=signed + timedelta(days=5 * 365) if number % 3 else None,
        )
        spoken = set(rng.choices(list(SUPPLY), weights=list(SUPPLY.values()), k=rng.randint(1, 2)))
        for code in sorted(spoken):
            MediatorLanguage.objects.create(
                mediator=mediator,
                language=languages[code],
                level=CefrLevel.NATIVE,
                dialects="Syrisch, Irakisch" if code == "ar" and number % 2 else "",
            )
        for weekday in range(5):
            for start, end in ((time(8), time(12, 30)), (time(12, 30), time(17))):
                if rng.random() < 0.45:
                    WeeklyAvailability.objects.create(
                        mediator=mediator, weekday=weekday, start=start, end=end
                    )
    tz = ZoneInfo(settings.TIME_ZONE)
    monday = next_monday(timezone.localdate())
    settings_choices = [s for s, _label in MediationRequest.Setting.choices]
    for number in range(1, REQUEST_COUNT + 1):
        code = (
            UNSERVED
            if number == REQUEST_COUNT
            else rng.choices(list(DEMAND), weights=list(DEMAND.values()))[0]
        )
        day = monday + timedelta(days=rng.randrange(5))
        begins = datetime.combine(day, time(8), tz) + timedelta(minutes=30 * rng.randrange(15))
        mode = rng.choices(["on_site", "phone", "video"], weights=[7, 2, 1])[0]
        MediationRequest.objects.create(
            region=region,
            language=languages[code],
            starts_at=begins,
            ends_at=begins + timedelta(minutes=rng.choice([45, 60, 60, 90])),
            mode=mode,
            area=rng.choice(towns) if mode == "on_site" else None,
            setting=rng.choice(settings_choices),
            client_reference=f"DEMO-{number:03d}",
            requested_by=clerk,
        )
    return MEDIATOR_COUNT, REQUEST_COUNT
