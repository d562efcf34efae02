"""Load run: many concurrent visitors (locust) against gunicorn, on SQLite and PostgreSQL.

The mix comes from the scenario registry (bench/scenarios/): public pages, the API, the
offline bundle, feedback, volunteer and mediator sign-ups, shift sign-ups. First the
machine's sustainable rate is measured after a warm-up (a short closed-loop run with as
many visitors as one worker runs requests at once: nothing waits, nothing is shed); then
visitors offer 4× that rate for 60 s. Figures per database: throughput, p95, errors (5xx
other than a shed 503, timeouts, broken connections, unexpected 4xx), shed requests (503 +
Retry-After), and after the run every acknowledged write looked up, the invariants and the
database's integrity check. The baseline in the same run is the sustainable rate.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadkit import (
    MAX_IN_FLIGHT,
    THREADS,
    WORKERS,
    Server,
    environment,
    finish,
    locust,
    on_postgres,
    prepare,
    side,
)

WARM_S = 10
CALIBRATION_S = 20
OVERLOAD_S = 60
FACTOR = 4
VISITORS = 120


def run() -> dict[str, object]:
    env = environment("load")
    prepare(env)
    var = Path(env["WIR_VAR_DIR"])
    plan = var / "plan.json"
    side(env, "prepare", str(plan))
    server = Server(env)
    server.start()
    try:
        # Warm-up: the first requests of a worker load templates and code.
        warm = finish(locust(env, server.port, plan, var / "warm", 2, WARM_S), WARM_S, var / "warm")
        # As many visitors as one worker runs at once: nothing waits, nothing is shed.
        calibration = finish(
            locust(env, server.port, plan, var / "calibration", MAX_IN_FLIGHT, CALIBRATION_S),
            CALIBRATION_S, var / "calibration",
        )  # fmt: skip
        sustainable = calibration.ok / CALIBRATION_S
        offered = FACTOR * sustainable
        over = finish(
            locust(env, server.port, plan, var / "overload", VISITORS, OVERLOAD_S,
                   user_rps=offered / VISITORS),
            OVERLOAD_S, var / "overload",
        )  # fmt: skip
    finally:
        server.stop()
    acks = var / "acks.jsonl"
    acks.write_text("".join(r.acks_path.read_text() for r in (warm, calibration, over)))
    checked = side(env, "check", str(plan), str(acks))
    return {
        "bench": "load",
        "database": "postgresql" if "DATABASE_URL" in env else "sqlite",
        "server": f"gunicorn gthread, {WORKERS} workers x {THREADS} threads, "
        f"WIR_MAX_IN_FLIGHT={MAX_IN_FLIGHT}",
        "load_tool": f"locust, {VISITORS} visitors, constant throughput",
        "sustainable_rps": round(sustainable, 1),
        "sustainable_p95_ms": round(calibration.p95(), 1),
        "sustainable_errors": len(calibration.errors),
        "offered_rps": round(offered, 1),
        "overload_seconds": OVERLOAD_S,
        "sent_rps": round(over.rps, 1),
        "served_rps": round(over.ok / OVERLOAD_S, 1),
        "shed_rps": round(over.shed / OVERLOAD_S, 1),
        "ratio_served_to_sustainable": round(over.ok / OVERLOAD_S / sustainable, 3),
        "p95_ms": round(over.p95(), 1),
        "requests": over.requests,
        "errors": len(over.errors),
        "error_rate": round(len(over.errors) / max(1, over.requests), 4),
        "error_examples": sorted(set(over.errors))[:5],
        **checked,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    print(json.dumps(run()), flush=True)
    if not os.environ.get("WIR_BENCH_ON_POSTGRES"):
        for line in on_postgres("bench_load.py"):
            print(line, flush=True)


if __name__ == "__main__":
    main()
