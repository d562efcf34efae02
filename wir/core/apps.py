from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wir.core"
    label = "core"
    verbose_name = _("Grundlagen")

    def ready(self) -> None:
        from wir.core.models import Area, RegionLanguage
        from wir.core.signals import region_settings_changed, sync_language_catalogue

        post_migrate.connect(sync_language_catalogue, sender=self)
        for model in (RegionLanguage, Area):
            post_save.connect(region_settings_changed, sender=model)
            post_delete.connect(region_settings_changed, sender=model)
