from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SprachpoolConfig(AppConfig):
    name = "wir.sprachpool"
    label = "sprachpool"
    verbose_name = _("Sprachpool")
