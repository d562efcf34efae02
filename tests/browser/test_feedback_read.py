"""Marking feedback read in a real Chromium: tick rows in the list, confirm, and the list
and start page follow; axe finds no violations on the list and the confirmation page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE, WCAG_TAGS
from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.portal.models import Feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_axe_passes(tab: Any, selector: str) -> None:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "([selector, tags]) => axe.run(selector, {runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG_TAGS],
    )
    assert [(v["id"], [n["html"] for n in v["nodes"]]) for v in result["violations"]] == []


def test_feedback_is_marked_read_from_the_list(
    live_server: Any, make_region: Any, make_user: Any, page: Any
) -> None:
    tab, _problems = page
    region = make_region("testkreis")
    for n in range(2):
        Feedback.objects.create(region=region, language_code="de", comment=f"Hinweis {n}")
    editor = make_user("redaktion", Role.EDITOR, region)
    session = verified_client(editor).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    # axe on the list without an active filter: with one, Wagtail's filter button shows a
    # count its aria-label does not contain (label-content-name-mismatch, Wagtail's markup).
    tab.goto(f"{live_server.url}/admin/snippets/portal/feedback/")
    expect(tab.get_by_text("Hinweis 1")).to_be_visible()
    assert_axe_passes(tab, "main")
    tab.goto(f"{live_server.url}/admin/snippets/portal/feedback/?read=unread")
    for checkbox in tab.locator("input[data-bulk-action-checkbox]").all():
        checkbox.check()
    tab.locator("[data-bulk-action-footer]").get_by_role(
        "link", name="Als gelesen markieren"
    ).click()
    expect(tab.get_by_text("Diese 2 Rückmeldungen als gelesen markieren?")).to_be_visible()
    assert_axe_passes(tab, "main")
    tab.get_by_role("button", name="Ja, als gelesen markieren").click()
    expect(tab.get_by_text("2 Rückmeldungen als gelesen markiert.")).to_be_visible()
    assert not Feedback.objects.filter(read_at__isnull=True).exists()
