from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "wir.portal"
    label = "portal"
    verbose_name = _("Wegweiser „Was ist wo?“")

    def ready(self) -> None:
        from wagtail.fields import RichTextField

        from wir.portal.signals import sanitise_rich_text_fields, sync_target_groups

        post_migrate.connect(sync_target_groups, sender=self)
        for model in self.get_models():
            if any(isinstance(f, RichTextField) for f in model._meta.concrete_fields):
                pre_save.connect(sanitise_rich_text_fields, sender=model)
