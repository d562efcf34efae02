"""API fuzzing at volume: schemathesis cases against every operation of /api/v1/ and
/api/v3/ (their OpenAPI documents), in process on the demo district, with the checks of
tests/api/fuzzing.py (no 5xx, declared status and type, answers valid against the schema).

Prints one JSON line per API: cases run, operations, failures, cases/s, and the ratio to
the baseline measured in the same run: plain GETs of the same URLs through Django's test
client, without generating or checking (the cost of the fuzzing itself).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench_env, prepare_demo

CASES = 40  # per operation and mode: 2,000 and more over both APIs


def main() -> None:
    env = bench_env("fuzz")
    prepare_demo(env)
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    from django.test import Client

    from tests.api import openapi
    from tests.api.fuzzing import Api, fuzz
    from wir.api.integreat.openapi import document
    from wir.core.models import Region

    region = Region.objects.filter(is_active=True).order_by("pk").first()
    assert region is not None
    known = {"region": [region.slug], "language": ["de", "en", "ar"]}
    apis = {
        "v1": Api(openapi.document(), known, validate=openapi.problems),
        "v3": Api(document(), known),
    }
    for name, api in apis.items():
        started = time.perf_counter()
        tally = fuzz(api, CASES)
        seconds = time.perf_counter() - started
        client = Client()
        urls = [
            template.format(region=region.slug, language="de", **dict.fromkeys(ids(template), 1))
            for method, template in tally.cases
            if method == "get"
        ]
        plain = 0
        base_started = time.perf_counter()
        while plain < tally.total:
            for url in urls:
                client.get(url, HTTP_ACCEPT_ENCODING="identity")
                plain += 1
        base_seconds = time.perf_counter() - base_started
        rate, base_rate = tally.total / seconds, plain / base_seconds
        print(
            json.dumps(
                {
                    "bench": "fuzz",
                    "api": name,
                    "cases": tally.total,
                    "operations": len(tally.cases),
                    "operations_answered_2xx": len(tally.successes),
                    # e.g. feedback: the demo database keeps earlier runs' (429 after 10)
                    "operations_without_2xx": sorted(
                        f"{method.upper()} {path}"
                        for method, path in set(tally.cases) - set(tally.successes)
                    ),
                    "failures": len(tally.failures),
                    "cases_per_s": round(rate, 1),
                    "baseline_plain_gets_per_s": round(base_rate, 1),
                    "ratio_to_baseline": round(rate / base_rate, 3),
                }
            ),
            flush=True,
        )
        for failure in tally.failures[:5]:
            print(failure[:400], file=sys.stderr)


def ids(template: str) -> list[str]:
    """The path parameters of `template` beyond region and language."""
    parts = [part[1:-1] for part in template.split("/") if part.startswith("{")]
    return [part for part in parts if part not in {"region", "language"}]


if __name__ == "__main__":
    main()
