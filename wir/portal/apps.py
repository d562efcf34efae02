from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "wir.portal"
    label = "portal"
