from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wir.core"
    label = "core"
    verbose_name = _("Grundlagen")

    def ready(self) -> None:
        from wir.core.signals import sync_language_catalogue

        post_migrate.connect(sync_language_catalogue, sender=self)
