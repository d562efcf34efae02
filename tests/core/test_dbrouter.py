"""Several app servers: public reads may go to a replica, the rest stays on the primary;
sessions and limits can live in a shared cache (wir/core/dbrouter.py, wir/env.py)."""

import pytest
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.models import Page

from wir.core.dbrouter import PublicReadRouter, PublicReadsMiddleware
from wir.core.models import Region
from wir.env import ConfigError, session_cache_settings

# The router decides by alias; these tests look at its decisions, not at a second server.
WITH_REPLICA = override_settings(WIR_REPLICA_DATABASE="replica")


def decide(request: HttpRequest) -> dict[str, str | None]:
    """Where the router sends reads and writes while `request` is being answered."""
    seen: dict[str, str | None] = {}
    router = PublicReadRouter()

    def view(_request: HttpRequest) -> HttpResponse:
        seen["read"] = router.db_for_read(Page)
        seen["write"] = router.db_for_write(Page)
        return HttpResponse()

    PublicReadsMiddleware(view)(request)
    return seen


@WITH_REPLICA
def test_anonymous_public_reads_go_to_the_replica_and_writes_never() -> None:
    factory = RequestFactory()
    assert decide(factory.get("/wetterau/de/")) == {"read": "replica", "write": None}
    assert decide(factory.get("/api/v3/wetterau/de/pages/"))["read"] == "replica"


@WITH_REPLICA
def test_signed_in_writes_and_the_admin_read_the_primary() -> None:
    factory = RequestFactory()
    signed_in = factory.get("/wetterau/de/", HTTP_COOKIE="sessionid=abc")
    assert decide(signed_in)["read"] is None
    assert decide(factory.post("/rueckmeldung/"))["read"] is None
    assert decide(factory.get("/admin/pages/"))["read"] is None
    assert decide(factory.get("/wetterau/de/", HTTP_AUTHORIZATION="Bearer x"))["read"] is None
    # Outside a request (management commands, workers): the primary.
    assert PublicReadRouter().db_for_read(Page) is None


@pytest.mark.django_db
@WITH_REPLICA
def test_a_public_request_reads_what_it_wrote_inside_a_transaction() -> None:
    router = PublicReadRouter()
    seen: list[str | None] = []

    def view(_request: HttpRequest) -> HttpResponse:
        with transaction.atomic():
            seen.append(router.db_for_read(Region))
        return HttpResponse()

    PublicReadsMiddleware(view)(RequestFactory().get("/wetterau/de/"))
    assert seen == [None]


def test_without_a_replica_everything_stays_on_the_primary() -> None:
    assert decide(RequestFactory().get("/wetterau/de/"))["read"] is None


@WITH_REPLICA
def test_the_replica_is_never_migrated() -> None:
    router = PublicReadRouter()
    assert router.allow_migrate("replica", "core") is False
    assert router.allow_migrate("default", "core") is True


def test_sessions_get_their_own_cache_and_prefix() -> None:
    config = session_cache_settings("redis://127.0.0.1:6379/0")
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["KEY_PREFIX"] == "sessions"
    assert session_cache_settings("locmem:")["LOCATION"] == "wir-sessions"
    with pytest.raises(ConfigError, match="WIR_SESSION_CACHE_URL"):
        session_cache_settings("memcached://x")
