from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "wir.volunteers"
    label = "volunteers"
    verbose_name = _("Ehrenamt")

    def ready(self) -> None:
        from wir.volunteers import optin
        from wir.volunteers.guard import after_migrate

        optin.register()

        # SQLite loses triggers when Django rebuilds a table: put them back after migrate.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="volunteers_shift_guard")
