"""The interactive API documentation works in Chromium, from local files only."""

import pytest

from tests.conftest import MakeRegion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_lists_the_operations_and_tries_one(
    live_server, make_region: MakeRegion, page
) -> None:
    tab, problems = page
    make_region("testkreis", languages=("de",))
    tab.goto(f"{live_server.url}/api/v1/docs/")
    operation = tab.locator("#operations-regions-wir_api_v1_endpoints_regions")
    operation.wait_for()
    assert "/api/v1/regions/{region}/{language}/offers/" in tab.content()
    operation.locator("button.opblock-summary-control").click()
    tab.get_by_role("button", name="Try it out").click()
    tab.get_by_role("button", name="Execute").click()
    tab.locator(".responses-table .response-col_status").first.wait_for()
    assert '"slug": "testkreis"' in tab.locator(".live-responses-table").inner_text()
    assert problems.all() == []
