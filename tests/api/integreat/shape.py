"""A small recursive comparer of JSON shapes: our answer against real Integreat answers.

Rules: objects have the same keys as the fixture's objects at that place (maps keyed by
data — language codes, town names — are compared value by value); values have the JSON
type the fixture has there; null is allowed where the fixture has null. Where a fixture
only ever has null, it says nothing about the type: `KNOWN_TYPES` fills in what
Integreat's API types (and its newer answers) say. `NULLABLE` lists fields the Integreat
app declares nullable although the fixtures happen to hold values. `CURRENT_FIELDS` are
keys the older answers lack but the current app (release 2026.8.1) requires: we add them,
so they may appear beyond the fixture's keys (the current contract is checked field by
field in `client_types`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

FIXTURES_ENV = "WIR_INTEGREAT_FIXTURES"
PROJECT_ROOT = Path(__file__).resolve().parents[3]

# Maps whose keys are data, not field names.
KEYED_BY_DATA = {"available_languages", "aliases", "post"}
# Types of fields that are null in every fixture (from the Integreat app's API types).
KNOWN_TYPES = {
    "thumbnail": {"string"},
    "website": {"string"},
    "email": {"string"},
    "phone_number": {"string"},
    "location_url": {"string"},
    "appointment_url": {"string"},
    "icon": {"string"},
    "organization": {"object"},
    "id": {"number"},
    "name": {"string"},
    "address": {"string"},
    "town": {"string"},
    "postcode": {"string"},
    "country": {"string"},
    "latitude": {"number"},
    "longitude": {"number"},
}
# Declared nullable by the app (JsonPlaceType: opening_hours, barrier_free, organization,
# meta_description; page fixtures do have null organizations), or null in Integreat's
# answers for one-off events (the event fixtures hold only a recurring event).
NULLABLE = {
    "opening_hours",
    "barrier_free",
    "organization",
    "meta_description",
    "recurrence_rule",
    "recurrence_id",
}
CURRENT_FIELDS = {
    "is_chat_enabled",  # regions
    "zammad_privacy_policy",
    "contacts",  # locations
    "timezone",  # opening hours' time slots
    "meeting_url",  # events
    "location_path",
    "featured_image",
    "only_weekdays",
    "order",  # the imprint is a JsonCategoryType now
    "organization",
    "embedded_offers",
}


def fixtures_dir() -> Path:
    default = PROJECT_ROOT.parent / "shared" / "fixtures" / "integreat-v3"
    return Path(os.environ.get(FIXTURES_ENV, str(default)))


def fixture(name: str) -> Any:
    """A fixture file; the test is skipped when the fixtures are not on this machine."""
    folder = fixtures_dir()
    if not folder.is_dir():
        pytest.skip(
            f"Integreat API fixtures not found at {folder}; set {FIXTURES_ENV} to the folder "
            "with the real Integreat CMS answers (they are not part of this project)."
        )
    return json.loads((folder / name).read_text(encoding="utf-8"))


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    raise TypeError(type(value))


def shape_problems(ours: Any, samples: list[Any], where: str = "$", key: str = "") -> list[str]:
    """What differs between `ours` and the shape of the fixture `samples` at `where`."""
    types = {json_type(sample) for sample in samples}
    if not types:
        return []  # the fixture has no example here (e.g. only empty lists)
    if types == {"null"}:
        types |= KNOWN_TYPES.get(key, set())
        if types == {"null"}:
            return [] if ours is None else [f"{where}: fixture only has null, no known type"]
    if ours is None:
        return [] if "null" in types or key in NULLABLE else [f"{where}: null, expected {types}"]
    kind = json_type(ours)
    if kind not in types:
        return [f"{where}: {kind}, expected {sorted(types)}"]
    if kind == "array":
        elements = [e for sample in samples if isinstance(sample, list) for e in sample]
        return [
            problem
            for index, item in enumerate(ours)
            for problem in shape_problems(item, elements, f"{where}[{index}]", key)
        ]
    if kind == "object":
        return object_problems(ours, [s for s in samples if isinstance(s, dict)], where, key)
    return []


def object_problems(
    ours: dict[str, Any], samples: list[dict[str, Any]], where: str, key: str
) -> list[str]:
    if key in KEYED_BY_DATA:
        values = [value for sample in samples for value in sample.values()]
        return [
            problem
            for name, value in ours.items()
            for problem in shape_problems(value, values, f"{where}.{name}")
        ]
    expected = {name for sample in samples for name in sample}
    problems = []
    missing, extra = sorted(expected - set(ours)), sorted(set(ours) - expected - CURRENT_FIELDS)
    if missing or extra:
        problems.append(f"{where}: keys differ; missing {missing}, extra {extra}")
    for name in expected & set(ours):
        values = [sample[name] for sample in samples if name in sample]
        problems += shape_problems(ours[name], values, f"{where}.{name}", name)
    return problems


def assert_same_shape(ours: Any, *samples: Any) -> None:
    problems = shape_problems(ours, list(samples))
    assert not problems, "\n".join(problems)
