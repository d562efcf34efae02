"""The Integreat CMS API v3, as the Integreat app reads it (see docs/integreat-api.md)."""

from django.urls import URLPattern, URLResolver, include, path, re_path

from wir.api.integreat import feedback, views

content_patterns: list[URLPattern | URLResolver] = [
    path("languages/", views.languages, name="languages"),
    path("pages/", views.pages, name="pages"),
    path("children/", views.children, name="children"),
    path("page/", views.single_page, name="page"),
    path("post/", views.single_page),
    path("parents/", views.parents, name="parents"),
    path("events/", views.events, name="events"),
    path("locations/", views.locations, name="locations"),
    path("imprint/", views.imprint, name="imprint"),
    path("disclaimer/", views.imprint),
    path("offers/", views.offers),
    path("extras/", views.offers),
    # The app asks for news without a trailing slash; older apps use fcm/ (another shape).
    re_path(r"^news/?$", views.news, name="news"),
    re_path(r"^news/(?P<news_id>[^/]+)/?$", views.news_item, name="news_item"),
    path("fcm/", views.push_news, name="push_news"),
    re_path(r"^feedback/(?P<kind>[\w-]+)/?$", feedback.feedback_view, name="feedback"),
]

app_name = "integreat"
urlpatterns: list[URLPattern | URLResolver] = [
    path("regions/", views.regions, name="regions"),
    path("regions/<slug:region>/", views.region_detail, name="region"),
    path("<slug:region>/languages/", views.languages),
    path("<slug:region>/offers/", views.offers),
    path("<slug:region>/<str:language>/", include(content_patterns)),
]
