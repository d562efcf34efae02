"""Records of the volunteer module for the authorisation matrix (tests/accounts/matrix.py).

One of each model in the region; personal and non-public text carries `secret`. The
volunteer profile belongs to an account of its own, not to the matrix's "volunteer" user:
that user must find nothing to change (the matrix fails on any write of a limited role).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from wir.accounts.models import User
from wir.core.models import Area, Region
from wir.volunteers.models import (
    Gathering,
    GatheringRegistration,
    HoursEntry,
    Network,
    Opportunity,
    PoliceCertificate,
    Shift,
    ShiftSignup,
    Volunteer,
    VolunteerTag,
)


def populate(region: Region, users: dict[str, User], secret: str) -> list[Any]:
    area = Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).first()
    assert area is not None
    account = User.objects.create_user(
        username=f"{secret.lower()}-ehrenamt-profil", email=f"{secret.lower()}@example.org"
    )
    volunteer = Volunteer.objects.create(
        region=region,
        code=f"EA-{secret}",
        user=account,
        name=f"Ehrenamt {secret}",
        phone="0600 000000",
        notes=f"Notiz {secret}",
        municipality=area,
        status=Volunteer.Status.ACTIVE,
        availability=["0-am"],
    )
    tag = VolunteerTag.objects.create(volunteer=volunteer, kind="interest", code="language")
    network = Network.objects.create(
        region=region,
        municipality=area,
        kind=Network.Kind.HELPERS,
        name=f"Helferkreis {region.slug}",
        description=f"Intern {secret}",
        partner_organisations=f"Verein {secret}",
    )
    network.members.add(volunteer)
    network.coordinators.add(users["coordination"])
    opportunity = Opportunity.objects.create(
        region=region,
        network=network,
        title=f"Entwurf {secret}",
        description=f"Beschreibung {secret}",
        area=area,
        organiser="Familienzentrum",
        published=False,
    )
    starts = timezone.now().replace(microsecond=0) + timedelta(days=10)
    shift = Shift.objects.create(
        opportunity=opportunity,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        places=3,
        taken=1,
        note=f"Hinweis {secret}",
    )
    certificate = PoliceCertificate.objects.create(
        volunteer=volunteer,
        issued_on=date.today() - timedelta(days=30),
        inspected_on=date.today() - timedelta(days=20),
        delete_after=date.today() + timedelta(days=2000),
    )
    signup = ShiftSignup.objects.create(
        shift=shift, volunteer=volunteer, starts_at=shift.starts_at, ends_at=shift.ends_at
    )
    hours = HoursEntry.objects.create(
        volunteer=volunteer,
        date=date.today() - timedelta(days=3),
        hours=Decimal("2"),
        activity=f"Sprachcafé {secret}",
    )
    gathering = Gathering.objects.create(
        region=region,
        network=network,
        title=f"Schulung {secret}",
        description=f"Intern {secret}",
        area=area,
        location="Familienzentrum",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        places=1,
        taken=1,
    )
    registration = GatheringRegistration.objects.create(
        gathering=gathering, volunteer=volunteer, status=GatheringRegistration.Status.REGISTERED
    )
    return [
        volunteer,
        tag,
        network,
        opportunity,
        shift,
        certificate,
        signup,
        hours,
        gathering,
        registration,
    ]


# --- mentorships (Patenschaften) --------------------------------------------------------

populate_volunteers = populate


def populate(region: Region, users: dict[str, User], secret: str) -> list[Any]:
    """The volunteer records, then a household in a mentorship (with check-ins) and an
    open household, all with the mentorship volunteer of the records above."""
    from wir.core.models import Language
    from wir.volunteers.models_mentorship import CheckIn, Household, MentorCapacity, Mentorship

    found = populate_volunteers(region, users, secret)
    volunteer = next(item for item in found if isinstance(item, Volunteer))
    area = volunteer.municipality
    assert area is not None
    arabic = Language.objects.get(code="ar")
    volunteer.languages.add(arabic)
    VolunteerTag.objects.create(volunteer=volunteer, kind="interest", code="mentorship")
    capacity = MentorCapacity.objects.create(volunteer=volunteer, max_mentorships=2)
    households = []
    for number, status in ((1, Household.Status.MATCHED), (2, Household.Status.OPEN)):
        household = Household.objects.create(
            region=region,
            code=f"HH-{number:04d}",
            municipality=area,
            needs=["accompany"],
            wishes=f"Wünsche {secret}",
            contact_name=f"Ansprache {secret}",
            status=status,
        )
        household.languages.add(arabic)
        households.append(household)
    mentorship = Mentorship.objects.create(
        household=households[0],
        volunteer=volunteer,
        started_on=date.today() - timedelta(days=50),
        goals=f"Ziele {secret}",
    )
    checkin = CheckIn.objects.create(
        mentorship=mentorship, due_on=date.today() - timedelta(days=8), notes=f"Notiz {secret}"
    )
    return [*found, capacity, *households, mentorship, checkin]
