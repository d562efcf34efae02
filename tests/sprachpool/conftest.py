"""Pseudonymous mediators, requests and offers for the Sprachpool tests (no real data)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from wir.accounts.models import User
from wir.core.models import Language, Region
from wir.sprachpool.models import Assignment, CefrLevel, MediationRequest, Mediator

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
