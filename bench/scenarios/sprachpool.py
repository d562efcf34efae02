"""Language mediators: public sign-ups; and the pool's rule that nobody is booked twice."""

from __future__ import annotations

from typing import Any

from scenarios import Data, Request, Scenario, flash_levels, letters

REGION = "wetterau"
CSRF = "benchcsrftokenbenchcsrftoken0123"


def prepare() -> Data:
    from wir.core.models import Area, Language

    towns = list(
        Area.objects.filter(region__slug=REGION, kind=Area.Kind.MUNICIPALITY)
        .order_by("pk")
        .values_list("pk", flat=True)[:2]
    )
    languages = {code: Language.objects.get(code=code).pk for code in ("ti", "ar")}
    return {"towns": towns, "languages": languages}


def _username(token: str) -> str:
    return f"m{letters(token)[:24]}"


def signup(data: Data, token: str) -> Request:
    name = _username(token)
    towns = [str(pk) for pk in data["towns"]]
    form = {
        "username": name, "email": f"{name}@pool.example", "password": "Sprachen-verbinden-2027",
        "language_1": str(data["languages"]["ti"]), "level_1": "native", "dialects_1": "",
        "language_2": str(data["languages"]["ar"]), "level_2": "B2", "german_level": "B1",
        "modes": ["on_site", "phone"], "home_area": towns[0], "max_travel_km": "30",
        "availability": ["0-vm", "3-nm"], "areas": towns, "gender": "", "consent": "on",
    }  # fmt: skip
    return Request(
        "POST", f"/sprachpool/mitmachen/{REGION}/", form, cookies={"csrftoken": CSRF},
        headers={"X-CSRFToken": CSRF},
    )  # fmt: skip


def invariants() -> list[str]:
    """No mediator holds two accepted bookings at the same time."""
    from wir.sprachpool.models import Assignment

    booked = Assignment.objects.filter(status=Assignment.Status.ACCEPTED)
    return [
        f"Einsatz {one.pk}: Sprachmittler:in doppelt gebucht"
        for one in booked
        if booked.filter(mediator_id=one.mediator_id, starts_at__lt=one.ends_at)
        .filter(ends_at__gt=one.starts_at)
        .exclude(pk=one.pk)
        .exists()
    ]


MEDIATORS = 10
REQUESTS = 16
OFFERS_PER_REQUEST = 4
PASSWORD = "Sprachen-verbinden-2027"  # noqa: S105 - of invented bench accounts


def _index(token: str, part: int, size: int) -> int:
    return int(token[part * 8 : part * 8 + 8], 16) % size


def prepare_bookings() -> Data:
    """Mediators with accounts and open offers: every request offered to four of them, the
    requests in pairs at the same time, so that under load mediators race for one request
    and one mediator races with herself for two requests at the same hour."""
    from datetime import timedelta

    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from wir.accounts.actions import grant_role
    from wir.accounts.models import User
    from wir.core.models import Language, Region
    from wir.sprachpool.models import Assignment, CefrLevel, MediationRequest, Mediator

    region = Region.objects.get(slug=REGION)
    clerk = User.objects.create_user(username=f"fd-{timezone.now():%H%M%S%f}", password=None)
    grant_role(None, clerk, region, "clerk")
    arabic = Language.objects.get(code="ar")
    stamp = timezone.now().strftime("%H%M%S")
    mediators, sessions = [], []
    for index in range(MEDIATORS):
        user = User.objects.create_user(username=f"lsm-{stamp}-{index}", password=None)
        grant_role(None, user, region, "mediator")
        mediator = Mediator.objects.create(
            region=region, code=f"LSM{stamp}{index:02d}", user=user,
            status=Mediator.Status.ACTIVE, german_level=CefrLevel.B2,
        )  # fmt: skip
        mediators.append(mediator)
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=20)
    offers: list[list[int]] = [[] for _ in mediators]  # per mediator: her open offers
    for index in range(REQUESTS):
        begins = start + timedelta(hours=2 * (index // 2))
        request = MediationRequest.objects.create(
            region=region, language=arabic, starts_at=begins,
            ends_at=begins + timedelta(hours=1), setting=MediationRequest.Setting.HEALTH,
            client_reference=f"LAST-{index:03d}", status=MediationRequest.Status.OFFERED,
            requested_by=clerk,
        )  # fmt: skip
        for step in range(OFFERS_PER_REQUEST):
            number = (index // 2 + step) % MEDIATORS  # both requests of a pair
            offer = Assignment.objects.create(
                request=request, mediator=mediators[number], starts_at=request.starts_at,
                ends_at=request.ends_at,
            )  # fmt: skip
            offers[number].append(offer.pk)
    return {
        "sessions": sessions,
        "offers": offers,
        "cookie": settings.SESSION_COOKIE_NAME,
    }


def _offer_of(data: Data, token: str) -> tuple[int, int]:
    number = _index(token, 0, len(data["sessions"]))
    own = data["offers"][number]
    return number, own[_index(token, 1, len(own))]


def accept(data: Data, token: str) -> Request:
    number, offer = _offer_of(data, token)
    return Request(
        "POST",
        f"/sprachpool/einsaetze/{offer}/annehmen/",
        {"csrfmiddlewaretoken": CSRF},
        cookies={data["cookie"]: data["sessions"][number], "csrftoken": CSRF},
    )


def accept_expect(data: Data, token: str) -> tuple[str, dict[str, Any]]:
    _number, offer = _offer_of(data, token)
    return ("sprachpool.Assignment", {"pk": offer, "status": "accepted"})


def one_booking_per_request() -> list[str]:
    """A request has at most one accepted offer, and a booked request has exactly one."""
    from django.db.models import Count, Q

    from wir.sprachpool.models import Assignment, MediationRequest

    accepted = Q(assignments__status=Assignment.Status.ACCEPTED)
    counted = MediationRequest.objects.annotate(booked=Count("assignments", filter=accepted))
    broken = [f"Anfrage {r.pk}: {r.booked} Zusagen" for r in counted.filter(booked__gt=1)]
    broken += [
        f"Anfrage {r.pk}: gebucht ohne Zusage"
        for r in counted.filter(status=MediationRequest.Status.BOOKED, booked=0)
    ]
    return broken


SCENARIOS = [
    Scenario(
        "mediator_accepts",
        6,
        accept,
        write=True,
        prepare=prepare_bookings,
        acknowledged=lambda status, headers, body: status == 302 and 25 in flash_levels(headers),
        expect=accept_expect,
        invariants=one_booking_per_request,
    ),
    Scenario(
        "mediator_signup",
        3,
        signup,
        write=True,
        prepare=prepare,
        acknowledged=lambda status, headers, body: status == 201,
        expect=lambda data, token: ("sprachpool.Mediator", {"user__username": _username(token)}),
        invariants=invariants,
    ),
]
