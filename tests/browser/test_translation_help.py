"""Helping translators in a real Chromium: the editor starts a changed text with its
earlier translation (right-to-left) and takes a memory suggestion with one click; rows
chosen in the status matrix download as one XLIFF file; axe finds no violations on the
editor, the matrix and the exchange screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from tests.browser.test_accessibility import AXE, WCAG_TAGS
from tests.conftest import verified_client
from wir.accounts.actions import grant_role
from wir.accounts.roles import Role
from wir.portal.actions import publish
from wir.portal.models import ContentPage
from wir.translation import segments

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_page(title: str, body: str) -> ContentPage:
    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), body=body)
    Page.objects.get(url_path="/testkreis/de/").add_child(instance=page)
    publish(page)
    return page


def translate(page: ContentPage, texts: dict[str, str]) -> None:
    source = segments.register(page)
    arabic = Locale.objects.get(language_code="ar")
    units = segments.units(source, arabic)
    segments.write(
        source, arabic, {u.segment_id: texts[u.source] for u in units if u.source in texts}
    )


def sign_in(tab: Any, live_server: Any, user: Any) -> None:
    session = verified_client(user).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def assert_axe_passes(tab: Any, selector: str) -> None:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "([selector, tags]) => axe.run(selector, {runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG_TAGS],
    )
    assert [v["id"] for v in result["violations"]] == []


def test_prefill_and_a_memory_suggestion_in_the_editor(
    live_server: Any, make_region: Any, make_user: Any, page: Any
) -> None:
    tab, problems = page
    region = make_region("testkreis", languages=("de", "ar"))
    changed = add_page("Sprachkurs", "<p>Der Kurs beginnt am Montag.</p>")
    translate(
        changed, {"Sprachkurs": "دورة لغة", "Der Kurs beginnt am Montag.": "تبدأ يوم الاثنين"}
    )
    changed.body = "<p>Der Kurs beginnt am Dienstag.</p><p>Anmeldung im Rathaus.</p>"
    publish(changed)
    other = add_page("Beratung", "<p>Anmeldung im Rathaus.</p>")
    translate(other, {"Beratung": "استشارة", "Anmeldung im Rathaus.": "التسجيل في البلدية"})
    user = make_user("tina")
    grant_role(None, user, region, Role.TRANSLATOR, languages=["ar"])
    sign_in(tab, live_server, user)
    tab.goto(f"{live_server.url}/admin/uebersetzung/bearbeiten/testkreis/page/{changed.pk}/ar/")
    first = tab.locator("textarea#t-body\\:0")
    expect(first).to_have_value("تبدأ يوم الاثنين")
    expect(first).to_have_attribute("dir", "rtl")
    expect(tab.locator("del.word-diff").first).to_contain_text("gestrichen: Montag.")
    assert_axe_passes(tab, "main")
    second = tab.locator("textarea#t-body\\:1")
    expect(second).to_have_value("")
    tab.get_by_role("button", name="Übernehmen (100 % Übereinstimmung, Inhalt)").click()
    expect(second).to_have_value("التسجيل في البلدية")
    expect(second).to_be_focused()
    first.fill("تبدأ يوم الثلاثاء")
    tab.get_by_role("button", name="Speichern").click()
    expect(tab.get_by_text("2 Text(e) gespeichert")).to_be_visible()
    arabic = Locale.objects.get(language_code="ar")
    texts = {u.source: u.target for u in segments.units(segments.register(changed), arabic)}
    assert texts["Anmeldung im Rathaus."] == "التسجيل في البلدية"
    assert texts["Der Kurs beginnt am Dienstag."] == "تبدأ يوم الثلاثاء"
    assert problems.all() == []


def test_rows_chosen_in_the_matrix_download_as_xliff(
    live_server: Any, make_region: Any, make_user: Any, page: Any
) -> None:
    tab, problems = page
    region = make_region("testkreis", languages=("de", "ar"))
    add_page("Kita", "<p>Plätze in der Kita.</p>")
    add_page("Schule", "<p>Anmeldung zur Schule.</p>")
    user = make_user("tina")
    grant_role(None, user, region, Role.TRANSLATOR, languages=["ar"])
    sign_in(tab, live_server, user)
    tab.goto(f"{live_server.url}/admin/uebersetzung/stand/testkreis/")
    assert_axe_passes(tab, "main")
    tab.get_by_label("Kita auswählen").check()
    with tab.expect_download() as download:
        tab.get_by_role("button", name="XLIFF-Datei herunterladen").click()
    content = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Plätze in der Kita." in content
    assert 'target-language="ar"' in content
    assert "Anmeldung zur Schule." not in content
    tab.goto(f"{live_server.url}/admin/uebersetzung/xliff/")
    assert_axe_passes(tab, "main")
    expect(tab.get_by_label("Kita")).to_be_visible()
    assert problems.all() == []
