"""The admin runs under its Content-Security-Policy: the dashboard, the page editor (with
its rich-text editor and preview), the page explorer, snippets, images and our own admin
views load and work without a single CSP violation in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from tests.conftest import verified_client
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every violation, also from frames and for styles, as the browser reports it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def violations(tab: Any) -> list[str]:
    return list(tab.evaluate("window.__cspViolations || []"))


def test_the_admin_works_under_its_csp(
    live_server: Any, region: Any, make_user: Any, page: Any
) -> None:
    tab, problems = page
    home = Page.objects.get(url_path="/testkreis/de/")
    housing = ContentPage(title="Wohnen", slug="wohnen", intro="Kurz", body="<p>Text</p>")
    home.add_child(instance=housing)
    publish(housing)
    # Images and documents are the platform operator's (not region-scoped): the walk is the
    # operator's, who sees every screen listed here.
    user = make_user("betrieb")
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    session = verified_client(user).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    tab.add_init_script(RECORD_VIOLATIONS)
    csp_messages: list[str] = []
    tab.on(
        "console",
        lambda message: (
            csp_messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    seen: dict[str, list[str]] = {}
    for path in (
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{housing.pk}/edit/",
        f"/admin/pages/add/portal/contentpage/{home.pk}/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/account/",
    ):
        response = tab.goto(live_server.url + path)
        assert response is not None
        assert response.status < 400, path
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy
        assert "connect-src 'self';" in policy
        tab.wait_for_load_state("networkidle")
        seen[path] = violations(tab)
    assert {path: found for path, found in seen.items() if found} == {}
    # The page editor still edits and saves.
    tab.goto(f"{live_server.url}/admin/pages/{housing.pk}/edit/")
    tab.locator("#id_title").fill("Wohnen und Mieten")
    # The rich-text editor (Draftail, a script-built widget) came up.
    expect(tab.locator(".Draftail-Editor [contenteditable=true]").first).to_be_visible()
    tab.get_by_role("button", name="Entwurf speichern").first.click()
    expect(tab.locator(".messages")).to_contain_text("wurde aktualisiert")
    assert ContentPage.objects.get(pk=housing.pk).get_latest_revision_as_object().title == (
        "Wohnen und Mieten"
    )
    # An inline panel adds its form from a template with scripts (jQuery evaluates them).
    tab.goto(f"{live_server.url}/admin/pages/{housing.pk}/edit/")
    tab.get_by_role("button", name="Angebote auf dieser Seite hinzufügen").click()
    expect(tab.locator("#id_embedded_offers-FORMS > *")).to_have_count(1)
    assert violations(tab) == []
    assert csp_messages == []
    assert problems.page_errors == []
    # Leave the editor once its requests are answered: it pings its editing session (a
    # write) on load and every 10 s, and a ping still running while the test's database is
    # emptied locks it ("database table is locked", seen once in CI).
    tab.wait_for_load_state("networkidle")
    tab.goto("about:blank")
