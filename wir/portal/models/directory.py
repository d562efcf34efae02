"""The directory page ("Was ist wo?") with its filter list and the offer and place pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from wir.portal.models.pages import RegionSectionPage


class DirectoryPage(RegionSectionPage):
    """Lists the region's offers with filters; /angebot/<id>/ and /ort/<id>/ below it."""

    class Meta:
        verbose_name = _("Verzeichnis „Was ist wo?“")
        verbose_name_plural = _("Verzeichnisse „Was ist wo?“")

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from wir.portal.views.directory import directory_listing

        return directory_listing(request, self)

    @path("angebot/<int:offer_id>/")
    def offer(self, request: HttpRequest, offer_id: int) -> HttpResponse:
        from wir.portal.views.directory import offer_detail

        return offer_detail(request, self, offer_id)

    @path("ort/<int:place_id>/")
    def place(self, request: HttpRequest, place_id: int) -> HttpResponse:
        from wir.portal.views.directory import place_detail

        return place_detail(request, self, place_id)
