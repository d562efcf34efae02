"""The programme report in a real Chromium: the progress bar follows the background run,
then the report with its charts; axe-core finds nothing on the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_accessibility import violations
from tests.conftest import verified_client
from wir.reports import actions, runner
from wir.reports.models import ReportRun

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def with_session(tab: Any, live_server: Any, user: Any) -> None:
    session = verified_client(user).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def test_progress_then_the_report_with_charts(
    live_server: Any, page: Any, browser: Any, region: Any, coordinator: Any, settings: Any
) -> None:
    tab, problems = page
    settings.WIR_REPORTS_BACKGROUND = True  # the worker is this test
    year = timezone.localdate().year - 1
    run, _created = actions.request_report(coordinator, region, year)
    url = f"{live_server.url}/admin/programmbericht/testkreis/{run.pk}/"
    with_session(tab, live_server, coordinator)
    tab.goto(url)
    progress = tab.locator("progress#report-progress")
    expect(progress).to_have_attribute("value", "0")
    expect(tab.locator("#report-status")).to_contain_text("wartet")
    ReportRun.objects.filter(pk=run.pk).update(
        status=ReportRun.Status.RUNNING, progress=50, current_section="Sprachpool"
    )
    expect(progress).to_have_attribute("value", "50", timeout=5000)
    expect(tab.locator("#report-progress-label")).to_contain_text("Sprachpool")
    runner.run_report(run.pk)  # what `run_report_runs --loop` does
    expect(tab.locator("#report-status")).to_contain_text("Fertig erstellt", timeout=5000)
    expect(tab.locator("svg.wir-chart").first).to_be_visible()
    expect(tab.get_by_role("img", name="Anfragen je Monat")).to_be_visible()
    expect(tab.get_by_role("link", name="Als PDF herunterladen")).to_be_visible()
    # The table behind the chart, in its own <details>: opened once the page has settled
    # (the progress poll swaps the report in; a click before that opens a replaced node).
    tab.wait_for_load_state("networkidle")
    summary = tab.get_by_text("Daten des Diagramms „Angebote nach Kategorie“ als Tabelle")
    details = tab.locator("details", has=summary)
    summary.click()
    expect(details).to_have_attribute("open", "", timeout=5000)
    expect(details.get_by_role("rowheader", name="Erste Anlaufstelle").first).to_be_visible()
    assert problems.all() == []

    context = browser.new_context(bypass_csp=True, locale="de-DE")  # to inject axe
    checked = context.new_page()
    with_session(checked, live_server, coordinator)
    found = {}
    for name, path in {
        "report": url,
        "region": f"{live_server.url}/admin/programmbericht/testkreis/",
    }.items():
        checked.goto(path)
        checked.wait_for_load_state("networkidle")
        found[name] = violations(checked)
    waiting, _created = actions.request_report(coordinator, region, year - 1)
    checked.goto(f"{live_server.url}/admin/programmbericht/testkreis/{waiting.pk}/")
    found["progress"] = violations(checked)
    context.close()
    assert found == {"report": [], "region": [], "progress": []}
