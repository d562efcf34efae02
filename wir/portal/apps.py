from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "wir.portal"
    label = "portal"
    verbose_name = _("Wegweiser „Was ist wo?“")

    def ready(self) -> None:
        from wir.portal.signals import sync_target_groups

        post_migrate.connect(sync_target_groups, sender=self)
