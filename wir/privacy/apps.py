from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "wir.privacy"
    label = "privacy"
    verbose_name = _("Datenschutz")

    def ready(self) -> None:
        # The User and third-party models are declared here: their apps cannot import us.
        from wir.privacy.declarations import (
            declare_accounts,
            declare_not_personal,
            declare_outbox,
        )

        declare_accounts()
        declare_outbox()
        declare_not_personal()
