"""Offline bundles and the installable web app (manifest, service worker)."""

from django.urls import URLPattern, URLResolver, path, re_path

from wir.offline import views

app_name = "offline"

urlpatterns: list[URLPattern | URLResolver] = [
    path("sw.js", views.service_worker, name="service_worker"),
    re_path(
        r"^blob/(?P<digest>[0-9a-f]{64})\.(?P<extension>[a-z0-9]{2,5})$",
        views.blob,
        name="blob",
    ),
    path("<slug:region>/gebiete.json", views.area_map, name="area_map"),
    path("<slug:region>/<str:language>/", views.save_page, name="save"),
    path("<slug:region>/<str:language>/nicht-gespeichert/", views.not_saved, name="not_saved"),
    path("<slug:region>/<str:language>/manifest.json", views.bundle_manifest, name="manifest"),
    path(
        "<slug:region>/<str:language>/app.webmanifest", views.web_app_manifest, name="app_manifest"
    ),
    path("<slug:region>/<str:language>/search-index.json", views.search_index, name="search_index"),
]
