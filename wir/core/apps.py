from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wir.core"
    label = "core"
    verbose_name = _("Grundlagen")

    def ready(self) -> None:
        from wagtail.models import Site

        from wir.core import lookups, richtext
        from wir.core.models import Area, RegionLanguage
        from wir.core.signals import (
            region_settings_changed,
            site_changed,
            sync_language_catalogue,
        )

        _choosers_ignore_malformed_ids()
        lookups.register()  # `pk__in` with a number beyond the column: no row, not a 500
        richtext.register()  # unreadable rich text: a form error, not a 500
        post_migrate.connect(sync_language_catalogue, sender=self)
        for model in (RegionLanguage, Area):
            post_save.connect(region_settings_changed, sender=model)
            post_delete.connect(region_settings_changed, sender=model)
        post_save.connect(site_changed, sender=Site)
        post_delete.connect(site_changed, sender=Site)


def _choosers_ignore_malformed_ids() -> None:
    """Wagtail's chooser widgets look the submitted id up to show the choice again; an id
    that is no number (a hand-made or hostile POST) raised ValueError there: a server error
    instead of the form's "invalid choice" message. Such an id now chooses nothing."""
    from django.core.exceptions import ValidationError
    from wagtail.admin.widgets.chooser import BaseChooser

    original = BaseChooser.get_instance

    def get_instance(self: BaseChooser, value: object) -> object:
        try:
            return original(self, value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None

    BaseChooser.get_instance = get_instance
