"""The translation editor in a real Chromium: right-to-left fields, a faulty text is
refused with the message at the field, a corrected one is saved; axe finds no violations
in the editor's form."""

from __future__ import annotations

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

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_translate_a_page_in_the_editor(
    live_server: Any, make_region: Any, make_user: Any, page: Any
) -> None:
    tab, problems = page
    region = make_region("testkreis", languages=("de", "ar"))
    home = Page.objects.get(url_path="/testkreis/de/")
    original = ContentPage(
        title="Anmelden",
        slug="anmelden",
        intro="Kurz",
        body='<p>Im <a href="https://example.org/amt">Bürgerbüro</a> anmelden.</p>',
    )
    home.add_child(instance=original)
    publish(original)
    user = make_user("tina")
    grant_role(None, user, region, Role.TRANSLATOR, languages=["ar"])
    session = verified_client(user).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    url = f"{live_server.url}/admin/uebersetzung/bearbeiten/testkreis/page/{original.pk}/ar/"
    tab.goto(url)
    fields = tab.locator("form textarea")
    expect(fields).to_have_count(3)
    expect(fields.first).to_have_attribute("dir", "rtl")
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run('main form', {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    assert [v["id"] for v in result["violations"]] == []
    tab.get_by_label("Übersetzung (Arabisch)").nth(0).fill("التسجيل")
    tab.get_by_label("Übersetzung (Arabisch)").nth(1).fill("باختصار")
    body = tab.get_by_label("Übersetzung (Arabisch)").nth(2)
    body.fill("سجّل في مكتب المواطنين.")  # the link is missing
    tab.get_by_role("button", name="Speichern").click()
    expect(tab.get_by_role("alert").filter(has_text="fehlt: a1")).to_be_visible()
    expect(body).to_have_attribute("aria-invalid", "true")
    assert original.get_translation_or_none(Locale.objects.get(language_code="ar")) is None
    body = tab.get_by_label("Übersetzung (Arabisch)").nth(2)
    body.fill('سجّل في <a id="a1">مكتب المواطنين</a>.')
    tab.get_by_role("button", name="Speichern").click()
    expect(tab.get_by_text("wartet darauf, dass die Redaktion sie veröffentlicht")).to_be_visible()
    expect(tab.get_by_role("status").filter(has_text="Vollständig übersetzt")).to_contain_text(
        "noch nicht veröffentlicht"
    )
    # The translator may not publish: nothing public yet, the editors publish.
    assert original.get_translation_or_none(Locale.objects.get(language_code="ar")) is None
    # The refused form answered 400 (and Chromium logs that); nothing else went wrong.
    assert problems.page_errors == []
    assert problems.failed_requests == [f"400 {url}"]
    assert all("status of 400" in message for message in problems.console_errors)
