from django.urls import path

from wir.sprachpool import site_views

app_name = "sprachpool_site"

urlpatterns = [
    path("", site_views.home, name="home"),
    path("mitmachen/<slug:region>/", site_views.signup, name="signup"),
    path("anfragen/neu/", site_views.new_request, name="new_request"),
    path("anfragen/<int:request_id>/", site_views.request_detail, name="request"),
    path("anfragen/<int:request_id>/aendern/", site_views.edit_request, name="edit_request"),
    path("abwesenheit/", site_views.absence, name="absence"),
    path("einsaetze/<int:assignment_id>/bestaetigen/", site_views.confirm, name="confirm"),
    path("einsaetze/<int:assignment_id>/kalender.ics", site_views.calendar, name="calendar"),
    path(
        "abrechnung/<int:year>-<int:month>.<str:fmt>",
        site_views.statement,
        name="statement",
    ),
    path(
        "einsaetze/<int:assignment_id>/<slug:action>/",
        site_views.answer,
        name="answer",
    ),
]
