"""Incremental builds reuse what cannot have changed: always the bytes of a cold build."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from wagtail.models import Page

from wir.core.models import Region
from wir.offline import documents, reuse
from wir.offline.bundles import build_bundle
from wir.portal.models import ContentPage, Offer

pytestmark = pytest.mark.django_db


def region() -> Region:
    return Region.objects.get(slug="testkreis")


def count_renders(monkeypatch: Any) -> list[str]:
    rendered: list[str] = []
    real = documents.render_url

    def counting(url: str) -> Any:
        rendered.append(url)
        return real(url)

    monkeypatch.setattr(documents, "render_url", counting)
    return rendered


def incremental_and_cold(
    settings: Any, tmp_path: Path, monkeypatch: Any, edit: Callable[[], None]
) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Build (recording), edit, build again reusing; then a cold build elsewhere."""
    build_bundle(region(), "de")
    edit()
    rendered = count_renders(monkeypatch)
    incremental = build_bundle(region(), "de", reuse=True)
    rendered_then = list(rendered)
    settings.WIR_OFFLINE_DIR = tmp_path / "cold"
    cold = build_bundle(region(), "de")
    return incremental, cold, rendered_then


def pages_of(manifest: dict[str, Any]) -> int:
    return sum(1 for entry in manifest["files"] if entry["type"].startswith("text/html"))


def test_an_edited_offer_gives_the_bytes_of_a_cold_build(
    site, settings, tmp_path, monkeypatch
) -> None:
    def edit() -> None:
        offer = Offer.objects.get(pk=site["offer"].pk)
        offer.summary = "Neu: Sprechstunde auch am Freitag"
        offer.save_revision().publish()

    incremental, cold, rendered = incremental_and_cold(settings, tmp_path, monkeypatch, edit)
    assert incremental == cold
    offer_url = f"/testkreis/de/was-ist-wo/angebot/{site['offer'].pk}/"
    assert offer_url in rendered
    assert "/testkreis/de/wohnen/" not in rendered  # shows nothing of the offer: reused
    assert len(rendered) < pages_of(cold)


def test_an_edited_content_page_gives_the_bytes_of_a_cold_build(
    site, settings, tmp_path, monkeypatch
) -> None:
    def edit() -> None:
        housing = ContentPage.objects.get(pk=site["housing"].pk)
        housing.title = "Wohnen und Miete"
        housing.body = "<p>Mietvertrag in Ruhe lesen.</p>"
        housing.save_revision().publish()

    incremental, cold, rendered = incremental_and_cold(settings, tmp_path, monkeypatch, edit)
    assert incremental == cold
    assert "/testkreis/de/wohnen/" in rendered
    assert f"/testkreis/de/was-ist-wo/ort/{site['place'].pk}/" not in rendered
    assert len(rendered) < pages_of(cold)


def test_an_unpublished_page_is_gone_as_in_a_cold_build(
    site, settings, tmp_path, monkeypatch
) -> None:
    def edit() -> None:
        Page.objects.get(pk=site["housing"].pk).unpublish()

    incremental, cold, rendered = incremental_and_cold(settings, tmp_path, monkeypatch, edit)
    assert incremental == cold
    assert not any(entry["url"] == "/testkreis/de/wohnen/" for entry in cold["files"])
    assert "/testkreis/de/" in rendered  # its navigation listed the page


def test_pages_that_read_the_clock_are_always_rendered_again(site, monkeypatch) -> None:
    build_bundle(region(), "de")
    rendered = count_renders(monkeypatch)
    build_bundle(region(), "de", reuse=True)  # nothing changed
    event_url = f"/testkreis/de/veranstaltungen/veranstaltung/{site['event'].pk}/"
    assert event_url in rendered  # its next dates follow the time of day
    assert "/testkreis/de/wohnen/" not in rendered


def test_an_expiry_since_the_last_build_makes_the_next_one_cold(site, monkeypatch) -> None:
    build_bundle(region(), "de")
    record = reuse._records[reuse._record_key(region(), "de")]
    record.started -= timedelta(hours=1)
    # Expired half an hour ago, without a publish (no content version moved).
    Offer.objects.filter(pk=site["leisure"].pk).update(
        expire_at=timezone.now() - timedelta(minutes=30)
    )
    rendered = count_renders(monkeypatch)
    after = build_bundle(region(), "de", reuse=True)
    assert "/testkreis/de/wohnen/" in rendered  # nothing reused
    assert not any(f"/angebot/{site['leisure'].pk}/" in e["url"] for e in after["files"])


def test_a_publish_during_the_build_keeps_no_record(site, monkeypatch) -> None:
    real = documents.render_url
    published: list[str] = []

    def publishing(url: str) -> Any:
        if not published:
            housing = ContentPage.objects.get(pk=site["housing"].pk)
            housing.title = "Wohnen (neu)"
            housing.save_revision().publish()
            published.append(url)
        return real(url)

    monkeypatch.setattr(documents, "render_url", publishing)
    build_bundle(region(), "de")
    assert reuse._record_key(region(), "de") not in reuse._records


def test_unshown_columns_are_found_only_in_plain_column_lists() -> None:
    table = Region._meta.db_table
    sql = f'SELECT "{table}"."id", "{table}"."updated_at", "x"."live_revision_id" FROM "{table}"'  # noqa: S608
    assert reuse._unshown_positions(sql, 3) == {1, 2}
    assert reuse._unshown_positions(sql, 4) == frozenset()  # not what the database answered
    other = 'SELECT "portal_offer"."updated_at" FROM "portal_offer"'
    assert reuse._unshown_positions(other, 1) == frozenset()  # shown for other tables


def test_a_new_legal_page_reaches_every_reused_page_although_requests_kept_the_footer(
    site, settings, tmp_path, monkeypatch
) -> None:
    """Public requests keep the page chrome per region content version in the process
    (core/memo.remember_for_region); an offline build records each page's reads, so that
    memory answers nothing during a build, and a new footer link renders every page anew."""
    from django.test import Client

    from wir.portal.actions import publish
    from wir.portal.models import LegalPage

    visitor = Client()
    assert visitor.get("/testkreis/de/wohnen/").status_code == 200  # the chrome is kept

    def edit() -> None:
        home = Page.objects.get(url_path="/testkreis/de/")
        imprint = LegalPage(title="Impressum", slug="impressum", kind="imprint", body="<p>WIR</p>")
        home.add_child(instance=imprint)
        publish(imprint)
        assert "/testkreis/de/impressum/" in visitor.get("/testkreis/de/wohnen/").text

    incremental, cold, rendered = incremental_and_cold(settings, tmp_path, monkeypatch, edit)
    assert incremental == cold
    assert "/testkreis/de/wohnen/" in rendered  # its footer changed
