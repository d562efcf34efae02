from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "wir.translation"
    label = "translation"
    verbose_name = _("Übersetzung")

    def ready(self) -> None:
        from wir.translation.legacy import connect_signals

        connect_signals()
