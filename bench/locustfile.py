"""The locust users of the load and crash runs (bench_load.py, bench_crash.py start locust).

Every user picks a scenario by weight from the registry (bench/scenarios/), sends it from
a fresh address (X-Forwarded-For; the bench server trusts one proxy, so that the per-address
limits of public forms see many visitors, as in reality) and classifies the answer:
- shed: 503 with Retry-After (load shedding; the client is told to come back),
- error: any other 5xx, a timeout, a refused or broken connection, an unexpected 4xx,
- acknowledged write: what the scenario says the user was told ("you are signed up").
Figures and acknowledged writes go to files named by the environment (WIR_BENCH_OUT).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

from locust import HttpUser, constant, constant_throughput, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenarios import discover

PLAN = json.loads(Path(os.environ["WIR_BENCH_PLAN"]).read_text())
OUT = Path(os.environ["WIR_BENCH_OUT"])
WRITES_ONLY = os.environ.get("WIR_BENCH_MIX") == "writes"
USER_RPS = float(os.environ.get("WIR_BENCH_USER_RPS", "0"))
TIMEOUT = 10.0

SCENARIOS = [s for s in discover() if s.write or not WRITES_ONLY]
WEIGHTS = [s.weight for s in SCENARIOS]

stats: dict[str, list] = {"latencies_ms": [], "errors": [], "shed": [], "ok": []}
acks: list[tuple[str, str]] = []


class Visitor(HttpUser):
    wait_time = constant_throughput(USER_RPS) if USER_RPS > 0 else constant(0)

    @task
    def one(self) -> None:
        scenario = random.choices(SCENARIOS, WEIGHTS)[0]
        token = uuid.uuid4().hex
        spec = scenario.request(PLAN.get(scenario.name, {}), token)
        self.client.cookies.clear()  # each request is its own visitor's
        # Each request is another resident's: a few closed-loop visitors must not look like
        # one person filling the per-address hourly limits of the public forms (429).
        parts = (random.randrange(256), random.randrange(256), random.randrange(1, 255))
        headers = {"X-Forwarded-For": "10.{}.{}.{}".format(*parts), **spec.headers}
        started = time.perf_counter()
        try:
            with self.client.request(
                spec.method, spec.path, data=spec.form, headers=headers, cookies=spec.cookies,
                allow_redirects=False, timeout=TIMEOUT, catch_response=True, name=scenario.name,
            ) as response:  # fmt: skip
                elapsed = (time.perf_counter() - started) * 1000
                status = response.status_code
                answer = dict(response.headers.items())
                if status == 503 and "Retry-After" in response.headers:
                    stats["shed"].append(scenario.name)
                    response.success()
                elif (
                    status == 0
                    or status >= 500
                    or (400 <= status < 500 and status not in spec.expected)
                ):
                    stats["errors"].append(f"{scenario.name} {spec.path} {status}")
                    response.failure(f"status {status}")
                else:
                    stats["ok"].append(scenario.name)
                    response.success()
                    if scenario.write and scenario.acknowledged(status, answer, response.content):
                        acks.append((scenario.name, token))
                stats["latencies_ms"].append(elapsed)
        except Exception as error:  # every failure of the client counts
            stats["errors"].append(f"{scenario.name} {type(error).__name__}")


@events.quitting.add_listener
def write_figures(environment: object, **kwargs: object) -> None:
    OUT.with_suffix(".acks.jsonl").write_text("".join(json.dumps(a) + "\n" for a in acks))
    OUT.with_suffix(".stats.json").write_text(json.dumps(stats))
