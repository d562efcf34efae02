"""The shift sign-up endpoint under concurrent load: requests/s, and zero overbooking.

On the demo database, PEOPLE volunteers (signed in, each with a session) all post
"sign up" for the same shifts at once through gunicorn. Printed: requests/s, p95, how many
got a place, and whether any shift holds more sign-ups than places (must be 0).
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, bench_env, gunicorn, prepare_demo

PEOPLE = 60
SHIFTS = 5
PLACES = 4
CSRF = "b" * 32

SETUP = f"""
import json
from datetime import timedelta
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from wir.accounts.actions import grant_role
from wir.accounts.models import User
from wir.core.models import Region
from wir.volunteers.models import Opportunity, Shift, ShiftSignup, Volunteer

region = Region.objects.get(slug="wetterau")
opportunity = Opportunity.objects.filter(region=region, with_minors=False).first()
Volunteer.objects.filter(code__startswith="BENCH-").delete()
User.objects.filter(username__startswith="bench-ea-").delete()
start = timezone.now().replace(microsecond=0) + timedelta(days=60)
shifts = [
    Shift.objects.create(opportunity=opportunity, starts_at=start + timedelta(hours=3 * i),
                         ends_at=start + timedelta(hours=3 * i + 2), places={PLACES})
    for i in range({SHIFTS})
]
cookies = []
for n in range({PEOPLE}):
    user = User.objects.create_user(username=f"bench-ea-{{n}}", password="x" * 20)
    grant_role(None, user, region, "volunteer")
    Volunteer.objects.create(region=region, code=f"BENCH-{{n}}", user=user,
                             status="active", name="")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    cookies.append(session.session_key)
print(json.dumps({{"shifts": [s.pk for s in shifts], "sessions": cookies}}))
"""

CHECK = """
import json, sys
from django.db.models import Count, Q
from wir.volunteers.models import Shift
ids = json.loads(sys.argv[-1])
rows = Shift.objects.filter(pk__in=ids).annotate(
    n=Count("signups", filter=Q(signups__status="signed_up")))
print(json.dumps({"signed_up": sum(r.n for r in rows),
                  "overbooked": sum(1 for r in rows if r.n > r.places or r.taken != r.n)}))
"""


def shell(env: dict[str, str], code: str, *args: str) -> dict[str, object]:
    result = subprocess.run(
        [PYTHON, "-c", "import django; django.setup()\n" + code, *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def storm(
    sessions: list[str], port: int, request: Any, shifts: list[int]
) -> tuple[float, list[float], list[int]]:
    """Every person (own connection and session) sends one request per shift, all at once."""
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(sessions))

    def person(session: str) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        headers = {
            "Cookie": f"sessionid={session}; csrftoken={CSRF}",
            "X-CSRFToken": CSRF,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        barrier.wait()
        for shift_id in shifts:
            method, path = request(shift_id)
            started = time.perf_counter()
            conn.request(method, path, "" if method == "POST" else None, headers)
            response = conn.getresponse()
            response.read()
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                statuses.append(response.status)
        conn.close()

    threads = [threading.Thread(target=person, args=(s,)) for s in sessions]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies, statuses


def main() -> None:
    env = bench_env("volunteers")
    prepare_demo(env)
    setup = shell(env, SETUP)
    shifts = list(setup["shifts"])  # type: ignore[call-overload]
    sessions = list(setup["sessions"])  # type: ignore[call-overload]
    with gunicorn(env, workers=4) as port:
        # Warm the workers (imports, templates), so that the first storm is not a cold start.
        storm(sessions[:8], port, lambda _shift: ("GET", "/ehrenamt/"), shifts)
        # Baseline in the same run: the same people open their page (a read of the same
        # size: one request per shift), then all sign up at once.
        base_seconds, base_latencies, base_statuses = storm(
            sessions, port, lambda _shift: ("GET", "/ehrenamt/"), shifts
        )
        seconds, latencies, statuses = storm(
            sessions,
            port,
            lambda shift_id: ("POST", f"/ehrenamt/schichten/{shift_id}/anmelden/"),
            shifts,
        )
    check = shell(env, CHECK, json.dumps(shifts))
    ordered = sorted(latencies)
    base_ordered = sorted(base_latencies)
    rps = len(statuses) / seconds
    base_rps = len(base_statuses) / base_seconds
    print(
        json.dumps(
            {
                "bench": "volunteers_shift_signup",
                "people": len(sessions),
                "shifts": len(shifts),
                "places_each": PLACES,
                "requests": len(statuses),
                "rps": round(rps, 1),
                "p50_ms": round(ordered[len(ordered) // 2], 1),
                "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
                "baseline": "the same people each GET /ehrenamt/ once per shift, same server",
                "baseline_rps": round(base_rps, 1),
                "baseline_p95_ms": round(base_ordered[int(0.95 * (len(base_ordered) - 1))], 1),
                "baseline_errors": sum(1 for s in base_statuses if s >= 400),
                "ratio_rps": round(rps / base_rps, 2),
                "redirects": statuses.count(302),
                "errors": sum(1 for s in statuses if s >= 400),
                "signed_up": check["signed_up"],
                "overbooked_shifts": check["overbooked"],
            }
        )
    )
    if check["overbooked"] or sum(1 for s in statuses if s >= 500):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
