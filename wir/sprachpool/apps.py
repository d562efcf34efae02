from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SprachpoolConfig(AppConfig):
    name = "wir.sprachpool"
    label = "sprachpool"
    verbose_name = _("Sprachpool")

    def ready(self) -> None:
        from wir.sprachpool import privacy
        from wir.sprachpool.guard import after_migrate

        privacy.register()
        # SQLite loses triggers when Django rebuilds a table: put them back after migrate.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="sprachpool_overlap_guard")
