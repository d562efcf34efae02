"""The back office's start page: per role, what needs attention in the user's regions.

Each app contributes its own panel through Wagtail's `construct_homepage_panels` hook
(portal: unpublished changes, feedback, offers about to expire; translation: outdated
translations in the user's languages; sprachpool: open requests and unanswered offers).
This module holds the one panel they share; the lines of a panel are decided per region
with `wir.accounts.permissions`, so a user sees figures of their own regions only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from wagtail.admin.ui.components import Component

from wir.accounts.permissions import AnyUser, regions_where
from wir.accounts.roles import Perm
from wir.core.models import Region


@dataclass(frozen=True)
class Attention:
    """One line of a panel: what, how many (0: nothing to do), where to go."""

    label: str
    count: int
    url: str
    region: str = ""  # the region's name, shown when the user works in several


class AttentionPanel(Component):
    """A dashboard panel: a heading and lines with counts, each a link to the work."""

    template_name = "accounts/dashboard/attention_panel.html"

    def __init__(self, name: str, heading: str, lines: Iterable[Attention], order: int) -> None:
        self.name = name
        self.heading = heading
        self.lines = list(lines)
        self.order = order

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        several = len({line.region for line in self.lines}) > 1
        return {"panel": self, "show_region": several, "all_done": not any(self.lines_todo)}

    @property
    def lines_todo(self) -> list[Attention]:
        return [line for line in self.lines if line.count]


def regions_for_panel(user: AnyUser, perm: Perm) -> QuerySet[Region]:
    """The active regions in which `user` holds `perm`, by name (one query)."""
    return regions_where(user, perm).filter(is_active=True).order_by("name")
