"""The native read-only API /api/v1/ (django-ninja, OpenAPI 3.1)."""

from django.urls import path

from wir.api.v1.api import api

urlpatterns = [path("", api.urls)]
