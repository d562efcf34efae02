"""The hot path: a cached anonymous answer costs a lookup and one freshness query, and is
never stale or shared between people (wir/core/hotpath.py)."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Page

from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.core import hotpath
from wir.core.hotpath import (
    Stored,
    cache_key,
    keep_answer,
    key_of,
    next_midnight,
    stored_answer,
)
from wir.core.models import Region
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(region) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Wohnen", slug="wohnen", intro="Erste Fassung")
    home.add_child(instance=page)
    publish(page)
    return page


URL = "/testkreis/de/wohnen/"


def kept(path: str) -> tuple[str, Stored]:
    """The cache key of an anonymous GET of `path` and the answer kept under it."""
    key = cache_key(RequestFactory().get(path))
    assert key is not None
    stored = stored_answer(key)
    assert stored is not None
    return key, stored


def test_a_repeated_anonymous_visit_costs_one_query(page, query_count) -> None:
    client = Client()
    first = client.get(URL)
    assert first.status_code == 200
    with query_count.exactly(1):  # the region's content version, nothing else
        second = client.get(URL)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "Set-Cookie" not in second


def test_a_revalidation_is_answered_304_from_the_hot_path(page, query_count) -> None:
    client = Client()
    etag = client.get(URL)["ETag"]
    with query_count.exactly(1):
        response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert client.get(URL, HTTP_IF_NONE_MATCH='"anders"').status_code == 200


def test_a_publish_is_visible_at_once_even_if_the_cache_was_not_told(page) -> None:
    client = Client()
    assert "Erste Fassung" in client.get(URL).text
    page.intro = "Zweite Fassung"
    publish(page)  # another worker or app server: its cache is not ours, the database is
    assert "Zweite Fassung" in client.get(URL).text


def test_an_unpublished_page_is_gone_at_once(page) -> None:
    client = Client()
    assert client.get(URL).status_code == 200
    page.unpublish()
    assert client.get(URL).status_code == 404


def test_a_page_is_kept_only_until_it_expires(page) -> None:
    client = Client()
    # Before the next midnight, which ends every stored answer anyway (late in the evening
    # an hour would reach past it).
    now = timezone.now()
    expire_at = now + min(timedelta(hours=1), (next_midnight(now) - now) / 2)
    page.expire_at = expire_at
    page.save_revision().publish()
    assert client.get(URL).status_code == 200
    key, stored = kept(URL)
    assert stored.mark.valid_until == expire_at.timestamp()
    # An hour later (moved by hand, both in the database and in the stored answer's
    # clock): the page has expired and the stored answer is not used.
    past = timezone.now() - timedelta(seconds=1)
    ContentPage.objects.filter(pk=page.pk).update(expire_at=past)  # no signal, no touch
    cache.set(key, replace(stored, mark=replace(stored.mark, valid_until=past.timestamp())).entry())
    assert client.get(URL).status_code == 404


def test_a_remembered_revalidation_ends_with_the_expiry(page) -> None:
    client = Client()
    now = timezone.now()
    page.expire_at = now + min(timedelta(hours=1), (next_midnight(now) - now) / 2)
    page.save_revision().publish()
    etag = client.get(URL)["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304  # now remembered
    key, _stored = kept(URL)
    assert hotpath._revalidations[key][0] in etag
    # An hour later, as above: the remembered 304 is not used either.
    past = timezone.now() - timedelta(seconds=1)
    ContentPage.objects.filter(pk=page.pk).update(expire_at=past)
    tag, headers, region_id, version, _until = hotpath._revalidations[key]
    hotpath._revalidations[key] = (tag, headers, region_id, version, past.timestamp())
    cache.clear()
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_a_revalidation_after_a_publish_gets_the_new_answer(page, query_count) -> None:
    client = Client()
    etag = client.get(URL)["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with query_count.exactly(1):  # from the process's memory: the version, nothing else
        assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    page.intro = "Zweite Fassung"
    publish(page)
    answer = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert answer.status_code == 200
    assert "Zweite Fassung" in answer.text
    assert answer["ETag"] != etag
    assert client.get(URL, HTTP_IF_NONE_MATCH=answer["ETag"]).status_code == 304
    assert client.get(URL, HTTP_IF_NONE_MATCH='"fremd"').status_code == 200


def test_a_region_switched_off_is_not_served_from_the_cache(page) -> None:
    client = Client()
    assert client.get(URL).status_code == 200
    Region.objects.filter(slug="testkreis").update(is_active=False)
    assert client.get(URL).status_code == 404


def test_codings_are_kept_apart(page) -> None:
    client = Client()
    plain = client.get(URL)
    brotli = client.get(URL, HTTP_ACCEPT_ENCODING="br")
    again = client.get(URL)
    assert "Content-Encoding" not in plain
    assert "Content-Encoding" not in again
    assert again.content == plain.content
    assert brotli.status_code == 200


def test_signed_in_staff_bypass_the_cache_both_ways(page, make_user, region) -> None:
    anonymous = Client()
    anonymous.get(URL)
    staff = verified_client(make_user("redakteurin", Role.EDITOR, region))
    keys_before = len(cache._cache)  # type: ignore[attr-defined]
    answer = staff.get(URL)
    assert answer.status_code == 200
    assert len(cache._cache) == keys_before  # type: ignore[attr-defined]


def test_no_visitor_gets_a_token_or_cookie_of_another(page) -> None:
    first, second = Client(), Client()
    one, two = first.get(URL), second.get(URL)
    for response in (one, two):
        assert "csrfmiddlewaretoken" not in response.text
        assert not response.cookies
    assert 'action="/rueckmeldung/"' in two.text


def test_feedback_from_another_site_is_refused_and_from_ours_taken(page) -> None:
    from wir.portal.models import Feedback

    client = Client(enforce_csrf_checks=True)
    data = {"page": page.pk, "helpful": "ja", "language": "de"}
    refused = client.post("/rueckmeldung/", data, HTTP_ORIGIN="https://boese.example")
    assert refused.status_code == 403
    assert "nur von unseren eigenen Seiten" in refused.text
    refused = client.post("/rueckmeldung/", data, HTTP_SEC_FETCH_SITE="cross-site")
    assert refused.status_code == 403
    assert not Feedback.objects.exists()
    taken = client.post(
        "/rueckmeldung/", data, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert taken.status_code == 302
    assert Feedback.objects.count() == 1


def test_other_regions_and_languages_are_other_entries(page, make_region) -> None:
    make_region("anderswo")
    client = Client()
    assert client.get(URL).status_code == 200
    assert client.get("/anderswo/de/wohnen/").status_code == 404
    assert client.get("/testkreis/en/wohnen/").status_code == 404


def test_an_api_answer_is_kept_per_coding_and_renewed_on_publish(page, query_count) -> None:
    client = Client()
    url = "/api/v3/testkreis/de/pages/"
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert first.status_code == 200
    with query_count.exactly(1):
        again = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert again.content == first.content
    assert again.get("Content-Encoding") == first.get("Content-Encoding")
    assert again["Access-Control-Allow-Origin"] == "*"
    with query_count.exactly(1):
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_ACCEPT_ENCODING="gzip")
    assert revalidated.status_code == 304
    page.title = "Wohnen und Leben"
    publish(page)
    assert "Wohnen und Leben" in client.get(url).text


def test_a_hard_reload_is_answered_by_the_origin(page, query_count) -> None:
    client = Client()
    client.get(URL)
    with query_count.capture() as queries:
        assert client.get(URL, HTTP_CACHE_CONTROL="no-cache").status_code == 200
    assert len(queries) > 1


def test_the_same_path_in_two_regions_never_shares_an_answer(page, make_region) -> None:
    make_region("anderswo")
    home = Page.objects.get(url_path="/anderswo/de/")
    other = ContentPage(title="Wohnen", slug="wohnen", intro="Fassung von anderswo")
    home.add_child(instance=other)
    publish(other)
    client = Client()
    for _ in range(2):  # the second round comes from the cache
        assert "Erste Fassung" in client.get(URL).text
        answer = client.get("/anderswo/de/wohnen/").text
        assert "Fassung von anderswo" in answer
        assert "Erste Fassung" not in answer


def test_each_coding_gets_its_own_bytes_and_says_so(page) -> None:
    import gzip

    import brotli

    client = Client()
    for _ in range(2):  # rendered, then from the cache
        plain = client.get(URL, HTTP_ACCEPT_ENCODING="identity")
        packed_br = client.get(URL, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        packed_gz = client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
        assert "Content-Encoding" not in plain
        assert packed_br["Content-Encoding"] == "br"
        assert packed_gz["Content-Encoding"] == "gzip"
        assert brotli.decompress(packed_br.content) == plain.content
        assert gzip.decompress(packed_gz.content) == plain.content
        assert "Accept-Encoding" in packed_br["Vary"]
        assert int(packed_br["Content-Length"]) == len(packed_br.content)
    # One content, three codings: a tag of any of them revalidates.
    answer = client.get(URL, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=plain["ETag"])
    assert answer.status_code == 304


def test_a_signed_in_editor_never_gets_the_cached_answer(page, make_user, region) -> None:
    Client().get(URL)
    key, stored = kept(URL)
    keep_answer(key, replace(stored, body=b"Kopie aus dem Zwischenspeicher"))
    assert Client().get(URL).content == b"Kopie aus dem Zwischenspeicher"
    editor = verified_client(make_user("redakteur2", Role.EDITOR, region))
    answer = editor.get(URL)
    assert "Erste Fassung" in answer.text
    assert "Zwischenspeicher" not in answer.text


def test_a_visitor_with_a_csrf_cookie_gets_no_token_and_sets_none(page) -> None:
    first = Client().get(URL)
    visitor = Client()
    visitor.cookies["csrftoken"] = "x" * 32
    answer = visitor.get(URL)
    assert answer.content == first.content
    assert "csrfmiddlewaretoken" not in answer.text
    assert "csrftoken" not in answer.cookies


def wsgi_get(path: str, **extra: str) -> tuple[str, dict[str, str], bytes]:
    """A request through the production WSGI application (wir/wsgi.py), no test client."""
    import io

    from wir.wsgi import application

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        **extra,
    }
    seen: dict[str, object] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info=None) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    # Like Django's test client: a request must not close the test's database connection
    # (it holds the test's transaction; on PostgreSQL the next query would fail).
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        answer = application(environ, start_response)
        body = b"".join(answer)
        getattr(answer, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return str(seen["status"]), seen["headers"], body  # type: ignore[return-value]


def test_the_wsgi_hot_path_answers_before_django_and_stays_fresh(page, query_count) -> None:
    status, _headers, first = wsgi_get(URL)
    assert status.startswith("200")
    with query_count.exactly(1):  # the version; no session, no middleware
        status, headers, again = wsgi_get(URL)
    assert (status, again) == ("200 OK", first)
    assert headers["Content-Length"] == str(len(first))
    assert "Set-Cookie" not in headers
    status, _headers, empty = wsgi_get(URL, REQUEST_METHOD="HEAD")
    assert (status, empty) == ("200 OK", b"")
    page.intro = "Zweite Fassung"
    publish(page)
    assert b"Zweite Fassung" in wsgi_get(URL)[2]


def test_the_wsgi_hot_path_leaves_strangers_and_staff_to_django(page) -> None:
    wsgi_get(URL)
    assert wsgi_get(URL, HTTP_HOST="boese.example")[0].startswith("400")
    status, _headers, body = wsgi_get(URL, HTTP_COOKIE="sessionid=erfunden")
    assert status.startswith("200")
    assert b"Erste Fassung" in body


def test_the_hot_path_follows_a_settings_change(settings) -> None:
    meta = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "HTTP_HOST": "neu.example"}
    assert key_of(meta) is None  # not an allowed host: Django answers (400)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "neu.example"]
    assert key_of(meta) is not None
    settings.SESSION_COOKIE_NAME = "anmeldung"
    assert key_of({**meta, "HTTP_COOKIE": "anmeldung=x"}) is None
    assert key_of({**meta, "HTTP_COOKIE": "sessionid=x"}) is not None
