"""The back office's feedback list: read or unread, marked one by one or several at once.

"Als gelesen markieren" / "Als ungelesen markieren" are Wagtail bulk actions on the list
(tick the rows, or one row's menu for a single one): a confirmation page lists what will
change, and the write is `wir.portal.actions.mark_feedback` (permission per feedback's
region, audited). The list filters by read state (`?read=unread`, the editors' start page
links there).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import django_filters
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from wir.accounts.permissions import can, regions_where
from wir.accounts.roles import Perm
from wir.portal.actions import mark_feedback
from wir.portal.models import Feedback

UNREAD, READ = "unread", "read"


class FeedbackFilterSet(WagtailFilterSet):
    read = django_filters.ChoiceFilter(
        label=_("Gelesen"),
        choices=[(UNREAD, _("ungelesen")), (READ, _("gelesen"))],
        method="filter_read",
        empty_label=_("alle"),
    )

    class Meta:
        model = Feedback
        fields = ["helpful", "language_code"]

    def filter_read(self, queryset: QuerySet[Feedback], name: str, value: str) -> Any:
        if value in (UNREAD, READ):
            return queryset.filter(read_at__isnull=value == UNREAD)
        return queryset


def read_state(feedback: Feedback) -> str:
    return str(_("gelesen") if feedback.read_at else _("ungelesen"))


class MarkFeedback(SnippetBulkAction):
    """Shared by both directions; `read` says which."""

    models = [Feedback]
    template_name = "portal/feedback/confirm_mark.html"
    read = True

    def get_actionable_objects(self) -> tuple[list[Feedback], dict[str, Any]]:
        """The chosen feedback of the user's regions; feedback of other regions is not
        found, alike whether it exists or not. (The admin gate already refuses a choice
        with any other region's feedback, and "all", which spans regions.)"""
        user = self.request.user
        ids = self.request.GET.getlist("id")
        numbers = [int(i) for i in ids if i.isascii() and i.isdigit() and len(i) < 10]
        chosen = Feedback.objects.filter(
            region__in=regions_where(user, Perm.EDIT_CONTENT), pk__in=numbers[:1000]
        )
        objects = [item for item in chosen if can(user, Perm.EDIT_CONTENT, item)]
        if not objects:
            raise Http404
        return objects, {"items_with_no_access": []}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "read": self.read}

    def get_execution_context(self) -> dict[str, Any]:
        return {"user": self.request.user, "read": self.read}

    @classmethod
    def execute_action(cls, objects: list[Feedback], **kwargs: Any) -> tuple[int, int]:
        return mark_feedback(kwargs["user"], objects, read=kwargs["read"]), 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        if self.read:
            return ngettext(
                "%(count)d Rückmeldung als gelesen markiert.",
                "%(count)d Rückmeldungen als gelesen markiert.",
                num_parent_objects,
            ) % {"count": num_parent_objects}
        return ngettext(
            "%(count)d Rückmeldung als ungelesen markiert.",
            "%(count)d Rückmeldungen als ungelesen markiert.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class MarkFeedbackRead(MarkFeedback):
    display_name = _("Als gelesen markieren")
    action_type = "mark_read"
    aria_label = _("Ausgewählte Rückmeldungen als gelesen markieren")
    action_priority = 10


class MarkFeedbackUnread(MarkFeedback):
    display_name = _("Als ungelesen markieren")
    action_type = "mark_unread"
    aria_label = _("Ausgewählte Rückmeldungen als ungelesen markieren")
    action_priority = 20
    read = False


def feedback_buttons(snippet: Any, user: Any, next_url: str | None = None) -> Iterator[Any]:
    """One row's "Als gelesen markieren" (or "ungelesen"), through the same confirmation."""
    if not isinstance(snippet, Feedback) or not can(user, Perm.EDIT_CONTENT, snippet):
        return
    action = MarkFeedbackUnread if snippet.read_at else MarkFeedbackRead
    url = (
        reverse("wagtail_bulk_action", args=["portal", "feedback", action.action_type])
        + "?"
        + urlencode([("id", snippet.pk), ("next", next_url or "")])
    )
    yield ListingButton(str(action.display_name), url, icon_name="tick", priority=5)
