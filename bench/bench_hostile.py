"""The hostile-input corpus in full: every input of every form gets every payload class.

`make test` sends each form two rotation rounds (tests/hostile/corpus.py TEST_ROUNDS); here
the same test runs once like that (the baseline) and once with WIR_HOSTILE_FULL=1. Prints
the figures the test records (forms, inputs, submissions, query attacks, pages rendered in
Chromium), the wall time of each run and the ratio of submissions per second.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(full: bool) -> dict[str, object]:
    env = dict(os.environ, WIR_HOSTILE_FULL="1" if full else "0")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "hostile.xml"
        started = time.monotonic()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:randomly",
                "-n",
                "0",
                "tests/hostile",
                f"--junitxml={report}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        seconds = time.monotonic() - started
        figures = ""
        if report.exists():
            tree = ET.parse(report)  # noqa: S314 (the report of our own pytest run)
            for prop in tree.iter("property"):
                if prop.get("name") == "hostile":
                    figures = prop.get("value", "")
    numbers = {
        key: int(value)
        for value, key in re.findall(
            r"(\d+) (GETs|forms|inputs|submissions|query attacks)", figures
        )
    }
    return {
        "passed": proc.returncode == 0,
        "seconds": round(seconds, 1),
        "figures": figures,
        "submissions": numbers.get("submissions", 0),
        "query_attacks": numbers.get("query attacks", 0),
        "tail": proc.stdout.strip().splitlines()[-1:] if proc.returncode else [],
    }


def rate(result: dict[str, object]) -> float:
    requests = int(str(result["submissions"])) + int(str(result["query_attacks"]))
    return requests / max(float(str(result["seconds"])), 1e-9)


def main() -> int:
    baseline = run(full=False)
    full = run(full=True)
    print(
        json.dumps(
            {
                "bench": "hostile",
                "full": full,
                "make_test_rotation": baseline,
                "ratio_requests_per_s_full_to_make_test": round(
                    rate(full) / max(rate(baseline), 1e-9), 2
                ),
            }
        )
    )
    return 0 if full["passed"] and baseline["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
