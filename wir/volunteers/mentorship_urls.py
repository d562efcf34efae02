"""Addresses of the mentorship pages, mounted at /patenschaften/ (wir/urls.py)."""

from django.urls import path

from wir.volunteers import mentorship_views as views

app_name = "mentoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("meine/", views.mine, name="mine"),
    path(
        "meine/<int:mentorship_id>/neue-vermittlung/",
        views.ask_new_match,
        name="ask_new_match",
    ),
    path("haushalt/<int:household_id>/", views.household, name="household"),
    path("patenschaft/<int:mentorship_id>/", views.mentorship, name="mentorship"),
    path("<slug:region>/", views.overview, name="overview"),
    path("<slug:region>/haushalt/neu/", views.new_household, name="new_household"),
    path("<slug:region>/vorschlag/", views.proposal, name="proposal"),
]
