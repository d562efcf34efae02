from django.urls import path

from wir.volunteers import (
    coordination,
    gathering_views,
    mailing_views,
    network_coordination,
    views,
)

app_name = "volunteers"

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:region>/mitmachen/", views.signup, name="signup"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("schichten/<int:shift_id>/anmelden/", views.sign_up, name="sign_up"),
    path("schichten/<int:shift_id>/kalender.ics", views.shift_calendar, name="shift_ics"),
    path("anmeldungen/<int:shiftsignup_id>/abmelden/", views.cancel, name="cancel"),
    path("kalender/<str:token>.ics", views.feed, name="feed"),
    path(
        "veranstaltungen/<int:gathering_id>/anmelden/",
        views.register_gathering,
        name="register_gathering",
    ),
    path(
        "veranstaltungen/anmeldungen/<int:gatheringregistration_id>/abmelden/",
        views.cancel_gathering,
        name="cancel_gathering",
    ),
    path("netzwerk/<int:network_id>/", network_coordination.network_page, name="my_network"),
    path("stunden/", views.log_hours, name="log_hours"),
    path("stunden/nachweis.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("meine-daten/", views.my_data, name="my_data"),
    path("meine-daten/export.json", views.export, name="export"),
    path("meine-daten/widerrufen/", views.withdraw, name="withdraw"),
    path("rundmails/abmelden/<str:token>/", mailing_views.unsubscribe, name="unsubscribe"),
    # Coordination
    path("koordination/", coordination.start, name="coordination"),
    path("koordination/<slug:region>/", coordination.volunteer_list, name="volunteers"),
    path(
        "koordination/ehrenamtliche/<int:volunteer_id>/",
        coordination.volunteer_detail,
        name="volunteer",
    ),
    path(
        "koordination/ehrenamtliche/<int:volunteer_id>/nachweis.pdf",
        coordination.volunteer_pdf,
        name="volunteer_pdf",
    ),
    path("koordination/<slug:region>/netzwerke/", coordination.network_list, name="networks"),
    path("koordination/netzwerke/<int:network_id>/", coordination.network_detail, name="network"),
    path(
        "koordination/<slug:region>/einsaetze/",
        coordination.opportunity_list,
        name="opportunities",
    ),
    path(
        "koordination/einsaetze/<int:opportunity_id>/",
        coordination.opportunity_detail,
        name="opportunity",
    ),
    path("koordination/schichten/<int:shift_id>/", coordination.shift_detail, name="shift"),
    path("koordination/<slug:region>/stunden/", coordination.hours_list, name="hours"),
    path(
        "koordination/stunden/<int:hoursentry_id>/",
        coordination.hours_decide,
        name="hours_decide",
    ),
    path("koordination/<slug:region>/ehrenamts-card/", coordination.card_report, name="card"),
    path("koordination/<slug:region>/regeln/", coordination.rules, name="rules"),
    path(
        "koordination/<slug:region>/veranstaltungen/",
        gathering_views.gathering_list,
        name="gatherings",
    ),
    path(
        "koordination/veranstaltungen/<int:gathering_id>/",
        gathering_views.gathering_detail,
        name="gathering",
    ),
    path("koordination/<slug:region>/rundmails/", mailing_views.mailings, name="mailings"),
]
