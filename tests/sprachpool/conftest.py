"""Pseudonymous mediators, requests and offers for the Sprachpool tests (no real data)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from wir.accounts.models import User
from wir.core.models import Area, Language, Region
from wir.sprachpool.models import (
    Assignment,
    CefrLevel,
    MediationRequest,
    Mediator,
    MediatorLanguage,
)

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

MakeMediator = Callable[..., Mediator]
MakeRequest = Callable[..., MediationRequest]
MakeOffer = Callable[[MediationRequest, Mediator], Assignment]


@pytest.fixture
def clerk(make_user: Callable[..., User], region: Region) -> User:
    return make_user("fachdienst", "clerk", region)


@pytest.fixture
def make_mediator(make_user: Callable[..., User], region: Region) -> MakeMediator:
    def make(code: str) -> Mediator:
        user = make_user(f"sm-{code}", "mediator", region)
        return Mediator.objects.create(
            region=region,
            code=code,
            user=user,
            status=Mediator.Status.ACTIVE,
            german_level=CefrLevel.B2,
        )

    return make


@pytest.fixture
def make_request(region: Region, clerk: User) -> MakeRequest:
    def make(start: datetime = START, hours: float = 1.0) -> MediationRequest:
        return MediationRequest.objects.create(
            region=region,
            language=Language.objects.get(code="ar"),
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            setting=MediationRequest.Setting.HEALTH,
            client_reference="AZ-0001",
            status=MediationRequest.Status.OFFERED,
            requested_by=clerk,
        )

    return make


@pytest.fixture
def make_offer() -> MakeOffer:
    def make(request: MediationRequest, mediator: Mediator) -> Assignment:
        return Assignment.objects.create(
            request=request,
            mediator=mediator,
            starts_at=request.starts_at,
            ends_at=request.ends_at,
        )

    return make


# --- planning: mediators with homes, languages and signed declarations ---------------

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2027, 3, 1)
SIGNED = date(2026, 1, 15)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BERLIN)


@pytest.fixture
def coordinator(make_user: Callable[..., User], region: Region) -> User:
    return make_user("koordination", "coordination", region)


@pytest.fixture
def pool(region: Region, towns: dict[str, Area]) -> Callable[..., Mediator]:
    def make(code: str, languages: str = "ar", town: str = "Friedberg", **fields) -> Mediator:
        values = {
            "status": Mediator.Status.ACTIVE,
            "german_level": CefrLevel.B2,
            "home_area": towns[town],
            "confidentiality_signed_on": SIGNED,
            "max_travel_km": 30,
        }
        values.update(fields)
        mediator = Mediator.objects.create(region=region, code=code, **values)
        for language in languages.split(","):
            MediatorLanguage.objects.create(
                mediator=mediator,
                language=Language.objects.get(code=language),
                level=CefrLevel.NATIVE,
                dialects="Syrisch" if language == "ar" else "",
            )
        return mediator

    return make


@pytest.fixture
def ask(
    region: Region, towns: dict[str, Area], make_user: Callable[..., User]
) -> Callable[..., MediationRequest]:
    clerk = make_user("fachdienst-planung", "clerk", region)

    def make(start: datetime, language: str = "ar", town: str = "Friedberg", **fields):
        values = {
            "ends_at": start + timedelta(hours=1),
            "setting": MediationRequest.Setting.HEALTH,
            "area": towns[town],
            "client_reference": "AZ-7",
        }
        values.update(fields)
        values.setdefault("requested_by", clerk)
        return MediationRequest.objects.create(
            region=region,
            language=Language.objects.get(code=language),
            starts_at=start,
            **values,
        )

    return make
