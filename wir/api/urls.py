from django.urls import include, path

urlpatterns = [
    path("v1/", include("wir.api.v1.urls")),
    path("v3/", include("wir.api.integreat.urls")),
]
