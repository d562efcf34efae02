"""A region with the network's records (tests/network/world.py) and its users."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from tests.conftest import MakeRegion, MakeUser, verified_client
from tests.network.world import populate
from wir.accounts.models import User
from wir.core.models import Region
from wir.network.models import (
    Meeting,
    NetworkTask,
    OpeningProcess,
    Organisation,
    WelcomeConcept,
)


@dataclass
class Net:
    region: Region
    users: dict[str, User]
    objects: list[Any]

    def one(self, model: type) -> Any:
        return next(obj for obj in self.objects if type(obj) is model)

    @property
    def organisation(self) -> Organisation:
        return self.one(Organisation)  # type: ignore[no-any-return]

    @property
    def process(self) -> OpeningProcess:
        return self.one(OpeningProcess)  # type: ignore[no-any-return]

    @property
    def concept(self) -> WelcomeConcept:
        return self.one(WelcomeConcept)  # type: ignore[no-any-return]

    @property
    def meeting(self) -> Meeting:
        return self.one(Meeting)  # type: ignore[no-any-return]

    @property
    def task(self) -> NetworkTask:
        return self.one(NetworkTask)  # type: ignore[no-any-return]

    def client(self, role: str) -> Client:
        return verified_client(self.users[role])


def build_net(make_region: MakeRegion, make_user: MakeUser, slug: str) -> Net:
    region = make_region(slug)
    users = {
        role: make_user(f"{slug}-{role}", role, region)
        for role in ("coordination", "partner", "clerk", "observer")
    }
    return Net(region, users, populate(region, users, f"GEHEIM{slug.upper()}"))


@pytest.fixture
def net(make_region: MakeRegion, make_user: MakeUser) -> Net:
    return build_net(make_region, make_user, "testkreis")


@pytest.fixture
def other(make_region: MakeRegion, make_user: MakeUser, net: Net) -> Net:
    """A second region with its own network."""
    return build_net(make_region, make_user, "anderskreis")


def an_offer(region: Region, title: str) -> Any:
    """A German offer of the region's directory (what relations and concepts link to)."""
    from wagtail.models import Locale

    from wir.core.models import Area
    from wir.portal.models import Offer

    area = Area.objects.filter(region=region).first() or Area.objects.create(
        region=region, name="Nordstadt", kind=Area.Kind.MUNICIPALITY
    )
    return Offer.objects.create(
        region=region, locale=Locale.objects.get(language_code="de"), title=title,
        summary=title, provider="Träger", category="counselling", area=area,
    )  # fmt: skip
