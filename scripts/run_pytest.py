"""Run pytest and fail when no test ran: pytest's exit code 5 must not pass silently.

It also prints the 20 slowest tests (setup, call and teardown each), so that the log of
every `make test` shows where the time goes; a later `--durations=N` overrides it.
"""

import sys

import pytest

code = pytest.main(["--durations=20", *sys.argv[1:]])
if code == pytest.ExitCode.NO_TESTS_COLLECTED:
    print("FEHLER: es wurde kein Test ausgeführt.", file=sys.stderr)
    sys.exit(1)
sys.exit(int(code))
