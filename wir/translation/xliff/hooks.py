"""Admin hooks of the XLIFF exchange: exchange screen, page and snippet buttons, glossary."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from wir.accounts.admin_views import RegionChoiceFormMixin, RegionScopedViewSet, yes_no_column
from wir.accounts.permissions import ROOT_PATH_LENGTH, has_perm_somewhere, regions_where
from wir.accounts.policies import RegionScopedPolicy
from wir.accounts.roles import Perm
from wir.core.languages import DEFAULT_LANGUAGE
from wir.translation.models import GlossaryTerm
from wir.translation.status.states import SNIPPETS
from wir.translation.xliff.views import XliffExchangeView


@hooks.register("register_admin_urls")
def register_xliff_urls() -> list[Any]:
    return [path("uebersetzung/xliff/", XliffExchangeView.as_view(), name="translation_xliff")]


class XliffMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.TRANSLATE_CONTENT)


@hooks.register("register_admin_menu_item")
def register_xliff_menu_item() -> MenuItem:
    return XliffMenuItem(
        _("Übersetzungen austauschen (XLIFF)"),
        reverse("translation_xliff"),
        name="translation-xliff",
        icon_name="doc-full",
        order=330,
    )


_ROOTS_ATTR = "_wir_xliff_roots"


def _exchange_roots(user: Any) -> tuple[frozenset[str], int | None]:
    """Tree paths of the regions where `user` may exchange translations, and the German
    locale id; once per user object, so the page listing asks no query per row."""
    cached = getattr(user, _ROOTS_ATTR, None)
    if cached is None:
        roots = frozenset(
            regions_where(user, Perm.TRANSLATE_CONTENT)
            .filter(root_page__isnull=False)
            .values_list("root_page__path", flat=True)
        )
        german = (
            Locale.objects.filter(language_code=DEFAULT_LANGUAGE)
            .values_list("pk", flat=True)
            .first()
        )
        cached = (roots, german)
        setattr(user, _ROOTS_ATTR, cached)
    return cached


@hooks.register("register_page_listing_more_buttons")
def xliff_page_buttons(page: Any, user: Any, next_url: str | None = None) -> Iterator[Button]:
    roots, german = _exchange_roots(user)
    if page.depth >= 3 and page.locale_id == german and page.path[:ROOT_PATH_LENGTH] in roots:
        url = reverse("translation_xliff")
        yield Button(
            _("Als XLIFF exportieren"),
            f"{url}?page={page.pk}&subtree=1",
            icon_name="download",
            priority=90,
        )


_REGIONS_ATTR = "_wir_xliff_regions"


def _exchange_regions(user: Any) -> dict[int, str]:
    """Region id → slug where `user` may exchange translations, once per user object."""
    cached: dict[int, str] | None = getattr(user, _REGIONS_ATTR, None)
    if cached is None:
        cached = dict(regions_where(user, Perm.TRANSLATE_CONTENT).values_list("pk", "slug"))
        setattr(user, _REGIONS_ATTR, cached)
    return cached


@hooks.register("register_snippet_listing_buttons")
def xliff_snippet_buttons(snippet: Any, user: Any, next_url: str | None = None) -> Iterator[Button]:
    kind = next(
        (kind for kind, (model, *_rest) in SNIPPETS.items() if isinstance(snippet, model)), None
    )
    if kind is None:
        return
    _roots, german = _exchange_roots(user)
    slug = _exchange_regions(user).get(getattr(snippet, "region_id", None) or 0)
    if slug is not None and snippet.locale_id == german:
        url = reverse("translation_xliff")
        yield Button(
            _("Als XLIFF exportieren"),
            f"{url}?region={slug}&object={kind}:{snippet.pk}",
            icon_name="download",
            priority=90,
        )


class GlossaryForm(RegionChoiceFormMixin, WagtailAdminModelForm):
    region_perm = Perm.EDIT_CONTENT

    def __init__(self, *args: Any, for_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_regions(for_user)


class GlossaryViewSet(RegionScopedViewSet):
    model = GlossaryTerm
    icon = "doc-full-inverse"
    menu_label = _("Glossar")
    add_to_admin_menu = True
    menu_order = 335
    list_display = [
        "term",
        "language_code",
        "translation",
        yes_no_column("do_not_translate", _("nicht übersetzen")),
        "region",
    ]
    list_filter = ["language_code", "do_not_translate"]
    search_fields = ["term", "translation"]
    edit_handler = ObjectList(
        [
            FieldPanel("region"),
            FieldPanel("term"),
            FieldPanel("language_code"),
            FieldPanel("translation"),
            FieldPanel("do_not_translate"),
            FieldPanel("note"),
        ],
        base_form_class=GlossaryForm,
    )


register_permission_policy(GlossaryTerm, RegionScopedPolicy(GlossaryTerm, Perm.EDIT_CONTENT))
register_snippet(GlossaryViewSet)
