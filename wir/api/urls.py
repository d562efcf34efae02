from django.urls import include, path, re_path

from wir.api.http import unknown_address

urlpatterns = [
    path("v1/", include("wir.api.v1.urls")),
    path("v3/", include("wir.api.integreat.urls")),
    re_path(r"^(?P<rest>.*)$", unknown_address),
]
