"""The load and crash runs' scenarios (bench/scenarios/) checked on the demo build.

`make bench` sends them by the thousand through gunicorn; here each runs a few times
through Django's test client on the demo, so that a scenario that no longer fits the
product (a changed URL or form, a write the server no longer acknowledges, a lookup
that finds nothing) fails in `make test`, not only in a benchmark nobody reads. New
scenario modules are picked up without edits, as in the benchmarks.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.apps import apps
from django.test import Client

BENCH = Path(__file__).resolve().parents[2] / "bench"
TOKENS = ("00000001" * 4, "00000002" * 4)


@contextmanager
def _bench_on_path() -> Iterator[None]:
    sys.path.insert(0, str(BENCH))
    try:
        yield
    finally:
        sys.path.remove(str(BENCH))


def _send(request: Any, address: str) -> tuple[int, dict[str, str], bytes]:
    """One request as the load tool sends it, from its own address (as the load tool's
    visitors have, so that per-address limits do not stop the check)."""
    client = Client(headers=request.headers, REMOTE_ADDR=address)
    for name, value in request.cookies.items():
        client.cookies[name] = value
    if request.method == "GET":
        answer = client.get(request.path)
    else:
        answer = client.post(request.path, request.form or {})
    headers = dict(answer.items())
    # The load tool sees the cookies as Set-Cookie headers (flash messages are one).
    for morsel in answer.cookies.values():
        headers["Set-Cookie"] = morsel.OutputString()
    body = b"" if getattr(answer, "streaming", False) else answer.content
    return answer.status_code, headers, body


def check_scenarios() -> list[str]:
    """Every scenario prepared, settled and sent twice on the demo; returns the scenario
    names checked. Each read answers without an error; each write's first request is
    acknowledged, and every acknowledged write is found by the scenario's own lookup."""
    with _bench_on_path():
        from scenarios import discover

        found = discover()
        prepared: dict[Any, Any] = {}
        for scenario in found:
            if scenario.prepare not in prepared:
                # Through JSON, as the plan file carries it to the load tool.
                prepared[scenario.prepare] = json.loads(json.dumps(scenario.prepare()))
        for settle in {s.settle for s in found if s.settle is not None}:
            settle()
        for place, scenario in enumerate(found):
            data = prepared[scenario.prepare]
            for number, token in enumerate(TOKENS):
                request = scenario.request(data, token)
                status, headers, body = _send(request, f"10.99.{place}.{number + 1}")
                assert status < 400 or status in request.expected, (scenario.name, status)
                if not scenario.write:
                    continue
                acknowledged = scenario.acknowledged(status, headers, body)
                assert acknowledged or number > 0, (scenario.name, status, headers)
                expected = scenario.expect(data, token)
                if acknowledged and expected is not None:
                    label, lookup = expected
                    found_row = apps.get_model(label).objects.filter(**lookup).exists()
                    assert found_row, (scenario.name, label, lookup)
            broken = scenario.invariants()
            assert not broken, (scenario.name, broken[:5])
        return [scenario.name for scenario in found]
