"""The registry of load and crash scenarios: one module per app, discovered here.

A module `bench/scenarios/<app>.py` declares `SCENARIOS`, a list of `Scenario`. A scenario
has two halves that run in different processes:

- Django side (`bench/django_side.py`, with the bench's database): `prepare()` returns
  JSON data the requests need (ids, signed-in sessions), `settle()` runs after all of
  them (derived state such as the offline bundle); `invariants()` returns the broken rules
  found in the database after the run (e.g. an overbooked shift).
- Load side (the locust process, no Django): `request(data, token)` builds one HTTP
  request; `acknowledged(status, headers, body)` says whether the server confirmed the
  write to the user. Every acknowledged write is checked afterwards generically: the
  scenario names the model and a lookup (`expect(data, token)`), the check asks the database.

A new module adds its file here; the load and crash runs and the checks pick it up
without edits (bench_load.py, bench_crash.py). Module-level code must not import Django.
"""

from __future__ import annotations

import base64
import importlib
import json
import pkgutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    form: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    # Statuses that are a correct answer besides 2xx/3xx (e.g. 409 "fully booked").
    expected: frozenset[int] = frozenset()


Data = dict[str, Any]


def _no_data() -> Data:
    return {}


def _no_invariants() -> list[str]:
    return []


@dataclass(frozen=True)
class Scenario:
    name: str
    weight: int
    request: Callable[[Data, str], Request]
    write: bool = False
    prepare: Callable[[], Data] = _no_data
    acknowledged: Callable[[int, dict[str, str], bytes], bool] = lambda s, h, b: s < 400
    # (app_label.Model, lookup) of the row an acknowledged write left; None: nothing to check
    expect: Callable[[Data, str], tuple[str, dict[str, Any]] | None] = lambda data, token: None
    invariants: Callable[[], list[str]] = _no_invariants
    # Runs after every prepare(): bring derived state up to date (e.g. the offline bundle
    # of content that another scenario's prepare() just changed).
    settle: Callable[[], None] | None = None


def discover() -> list[Scenario]:
    found: list[Scenario] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        found.extend(getattr(loaded, "SCENARIOS", []))
    return found


def flash_levels(headers: dict[str, str]) -> list[int]:
    """The levels of the messages Django's cookie message storage sets (25 success, 40
    error), read without the secret: the cookie is signed, not encrypted."""
    cookie = next(
        (v for k, v in headers.items() if k.lower() == "set-cookie" and "messages=" in v), ""
    )
    if "messages=" not in cookie:
        return []
    value = cookie.split("messages=", 1)[1].split(";", 1)[0].strip('"')
    payload = value.split(":", 1)[0]
    compressed = payload.startswith(".")
    raw = base64.urlsafe_b64decode(payload.lstrip(".") + "=" * (-len(payload.lstrip(".")) % 4))
    text = zlib.decompress(raw) if compressed else raw
    messages = json.loads(text)
    return [m[2] for m in messages if isinstance(m, list) and len(m) > 2]


def letters(token: str) -> str:
    """A token in letters only (no digits a text filter could take for a phone number)."""
    return "".join(chr(ord("a") + int(c, 16)) for c in token)
