"""Shared fixtures: regions with home pages, users with roles, signed-in clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from wir.accounts.actions import grant_role, sync_region_groups
from wir.accounts.models import User
from wir.core.actions import create_region
from wir.core.models import Region
from wir.portal.actions import create_home_pages

TEST_PASSWORD = "korrekt-Pferd-Batterie-42"


@pytest.fixture(autouse=True)
def _plain_static_and_empty_cache(settings: Any) -> Iterator[None]:
    # The manifest storage needs `collectstatic`; tests find static files directly.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    cache.clear()
    yield
    cache.clear()


MakeRegion = Callable[..., Region]


@pytest.fixture
def make_region(db: None) -> MakeRegion:
    """Create a region with its home pages (German plus the given languages)."""

    def make(slug: str = "testkreis", languages: tuple[str, ...] = ("de", "en", "ar")) -> Region:
        region = create_region(
            slug=slug,
            name=f"Testkreis {slug}",
            prefix=Region.Prefix.LANDKREIS,
            centre=(Decimal("50.30"), Decimal("8.80")),
            bbox=(Decimal("8.60"), Decimal("50.10"), Decimal("9.30"), Decimal("50.50")),
            language_codes=list(languages),
        )
        create_home_pages(region, {code: f"Start {slug} {code}" for code in languages})
        sync_region_groups(region)
        region.refresh_from_db()
        return region

    return make


@pytest.fixture
def region(make_region: MakeRegion) -> Region:
    return make_region()


MakeUser = Callable[..., User]


@pytest.fixture
def make_user(db: None) -> MakeUser:
    def make(username: str, role: str | None = None, region: Region | None = None) -> User:
        user = User.objects.create_user(username=username, password=TEST_PASSWORD)
        if role is not None:
            assert region is not None
            grant_role(None, user, region, role)
        return user

    return make


def verified_client(user: User) -> Client:
    """A client signed in as `user` with a confirmed second factor, as after the login."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Test", defaults={"confirmed": True}
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
