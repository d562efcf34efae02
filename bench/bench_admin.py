"""Render times of the common back-office pages on the demo, per demo role: medians of
several renders in one process (Django's test client, no network), with their query
counts.

Baseline, measured in the same run: the start page without this project's panels (the
`construct_homepage_panels` hooks of portal, translation and sprachpool taken out), i.e.
the cost of Wagtail's frame, menu and permission checks alone. `ratio_to_frame` says how
many frames a page costs; the goal is every page under 0.5 s (`all_under_limit`).

WIR_BENCH_ADMIN_ROUNDS (default 7) sets the number of renders per page.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench_env, prepare_demo

ROUNDS = int(os.environ.get("WIR_BENCH_ADMIN_ROUNDS", "7"))
LIMIT_SECONDS = 0.5
OUR_PANELS = {"add_editor_panel", "add_translation_panel", "add_coordination_panel"}


def main() -> None:
    env = bench_env("admin")
    prepare_demo(env)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail import hooks

    from wir.accounts.models import User
    from wir.core.models import Region
    from wir.portal.models import Offer

    region = Region.objects.get(slug="wetterau")
    offer = Offer.objects.filter(region=region, locale__language_code="de").order_by("pk").first()
    assert offer is not None

    def client_for(username: str) -> Client:
        client = Client(HTTP_HOST="127.0.0.1")
        user = User.objects.get(username=username)
        client.force_login(user)
        device = TOTPDevice.objects.filter(user=user).first()
        if device is not None:
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client

    def timed(client: Client, url: str) -> dict[str, float | int]:
        answer = client.get(url)  # warm: templates, caches
        assert answer.status_code == 200, (url, answer.status_code)
        times = []
        for _round in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                answer = client.get(url)
                times.append(time.perf_counter() - started)
            assert answer.status_code == 200, (url, answer.status_code)
        return {"median_s": round(statistics.median(times), 4), "queries": len(queries)}

    pages = {
        "koordination": {
            "dashboard": "/admin/",
            "page_explorer": f"/admin/pages/{region.root_page_id}/",
            "offers_list": "/admin/snippets/portal/offer/",
            "areas_list": "/admin/snippets/core/area/",
            "roles_list": "/admin/snippets/accounts/membership/",
            "offer_edit": f"/admin/snippets/portal/offer/edit/{offer.pk}/",
            "request_board": f"/admin/sprachpool/{region.slug}/anfragen/",
            "sprachpool_report": f"/admin/sprachpool/{region.slug}/berichte/",
        },
        "redaktion": {"dashboard": "/admin/", "offers_list": "/admin/snippets/portal/offer/"},
        "uebersetzung": {"dashboard": "/admin/"},
    }
    clients = {username: client_for(username) for username in pages}
    results: dict[str, dict[str, float | int]] = {}
    for username, urls in pages.items():
        for name, url in urls.items():
            results[f"{username}.{name}"] = timed(clients[username], url)
    registered = hooks._hooks["construct_homepage_panels"]
    kept = [entry for entry in registered if entry[0].__name__ not in OUR_PANELS]
    ours = [entry for entry in registered if entry[0].__name__ in OUR_PANELS]
    registered[:] = kept
    try:
        frame = timed(clients["koordination"], "/admin/")
    finally:
        registered.extend(ours)
    slowest = max(result["median_s"] for result in results.values())
    print(
        json.dumps(
            {
                "bench": "admin",
                "rounds": ROUNDS,
                "baseline": {"dashboard_without_our_panels": frame},
                "pages": results,
                "ratio_to_frame": {
                    key: round(float(result["median_s"]) / float(frame["median_s"]), 2)
                    for key, result in results.items()
                },
                "slowest_s": slowest,
                "limit_s": LIMIT_SECONDS,
                "all_under_limit": slowest < LIMIT_SECONDS,
            }
        )
    )


if __name__ == "__main__":
    main()
