"""Reads of anonymous public requests from a read replica (`DATABASE_REPLICA_URL`).

`PublicReadsMiddleware` marks a request as a public read when the hot path could keep
its answer (an anonymous GET or HEAD outside the admin and static files: the same test,
`wir.core.hotpath.key_of`). While it runs, `PublicReadRouter` sends the ORM's reads to
the replica's alias (`WIR_REPLICA_DATABASE`: "replica" when `DATABASE_REPLICA_URL` is
set); writes, reads inside a transaction on the primary and everything else go to
"default".

Why a lagging replica never makes an answer stale: the region's version is read with the
content it was rendered from (both from the replica, the version first), and the hot path
compares it with the version on the primary (wir/core/hotpath.py), so an answer rendered
from an older state is never served as fresh.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

from wir.core.hotpath import key_of

_public_read: ContextVar[bool] = ContextVar("wir_public_read", default=False)


def replica() -> str | None:
    """The alias of the read replica (`WIR_REPLICA_DATABASE`), None without one."""
    return getattr(settings, "WIR_REPLICA_DATABASE", None)


class PublicReadRouter:
    """Django database router: the replica for reads of public requests, else default."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        alias = replica()
        if alias is None or not _public_read.get():
            return None
        if connections["default"].in_atomic_block:  # read what this request just wrote
            return None
        return alias

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        return None  # always the primary ("default")

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return db != replica()  # a replica follows the primary; it is never migrated


class PublicReadsMiddleware:
    """Mark anonymous public GETs so that their reads may go to the replica."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _public_read.set(key_of(request.META) is not None)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)
