"""What is cached under a region's translation version: the translators' start-page counts
and the editor's translation memory. Both are reused while nothing changed and renewed as
soon as a translation is saved."""

from __future__ import annotations

import re
from typing import Any

import pytest
from wagtail.models import Locale, Page

from tests.conftest import QueryCount, verified_client
from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation import publishing, segments

pytestmark = pytest.mark.django_db

MEMORY_SQL = 'SELECT "wagtail_localize_string"."data"'


def add_page(title: str, body: str) -> ContentPage:
    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), body=body)
    Page.objects.get(url_path="/testkreis/de/").add_child(instance=page)
    publish(page)
    return page


def translate_all(page: ContentPage) -> None:
    source = segments.register(page)
    arabic = Locale.objects.get(language_code="ar")
    segments.write(
        source, arabic, {u.segment_id: "AR " + u.source for u in segments.units(source, arabic)}
    )


def missing_arabic(html: str) -> int:
    found = re.search(r"Arabisch: fehlende Übersetzungen</a>:\s*<strong>(\d+)</strong>", html)
    assert found, "no line for Arabic"
    return int(found.group(1))


def test_the_translators_counts_are_renewed_when_a_translation_is_saved(
    region: Any, translator: Any, query_count: QueryCount
) -> None:
    page = add_page("Sprachkurs", "<p>Der Kurs beginnt am Montag.</p>")
    segments.register(page)
    client = verified_client(translator)
    before = missing_arabic(client.get("/admin/").text)
    with query_count.capture() as cached:
        assert missing_arabic(client.get("/admin/").text) == before
    assert not any("wagtail_localize_stringsegment" in sql for sql in cached.sql), cached.listing()
    translate_all(page)  # complete, waiting for an editor: no longer "missing"
    held = publishing.publish_if_complete(
        segments.register(page), page, Locale.objects.get(language_code="ar"), translator
    )
    assert held is not None
    assert missing_arabic(client.get("/admin/").text) == before - 1


def test_a_second_editor_request_uses_the_memory_index_again(
    region: Any, translator: Any, query_count: QueryCount
) -> None:
    done = add_page("Beratung", "<p>Termine nach Vereinbarung im Rathaus.</p>")
    translate_all(done)
    new = add_page("Beratung Nord", "<p>Termine nach Vereinbarung im Rathaus.</p>")
    client = verified_client(translator)
    url = f"/admin/uebersetzung/bearbeiten/testkreis/page/{new.pk}/ar/"
    with query_count.capture() as first:
        assert "AR Termine nach Vereinbarung im Rathaus." in client.get(url).text
    with query_count.capture() as second:
        assert "AR Termine nach Vereinbarung im Rathaus." in client.get(url).text
    assert sum(MEMORY_SQL in sql for sql in first.sql) == 1, first.listing()
    assert sum(MEMORY_SQL in sql for sql in second.sql) == 0, second.listing()
    # A saved translation renews the index: the new text is suggested at once.
    other = add_page("Sprechstunde", "<p>Sprechstunde dienstags im Rathaus.</p>")
    translate_all(other)
    with query_count.capture() as renewed:
        assert "AR Termine nach Vereinbarung im Rathaus." in client.get(url).text
    assert sum(MEMORY_SQL in sql for sql in renewed.sql) == 1, renewed.listing()
