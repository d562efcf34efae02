from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "wir.demo"
    label = "demo"
