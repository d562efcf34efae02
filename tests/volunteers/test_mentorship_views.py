"""The mentorship pages through HTTP, as the coordination and a volunteer use them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import QueryCount, verified_client
from tests.volunteers.conftest import MakeVolunteer
from wir.accounts.models import User
from wir.core.models import Area, Language, Region
from wir.privacy.models import AuditEvent
from wir.volunteers.mentorship_actions import HouseholdData, record_household, start_mentorship
from wir.volunteers.models import Interest, Volunteer, VolunteerTag
from wir.volunteers.models_mentorship import CheckIn, Household, Mentorship

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentor(make_volunteer: MakeVolunteer) -> Volunteer:
    volunteer = make_volunteer("EA-001")
    volunteer.languages.set(Language.objects.filter(code__in=["ar", "de"]))
    VolunteerTag.objects.create(
        volunteer=volunteer, kind=VolunteerTag.Kind.INTEREST, code=Interest.MENTORSHIP
    )
    return volunteer


@pytest.fixture
def staff(coordinator: User) -> Client:
    return verified_client(coordinator)


def _household(coordinator: User, region: Region, town: Area, **kwargs: object) -> Household:
    values: dict = {"municipality_id": town.pk, "language_codes": ["ar"], **kwargs}
    return record_household(coordinator, region, HouseholdData(**values))


def test_overview_lists_open_households_with_suggestions(
    staff: Client,
    coordinator: User,
    region: Region,
    town: Area,
    mentor: Volunteer,
    query_count: QueryCount,
) -> None:
    _household(coordinator, region, town)
    url = f"/patenschaften/{region.slug}/"
    with query_count.capture() as few:
        response = staff.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "HH-0001" in text
    assert "EA-001" in text
    for _ in range(3):
        _household(coordinator, region, town, language_codes=["ar", "fa"])
    start_mentorship(coordinator, Household.objects.get(code="HH-0002"), mentor)
    with query_count.capture() as many:
        assert staff.get(url).status_code == 200
    query_count.assert_same(few, many)


def test_recording_a_household_through_the_form(staff: Client, region: Region, town: Area) -> None:
    url = f"/patenschaften/{region.slug}/haushalt/neu/"
    assert staff.get(url).status_code == 200
    bad = staff.post(
        url,
        {"municipality": town.pk, "languages": ["ar"], "size": "0", "contact_name": "Frau X"},
    )
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "Bitte eine Zahl von 1 bis 30 angeben." in text
    assert "nur mit Einwilligung" in text
    assert not Household.objects.exists()
    good = staff.post(
        url,
        {
            "municipality": town.pk,
            "languages": ["ar", "fa"],
            "needs": ["accompany", "homework"],
            "size": "4",
            "has_minors": "on",
            "availability": ["0-ev"],
            "wishes": "Hilfe bei Schulanmeldung",
        },
    )
    household = Household.objects.get()
    assert good.status_code == 302
    assert good["Location"] == f"/patenschaften/haushalt/{household.pk}/"
    assert household.has_minors
    assert household.needs == ["accompany", "homework"]


def test_starting_a_mentorship_from_the_household_page(
    staff: Client, coordinator: User, region: Region, town: Area, mentor: Volunteer
) -> None:
    household = _household(coordinator, region, town)
    url = f"/patenschaften/haushalt/{household.pk}/"
    page = staff.get(url)
    text = page.content.decode()
    assert "Gemeinsame Sprache: Arabisch" in text
    assert AuditEvent.objects.filter(
        action="viewed", record_type="volunteers.household", record_id=str(household.pk)
    ).exists()
    refused = staff.post(url, {"volunteer": "999999", "started_on": "2027-03-01"})
    assert "Bitte wählen Sie eine Person aus den Vorschlägen." in refused.content.decode()
    bad_date = staff.post(url, {"volunteer": mentor.pk, "started_on": "morgen"})
    assert "Bitte ein Datum angeben" in bad_date.content.decode()
    assert not Mentorship.objects.exists()
    started = staff.post(
        url, {"volunteer": mentor.pk, "started_on": "2027-03-01", "goals": "Ankommen"}
    )
    mentorship = Mentorship.objects.get()
    assert started["Location"] == f"/patenschaften/patenschaft/{mentorship.pk}/"
    assert mentorship.goals == "Ankommen"


def test_mentorship_page_records_checkins_and_ends(
    staff: Client, coordinator: User, region: Region, town: Area, mentor: Volunteer
) -> None:
    today = timezone.localdate()
    household = _household(coordinator, region, town)
    mentorship = start_mentorship(
        coordinator, household, mentor, started_on=today - timedelta(days=50)
    )
    url = f"/patenschaften/patenschaft/{mentorship.pk}/"
    page = staff.get(url)
    assert "(fällig)" in page.content.decode()
    checkin = mentorship.checkins.first()
    assert checkin is not None
    future = staff.post(
        url,
        {"action": "checkin", "checkin": checkin.pk, "done_on": str(today + timedelta(days=3))},
    )
    assert "Das Datum darf nicht in der Zukunft liegen." in future.content.decode()
    done = staff.post(
        url, {"action": "checkin", "checkin": checkin.pk, "done_on": str(today), "notes": "gut"}
    )
    assert done.status_code == 302
    checkin.refresh_from_db()
    assert checkin.done_on == today
    unknown = staff.post(url, {"action": "explode"}, follow=True)
    assert "Unbekannte Aktion" in unknown.content.decode()
    no_reason = staff.post(url, {"action": "end", "ended_on": str(today)})
    assert "Bitte wählen Sie einen Grund." in no_reason.content.decode()
    ended = staff.post(url, {"action": "end", "reason": "moved", "ended_on": str(today)})
    assert ended.status_code == 302
    mentorship.refresh_from_db()
    assert mentorship.status == Mentorship.Status.ENDED
    assert CheckIn.objects.filter(mentorship=mentorship).count() == 1


def test_proposal_page_confirms_the_optimal_assignment(
    staff: Client, coordinator: User, region: Region, town: Area, mentor: Volunteer
) -> None:
    first = _household(coordinator, region, town)
    _household(coordinator, region, town)
    url = f"/patenschaften/{region.slug}/vorschlag/"
    page = staff.get(url).content.decode()
    assert "Vorgeschlagene Paare" in page
    assert "Ohne Vorschlag" in page
    invalid = staff.post(url, {"pair": "1:x"}, follow=True).content.decode()
    assert "Die Auswahl ist ungültig; es wurde nichts geändert." in invalid
    assert not Mentorship.objects.exists()
    response = staff.post(url, {"pair": f"{first.pk}:{mentor.pk}"}, follow=True)
    assert "1 Patenschaft begonnen." in response.content.decode()
    assert Mentorship.objects.get().household == first


def test_the_volunteer_sees_only_their_own_and_asks_for_a_new_match(
    coordinator: User,
    region: Region,
    town: Area,
    mentor: Volunteer,
    make_volunteer: MakeVolunteer,
) -> None:
    household = _household(coordinator, region, town)
    mentorship = start_mentorship(coordinator, household, mentor)
    own = Client()
    own.force_login(mentor.user)
    page = own.get("/patenschaften/meine/").content.decode()
    assert household.code in page
    # Coordination pages are "not found" for a volunteer.
    assert own.get(f"/patenschaften/haushalt/{household.pk}/").status_code == 404
    assert own.get(f"/patenschaften/patenschaft/{mentorship.pk}/").status_code == 404
    assert own.get(f"/patenschaften/{region.slug}/").status_code == 404
    other = Client()
    other.force_login(make_volunteer("EA-002").user)
    assert household.code not in other.get("/patenschaften/meine/").content.decode()
    url = f"/patenschaften/meine/{mentorship.pk}/neue-vermittlung/"
    assert other.post(url, {"note": ""}).status_code == 404
    assert own.post(url, {"note": "x" * 2001}).status_code == 302
    mentorship.refresh_from_db()
    assert mentorship.active
    response = own.post(url, {"note": "Umzug"}, follow=True)
    assert "Die Koordination ist informiert" in response.content.decode()
    mentorship.refresh_from_db()
    assert mentorship.end_reason == Mentorship.EndReason.NEW_MATCH_VOLUNTEER


def test_another_regions_coordination_gets_not_found(
    coordinator: User,
    region: Region,
    town: Area,
    mentor: Volunteer,
    make_region: Callable[..., Region],
    make_user: Callable[..., User],
) -> None:
    other = make_region("anderswo")
    outsider = verified_client(make_user("fremd", "coordination", other))
    household = _household(coordinator, region, town)
    mentorship = start_mentorship(coordinator, household, mentor)
    for url in (
        f"/patenschaften/haushalt/{household.pk}/",
        f"/patenschaften/patenschaft/{mentorship.pk}/",
        f"/patenschaften/{region.slug}/",
        f"/patenschaften/{region.slug}/vorschlag/",
    ):
        assert outsider.get(url).status_code == 404
        assert outsider.post(url, {"action": "end", "reason": "moved"}).status_code == 404
    mentorship.refresh_from_db()
    assert mentorship.active
