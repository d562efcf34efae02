"""The segment layer every translation path uses: register, read, write, apply."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Locale, Page

from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation import segments
from wir.translation.segments import SegmentError

pytestmark = pytest.mark.django_db


@pytest.fixture
def original(region: Any) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(
        title="Anmelden",
        slug="anmelden",
        intro="Kurz",
        body='<p>Beim <a href="https://example.org/amt">Bürgerbüro</a> <b>anmelden</b>.</p>',
    )
    home.add_child(instance=page)
    publish(page)
    return page


def test_units_keep_inline_markup_and_put_links_aside(original: ContentPage) -> None:
    source = segments.register(original)
    arabic = Locale.objects.get(language_code="ar")
    units = segments.units(source, arabic)
    by_path = {unit.path: unit for unit in units}
    assert by_path["title"].source == "Anmelden"
    body = next(unit for unit in units if unit.path.startswith("body"))
    assert body.source == 'Beim <a id="a1">Bürgerbüro</a> <b>anmelden</b>.'
    assert body.attrs["a1"]["href"] == "https://example.org/amt"
    assert all(unit.target is None for unit in units)


def test_write_and_apply_make_the_target_page(
    original: ContentPage, django_capture_on_commit_callbacks: Any
) -> None:
    source = segments.register(original)
    arabic = Locale.objects.get(language_code="ar")
    texts = {
        unit.segment_id: {
            "title": "التسجيل",
            "slug": "anmelden",
            "intro": "باختصار",
        }.get(unit.path, 'في <a id="a1">مكتب المواطنين</a> <b>سجّل</b>.')
        for unit in segments.units(source, arabic)
    }
    segments.write(source, arabic, texts, kind=segments.MACHINE, tool_name="test")
    assert segments.missing(source, arabic) == []
    with django_capture_on_commit_callbacks(execute=True):
        target = segments.apply(source, arabic)
    target.refresh_from_db()
    assert target.title == "التسجيل"
    assert target.locale == arabic
    assert target.translation_key == original.translation_key
    assert '<a href="https://example.org/amt">مكتب المواطنين</a>' in target.body
    assert target.live


def test_write_refuses_foreign_links_and_unknown_segments(original: ContentPage) -> None:
    source = segments.register(original)
    arabic = Locale.objects.get(language_code="ar")
    body = next(u for u in segments.units(source, arabic) if u.path.startswith("body"))
    with pytest.raises(SegmentError, match="Links"):
        segments.write(source, arabic, {body.segment_id: 'x <a id="a9">y</a>'})
    with pytest.raises(SegmentError, match="Unbekannte"):
        segments.write(source, arabic, {999999: "x"})
    with pytest.raises(SegmentError, match="Markup"):
        segments.write(source, arabic, {body.segment_id: "x <script>alert(1)</script>"})
    assert all(u.target is None for u in segments.units(source, arabic))
