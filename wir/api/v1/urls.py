"""The native read-only API /api/v1/ (django-ninja, OpenAPI 3.1)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
