"""What the project knows about a request, typed (as Zulip's `RequestNotes`), instead of
attributes stuck on `HttpRequest`.

`notes_of(request)` gives the request's `RequestNotes`, made on first use and kept as long
as the request lives. Today it holds the region the public URL names (set by the public
page view and the offline pages, read through `region_of(request)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from django.http import HttpRequest

if TYPE_CHECKING:
    from wir.core.models import Region


@dataclass
class RequestNotes:
    region: Region | None = None  # the region of the public URL (/{region}/{language}/...)


_NOTES: WeakKeyDictionary[HttpRequest, RequestNotes] = WeakKeyDictionary()


def notes_of(request: HttpRequest) -> RequestNotes:
    """The request's notes (one object per request, made on first use)."""
    notes = _NOTES.get(request)
    if notes is None:
        notes = _NOTES[request] = RequestNotes()
    return notes


def region_of(request: HttpRequest) -> Region | None:
    """The region the request's public URL names, if a view has resolved it."""
    return notes_of(request).region
