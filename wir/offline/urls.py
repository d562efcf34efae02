"""Offline bundles and the installable web app (manifest, service worker)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
