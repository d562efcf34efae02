"""Volunteers: public sign-ups, and signed-in volunteers taking places in shifts.

The shifts are few, small and partly at the same time, so that under load many volunteers
race for the last place and for overlapping shifts: the invariants below must still hold.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from scenarios import Data, Request, Scenario, flash_levels, letters

REGION = "wetterau"
VOLUNTEERS = 40
SHIFTS = 8
PLACES = 3
PASSWORD = "Ehrenamt-verbindet-2027"  # noqa: S105 - of invented bench accounts
CSRF = "benchcsrftokenbenchcsrftoken0123"  # 32 characters: Django accepts the bare secret


def _index(token: str, part: int, size: int) -> int:
    return int(token[part * 8 : part * 8 + 8], 16) % size


def prepare() -> Data:
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from wir.accounts.actions import grant_role
    from wir.accounts.models import User
    from wir.core.models import Area, Language, Region
    from wir.volunteers.models import Opportunity, Shift, Volunteer

    region = Region.objects.get(slug=REGION)
    town = Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("pk").first()
    assert town is not None
    opportunity = Opportunity.objects.create(
        region=region, title="Lastprobe", description="Schichten der Lastprobe.", area=town,
        organiser="WIR-Koordination", published=True,
    )  # fmt: skip
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=30)
    shifts = []
    for index in range(SHIFTS):  # pairs at the same time: overlap must be refused
        begins = start + timedelta(hours=3 * (index // 2))
        shift = Shift.objects.create(
            opportunity=opportunity, starts_at=begins, ends_at=begins + timedelta(hours=2),
            places=PLACES,
        )  # fmt: skip
        shifts.append(shift.pk)
    sessions = []
    stamp = timezone.now().strftime("%H%M%S")
    for index in range(VOLUNTEERS):
        user = User.objects.create_user(username=f"last-{stamp}-{index}", password=None)
        grant_role(None, user, region, "volunteer")
        Volunteer.objects.create(
            region=region, code=f"LP{stamp}{index:03d}", user=user, name=f"Lastprobe {index}",
            municipality=town, status=Volunteer.Status.ACTIVE,
        )  # fmt: skip
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    language = Language.objects.get(code="ar")
    return {
        "shifts": shifts,
        "sessions": sessions,
        "cookie": settings.SESSION_COOKIE_NAME,
        "volunteer_ids": list(
            Volunteer.objects.filter(code__startswith=f"LP{stamp}")
            .order_by("code")
            .values_list("pk", flat=True)
        ),
        "town": town.pk,
        "language": language.pk,
    }


def shift_signup(data: Data, token: str) -> Request:
    shift = data["shifts"][_index(token, 0, len(data["shifts"]))]
    session = data["sessions"][_index(token, 1, len(data["sessions"]))]
    return Request(
        "POST",
        f"/ehrenamt/schichten/{shift}/anmelden/",
        {"csrfmiddlewaretoken": CSRF},
        cookies={data["cookie"]: session, "csrftoken": CSRF},
    )


def shift_expect(data: Data, token: str) -> tuple[str, dict[str, Any]]:
    shift = data["shifts"][_index(token, 0, len(data["shifts"]))]
    volunteer = data["volunteer_ids"][_index(token, 1, len(data["volunteer_ids"]))]
    return (
        "volunteers.ShiftSignup",
        {"shift_id": shift, "volunteer_id": volunteer, "status": "signed_up"},
    )


def signup(data: Data, token: str) -> Request:
    name = f"b{letters(token)[:24]}"
    form = {
        "name": "Lastprobe", "email": f"{name}@example.org", "username": name,
        "password": PASSWORD, "municipality": str(data["town"]),
        "languages": [str(data["language"])], "interests": ["language"], "consent": "on",
    }  # fmt: skip
    return Request(
        "POST", f"/ehrenamt/{REGION}/mitmachen/", form, cookies={"csrftoken": CSRF},
        headers={"X-CSRFToken": CSRF},
    )  # fmt: skip


def invariants() -> list[str]:
    """No shift has more people than places; nobody is in two shifts at the same time."""
    from django.db.models import Count, F, Q

    from wir.volunteers.models import Shift, ShiftSignup

    broken = []
    signed = Q(signups__status=ShiftSignup.Status.SIGNED_UP)
    # Counted from the sign-ups themselves, not from the shift's own counter (`taken`),
    # which must agree with them.
    counted = Shift.objects.annotate(people=Count("signups", filter=signed))
    for shift in counted.filter(people__gt=F("places")):
        broken.append(f"Schicht {shift.pk}: {shift.people} Personen auf {shift.places} Plätzen")
    for shift in counted.exclude(people=F("taken")):
        broken.append(f"Schicht {shift.pk}: Zähler {shift.taken}, angemeldet {shift.people}")
    active = ShiftSignup.objects.filter(status=ShiftSignup.Status.SIGNED_UP)
    for one in active:
        if (
            active.filter(volunteer_id=one.volunteer_id, starts_at__lt=one.ends_at)
            .filter(ends_at__gt=one.starts_at)
            .exclude(pk=one.pk)
            .exists()
        ):
            broken.append(f"Anmeldung {one.pk}: überschneidet sich mit einer anderen")
    return broken


SCENARIOS = [
    Scenario(
        "shift_signup",
        10,
        shift_signup,
        write=True,
        prepare=prepare,
        acknowledged=lambda status, headers, body: status == 302 and 25 in flash_levels(headers),
        expect=shift_expect,
        invariants=invariants,
    ),
    Scenario(
        "volunteer_signup",
        3,
        signup,
        write=True,
        prepare=prepare,
        acknowledged=lambda status, headers, body: status == 201,
        expect=lambda data, token: (
            "volunteers.Volunteer",
            {"user__username": f"b{letters(token)[:24]}"},
        ),
    ),
]
