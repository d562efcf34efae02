from django.urls import include, path, re_path

from wir.api.http import unknown_address

urlpatterns = [
    path("v1/", include("wir.api.v1.urls")),
    path("v3/", include("wir.api.integreat.urls")),
    # Last: whatever is left below /api/ (a leaf "^" matches any rest of the path).
    re_path(r"^", unknown_address, name="api_unknown"),
]
