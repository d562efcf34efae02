from django.urls import path

from wir.privacy import site_views

app_name = "privacy_site"

urlpatterns = [
    path("", site_views.my_data, name="my_data"),
    path("download.<str:fmt>", site_views.download, name="download"),
    path("einwilligung/<int:consent_id>/widerrufen/", site_views.withdraw, name="withdraw"),
    path("konto-loeschen/", site_views.delete_account, name="delete_account"),
]
