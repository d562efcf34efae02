"""Users whose roles require a second factor can do nothing until they have set one up."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from wir.accounts.permissions import is_verified, requires_two_factor


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not is_verified(user)
            and requires_two_factor(user)
            and not self._allowed(request.path)
        ):
            return redirect(reverse("accounts:two_factor_setup"))
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        allowed = (
            reverse("accounts:two_factor_setup"),
            reverse("accounts:logout"),
            settings.STATIC_URL,
        )
        return path.startswith(allowed)
