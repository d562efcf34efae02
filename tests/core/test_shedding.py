"""Load shedding over real HTTP: above the in-flight limit a request gets 503 and
Retry-After at once, while cached public answers and /healthz are still served
(wir/core/shedding.py)."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.test import override_settings

from tests.core import shedding_urls
from wir.core.shedding import InFlight

pytestmark = pytest.mark.django_db(transaction=True)


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[int]:
    cache.clear()
    shedding_urls.release.clear()
    shedding_urls.inside = threading.Semaphore(0)
    with override_settings(ROOT_URLCONF="tests.core.shedding_urls", WIR_MAX_IN_FLIGHT=2):
        httpd = make_server(
            "127.0.0.1", 0, WSGIHandler(), server_class=ThreadingServer, handler_class=QuietHandler
        )
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield httpd.server_address[1]
        finally:
            shedding_urls.release.set()
            httpd.shutdown()
            httpd.server_close()


def get(port: int, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def test_requests_above_the_limit_are_shed_at_once_and_the_rest_finish(server) -> None:
    results: list[int] = []
    slow = [
        threading.Thread(target=lambda: results.append(get(server, "/langsam/").status))
        for _ in range(2)
    ]
    for thread in slow:
        thread.start()
    for _ in slow:  # both are inside the view: the limit is reached
        assert shedding_urls.inside.acquire(timeout=10)

    shed = get(server, "/langsam/")
    assert shed.status == 503
    assert shed.getheader("Retry-After") == "1"
    assert shed.getheader("Cache-Control") == "no-store"

    shedding_urls.release.set()
    for thread in slow:
        thread.join(timeout=10)
    assert results == [200, 200]
    assert get(server, "/langsam/").status == 200  # there is room again


def test_cached_public_answers_and_health_are_not_shed(server) -> None:
    assert get(server, "/oeffentlich/").status == 200  # rendered once, now in the cache
    holders = [threading.Thread(target=get, args=(server, "/langsam/")) for _ in range(2)]
    for thread in holders:
        thread.start()
    for _ in holders:
        assert shedding_urls.inside.acquire(timeout=10)

    assert get(server, "/langsam/").status == 503
    cached = get(server, "/oeffentlich/")
    assert cached.status == 200
    assert get(server, "/healthz").status == 200
    # Static files are not counted either: a page's assets and the service worker's
    # precache arrive in parallel (404 here: the test's URLs serve none, but not 503).
    assert get(server, "/static/wir/css/site.css").status != 503

    shedding_urls.release.set()
    for thread in holders:
        thread.join(timeout=10)


def test_the_counter_never_lets_more_in_than_its_limit() -> None:
    gate = InFlight(3)
    admitted = [gate.enter() for _ in range(5)]
    assert admitted == [True, True, True, False, False]
    assert gate.shed == 2
    gate.leave()
    assert gate.enter() is True
