"""What one app may link to in another by id, without importing it: "an offer of the
directory", "a volunteer network". The owning app registers a provider in its
`AppConfig.ready()`; the linking app (the network's relations and concept links) asks
for the region's choices and checks a submitted id against them, so that a link can only
name something that exists in the same region, and shows its current name.

A provider answers for one region: `(id, label)` pairs, ordered for a select.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.functional import Promise

Provider = Callable[[int], Iterable[tuple[int, str]]]

OFFER = "offer"
VOLUNTEER_NETWORK = "volunteer_network"

_providers: dict[str, tuple[str | Promise, Provider]] = {}


def register(kind: str, title: str | Promise, provider: Provider) -> None:
    """Called by the owning app once (AppConfig.ready)."""
    _providers[kind] = (title, provider)


def title(kind: str) -> str:
    return str(_providers[kind][0]) if kind in _providers else kind


def choices(kind: str, region_id: int) -> list[tuple[int, str]]:
    """The region's targets of `kind` (none if no app provides them)."""
    if kind not in _providers:
        return []
    return [(int(pk), str(label)) for pk, label in _providers[kind][1](region_id)]
