"""The demo district's mentorships: mentors, pseudonymous households, check-ins.

No people: mentors are volunteers of the demo (`demo/volunteers.py`, "Ehrenamt 001", …),
households are codes (HH-0001, …) with invented, name-free wishes. Everything goes through
the mentorship actions, as the coordination would do it, with dates relative to the day the
demo is loaded: some mentorships have a check-in due, some are finished, and several
households still wait, so that the suggestions and the proposal for all open households
have work to do.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from wir.accounts.models import User
from wir.core.models import Area, Region
from wir.volunteers.mentorship_actions import (
    HouseholdData,
    MentoringError,
    end_mentorship,
    record_checkin,
    record_household,
    start_mentorship,
)
from wir.volunteers.models import (
    HALF_DAY_CODES,
    Interest,
    Volunteer,
    VolunteerTag,
)
from wir.volunteers.models_mentorship import MentorCapacity, Need

SEED = 20261206
HOUSEHOLD_COUNT = 18
STARTED = 9  # households that get a mentorship in the demo's past
# Languages of the households, with weights.
HOUSEHOLD_LANGUAGES = {"ar": 6, "fa": 4, "uk": 4, "ti": 2, "tr": 1, "ru": 1, "en": 2}
WISHES = [
    "Begleitung bei Terminen im Rathaus und beim Jobcenter.",
    "Unterstützung bei der Anmeldung der Kinder in Schule und Kita.",
    "Jemand zum Deutschsprechen im Alltag, gern beim Spazierengehen.",
    "Hilfe bei der Suche nach einer größeren Wohnung.",
    "Kontakte im Ort: Sportverein, Chor oder Elterncafé.",
    "Fragen zu Bewerbungen und Praktikum.",
    "",
]
GOALS = [
    "Termine selbstständig vereinbaren; Schulweg der Kinder kennen.",
    "Deutsch im Alltag üben; Vereine im Ort kennenlernen.",
    "Bewerbungsunterlagen fertigstellen; Praktikum finden.",
]
NOTES = [
    "Gutes Kennenlernen, Treffen alle zwei Wochen.",
    "Läuft gut; Wohnungssuche bleibt schwierig.",
    "Kinder sind in der Schule angekommen.",
]


def _weighted(rng: random.Random, weights: dict[str, int], k: int) -> set[str]:
    return set(rng.choices(list(weights), weights=list(weights.values()), k=k))


def _mentors(region: Region) -> list[Volunteer]:
    """Every third active volunteer of the demo (and the demo account's EA-001, first)
    becomes a mentor: the interest "Patenschaft", some with room for two households."""
    active = list(
        Volunteer.objects.filter(region=region, status=Volunteer.Status.ACTIVE).order_by("code")
    )
    mentors = [v for k, v in enumerate(active) if k % 3 == 0 or v.user_id is not None]
    for number, volunteer in enumerate(mentors):
        VolunteerTag.objects.get_or_create(
            volunteer=volunteer, kind=VolunteerTag.Kind.INTEREST, code=Interest.MENTORSHIP
        )
        if number % 3 == 1:
            MentorCapacity.objects.create(volunteer=volunteer, max_mentorships=2)
    return mentors


def create_mentoring(region: Region, coordinator: User) -> tuple[int, int]:
    """Create mentors, households and mentorships; returns (households, mentorships)."""
    rng = random.Random(SEED)
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    mentors = _mentors(region)
    today = timezone.localdate()
    households = []
    for _number in range(HOUSEHOLD_COUNT):
        households.append(
            record_household(
                coordinator,
                region,
                HouseholdData(
                    municipality_id=rng.choice(towns).pk,
                    language_codes=sorted(
                        _weighted(rng, HOUSEHOLD_LANGUAGES, rng.choice((1, 2)))
                        | ({"de"} if rng.random() < 0.35 else set())
                    ),
                    needs=sorted(rng.sample([n.value for n in Need], rng.randint(1, 3))),
                    size=rng.randint(1, 6),
                    has_minors=rng.random() < 0.4,
                    availability=sorted(rng.sample(HALF_DAY_CODES, rng.randint(0, 3))),
                    wishes=rng.choice(WISHES),
                ),
            )
        )
    started = ended = 0
    for household in households[:STARTED]:
        started_on = today - timedelta(days=rng.choice((20, 45, 50, 100, 190, 240)))
        # The demo account's volunteer (EA-001) is tried first, so that its page shows one.
        for mentor in sorted(rng.sample(mentors, len(mentors)), key=lambda v: v.user_id is None):
            try:
                mentorship = start_mentorship(
                    coordinator,
                    household,
                    mentor,
                    started_on=started_on,
                    goals=rng.choice(GOALS),
                )
            except MentoringError:  # this mentor does not fit: try the next
                continue
            started += 1
            for checkin in mentorship.checkins.filter(due_on__lte=today - timedelta(days=3)):
                if rng.random() < 0.7:
                    record_checkin(
                        coordinator, checkin, done_on=checkin.due_on, notes=rng.choice(NOTES)
                    )
            if started_on < today - timedelta(days=180) and ended < 2:
                ended += 1
                end_mentorship(
                    coordinator,
                    mentorship,
                    reason="goals_reached",
                    ended_on=today - timedelta(days=5),
                    note="Ziele erreicht, Kontakt bleibt privat bestehen.",
                )
            break
    return len(households), started
