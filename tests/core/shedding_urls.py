"""URLs of the load-shedding test: a view that waits until the test lets it go, and a
public answer the hot path may keep."""

import threading

from django.http import HttpRequest, HttpResponse
from django.urls import path

from wir.core.hotpath import mark_public, region_version

inside = threading.Semaphore(0)
release = threading.Event()


def slow(request: HttpRequest) -> HttpResponse:
    inside.release()
    release.wait(timeout=10)
    return HttpResponse("fertig")


def public(request: HttpRequest) -> HttpResponse:
    return mark_public(HttpResponse("öffentlich"), None, version=region_version(None))


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [
    path("langsam/", slow),
    path("oeffentlich/", public),
    path("healthz", health),
]
