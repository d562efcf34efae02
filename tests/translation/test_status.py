"""Status of content × languages: legacy loading, outdated detection, minor changes."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Locale, Page

from wir.core.models import Region
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage
from wir.translation import legacy
from wir.translation.status import diffs, states

pytestmark = pytest.mark.django_db


def make_page(region: Region, slug: str, texts: dict[str, tuple[str, str]]) -> ContentPage:
    source: Any = None
    for code, (title, body) in texts.items():
        home = Page.objects.get(url_path=f"/{region.slug}/{code}/")
        fields = {"title": title, "slug": slug, "intro": "", "body": body}
        if source is None:
            source = ContentPage(locale=home.locale, **fields)
            home.add_child(instance=source)
            publish(source)
        else:
            add_translation(source, home, home.locale, **fields)
    return source


@pytest.fixture
def page(region: Region) -> ContentPage:
    return make_page(
        region,
        "wohnen",
        {
            "de": ("Wohnen", "<p>Eine Wohnung finden.</p><p>Hilfe beim Amt.</p>"),
            "en": ("Housing", "<p>Find a flat.</p><p>Help at the office.</p>"),
        },
    )


def cell(region: Region, item_id: int, code: str) -> states.Cell:
    result = states.matrix(region)
    row = next(r for r in result.rows if r.item.kind == "page" and r.item.object_id == item_id)
    return row.cells[code]


def test_legacy_loads_existing_translations_idempotently(region: Region, page: ContentPage) -> None:
    assert cell(region, page.pk, "en").status == states.UNKNOWN
    assert cell(region, page.pk, "ar").status == states.MISSING
    first = legacy.sync_region(region)
    assert first.strings >= 3  # title, slug, two paragraphs (intro is empty)
    assert legacy.sync_region(region).strings == 0
    assert cell(region, page.pk, "en").status == states.UP_TO_DATE
    assert cell(region, page.pk, "ar").status == states.MISSING


def test_changed_text_is_outdated_and_a_minor_change_keeps_the_translation(
    region: Region, page: ContentPage
) -> None:
    legacy.sync_region(region)
    page.body = "<p>Eine Wohnung suchen.</p><p>Hilfe beim Amt.</p>"
    publish(page)  # refreshes the registered source's segments
    source = states.TranslationSource.objects.get(object_id=page.translation_key)
    english = Locale.objects.get(language_code="en")
    assert cell(region, page.pk, "en").status == states.OUTDATED
    found = diffs.changes(source, english)
    assert [(c.old_german, c.new_german, c.old_translation) for c in found] == [
        ("Eine Wohnung finden.", "Eine Wohnung suchen.", "Find a flat.")
    ]
    assert ("delete", "finden.") in found[0].diff()
    assert ("insert", "suchen.") in found[0].diff()
    assert diffs.keep_translations(None, source, english) == 1
    assert cell(region, page.pk, "en").status == states.UP_TO_DATE


def test_filters_reject_unknown_values(region: Region) -> None:
    for kwargs in ({"language": "xx"}, {"status": "bad"}, {"section": "nope"}):
        with pytest.raises(states.FilterError):
            states.matrix(region, **kwargs)


def test_machine_translation_is_unreviewed_until_reviewed(
    region: Region, page: ContentPage
) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wir.translation.models import MachineTranslation

    legacy.sync_region(region)
    english = Page.objects.get(url_path="/testkreis/en/wohnen/")
    mark = MachineTranslation.objects.create(
        region=region,
        content_type=ContentType.objects.get_for_model(ContentPage),
        object_id=english.pk,
        language_code="en",
        provider="test",
    )
    assert cell(region, page.pk, "en").status == states.MACHINE_UNREVIEWED
    mark.reviewed_at = timezone.now()
    mark.save()
    assert cell(region, page.pk, "en").status == states.UP_TO_DATE


def test_sync_translations_command(region: Region, page: ContentPage) -> None:
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("sync_translations", "testkreis", "-v0", stdout=out)
    assert "testkreis: 1 Originale, 1 Übersetzungen" in out.getvalue()
    again = StringIO()
    call_command("sync_translations", "-v0", stdout=again)
    assert "0 Texte übernommen" in again.getvalue()
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("sync_translations", "nirgendwo", "-v0")
