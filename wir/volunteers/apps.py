from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _networks(region_id: int) -> list[tuple[int, str]]:
    """The region's volunteer networks (Helferkreise, Patennetzwerke), by name."""
    from wir.volunteers.models import Network

    return list(
        Network.objects.filter(region_id=region_id).order_by("name", "pk").values_list("pk", "name")
    )


class VolunteersConfig(AppConfig):
    name = "wir.volunteers"
    label = "volunteers"
    verbose_name = _("Ehrenamt")

    def ready(self) -> None:
        from wir.core import linkables
        from wir.volunteers import optin
        from wir.volunteers.guard import after_migrate

        optin.register()
        # Welcome concepts link volunteer networks by id (wir/core/linkables.py).
        linkables.register(linkables.VOLUNTEER_NETWORK, _("Ehrenamtsnetzwerke"), _networks)

        # SQLite loses triggers when Django rebuilds a table: put them back after migrate.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="volunteers_shift_guard")
