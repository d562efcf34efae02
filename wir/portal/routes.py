"""Who answers the public page types: the page models name their routes, the views answer.

A routable page (`DirectoryPage`, `EventIndexPage`, `RegionHomePage`) declares its sub-routes
with Wagtail's `@path`, and each route hands the request on by name:
`answer("directory.offer", request, self, offer_id)`. The views register under those names
with `@answers("directory.offer")`; the page models' extra template context works the same
way (`context_for("content", request, page)` / `@provides_context("content")`).

So the models import only this module (which imports nothing of the project) and the views
import the models, never the other way round. `PortalConfig.ready()` imports the view
modules, which fills the registry before the first request.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse

PageView = Callable[..., HttpResponse]
PageContext = Callable[[HttpRequest, Any], dict[str, Any]]

ViewT = TypeVar("ViewT", bound=PageView)
ContextT = TypeVar("ContextT", bound=PageContext)

_VIEWS: dict[str, PageView] = {}
_CONTEXTS: dict[str, PageContext] = {}


def answers(name: str) -> Callable[[ViewT], ViewT]:
    """Register the view that answers the page route `name` (called as
    `view(request, page, *route_arguments)`)."""

    def register(view: ViewT) -> ViewT:
        if _VIEWS.get(name, view) is not view:
            raise ValueError(f"The page route {name!r} is answered twice.")
        _VIEWS[name] = view
        return view

    return register


def provides_context(name: str) -> Callable[[ContextT], ContextT]:
    """Register the function that adds `name`'s entries to a page's template context
    (called as `function(request, page)`)."""

    def register(function: ContextT) -> ContextT:
        if _CONTEXTS.get(name, function) is not function:
            raise ValueError(f"The page context {name!r} is provided twice.")
        _CONTEXTS[name] = function
        return function

    return register


def answer(name: str, request: HttpRequest, page: Any, *args: Any) -> HttpResponse:
    """The response of the view registered for the page route `name`."""
    try:
        view = _VIEWS[name]
    except KeyError:
        raise LookupError(f"No view answers the page route {name!r}.") from None
    return view(request, page, *args)


def context_for(name: str, request: HttpRequest, page: Any) -> dict[str, Any]:
    """The template context entries registered as `name` for `page`."""
    try:
        function = _CONTEXTS[name]
    except KeyError:
        raise LookupError(f"No function provides the page context {name!r}.") from None
    return function(request, page)


def registered() -> tuple[frozenset[str], frozenset[str]]:
    """The names of the registered routes and contexts (for the tests)."""
    return frozenset(_VIEWS), frozenset(_CONTEXTS)
