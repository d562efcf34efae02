"""The ceiling of the benchmarks: the same gunicorn serving recorded answers from memory.

`/__ceiling__/<name>` answers with the status, headers and bytes that the platform gave
for target <name> (recorded by the benchmark into WIR_BENCH_CEILING_DIR); every other path
goes to the platform itself (wir.wsgi). So the ceiling runs in the same server, with the
same worker model, the same sockets and the same load generator as the figures it bounds.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from wir.wsgi import application as platform

PREFIX = "/__ceiling__/"
_answers: dict[str, tuple[str, list[tuple[str, str]], bytes]] = {}


def _answer(name: str) -> tuple[str, list[tuple[str, str]], bytes]:
    if name not in _answers:
        folder = Path(os.environ["WIR_BENCH_CEILING_DIR"])
        data = json.loads((folder / f"{name}.json").read_text())
        body = base64.b64decode(data["body"])
        headers = [(str(h[0]), str(h[1])) for h in data["headers"]]
        _answers[name] = (data["status"], headers, body)
    return _answers[name]


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    path = environ.get("PATH_INFO", "")
    if not path.startswith(PREFIX):
        return platform(environ, start_response)
    status, headers, body = _answer(path.removeprefix(PREFIX))
    start_response(status, headers)
    return [body]
