"""Reading requests of the Integreat API: region and language, query parameters.

Bad input is a JSON 400 that names the parameter, an unknown region or language a JSON
404, another method a JSON 405; never a 500.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from wir.api.http import json_error
from wir.api.integreat.queries import HOME_DEPTH, PageNode, PageTree, Scope
from wir.api.pagination import ApiError, int_parameter
from wir.core.models import Region
from wir.core.queries import active_region, visible_languages

MAX_ID = 2**31 - 1
FLAGS = {"": True, "1": True, "true": True, "0": False, "false": False}


class BadParameterError(ApiError):
    """A query parameter or body field that cannot be used: 400 naming it."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(400, detail, name)


View = Callable[..., HttpResponse]


def api_view(methods: tuple[str, ...] = ("GET", "HEAD")) -> Callable[[View], View]:
    """JSON 405 for other methods, the error's status (400 naming the parameter) for an
    ApiError."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                response = json_error(request, 405, f"Method {request.method} not allowed.")
                response["Allow"] = ", ".join(methods)
                return response
            try:
                return view(request, *args, **kwargs)
            except ApiError as error:
                extra = {"parameter": error.parameter} if error.parameter else {}
                return json_error(request, error.status, error.detail, **extra)

        return wrapped

    return decorate


def base_url() -> str:
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def find_region(slug: str) -> Region | None:
    return active_region(slug)


def scope_or_error(request: HttpRequest, region: str, language: str) -> Scope | HttpResponse:
    found = find_region(region)
    if found is None:
        return json_error(request, 404, f"Unknown region '{region}'.")
    codes = tuple(rl.language.code for rl in visible_languages(found))
    if language not in codes:
        return json_error(
            request,
            404,
            f"Language '{language}' is not offered in region '{found.slug}'.",
            languages=list(codes),
        )
    return Scope(found, language, codes, base_url())


def scoped(view: Callable[..., HttpResponse]) -> View:
    """Resolve /{region}/{language}/ into a Scope, or answer 404."""

    @wraps(view)
    def wrapped(request: HttpRequest, region: str, language: str, **kwargs: Any) -> HttpResponse:
        scope = scope_or_error(request, region, language)
        if isinstance(scope, HttpResponse):
            return scope
        return view(request, scope, **kwargs)

    return wrapped


# --- query parameters ------------------------------------------------------------------


def int_param(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    return int_parameter(request, name, default, low, high)


def flag_param(request: HttpRequest, name: str) -> bool:
    raw = request.GET.get(name)
    if raw is None:
        return False
    if raw.lower() not in FLAGS:
        raise BadParameterError(name, f"{name} must be 1, 0, true or false.")
    return FLAGS[raw.lower()]


def url_param(request: HttpRequest, scope: Scope) -> str | None:
    """The `url` parameter as a page path of this region and language, or None."""
    raw = request.GET.get("url")
    if not raw:
        return None
    try:
        path = unquote(urlsplit(raw).path)
    except ValueError:
        raise BadParameterError("url", "url is not a valid address.") from None
    if not path.endswith("/"):
        path += "/"
    if not path.startswith("/"):
        path = "/" + path
    if not path.startswith(scope.prefix()):
        raise BadParameterError("url", f"url must be a page path below {scope.prefix()}.")
    return path


def find_page(request: HttpRequest, scope: Scope, tree: PageTree) -> PageNode | None:
    """The page named by `id` or `url`; None when neither is given. Raises KeyError when
    there is no such public page. An id of another language's version gives this one."""
    raw_id = request.GET.get("id")
    if raw_id:
        page_id = int_param(request, "id", 0, 1, MAX_ID)
        node = tree.by_pk.get(page_id)
        if node is not None and node.language != scope.language:
            node = tree.translation(node, scope.language)
    else:
        path = url_param(request, scope)
        if path is None:
            return None
        node = tree.by_url.get(path)
    if node is None or node.depth <= HOME_DEPTH:
        raise KeyError("page")
    return node
