"""The coordination's mentorship pages and the volunteer's own, in a real Chromium:
record a household, start a mentorship from the suggestions, confirm the proposal for all
open households, record a check-in; axe on every page. Screenshots go to the test's
temporary directory (pytest --basetemp=DIR to look at them)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.test_accessibility import violations
from tests.conftest import verified_client
from tests.volunteers.conftest import make_volunteer, town  # noqa: F401
from wir.accounts.models import User
from wir.core.models import Language, Region
from wir.volunteers.mentorship_actions import HouseholdData, record_household, start_mentorship
from wir.volunteers.models import Interest, Volunteer, VolunteerTag
from wir.volunteers.models_mentorship import Mentorship

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coordinator(make_user: Any, region: Region) -> User:  # the volunteers' coordination
    user: User = make_user("koordination", "coordination", region)
    return user


def _mentor(make_volunteer: Any, code: str, languages: list[str]) -> Volunteer:  # noqa: F811
    volunteer: Volunteer = make_volunteer(code, availability=["0-ev", "5-am"])
    volunteer.languages.set(Language.objects.filter(code__in=languages))
    for interest in (Interest.MENTORSHIP, "accompany"):
        VolunteerTag.objects.create(volunteer=volunteer, kind="interest", code=interest)
    return volunteer


def _look(tab: Page, tmp_path: Path, name: str) -> list[str]:
    tab.wait_for_load_state("networkidle")
    tab.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    return [f"{name}: {problem}" for problem in violations(tab)]


def test_coordination_walks_the_mentorship_pages(
    live_server: Any,
    browser: Any,
    region: Region,
    town: Any,  # noqa: F811
    coordinator: User,
    make_volunteer: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    arabic = _mentor(make_volunteer, "EA-001", ["ar", "de"])
    _mentor(make_volunteer, "EA-002", ["uk", "de"])
    _mentor(make_volunteer, "EA-003", ["fa", "en"])
    for codes in (["uk"], ["fa", "de"]):
        record_household(
            coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=codes)
        )
    context = browser.new_context(
        bypass_csp=True, locale="de-DE", viewport={"width": 1366, "height": 900}
    )
    tab = context.new_page()
    session = verified_client(coordinator).cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    found: list[str] = []

    tab.goto(f"{live_server.url}/patenschaften/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Patenschaften in")
    found += _look(tab, tmp_path, "overview")

    tab.get_by_role("link", name="Haushalt erfassen").first.click()
    tab.get_by_label("Personen im Haushalt").fill("0")
    tab.get_by_role("button", name="Haushalt erfassen").click()
    expect(tab.get_by_text("Bitte eine Zahl von 1 bis 30 angeben.")).to_be_visible()
    found += _look(tab, tmp_path, "household_form_errors")
    tab.get_by_label("Wohnort (Kommune)").select_option(label="Friedberg")
    tab.get_by_label("Arabisch", exact=False).first.check()
    tab.get_by_label("Personen im Haushalt").fill("3")
    tab.get_by_label("Begleitung zu Ämtern und Ärzten").check()
    tab.get_by_label("Montag abends").check()
    tab.get_by_label("Wünsche (ohne Namen)").fill("Begleitung zum Jobcenter")
    tab.get_by_role("button", name="Haushalt erfassen").click()
    expect(tab.get_by_text("Haushalt HH-0003 ist erfasst.")).to_be_visible()
    expect(tab.get_by_text("Gemeinsame Sprache: Arabisch")).to_be_visible()
    expect(tab.get_by_text("Gemeinsame Zeiten: Montag abends")).to_be_visible()
    found += _look(tab, tmp_path, "household")
    tab.get_by_label("Vereinbarte Ziele").fill("Termine selbstständig vereinbaren")
    tab.get_by_role("button", name="Patenschaft beginnen").click()
    expect(tab.get_by_text("Patenschaft für HH-0003 mit EA-001 begonnen.")).to_be_visible()
    found += _look(tab, tmp_path, "mentorship")

    tab.goto(f"{live_server.url}/patenschaften/{region.slug}/vorschlag/")
    expect(tab.locator("input[name=pair]:checked")).to_have_count(2)
    found += _look(tab, tmp_path, "proposal")
    tab.get_by_role("button", name="Ausgewählte Patenschaften beginnen").click()
    expect(tab.get_by_text("2 Patenschaften begonnen.")).to_be_visible()
    found += _look(tab, tmp_path, "overview_after")
    assert Mentorship.objects.filter(status="active").count() == 3
    context.close()

    # The volunteer's own page, phone-sized.
    mine = browser.new_context(
        bypass_csp=True, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    phone = mine.new_page()
    mine.add_cookies(
        [
            {
                "name": "sessionid",
                "value": verified_client(arabic.user).cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    phone.goto(f"{live_server.url}/patenschaften/meine/")
    expect(phone.get_by_role("heading", name="Haushalt HH-0003")).to_be_visible()
    found += _look(phone, tmp_path, "mine")
    mine.close()
    assert found == []


def test_a_due_checkin_is_recorded_in_the_browser(
    live_server: Any,
    page: Any,
    region: Region,
    town: Any,  # noqa: F811
    coordinator: User,
    make_volunteer: Any,  # noqa: F811
) -> None:
    tab, problems = page
    mentor = _mentor(make_volunteer, "EA-001", ["ar"])
    household = record_household(
        coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=["ar"])
    )
    today = timezone.localdate()
    mentorship = start_mentorship(
        coordinator, household, mentor, started_on=today - timedelta(days=45)
    )
    session = verified_client(coordinator).cookies["sessionid"].value
    tab.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    tab.goto(f"{live_server.url}/patenschaften/{region.slug}/")
    expect(tab.get_by_role("heading", name="Fällige Gespräche")).to_be_visible()
    tab.get_by_role("link", name="HH-0001 / EA-001").click()
    tab.get_by_label("Notizen (ohne Namen)").first.fill("Gut angekommen")
    tab.get_by_role("button", name="Gespräch eintragen").first.click()
    expect(tab.get_by_text("Gespräch eingetragen.")).to_be_visible()
    assert mentorship.checkins.filter(done_on=today).count() == 1
    assert problems.all() == []
