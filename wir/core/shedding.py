"""Load shedding: above capacity a request is answered at once with 503 and Retry-After.

A worker process lets at most `WIR_MAX_IN_FLIGHT` requests run through the full stack
(sessions, views, templates, database writes) at the same time. One more is not queued
behind them — a queue in front of a saturated server only turns every answer into a
timeout — but answered within microseconds with "503 Service Unavailable" and
`Retry-After`, so that clients, proxies and the service worker try again later and the
requests already admitted finish in time.

The middleware sits right after the hot path (wir/core/hotpath.py): answers served from
the public cache cost one freshness query and are never shed; only the requests that
would render, write or sign in are counted. /healthz is never shed (a load balancer must
not take an overloaded but healthy server out of rotation), and neither are static files
(WhiteNoise answers them from memory; a page asks for several at once, and the offline
app's service worker precaches them in parallel: shedding them would break pages, not
save work).

The counter is per process, which is what the server runs in parallel: gunicorn's gthread
workers (wir/gunicorn_conf.py) give each process more threads than `WIR_MAX_IN_FLIGHT`,
so that the threads above the limit stay free to serve cached answers and to shed.
`WIR_MAX_IN_FLIGHT=0` switches shedding off.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

RETRY_AFTER_SECONDS = 1
NEVER_SHED = frozenset({"/healthz"})


class InFlight:
    """A bounded counter: `enter()` is False when `limit` requests are already inside."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0
        self.shed = 0
        self._lock = threading.Lock()

    def enter(self) -> bool:
        with self._lock:
            if self.count >= self.limit:
                self.shed += 1
                return False
            self.count += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self.count -= 1


def overloaded_response() -> HttpResponse:
    response = HttpResponse(
        "Der Server ist gerade ausgelastet. Bitte versuchen Sie es in einer Sekunde erneut.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class LoadSheddingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        limit: int = getattr(settings, "WIR_MAX_IN_FLIGHT", 0)
        self.in_flight = InFlight(limit) if limit > 0 else None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            self.in_flight is None
            or request.path in NEVER_SHED
            or request.path.startswith(settings.STATIC_URL or "/static/")
        ):
            return self.get_response(request)
        if not self.in_flight.enter():
            return overloaded_response()
        try:
            return self.get_response(request)
        finally:
            self.in_flight.leave()
