"""The demo district's mentorships: mentors, pseudonymous households, check-ins.

No people: mentors are codes (PA-01, …) without accounts, households are codes (HH-0001,
…) with invented, name-free wishes. Everything goes through the mentorship actions, as
the coordination would do it, with dates relative to the day the demo is loaded: some
mentorships have a check-in due, some are finished, and several households still wait,
so that the suggestions and the proposal for all open households have work to do.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from wir.accounts.models import User
from wir.core.models import Area, Language, Region
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
    PoliceCertificate,
    Volunteer,
    VolunteerTag,
    certificate_delete_after,
)
from wir.volunteers.models_mentorship import MentorCapacity, Need

SEED = 20261206
MENTOR_COUNT = 14
HOUSEHOLD_COUNT = 18
STARTED = 9  # households that get a mentorship in the demo's past
# Languages of mentors (besides German) and of households, with weights.
MENTOR_LANGUAGES = {"en": 4, "ar": 4, "fa": 3, "uk": 3, "tr": 2, "ru": 2, "fr": 2}
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


def _mentors(region: Region, rng: random.Random, towns: list[Area]) -> list[Volunteer]:
    languages = {lang.code: lang for lang in Language.objects.all()}
    today = timezone.localdate()
    interests = [need.value for need in Need]
    mentors = []
    for number in range(1, MENTOR_COUNT + 1):
        volunteer = Volunteer.objects.create(
            region=region,
            code=f"PA-{number:02d}",
            municipality=rng.choice(towns),
            status=Volunteer.Status.ACTIVE,
            availability=sorted(rng.sample(HALF_DAY_CODES, rng.randint(2, 5))),
            works_with_minors=number % 2 == 0,
            confirmed_at=timezone.now(),
            welcomed_at=timezone.now(),
        )
        spoken = {"de"} | _weighted(rng, MENTOR_LANGUAGES, rng.choice((1, 1, 2)))
        volunteer.languages.set([languages[code] for code in sorted(spoken) if code in languages])
        chosen = {Interest.MENTORSHIP.value, *rng.sample(interests, rng.randint(1, 3))}
        VolunteerTag.objects.bulk_create(
            VolunteerTag(volunteer=volunteer, kind=VolunteerTag.Kind.INTEREST, code=code)
            for code in sorted(chosen)
        )
        if volunteer.works_with_minors and number != MENTOR_COUNT:
            issued = today - timedelta(days=rng.randint(60, 700))
            PoliceCertificate.objects.create(
                volunteer=volunteer,
                issued_on=issued,
                inspected_on=issued + timedelta(days=14),
                delete_after=certificate_delete_after(issued, 5),
            )
        if number % 3 == 0:
            MentorCapacity.objects.create(volunteer=volunteer, max_mentorships=2)
        mentors.append(volunteer)
    return mentors


def create_mentoring(region: Region, coordinator: User) -> tuple[int, int]:
    """Create mentors, households and mentorships; returns (households, mentorships)."""
    rng = random.Random(SEED)
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    mentors = _mentors(region, rng, towns)
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
        for mentor in rng.sample(mentors, len(mentors)):
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
