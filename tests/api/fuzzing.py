"""Fuzzing an API from its OpenAPI document with schemathesis, operation by operation.

`fuzz(api, cases_per_mode)` takes every operation the document lists (so a new endpoint is
fuzzed without editing a test), draws `cases_per_mode` requests from schemathesis's
positive (valid by the document) and negative (invalid) strategies, sends them to the
Django WSGI application in process, and checks each answer:

- never a 5xx (`not_a_server_error`);
- the status is one the operation declares, the content type the declared one, and the
  body valid against the declared schema (schemathesis's conformance checks), plus, when
  the API gives one, its own stricter validator (`Api.validate`);
- invalid input is refused with a 4xx (`negative_data_rejection`).

Stateful links: the document's `links` (OpenAPI 3.1, on 200 answers) say which answer
field fills which parameter of another operation, e.g. the ids of `offers/` fill
`offers/{offer_id}/`. A link's JSON pointer names one item (`/results/0/id`); here any
item counts, so the detail operations are called with every id a list answered. The
operations whose answers feed links run first. The valid cases get the path parameters
of `Api.known` (the region and a language that exist), so they reach past the 404; the
invalid ones keep what schemathesis made of them.

Failures are collected, not raised, so that one broken operation does not stop the run
(and hypothesis does not spend time shrinking); the test asserts the list is empty.
The same runner is used by `bench/bench_fuzz.py` with more cases.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

HEADERS = {"Host": "localhost", "Accept-Encoding": "identity"}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
Operation = tuple[str, str]  # (method, path template)
Validate = Callable[[str, str, int, bytes], list[str]]
# (target operation, location, parameter) -> {(value, path parameters that go with it)}
Pool = dict[tuple[Operation, str, str], set[tuple[Any, tuple[tuple[str, Any], ...]]]]


@dataclass
class Api:
    document: dict[str, Any]
    known: dict[str, list[str]]  # path parameter -> values that exist
    extra_links: list[Link] = field(default_factory=list)  # beyond the document's
    validate: Validate | None = None  # (method, template, status, body) -> problems


@dataclass
class Tally:
    cases: Counter[Operation] = field(default_factory=Counter)
    successes: Counter[Operation] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: dict[Operation, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def total(self) -> int:
        return sum(self.cases.values())


@dataclass(frozen=True)
class Link:
    source: Operation
    pointer: tuple[str, ...]  # "*" for any list index
    target: Operation
    location: str  # "path", "query" or "body" (a field of a JSON object body)
    parameter: str
    carried: tuple[str, ...] = ()  # path parameters passed on as they were ($request.path.x)


def operations(document: dict[str, Any]) -> list[Operation]:
    return [
        (method, path)
        for path, ops in document["paths"].items()
        for method in ops
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def links(document: dict[str, Any]) -> list[Link]:
    """The document's links, read as "any item of this answer fills that parameter"."""
    by_id = {
        op["operationId"]: (method, path)
        for path, ops in document["paths"].items()
        for method, op in ops.items()
        if isinstance(op, dict) and "operationId" in op
    }
    found = []
    for method, path in operations(document):
        answers = document["paths"][path][method]["responses"]
        for link in answers.get("200", answers.get(200, {})).get("links", {}).values():
            target = by_id[link["operationId"]]
            declared = {
                p["name"]: p["in"] for p in document["paths"][target[1]][target[0]]["parameters"]
            }
            carried = tuple(
                name
                for name, expression in link["parameters"].items()
                if expression == f"$request.path.{name}"
            )
            for name, expression in link["parameters"].items():
                if not expression.startswith("$response.body#/"):
                    continue
                steps = expression.removeprefix("$response.body#/").split("/")
                pointer = tuple("*" if step.isdigit() else step for step in steps)
                location, _, bare = name.rpartition(".")
                found.append(
                    Link(
                        (method, path),
                        pointer,
                        target,
                        location or declared[bare],
                        bare,
                        carried,
                    )
                )
    return found


def pick(value: Any, pointer: tuple[str, ...]) -> Iterator[Any]:
    if not pointer:
        if isinstance(value, str | int) and not isinstance(value, bool):
            yield value
        return
    head, rest = pointer[0], pointer[1:]
    if head == "*" and isinstance(value, list):
        for item in value:
            yield from pick(item, rest)
    elif isinstance(value, dict) and head in value:
        yield from pick(value[head], rest)


@contextmanager
def keep_test_connection() -> Iterator[None]:
    """Django's WSGI handler closes the database connection after each request; the test
    client prevents that, schemathesis's WSGI client does not, so do it as the client does
    (on PostgreSQL the test's own connection would be closed)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def ordered(document: dict[str, Any], all_links: list[Link]) -> list[Operation]:
    """Link sources before their targets, otherwise in the document's order."""
    targets = {link.target for link in all_links}
    ops = operations(document)
    return sorted(ops, key=lambda op: (op in targets, op[1].count("{"), ops.index(op)))


def fuzz(api: Api, cases_per_mode: int, app: Any = None) -> Tally:
    from django.core.wsgi import get_wsgi_application

    schema = schemathesis.openapi.from_dict(json.loads(json.dumps(api.document)))
    schema.app = app or get_wsgi_application()
    by_key = {}
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # the document loads
        operation = result.ok()
        by_key[(operation.method.lower(), operation.path)] = operation
    all_links = links(api.document) + api.extra_links
    pool: Pool = defaultdict(set)
    tally = Tally()
    with keep_test_connection():
        for key in ordered(api.document, all_links):
            outgoing = [link for link in all_links if link.source == key]
            started = time.perf_counter()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                run_operation(by_key[key], mode, cases_per_mode, api, outgoing, pool, tally)
            tally.seconds[key] += time.perf_counter() - started
    return tally


def run_operation(
    operation: Any,
    mode: GenerationMode,
    cases: int,
    api: Api,
    outgoing: list[Link],
    pool: Pool,
    tally: Tally,
) -> None:
    key = (operation.method.lower(), operation.path)
    checks = [*CHECKS, negative_data_rejection] if mode is GenerationMode.NEGATIVE else CHECKS

    @given(case=operation.as_strategy(generation_mode=mode), choice=st.randoms())
    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def one(case: schemathesis.Case, choice: Any) -> None:
        if mode is GenerationMode.POSITIVE:
            aim(case, key, api, pool, choice)
        tally.cases[key] += 1
        response = case.call(headers=HEADERS)
        where = f"{key[0].upper()} {response.request.url} → {response.status_code}"
        try:
            case.validate_response(response, checks=checks, headers=HEADERS)
        except (Exception, BaseExceptionGroup) as error:  # failed checks, with the request
            tally.failures.append(f"{where}: {str(error)[:600]}")
            return
        if api.validate is not None and response.content:  # errors too
            problems = api.validate(key[0], key[1], response.status_code, response.content)
            tally.failures += [f"{where}: {problem}" for problem in problems]
        if response.status_code >= 300:
            return
        tally.successes[key] += 1
        if outgoing and response.status_code == 200:
            body = json.loads(response.content)
            for link in outgoing:
                carried = tuple((name, case.path_parameters[name]) for name in link.carried)
                pool[(link.target, link.location, link.parameter)].update(
                    (value, carried) for value in itertools.islice(pick(body, link.pointer), 200)
                )

    try:
        one()
    except Unsatisfiable:  # nothing to make invalid: an operation without parameters
        assert mode is GenerationMode.NEGATIVE, key


def aim(
    case: schemathesis.Case,
    key: Operation,
    api: Api,
    pool: Pool,
    choice: Any,
) -> None:
    """Point a valid case at what exists: the known region and language, and values that
    earlier answers linked to this operation."""
    for name in list(case.path_parameters or {}):
        if name in api.known:
            case.path_parameters[name] = choice.choice(api.known[name])
    for (target, location, name), values in pool.items():
        if target != key or not values:
            continue
        value, carried = choice.choice(sorted(values, key=str))
        case.path_parameters.update(carried)
        if location == "path":
            case.path_parameters[name] = value
        elif location == "query":
            case.query = {**(case.query or {}), name: value}
        elif location == "body" and isinstance(case.body, dict):
            case.body[name] = value
