"""Page types of the public guide.

The tree: Wagtail root → one RegionRootPage per region (slug = region slug) → one
RegionHomePage per language (slug = language code; translations of each other) → content.
So a page's url_path is /{region}/{language}/{path}/ and Wagtail computes public URLs itself.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_locales_display_names
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.memo import remember
from wir.portal.publication import subtree, visible
from wir.portal.routes import answer, context_for

ROOT_PATH_LENGTH = 8  # treebeard: 4 characters per level; region roots are at depth 2
HOME_PATH_LENGTH = ROOT_PATH_LENGTH + 4  # home pages (one per language) are at depth 3


class PortalPage(Page):
    """Base of the public page types: the context every public template needs."""

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(context_for("page", request, self))
        return context


class RegionRootPage(Page):
    """The top of a region's tree; not a page of its own, it leads to a language's home."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.RegionHomePage"]

    class Meta:
        verbose_name = _("Region (Seitenbaum)")
        verbose_name_plural = _("Regionen (Seitenbäume)")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return redirect(f"/{self.slug}/")


class RegionHomePage(RoutablePageMixin, PortalPage):
    """The start page of a region in one language (translations share a translation_key).

    Also answers /{region}/{language}/suche/ (search in that language).
    """

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.RegionRootPage"]
    subpage_types = [
        "portal.ContentPage",
        "portal.LegalPage",
        "portal.DirectoryPage",
        "portal.EventIndexPage",
        "portal.ContactsPage",
    ]
    template = "portal/region_home_page.html"

    class Meta:
        verbose_name = _("Startseite einer Sprache")
        verbose_name_plural = _("Startseiten der Sprachen")

    def get_admin_display_title(self) -> str:
        """In the back office, the start pages of German and Easy German (same title) are
        told apart by their language: "Willkommen … (Leichte Sprache)"."""
        title = str(super().get_admin_display_title())
        name = get_locales_display_names().get(self.locale_id)  # cached: no query a row
        if name is None or name == dict(settings.WAGTAIL_CONTENT_LANGUAGES)[DEFAULT_LANGUAGE]:
            return title
        return f"{title} ({name})"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(context_for("home", request, self))
        return context

    @path("suche/")
    def search(self, request: HttpRequest) -> HttpResponse:
        return answer("home.search", request, self)


class PageOrganisation(models.Model):
    """The organisation responsible for content pages (Integreat's `organization`):
    shown with the page; the public API serves it in Integreat's shape."""

    region = models.ForeignKey(
        "core.Region", on_delete=models.CASCADE, related_name="page_organisations"
    )
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kürzel"), max_length=200, allow_unicode=True)
    website = models.URLField(_("Webseite"), max_length=500, blank=True)
    logo_url = models.URLField(_("Adresse des Logos"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Verantwortliche Organisation")
        verbose_name_plural = _("Verantwortliche Organisationen")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "slug"], name="page_organisation_slug_per_region"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ContentPageForm(WagtailAdminPageForm):
    """The page editor's form: organisations to choose from are the page's region's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("organisation")
        if not isinstance(field, forms.ModelChoiceField):
            return
        page = self.instance if self.instance.pk else self.parent_page
        root_path = page.path[:ROOT_PATH_LENGTH] if page is not None else ""
        field.queryset = PageOrganisation.objects.filter(region__root_page__path=root_path)


class ContentPage(PortalPage):
    """An information page of the guide ("Erste Schritte", "Wohnen", ...)."""

    intro = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=400)
    body = RichTextField(
        _("Inhalt"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "image"],
    )
    organisation = models.ForeignKey(
        PageOrganisation,
        verbose_name=_("Verantwortliche Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("organisation"),
        InlinePanel("embedded_offers", label=_("Angebote auf dieser Seite")),
        InlinePanel("extras", label=_("Externe Werkzeuge auf dieser Seite")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["portal.RegionHomePage", "portal.ContentPage"]
    subpage_types = ["portal.ContentPage"]
    template = "portal/content_page.html"
    base_form_class = ContentPageForm

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(context_for("content", request, self))
        return context

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class PageOffer(Orderable):
    """An offer shown at the end of a content page ("Angebote auf dieser Seite")."""

    page = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="embedded_offers")
    offer = models.ForeignKey(
        "portal.Offer", verbose_name=_("Angebot"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("offer")]

    class Meta(Orderable.Meta):
        verbose_name = _("Angebot auf der Seite")
        verbose_name_plural = _("Angebote auf der Seite")


class PageExtra(Orderable):
    """An external tool shown on a content page: a job board, a contact form (Integreat's
    `embedded_offers`, which are not offers of our directory). `post` is the form data
    the app sends to the tool, kept as Integreat gives it."""

    page = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="extras")
    name = models.CharField(_("Name"), max_length=200)
    alias = models.SlugField(_("Kürzel"), max_length=100, allow_unicode=True)
    url = models.URLField(_("Adresse"), max_length=500, blank=True)
    thumbnail = models.URLField(_("Vorschaubild (Adresse)"), max_length=500, blank=True)
    post = models.JSONField(_("Formulardaten"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("alias"),
        FieldPanel("url"),
        FieldPanel("thumbnail"),
        FieldPanel("post"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Externes Werkzeug")
        verbose_name_plural = _("Externe Werkzeuge")


class LegalPage(PortalPage):
    """Imprint or privacy notice of a region."""

    class Kind(models.TextChoices):
        IMPRINT = "imprint", _("Impressum")
        PRIVACY = "privacy", _("Datenschutzerklärung")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    body = RichTextField(_("Inhalt"), features=["h2", "h3", "bold", "italic", "ul", "link"])

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["portal.RegionHomePage"]
    subpage_types: list[str] = []
    template = "portal/legal_page.html"

    class Meta:
        verbose_name = _("Impressum / Datenschutz")
        verbose_name_plural = _("Impressum / Datenschutz")


def legal_pages_for(page: Page) -> list[LegalPage]:
    """Imprint and privacy notice for the footer of `page`: in its language, else the German
    original of the same kind (the footer marks it as German)."""
    return remember(
        ("legal_pages_for", page.path[:ROOT_PATH_LENGTH], page.locale_id),
        lambda: _legal_pages(page.path[:ROOT_PATH_LENGTH], page.locale_id),
    )


def _legal_pages(root_path: str, locale_id: int) -> list[LegalPage]:
    candidates = visible(
        LegalPage.objects.filter(subtree(root_path), depth=4)
        .filter(models.Q(locale_id=locale_id) | models.Q(locale__language_code=DEFAULT_LANGUAGE))
        .select_related("locale")
    ).order_by("path")
    own = [legal for legal in candidates if legal.locale_id == locale_id]
    kinds = {legal.kind for legal in own}
    german = [legal for legal in candidates if legal.locale_id != locale_id]
    return own + [legal for legal in german if legal.kind not in kinds]


class RegionSectionPage(RoutablePageMixin, PortalPage):
    """A page that exists once per home page and lists things of the region (offers,
    events, contacts): an intro text, no child pages, its own sub-routes."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*PortalPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.RegionHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
