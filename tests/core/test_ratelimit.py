"""Rate limits and the sign-in lock-out: their own cache, the visitor's address behind proxies."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory
from wagtail.models import Page

from tests.conftest import TEST_PASSWORD, MakeUser
from wir.accounts.roles import Role
from wir.core.models import Region
from wir.core.ratelimit import client_address
from wir.env import ConfigError, limits_cache_settings
from wir.portal.models import Feedback

FEEDBACK = "/api/v1/regions/testkreis/de/feedback/"
LOGIN = "/konto/anmelden/"


def send_feedback(page: Page, **meta: str) -> int:
    body = json.dumps({"page": page.pk, "helpful": True})
    client = Client(**{"REMOTE_ADDR": "192.0.2.1", **meta})
    return client.post(FEEDBACK, body, content_type="application/json").status_code


@pytest.mark.django_db
def test_a_flood_of_distinct_cached_requests_does_not_reset_a_rate_limit(
    region: Region, settings: Any
) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    assert all(send_feedback(home) == 201 for _ in range(10))
    assert send_feedback(home) == 429
    # Every distinct GET leaves its rendered answer in the default cache (2 entries and
    # more); far more than the 300 entries it holds.
    answers = caches["default"]
    for number in range(200):
        assert Client().get(f"/api/v1/regions/?flut={number}").status_code == 200
    assert len(answers._cache) <= 300  # type: ignore[attr-defined]  # it did evict
    assert send_feedback(home) == 429
    assert Feedback.objects.count() == 10


def test_the_limits_cache_is_separate_from_the_answers() -> None:
    own = limits_cache_settings("", "locmem:")
    assert own["LOCATION"] == "wir-limits"
    assert own["OPTIONS"]["MAX_ENTRIES"] >= 100_000
    assert limits_cache_settings("", "db:")["LOCATION"] == "wir_limits"
    assert limits_cache_settings("", "file:///var/cache/wir")["LOCATION"] == (
        "/var/cache/wir/limits"
    )
    redis = limits_cache_settings("", "redis://cache:6379/0")
    assert redis["LOCATION"] == "redis://cache:6379/0"
    assert redis["KEY_PREFIX"] == "limits"
    assert "OPTIONS" not in redis
    explicit = limits_cache_settings("redis://limits:6379/1", "locmem:")
    assert explicit["LOCATION"] == "redis://limits:6379/1"
    with pytest.raises(ConfigError, match="WIR_LIMITS_CACHE_URL"):
        limits_cache_settings("memcache://x", "locmem:")


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.2"),  # no proxy: the header is the visitor's own text
        (1, "", "10.0.0.2"),  # proxy sent nothing: the connection
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.66, 203.0.113.7", "203.0.113.7"),  # forged left-most ignored
        (1, "198.51.100.66,203.0.113.7 ", "203.0.113.7"),
        (2, "198.51.100.66, 203.0.113.7, 10.1.1.1", "203.0.113.7"),
        (2, "203.0.113.7", "203.0.113.7"),  # skipped the outer proxy
        (1, "unsinn", "10.0.0.2"),
        (1, "1.2.3.4, nicht-ip", "10.0.0.2"),
        (1, "[2001:db8::7]:5000", "2001:db8::7"),
        (1, "2001:DB8::7", "2001:db8::7"),
        (1, "203.0.113.7:5000", "203.0.113.7"),
    ],
)
def test_client_address_trusts_only_the_proxies_entries(
    settings: Any, proxies: int, forwarded: str, expected: str
) -> None:
    settings.WIR_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.mark.django_db
def test_behind_a_proxy_each_visitor_has_an_own_limit_and_forging_does_not_escape_it(
    region: Region, settings: Any
) -> None:
    settings.WIR_TRUSTED_PROXIES = 1
    home = Page.objects.get(url_path="/testkreis/de/")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for number in range(10):
        # The visitor forges a different left-most address each time; the proxy appends
        # the real one.
        forged = f"198.51.100.{number}, 203.0.113.7"
        assert send_feedback(home, **proxy, HTTP_X_FORWARDED_FOR=forged) == 201
    assert send_feedback(home, **proxy, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7") == 429
    # Another visitor behind the same proxy is not affected.
    assert send_feedback(home, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.8") == 201


@pytest.mark.django_db
def test_the_sign_in_lock_out_uses_the_forwarded_address(
    region: Region, make_user: MakeUser, settings: Any
) -> None:
    settings.WIR_TRUSTED_PROXIES = 1
    make_user("fachdienst", Role.CLERK, region)

    def sign_in(password: str, real: str, forged: str = "") -> int:
        chain = f"{forged}, {real}" if forged else real
        client = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=chain)
        return client.post(LOGIN, {"username": "fachdienst", "password": password}).status_code

    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in("falsch", "203.0.113.7", forged=f"198.51.100.{number}")
    assert sign_in(TEST_PASSWORD, "203.0.113.7", forged="198.51.100.99") == 429
    # The same account from another visitor behind the proxy signs in.
    assert sign_in(TEST_PASSWORD, "203.0.113.8") == 302
