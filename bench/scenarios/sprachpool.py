"""Language mediators: public sign-ups; and the pool's rule that nobody is booked twice."""

from __future__ import annotations

from scenarios import Data, Request, Scenario, letters

REGION = "wetterau"
CSRF = "benchcsrftokenbenchcsrftoken0123"


def prepare() -> Data:
    from wir.core.models import Area, Language

    towns = list(
        Area.objects.filter(region__slug=REGION, kind=Area.Kind.MUNICIPALITY)
        .order_by("pk")
        .values_list("pk", flat=True)[:2]
    )
    languages = {code: Language.objects.get(code=code).pk for code in ("ti", "ar")}
    return {"towns": towns, "languages": languages}


def _username(token: str) -> str:
    return f"m{letters(token)[:24]}"


def signup(data: Data, token: str) -> Request:
    name = _username(token)
    towns = [str(pk) for pk in data["towns"]]
    form = {
        "username": name, "email": f"{name}@pool.example", "password": "Sprachen-verbinden-2027",
        "language_1": str(data["languages"]["ti"]), "level_1": "native", "dialects_1": "",
        "language_2": str(data["languages"]["ar"]), "level_2": "B2", "german_level": "B1",
        "modes": ["on_site", "phone"], "home_area": towns[0], "max_travel_km": "30",
        "availability": ["0-vm", "3-nm"], "areas": towns, "gender": "", "consent": "on",
    }  # fmt: skip
    return Request(
        "POST", f"/sprachpool/mitmachen/{REGION}/", form, cookies={"csrftoken": CSRF},
        headers={"X-CSRFToken": CSRF},
    )  # fmt: skip


def invariants() -> list[str]:
    """No mediator holds two accepted bookings at the same time."""
    from wir.sprachpool.models import Assignment

    booked = Assignment.objects.filter(status=Assignment.Status.ACCEPTED)
    return [
        f"Einsatz {one.pk}: Sprachmittler:in doppelt gebucht"
        for one in booked
        if booked.filter(mediator_id=one.mediator_id, starts_at__lt=one.ends_at)
        .filter(ends_at__gt=one.starts_at)
        .exclude(pk=one.pk)
        .exists()
    ]


SCENARIOS = [
    Scenario(
        "mediator_signup",
        3,
        signup,
        write=True,
        prepare=prepare,
        acknowledged=lambda status, headers, body: status == 201,
        expect=lambda data, token: ("sprachpool.Mediator", {"user__username": _username(token)}),
        invariants=invariants,
    ),
]
