"""The translation editor helps with changed and new texts: a changed text starts with its
earlier translation, and the region's earlier translations are suggested with their match
percentage — never those of another region."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from tests.conftest import verified_client
from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation import segments

pytestmark = pytest.mark.django_db


def add_page(region_slug: str, title: str, body: str) -> ContentPage:
    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), body=body)
    Page.objects.get(url_path=f"/{region_slug}/de/").add_child(instance=page)
    publish(page)
    return page


def translate(page: ContentPage, texts: dict[str, str]) -> None:
    """Store translations into Arabic by German text."""
    source = segments.register(page)
    arabic = Locale.objects.get(language_code="ar")
    chosen = {
        u.segment_id: texts[u.source] for u in segments.units(source, arabic) if u.source in texts
    }
    segments.write(source, arabic, chosen)


def url(page: ContentPage, region: str = "testkreis") -> str:
    return f"/admin/uebersetzung/bearbeiten/{region}/page/{page.pk}/ar/"


def test_a_changed_text_starts_with_its_earlier_translation(region: Any, translator: Any) -> None:
    page = add_page("testkreis", "Sprachkurs", "<p>Der Kurs beginnt am Montag.</p>")
    translate(
        page, {"Sprachkurs": "دورة لغة", "Der Kurs beginnt am Montag.": "تبدأ الدورة يوم الاثنين."}
    )
    page.body = "<p>Der Kurs beginnt am Dienstag.</p>"
    publish(page)
    client = verified_client(translator)
    html = client.get(url(page)).text
    assert '[gestrichen: </span>Montag.<span class="w-sr-only">]</span></del>' in html
    assert '[eingefügt: </span>Dienstag.<span class="w-sr-only">]</span></ins>' in html
    field_html = html.split('<textarea id="t-body:0"', 1)[1].split("</textarea>", 1)[0]
    assert 'dir="rtl"' in field_html
    assert 'aria-describedby="pre-' in field_html
    assert field_html.endswith(">تبدأ الدورة يوم الاثنين.")
    assert "Unverändert wird sie nicht gespeichert." in html
    field = "t-body:0"
    assert f'name="{field}"' in html
    # Saving the untouched earlier translation would claim the change is translated.
    untouched = client.post(url(page), {field: "تبدأ الدورة يوم الاثنين."}, follow=True)
    assert "Keine Änderungen" in untouched.text
    assert not StringTranslation.objects.filter(
        data="تبدأ الدورة يوم الاثنين.", tool_name="Editor"
    ).exists()
    edited = client.post(url(page), {field: "تبدأ الدورة يوم الثلاثاء."}, follow=True)
    assert "1 Text(e) gespeichert" in edited.text
    assert StringTranslation.objects.filter(data="تبدأ الدورة يوم الثلاثاء.").exists()


def test_memory_suggests_the_regions_earlier_translations_only(
    region: Any, translator: Any, make_region: Any
) -> None:
    make_region("anderkreis", languages=("de", "ar"))
    done = add_page("testkreis", "Beratung", "<p>Termine nach Vereinbarung im Rathaus.</p>")
    translate(
        done, {"Beratung": "استشارة", "Termine nach Vereinbarung im Rathaus.": "مواعيد في البلدية"}
    )
    foreign = add_page("anderkreis", "Geheim", "<p>Termine nach Vereinbarung im Landratsamt.</p>")
    translate(foreign, {"Termine nach Vereinbarung im Landratsamt.": "نص منطقة أخرى"})
    new = add_page("testkreis", "Beratung Nord", "<p>Termine nach Vereinbarung im Rathaus.</p>")
    html = verified_client(translator).get(url(new)).text
    assert "Vorschläge aus früheren Übersetzungen dieser Region" in html
    assert "100 % Übereinstimmung" in html
    assert 'data-text="مواعيد في البلدية"' in html
    assert "نص منطقة أخرى" not in html  # another region's translation, 66 % alike
    assert 'data-fill="t-body:0"' in html
