"""The directory page ("Was ist wo?") with its filter list and the offer and place pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from wir.portal.models.pages import RegionSectionPage
from wir.portal.routes import answer


def offer_subpath(offer_id: int) -> str:
    """The offer's path relative to its directory page: the `offer` route below, filled in
    (what `DirectoryPage().reverse_subpage("offer", kwargs=...)` gives, without a resolver)."""
    return f"angebot/{offer_id}/"


def offer_path(directory: str, offer_id: int) -> str:
    """The offer's address below a directory page's URL or `url_path` (ending in "/"):
    relative, absolute or site-internal, as the directory's address given was."""
    return f"{directory}{offer_subpath(offer_id)}"


class DirectoryPage(RegionSectionPage):
    """Lists the region's offers with filters; /angebot/<id>/ and /ort/<id>/ below it."""

    class Meta:
        verbose_name = _("Verzeichnis „Was ist wo?“")
        verbose_name_plural = _("Verzeichnisse „Was ist wo?“")

    def offer_url(self, offer_id: int, request: HttpRequest | None = None) -> str:
        """The offer's public URL below this page (as `get_url` gives the page's)."""
        return offer_path(self.get_url(request) or "", offer_id)

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        return answer("directory.listing", request, self)

    @path("angebot/<int:offer_id>/")
    def offer(self, request: HttpRequest, offer_id: int) -> HttpResponse:
        return answer("directory.offer", request, self, offer_id)

    @path("ort/<int:place_id>/")
    def place(self, request: HttpRequest, place_id: int) -> HttpResponse:
        return answer("directory.place", request, self, place_id)
