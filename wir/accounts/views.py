"""Sign-in with password and a second factor (TOTP), and the set-up of that factor."""

from __future__ import annotations

import base64
import time
from typing import Any
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from wir.accounts.forms import LoginForm, TokenForm
from wir.accounts.landing import landing_url, other_areas
from wir.accounts.permissions import is_verified, requires_two_factor, roles_by_region

PENDING_KEY = "wir_pending_login"
PENDING_SECONDS = 300


def _next_url(request: HttpRequest, user: Any = None) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    user = user if user is not None else request.user
    return landing_url(user)


def _confirmed_totp(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if getattr(request, "axes_locked_out", False):
            return locked_out(request)
        if user is None:
            form.add_error(None, _("Benutzername oder Passwort ist falsch."))
        elif _confirmed_totp(user) is not None:
            # The password alone does not sign in: the session holds only a short-lived
            # marker until the code is given.
            request.session.cycle_key()
            request.session[PENDING_KEY] = {
                "user": user.pk,
                "backend": user.backend,
                "since": time.time(),
                "next": _next_url(request, user),
            }
            return redirect("accounts:login_code")
        else:
            login(request, user)
            if requires_two_factor(user):
                return redirect("accounts:two_factor_setup")
            return HttpResponseRedirect(_next_url(request, user))
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def login_code_view(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - float(pending["since"]) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return redirect("accounts:login")
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    device = _confirmed_totp(user) if user else None
    if user is None or device is None:
        request.session.pop(PENDING_KEY, None)
        return redirect("accounts:login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _check_token(device, form):
        del request.session[PENDING_KEY]
        user.backend = pending["backend"]
        login(request, user)
        otp_login(request, device)
        return HttpResponseRedirect(pending["next"])
    return render(
        request, "accounts/login_code.html", {"form": form}, status=400 if form.errors else 200
    )


def _check_token(device: TOTPDevice, form: TokenForm) -> bool:
    """Verify the code; on failure put the reason on the form. django-otp throttles."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error(
            None, _("Zu viele falsche Codes. Bitte warten Sie kurz und versuchen es erneut.")
        )
        return False
    if device.verify_token(form.cleaned_data["token"]):
        return True
    form.add_error("token", _("Der Code ist falsch oder abgelaufen."))
    return False


def _qr_svg_data_uri(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def two_factor_setup_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    user = request.user
    if is_verified(user):
        return redirect(_next_url(request))
    back = _next_url(request)
    if _confirmed_totp(user) is not None:
        # A device exists but this session was not verified with it: sign in again, then
        # on to where the person was going.
        logout(request)
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': back})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _check_token(device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(back)
    context = {
        "form": form,
        "next": back,
        "qr_data_uri": _qr_svg_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode("ascii"),
    }
    return render(
        request, "accounts/two_factor_setup.html", context, status=400 if form.errors else 200
    )


def _invited_user(uidb64: str, token: str) -> Any:
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link of an invitation: set a password once, then sign in (and set up the
    second factor where the role needs it)."""
    user = _invited_user(uidb64, token)
    if user is None:
        return render(request, "accounts/invitation.html", {"invalid": True}, status=404)
    form = SetPasswordForm(user, request.POST or None)
    for field in form.fields.values():
        field.widget.attrs["class"] = "kern-form-input__input"
    if request.method == "POST" and form.is_valid():
        form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if requires_two_factor(user):
            return redirect("accounts:two_factor_setup")
        return HttpResponseRedirect(landing_url(user))
    return render(
        request,
        "accounts/invitation.html",
        {"form": form, "invited": user},
        status=400 if form.errors else 200,
    )


@login_required
def area_pending(request: HttpRequest) -> HttpResponse:
    """For roles whose area is not built yet (or users without a role): say so, instead of
    sending them back to the sign-in form."""
    return render(
        request,
        "accounts/area_pending.html",
        {"has_role": bool(roles_by_region(request.user)), "areas": other_areas(request.user)},
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("/")


def locked_out(request: HttpRequest, response: Any = None, credentials: Any = None) -> HttpResponse:
    """django-axes answers a locked-out sign-in with this page (429)."""
    form = LoginForm(request.POST)
    form.is_valid()  # a bound form, so that the message can be attached to it
    form.add_error(
        None,
        _(
            "Zu viele fehlgeschlagene Anmeldeversuche. Aus Sicherheitsgründen ist die Anmeldung "
            "für dieses Konto von Ihrem Gerät aus für 15 Minuten gesperrt."
        ),
    )
    return render(request, "accounts/login.html", {"form": form}, status=429)
