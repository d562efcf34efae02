"""Mentorships through their actions: households, start, check-ins, end, new matches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.volunteers.conftest import MakeVolunteer
from wir.accounts.models import User
from wir.core.actions import add_area
from wir.core.models import Area, Language, Region
from wir.privacy.models import AuditEvent, Consent
from wir.volunteers import mentorship_notify, mentorship_planning
from wir.volunteers.mentorship_actions import (
    HouseholdData,
    MentoringError,
    ask_for_new_match,
    end_mentorship,
    name_consent,
    record_checkin,
    record_household,
    schedule_checkin,
    start_many,
    start_mentorship,
    withdraw_name_consent,
)
from wir.volunteers.models import Interest, PoliceCertificate, Volunteer, VolunteerTag
from wir.volunteers.models_mentorship import CheckIn, Household, MentorCapacity, Mentorship

pytestmark = pytest.mark.django_db

MakeMentor = Callable[..., Volunteer]


@pytest.fixture
def make_mentor(make_volunteer: MakeVolunteer) -> MakeMentor:
    def make(code: str, languages: tuple[str, ...] = ("ar", "de"), **fields: object) -> Volunteer:
        volunteer = make_volunteer(code, **fields)
        volunteer.languages.set(Language.objects.filter(code__in=languages))
        VolunteerTag.objects.create(
            volunteer=volunteer, kind=VolunteerTag.Kind.INTEREST, code=Interest.MENTORSHIP
        )
        return volunteer

    return make


@pytest.fixture
def household(coordinator: User, region: Region, town: Area) -> Household:
    return record_household(
        coordinator,
        region,
        HouseholdData(municipality_id=town.pk, language_codes=["ar"], needs=["accompany"]),
    )


def test_record_household_is_pseudonymous_and_audited(
    coordinator: User, region: Region, town: Area
) -> None:
    first = record_household(
        coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=["ar", "fa"])
    )
    second = record_household(
        coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=["uk"])
    )
    assert (first.code, second.code) == ("HH-0001", "HH-0002")
    assert sorted(first.languages.values_list("code", flat=True)) == ["ar", "fa"]
    assert first.contact_name == ""
    assert AuditEvent.objects.filter(
        record_type="volunteers.household", record_id=str(first.pk), action="created"
    ).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"language_codes": []}, "mindestens eine Sprache"),
        ({"language_codes": ["xx-unknown"]}, "mindestens eine Sprache"),
        ({"needs": ["flying"]}, "Unterstützung aus der Liste"),
        ({"size": 0}, "zwischen 1 und 30"),
        ({"availability": ["9-am"]}, "Zeiten aus der Liste"),
        ({"contact_name": "Frau X"}, "nur mit Einwilligung"),
    ],
)
def test_bad_household_input_is_refused_and_nothing_is_stored(
    coordinator: User, region: Region, town: Area, changes: dict, message: str
) -> None:
    values: dict = {"municipality_id": town.pk, "language_codes": ["ar"], **changes}
    with pytest.raises(MentoringError, match=message):
        record_household(coordinator, region, HouseholdData(**values))
    assert not Household.objects.exists()


def test_a_municipality_of_another_region_is_refused(
    coordinator: User, region: Region, make_region: Callable[..., Region]
) -> None:
    other = make_region("anderswo")
    foreign = add_area(other, "Fern", Area.Kind.MUNICIPALITY, Decimal("50.1"), Decimal("8.9"))
    with pytest.raises(MentoringError, match="Kommune dieser Region"):
        record_household(
            coordinator, region, HouseholdData(municipality_id=foreign.pk, language_codes=["ar"])
        )


def test_a_name_needs_consent_and_withdrawal_deletes_it(
    coordinator: User, region: Region, town: Area
) -> None:
    household = record_household(
        coordinator,
        region,
        HouseholdData(
            municipality_id=town.pk,
            language_codes=["ar"],
            contact_name="Familie Beispiel",
            name_consent=True,
        ),
    )
    assert household.contact_name == "Familie Beispiel"
    consent = name_consent(household)
    assert consent is not None
    assert consent.channel == Consent.Channel.PAPER
    withdraw_name_consent(coordinator, household)
    household.refresh_from_db()
    assert household.contact_name == ""
    assert name_consent(household) is None
    with pytest.raises(MentoringError, match="keine Einwilligung"):
        withdraw_name_consent(coordinator, household)


def test_only_the_coordination_records_households(
    make_mentor: MakeMentor, region: Region, town: Area
) -> None:
    volunteer = make_mentor("EA-001")
    with pytest.raises(MentoringError, match="Berechtigung"):
        record_household(
            volunteer.user,
            region,
            HouseholdData(municipality_id=town.pk, language_codes=["ar"]),
        )


def test_start_schedules_checkins_and_mails_the_volunteer(
    coordinator: User,
    household: Household,
    make_mentor: MakeMentor,
    django_capture_on_commit_callbacks,
) -> None:
    volunteer = make_mentor("EA-001")
    day = date(2027, 3, 1)
    with django_capture_on_commit_callbacks(execute=True):
        mentorship = start_mentorship(
            coordinator, household, volunteer, started_on=day, goals="Behördengänge üben"
        )
    assert [c.due_on for c in mentorship.checkins.all()] == [
        day + timedelta(weeks=6),
        day + timedelta(days=182),
    ]
    household.refresh_from_db()
    assert household.status == Household.Status.MATCHED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ea-001@example.org"]
    assert household.code in mail.outbox[0].body
    assert "Familie" not in mail.outbox[0].body


def test_start_refuses_what_breaks_a_rule_and_changes_nothing(
    coordinator: User,
    region: Region,
    town: Area,
    household: Household,
    make_mentor: MakeMentor,
) -> None:
    farsi = make_mentor("EA-002", languages=("fa",))
    with pytest.raises(MentoringError, match="keine gemeinsame Sprache"):
        start_mentorship(coordinator, household, farsi)
    busy = make_mentor("EA-003")
    start_mentorship(coordinator, household, busy)
    other = record_household(
        coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=["ar"])
    )
    with pytest.raises(MentoringError, match="so viele Haushalte wie vereinbart"):
        start_mentorship(coordinator, other, busy)
    with pytest.raises(MentoringError, match="sucht keine Patenschaft"):
        start_mentorship(coordinator, household, make_mentor("EA-004"))
    paused = make_mentor("EA-005", status=Volunteer.Status.PAUSED)
    with pytest.raises(MentoringError, match="nicht aktiv"):
        start_mentorship(coordinator, other, paused)
    assert Mentorship.objects.count() == 1
    assert CheckIn.objects.count() == 2


def test_households_with_minors_need_a_cleared_volunteer(
    coordinator: User, region: Region, town: Area, make_mentor: MakeMentor
) -> None:
    family = record_household(
        coordinator,
        region,
        HouseholdData(municipality_id=town.pk, language_codes=["ar"], has_minors=True),
    )
    willing = make_mentor("EA-010", works_with_minors=True)
    with pytest.raises(MentoringError, match="Führungszeugnis"):
        start_mentorship(coordinator, family, willing)
    today = timezone.localdate()
    PoliceCertificate.objects.create(
        volunteer=willing,
        issued_on=today - timedelta(days=30),
        inspected_on=today - timedelta(days=20),
        delete_after=today + timedelta(days=2000),
    )
    assert start_mentorship(coordinator, family, willing).active


def test_capacity_set_by_the_coordination_allows_more(
    coordinator: User, region: Region, town: Area, make_mentor: MakeMentor
) -> None:
    volunteer = make_mentor("EA-020")
    MentorCapacity.objects.create(volunteer=volunteer, max_mentorships=2)
    for _ in range(2):
        h = record_household(
            coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=["ar"])
        )
        start_mentorship(coordinator, h, volunteer)
    third = record_household(
        coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=["ar"])
    )
    with pytest.raises(MentoringError):
        start_mentorship(coordinator, third, volunteer)


def test_checkins_recorded_and_scheduled_with_clear_refusals(
    coordinator: User, household: Household, make_mentor: MakeMentor
) -> None:
    today = timezone.localdate()
    mentorship = start_mentorship(
        coordinator, household, make_mentor("EA-001"), started_on=today - timedelta(days=50)
    )
    first = mentorship.checkins.first()
    assert first is not None
    with pytest.raises(MentoringError, match="Zukunft"):
        record_checkin(coordinator, first, done_on=today + timedelta(days=1))
    with pytest.raises(MentoringError, match="vor dem Beginn"):
        record_checkin(coordinator, first, done_on=today - timedelta(days=60))
    record_checkin(coordinator, first, done_on=today, notes="Gut angekommen.")
    first.refresh_from_db()
    assert (first.done_on, first.notes) == (today, "Gut angekommen.")
    extra = schedule_checkin(coordinator, mentorship, due_on=today + timedelta(days=10))
    assert extra.mentorship_id == mentorship.pk


def test_end_closes_the_household_and_drops_open_checkins(
    coordinator: User, household: Household, make_mentor: MakeMentor
) -> None:
    today = timezone.localdate()
    mentorship = start_mentorship(
        coordinator, household, make_mentor("EA-001"), started_on=today - timedelta(days=60)
    )
    done = mentorship.checkins.first()
    assert done is not None
    record_checkin(coordinator, done, done_on=today)
    with pytest.raises(MentoringError, match="Grund"):
        end_mentorship(coordinator, mentorship, reason="bored")
    with pytest.raises(MentoringError, match="vor dem Beginn"):
        end_mentorship(
            coordinator, mentorship, reason="goals_reached", ended_on=today - timedelta(days=61)
        )
    ended = end_mentorship(coordinator, mentorship, reason="goals_reached")
    assert (ended.status, ended.ended_on) == (Mentorship.Status.ENDED, today)
    assert list(ended.checkins.all()) == [done]
    household.refresh_from_db()
    assert household.status == Household.Status.CLOSED
    assert household.closed_at is not None
    with pytest.raises(MentoringError, match="schon beendet"):
        end_mentorship(coordinator, mentorship, reason="other")


def test_the_volunteer_asks_for_a_new_match_and_the_coordination_is_told(
    coordinator: User,
    household: Household,
    make_mentor: MakeMentor,
    django_capture_on_commit_callbacks,
) -> None:
    coordinator.email = "koordination@example.org"
    coordinator.save(update_fields=["email"])
    volunteer = make_mentor("EA-001")
    mentorship = start_mentorship(coordinator, household, volunteer)
    stranger = make_mentor("EA-002")
    with pytest.raises(MentoringError, match="Berechtigung"):
        ask_for_new_match(stranger.user, mentorship)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ask_for_new_match(volunteer.user, mentorship, note="Zu weit weg.")
    mentorship.refresh_from_db()
    assert mentorship.end_reason == Mentorship.EndReason.NEW_MATCH_VOLUNTEER
    household.refresh_from_db()
    assert household.status == Household.Status.OPEN
    assert [m.to for m in mail.outbox] == [["koordination@example.org"]]
    assert "/patenschaften/haushalt/" in mail.outbox[0].body
    # The volunteer is not proposed to this household again.
    (found,) = mentorship_planning.suggestions_for([household], timezone.localdate())
    assert volunteer not in [s.volunteer for s in found.suggestions]
    assert stranger in [s.volunteer for s in found.suggestions]
    assert any("schon begleitet" in line for line in found.rejected)


def test_suggestions_are_ranked_with_german_reasons(
    coordinator: User,
    region: Region,
    town: Area,
    household: Household,
    make_mentor: MakeMentor,
) -> None:
    far_town = add_area(
        region, "Büdingen", Area.Kind.MUNICIPALITY, Decimal("50.29"), Decimal("9.11")
    )
    near = make_mentor("EA-001", availability=["0-ev"])
    VolunteerTag.objects.create(volunteer=near, kind=VolunteerTag.Kind.INTEREST, code="accompany")
    far = make_mentor("EA-002")
    far.municipality = far_town
    far.save(update_fields=["municipality"])
    make_mentor("EA-003", languages=("uk",))
    (found,) = mentorship_planning.suggestions_for([household], timezone.localdate())
    assert [s.volunteer for s in found.suggestions] == [near, far]
    texts = [r.text for r in found.suggestions[0].reasons]
    assert "Gemeinsame Sprache: Arabisch" in texts
    assert any(t.startswith("Entfernung zwischen den Wohnorten: 0,0 km") for t in texts)
    assert any("Begleitung zu Ämtern und Ärzten" in t for t in texts)
    assert "Begleitet derzeit 0 von höchstens 1 Haushalten" in texts
    assert found.rejected == ["1 Person ohne gemeinsame Sprache"]


def test_start_many_confirms_a_proposal_pair_by_pair(
    coordinator: User, region: Region, town: Area, make_mentor: MakeMentor
) -> None:
    households = [
        record_household(
            coordinator, region, HouseholdData(municipality_id=town.pk, language_codes=["ar"])
        )
        for _ in range(3)
    ]
    a, b = make_mentor("EA-001"), make_mentor("EA-002")
    proposal = mentorship_planning.proposal_for(region, timezone.localdate())
    assert len(proposal.pairs) == 2
    assert len(proposal.unmatched) == 1
    pairs = [(p.household.pk, p.volunteer.pk) for p in proposal.pairs]
    result = start_many(coordinator, region, [*pairs, (households[2].pk, a.pk), (999999, b.pk)])
    assert len(result.started) == 2
    assert [code for code, _why in result.skipped] == [households[2].code, "#999999"]


def test_due_checkins_are_reminded_once_per_region(
    coordinator: User, household: Household, make_mentor: MakeMentor
) -> None:
    coordinator.email = "koordination@example.org"
    coordinator.save(update_fields=["email"])
    today = timezone.localdate()
    start_mentorship(
        coordinator, household, make_mentor("EA-001"), started_on=today - timedelta(days=43)
    )
    mail.outbox.clear()
    assert mentorship_notify.checkins_due(today) == 1
    assert household.code in mail.outbox[0].body
    assert mentorship_notify.checkins_due(today) == 0


def test_the_daily_command_sends_the_reminders(
    coordinator: User, household: Household, make_mentor: MakeMentor
) -> None:
    coordinator.email = "koordination@example.org"
    coordinator.save(update_fields=["email"])
    start_mentorship(
        coordinator,
        household,
        make_mentor("EA-001"),
        started_on=timezone.localdate() - timedelta(days=200),
    )
    out = StringIO()
    call_command("mentoring_daily", stdout=out)
    assert "1 E-Mail" in out.getvalue()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].body.count("/patenschaften/patenschaft/") == 2
