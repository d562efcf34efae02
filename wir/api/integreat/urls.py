"""The Integreat CMS API v3, as the Integreat app reads it (see docs/api.md)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
