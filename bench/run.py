"""`make bench`: run every bench/bench_*.py, each printing JSON lines; keep them in var/."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = ROOT / "var" / "bench"


def main(selected: list[str]) -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    scripts = sorted(HERE.glob("bench_*.py"))
    if selected:
        scripts = [s for s in scripts if any(name in s.stem for name in selected)]
    failures = 0
    lines: list[str] = []
    for script in scripts:
        print(f"== {script.stem}", file=sys.stderr, flush=True)
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False
        )
        for line in proc.stdout.splitlines():
            if line.startswith("{"):
                json.loads(line)  # every figure line must be valid JSON
                lines.append(line)
                print(line, flush=True)
        if proc.returncode != 0:
            failures += 1
            print(f"{script.stem} failed with exit code {proc.returncode}", file=sys.stderr)
        print(f"   ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    (RESULTS / "latest.jsonl").write_text("\n".join(lines) + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
