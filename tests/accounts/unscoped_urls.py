"""The project's URLs plus a deliberately unscoped view, for the matrix's control test."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views import View

from wir.portal.models import Offer
from wir.urls import urlpatterns as project_urlpatterns


class UnscopedUnpublish(View):
    """Forgets to ask `wir.accounts.permissions.can`: shows any draft, unpublishes any offer."""

    model: Any = None

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        drafts = Offer.objects.filter(live=False).values_list("title", flat=True)
        return HttpResponse(", ".join(drafts))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        Offer.objects.filter(pk=pk).update(live=False)
        return HttpResponse("zurückgezogen")


urlpatterns = [
    path(
        "kontrolle/angebot/<int:pk>/zurueckziehen/",
        UnscopedUnpublish.as_view(model=Offer),
        name="control_unscoped",
    ),
    path(
        "admin/kontrolle/angebot/<int:pk>/zurueckziehen/",
        UnscopedUnpublish.as_view(),  # a new admin route nobody taught the gate
        name="control_unscoped_admin",
    ),
    *project_urlpatterns,
]
