"""Validating /api/v1/ answers against the OpenAPI document the API publishes.

`check_answer(method, path, response)` finds the operation of `path` in the document, takes
the schema declared for the response's status and validates the JSON body with it. The
component schemas are made strict for the check (no property that the document does not
declare), so an answer can neither miss a declared field nor carry an undeclared one.
It returns the (method, path template) it validated, so a test can show that it covered
every operation of the document.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from typing import Any

import jsonschema_rs
from django.http import HttpResponse

from wir.api.v1.api import api

PREFIX = "/api/v1/"


@cache
def document() -> dict[str, Any]:
    return api.get_openapi_schema(path_prefix=PREFIX)


def operations() -> set[tuple[str, str]]:
    """Every (method, path template) of the document."""
    return {(method, path) for path, ops in document()["paths"].items() for method in ops}


def _strict(schema: Any) -> Any:
    if isinstance(schema, dict):
        strict = {key: _strict(value) for key, value in schema.items()}
        if strict.get("type") == "object" and "properties" in strict:
            strict.setdefault("additionalProperties", False)
        return strict
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


@cache
def _components() -> dict[str, Any]:
    return _strict(copy.deepcopy(document()["components"]))


@cache
def _validator(method: str, template: str, status: str) -> Any:
    operation = document()["paths"][template][method]
    responses = {str(code): answer for code, answer in operation["responses"].items()}
    assert status in responses, f"{method.upper()} {template} does not declare status {status}"
    schema = responses[status]["content"]["application/json"]["schema"]
    return jsonschema_rs.Draft202012Validator({"components": _components(), **_strict(schema)})


def template_of(path: str) -> str | None:
    """The document's path template for a concrete path (the one with the fewest
    parameters when several match, so /pages/tree/ is not /pages/{page_id}/); None for a
    path the document does not have (the document itself, the docs page, a wrong path)."""
    bare = path.split("?", 1)[0]
    matching = [
        template
        for template in document()["paths"]
        if re.fullmatch(re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template)), bare)
    ]
    if not matching:
        return None
    return min(matching, key=lambda template: template.count("{"))


def check_answer(method: str, path: str, response: HttpResponse) -> tuple[str, str] | None:
    """Fail unless `response` is what the document declares for `method path` (answers
    without a JSON body to check: 304, compressed ones, paths the document lacks)."""
    template = template_of(path)
    if template is None or response.status_code == 304 or response.has_header("Content-Encoding"):
        return None
    errors = problems(method, template, response.status_code, response.content)
    assert not errors, (
        f"{method.upper()} {path} ({response.status_code}) breaks the schema: {errors}"
    )
    return (method.lower(), template)


def problems(method: str, template: str, status: int, content: bytes) -> list[str]:
    """What is wrong with a JSON body answered with `status` by `method template`."""
    validator = _validator(method.lower(), template, str(status))
    body = json.loads(content)
    return [f"{error.instance_path}: {error.message}" for error in validator.iter_errors(body)]
