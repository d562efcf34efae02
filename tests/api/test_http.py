"""The shared HTTP layer of the API: validators, 304, codings, CORS, the content version."""

from __future__ import annotations

import gzip
import json
from typing import Any

import brotli
import pytest
from django.test import Client, RequestFactory
from django.utils.http import http_date

from wir.api.http import cached_json
from wir.core.models import Region

BIG = {"items": [{"title": f"Angebot {n}", "text": "Beratung " * 20} for n in range(20)]}


def answer(region: Region, build: Any = lambda: BIG, **headers: str) -> Any:
    request = RequestFactory().get("/api/v1/test/", {"page": "1"}, headers=headers)
    return cached_json(request, build, region=region)


def test_strong_etag_and_last_modified(region: Region) -> None:
    response = answer(region)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert not response["ETag"].startswith("W/")
    assert response["Last-Modified"].endswith("GMT")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"


def test_if_none_match_gives_304_without_building(region: Region) -> None:
    first = answer(region)
    calls: list[int] = []

    def build() -> Any:
        calls.append(1)
        return BIG

    again = answer(region, build, If_None_Match=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert calls == []  # served from the cache


def test_if_modified_since(region: Region) -> None:
    first = answer(region)
    assert answer(region, If_Modified_Since=first["Last-Modified"]).status_code == 304
    assert answer(region, If_Modified_Since=http_date(0)).status_code == 200


def test_other_etag_gets_the_body(region: Region) -> None:
    response = answer(region, If_None_Match='"abc"')
    assert response.status_code == 200
    assert response.content


def test_brotli_and_gzip_are_other_representations(region: Region) -> None:
    plain = answer(region)
    br = answer(region, Accept_Encoding="gzip, deflate, br")
    gz = answer(region, Accept_Encoding="gzip")
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain.content
    assert gzip.decompress(gz.content) == plain.content
    assert len(br.content) < len(plain.content)
    assert br["ETag"] != plain["ETag"]
    assert br["ETag"].startswith(plain["ETag"][:-1])
    assert "Accept-Encoding" in br["Vary"]
    # The compressed representation's validator revalidates too.
    assert answer(region, If_None_Match=br["ETag"], Accept_Encoding="br").status_code == 304


def test_content_change_renews_the_answer(region: Region, make_offer: Any, towns: Any) -> None:
    before = answer(region)
    stamp = region.content_changed_at
    make_offer("Neue Beratung", towns["Friedberg"])
    region.refresh_from_db()
    assert region.content_changed_at > stamp
    after = answer(region, lambda: {"changed": True}, If_None_Match=before["ETag"])
    assert after.status_code == 200
    assert after.content == b'{"changed":true}'


def test_page_publish_and_unpublish_move_the_version(region: Region) -> None:
    from wir.portal.models import RegionHomePage

    home = RegionHomePage.objects.get(slug="de", path__startswith=region.root_page.path)
    stamp = Region.objects.get(pk=region.pk).content_changed_at
    home.save_revision().publish()
    published = Region.objects.get(pk=region.pk).content_changed_at
    assert published > stamp
    home.unpublish()
    assert Region.objects.get(pk=region.pk).content_changed_at > published


def test_hiding_a_language_renews_answers(region: Region) -> None:
    from django.test import Client

    from wir.core.models import RegionLanguage

    assert Client().get("/api/v1/regions/testkreis/ar/pages/").status_code == 200
    RegionLanguage.objects.filter(region=region, language__code="ar").update(is_visible=False)
    hidden = RegionLanguage.objects.get(region=region, language__code="ar")
    hidden.save()  # through the admin: a save, which moves the content version
    assert Client().get("/api/v1/regions/testkreis/ar/pages/").status_code == 404


def test_304_needs_only_the_validator_and_a_lost_body_is_rebuilt(region: Region) -> None:
    from django.core.cache import cache

    from wir.api.http import cache_key, content_last_modified

    first = answer(region)
    request = RequestFactory().get("/api/v1/test/", {"page": "1"})
    key = cache_key(request, content_last_modified(region))
    cache.delete_many([f"{key}:identity", f"{key}:gzip", f"{key}:br"])
    calls: list[int] = []

    def build() -> Any:
        calls.append(1)
        return BIG

    assert answer(region, build, If_None_Match=first["ETag"]).status_code == 304
    assert calls == []  # decided on the validator alone
    again = answer(region, build)
    assert again.status_code == 200
    assert again.content == first.content
    assert calls == [1]  # the evicted body was rendered again


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [
        # found by the fuzzing: a feedback type outside the route's characters fell through
        # to the site, whose CSRF check answered an HTML 403
        ("post", "/api/v3/testkreis/de/feedback/%F1%9C%95%90m/"),
        ("get", "/api/v3/testkreis/de/gibt-es-nicht/"),
        ("get", "/api/v2/"),
        ("delete", "/api/"),
    ],
)
def test_an_address_below_api_without_an_endpoint_is_a_json_404(
    region: Region, method: str, path: str
) -> None:
    response = getattr(Client(enforce_csrf_checks=True), method)(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content) == {"detail": "No API endpoint at this address."}
