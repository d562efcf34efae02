"""Bundles are built in the background: requests never build, never serve a stale one."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from wir.core.models import Region
from wir.offline import builds, bundles
from wir.offline.builds import WORKER_SILENT_SECONDS, bundle_status, pending_builds
from wir.portal.models import Offer

SAVE_PAGE = "/offline/testkreis/de/"
# region, languages, home page, legal pages, language switcher and footer; never the bundle
QUERIES_OF_SAVE_PAGE = 8
MANIFEST = "/offline/testkreis/de/manifest.json"


def forbid_building(monkeypatch: Any) -> None:
    def fail(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a request built a bundle")

    monkeypatch.setattr(bundles, "build_bundle", fail)


def region() -> Region:
    return Region.objects.get(slug="testkreis")


@pytest.mark.django_db
def test_after_a_publish_requests_answer_at_once_and_the_worker_builds(
    site, client: Client, monkeypatch
) -> None:
    call_command("run_offline_builds", verbosity=0)  # everything current
    old = bundles.ready_bundle(region(), "de")
    assert old is not None

    offer = Offer.objects.get(pk=site["offer"].pk)
    offer.summary = "Neu: offene Sprechstunde am Mittwoch"
    offer.save_revision().publish()

    with monkeypatch.context() as patched:
        forbid_building(patched)
        started = time.perf_counter()
        page = client.get(SAVE_PAGE)
        elapsed = time.perf_counter() - started
        assert page.status_code == 200
        assert "wird gerade vorbereitet" in page.content.decode()
        assert elapsed < 0.5, elapsed  # 200 ms on a quiet machine; tests share the CPU
        manifest = client.get(MANIFEST)
        assert manifest.status_code == 202  # the old bundle is never answered
        assert manifest["Cache-Control"] == "no-store"
        assert json.loads(manifest.content)["status"] == "preparing"
        assert client.get("/offline/testkreis/de/search-index.json").status_code == 503

    # German is wanted by a visitor: the worker builds it before the other languages.
    assert pending_builds()[0][1] == "de"
    call_command("run_offline_builds", verbosity=0)
    response = client.get(MANIFEST)
    assert response.status_code == 200
    new = json.loads(response.content)
    assert new["version"] != old["version"]
    offer_entry = next(e for e in new["files"] if e["url"].endswith(f"/angebot/{offer.pk}/"))
    html = bundles.blob_path(offer_entry["hash"], "html").read_text()
    assert "Neu: offene Sprechstunde am Mittwoch" in html
    assert "Größe:" in client.get(SAVE_PAGE).content.decode()
    assert pending_builds() == []
    # The outdated manifest is gone; another language's is not touched.
    names = sorted(p.name for p in (bundles.offline_dir() / "manifests").glob("*.json"))
    assert [n.rsplit("-", 1)[0] for n in names] == ["testkreis-ar", "testkreis-de", "testkreis-en"]


@pytest.mark.django_db
def test_progress_of_a_running_build_is_shown(site, client: Client) -> None:
    found = region()
    path = bundles.offline_dir() / "progress" / "testkreis-de.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    key = bundles.bundle_key(found, "de")
    path.write_text(json.dumps({"key": key, "done": 12, "total": 40}))
    status = bundle_status(found, "de", start=False)
    assert (status.ready, status.done, status.total, status.percent) == (False, 12, 40, 30)
    assert json.loads(client.get(MANIFEST).content) == {
        "status": "preparing",
        "done": 12,
        "total": 40,
    }
    assert "Vorbereitet: 12 von 40 Seiten." in client.get(SAVE_PAGE).content.decode()
    # The progress of an older content version is no progress of this one.
    path.write_text(json.dumps({"key": "older", "done": 39, "total": 40}))
    assert bundle_status(found, "de", start=False).done == 0


@pytest.mark.django_db(transaction=True)
def test_without_a_worker_the_web_process_builds_in_a_thread(site, client: Client) -> None:
    heartbeat = bundles.offline_dir() / "worker-heartbeat"
    stale = time.time() - WORKER_SILENT_SECONDS - 5
    os.utime(heartbeat, (stale, stale))  # the worker stopped long ago
    assert client.get(MANIFEST).status_code == 202
    builds.join_threads(timeout=240)  # the build thread the request started
    response = client.get(MANIFEST)
    assert response.status_code == 200, "the thread never finished the bundle"
    assert any(e["url"] == "/testkreis/de/" for e in json.loads(response.content)["files"])


@pytest.mark.django_db
def test_the_save_page_reads_a_few_rows_whether_built_or_not(
    site, client: Client, django_assert_num_queries
) -> None:
    client.get(SAVE_PAGE)  # warm caches of the site (locales, settings)
    with django_assert_num_queries(QUERIES_OF_SAVE_PAGE):
        assert "wird gerade vorbereitet" in client.get(SAVE_PAGE).content.decode()
    call_command("run_offline_builds", verbosity=0)
    with django_assert_num_queries(QUERIES_OF_SAVE_PAGE):
        assert "Größe:" in client.get(SAVE_PAGE).content.decode()
