"""The privacy core: what auditing costs on coordination's pages, and the daily job's time.

Audit overhead: the Sprachpool's statements list (one audit row per mediator shown), a
request page and a mediator's edit page, each requested by the demo's coordinator with the
in-process client, with auditing and with `audit.record`/`record_many` switched off;
interleaved rounds, medians, the ratio (target ≤ 1.1). Daily job: `manage.py privacy_daily`
over the demo scaled `WIR_BENCH_PRIVACY_SCALE` times (default 20), as a subprocess.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench_env, manage, prepare_demo

SCALE = int(os.environ.get("WIR_BENCH_PRIVACY_SCALE", "20"))
ROUNDS = int(os.environ.get("WIR_BENCH_PRIVACY_ROUNDS", "9"))


def signed_in_client(username: str) -> Any:
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wir.accounts.models import User

    user = User.objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def timed_ms(client: Any, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed


def overhead(client: Any, urls: dict[str, str]) -> dict[str, Any]:
    from wir.privacy import audit

    record, record_many = audit.record, audit.record_many
    results: dict[str, Any] = {}
    for name, url in urls.items():
        timed_ms(client, url)  # warm caches and templates
        on: list[float] = []
        off: list[float] = []
        for _round in range(ROUNDS):
            on.append(timed_ms(client, url))
            audit.record, audit.record_many = (lambda *a, **k: None), (lambda *a, **k: 0)
            try:
                off.append(timed_ms(client, url))
            finally:
                audit.record, audit.record_many = record, record_many
        with_ms, without_ms = statistics.median(on), statistics.median(off)
        results[name] = {
            "audited_p50_ms": round(with_ms, 1),
            "unaudited_p50_ms": round(without_ms, 1),
            "ratio": round(with_ms / without_ms, 3),
        }
    return results


def main() -> None:
    env = bench_env(f"privacy-{SCALE}")
    started = time.perf_counter()
    prepare_demo(env, scale=SCALE)
    prepare_s = time.perf_counter() - started
    started = time.perf_counter()
    manage(env, "privacy_daily", "-v0")
    daily_s = time.perf_counter() - started
    started = time.perf_counter()
    manage(env, "privacy_daily", "-v0")  # again: nothing left to do, only the scan
    daily_again_s = time.perf_counter() - started

    os.environ.update(env)
    import django

    django.setup()
    from django.utils import timezone

    from wir.core.models import Region
    from wir.sprachpool.models import MediationRequest, Mediator

    region = Region.objects.filter(sprachpool_enabled=True).order_by("pk").first()
    assert region is not None
    mediator = Mediator.objects.filter(region=region).order_by("pk").first()
    request = MediationRequest.objects.filter(region=region).order_by("pk").first()
    assert mediator is not None
    assert request is not None
    month = timezone.localdate().strftime("%Y-%m")
    client = signed_in_client("koordination")
    urls = {
        "statements_list": f"/admin/sprachpool/{region.slug}/abrechnung/?monat={month}",
        "mediator_list": "/admin/snippets/sprachpool/mediator/",
        "mediator_page": f"/admin/snippets/sprachpool/mediator/edit/{mediator.pk}/",
        "request_page": f"/admin/sprachpool/{region.slug}/anfrage/{request.pk}/",
    }
    pages = overhead(client, urls)
    print(
        json.dumps(
            {
                "bench": "privacy",
                "scale": SCALE,
                "mediators": Mediator.objects.count(),
                "requests": MediationRequest.objects.count(),
                "prepare_s": round(prepare_s, 1),
                "privacy_daily_s": round(daily_s, 2),
                "privacy_daily_again_s": round(daily_again_s, 2),
                "audit_overhead": pages,
                "worst_ratio": max(page["ratio"] for page in pages.values()),
                "target_ratio": 1.1,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
