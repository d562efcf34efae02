"""Run pytest and fail when no test ran: pytest's exit code 5 must not pass silently."""

import sys

import pytest

code = pytest.main(sys.argv[1:])
if code == pytest.ExitCode.NO_TESTS_COLLECTED:
    print("FEHLER: es wurde kein Test ausgeführt.", file=sys.stderr)
    sys.exit(1)
sys.exit(int(code))
