from django.urls import path

from wir.accounts import views

app_name = "accounts"

urlpatterns = [
    path("anmelden/", views.login_view, name="login"),
    path("anmelden/code/", views.login_code_view, name="login_code"),
    path("zwei-faktor/", views.two_factor_setup_view, name="two_factor_setup"),
    path("abmelden/", views.logout_view, name="logout"),
    path("bereich/", views.area_pending, name="area_pending"),
    path("einladung/<str:uidb64>/<str:token>/", views.invitation, name="invitation"),
]
