"""The person's own page "Meine Daten": see and download their data (JSON, PDF), withdraw a
consent, delete their account. Each step that changes something asks for confirmation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wir.accounts.models import User
from wir.privacy import audit, consent, documents, subject
from wir.privacy.forms import ConfirmForm, DeleteAccountForm
from wir.privacy.models import AuditAction, Consent

SELF_ERASURE = "Löschung durch die Person selbst"


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the views require a signed-in user
    return request.user


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    data = subject.export(user)
    return render(
        request,
        "privacy/site/my_data.html",
        {
            "data": data,
            "consents": Consent.objects.filter(user=user)
            .select_related("text", "region")
            .order_by("-given_at"),
        },
    )


@login_required
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("json", "pdf"):
        raise Http404("Format nicht gefunden")
    user = _user(request)
    data = subject.export(user)
    audit.record(user, AuditAction.EXPORTED, user)
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        body, kind = documents.as_json(data), "application/json"
    else:
        body, kind = documents.as_pdf(data), "application/pdf"
    return HttpResponse(
        body,
        content_type=kind,
        headers={"Content-Disposition": f'attachment; filename="meine-daten-{stamp}.{fmt}"'},
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    user = _user(request)
    chosen = (
        Consent.objects.filter(pk=consent_id, user=user, withdrawn_at__isnull=True)
        .select_related("text", "region")
        .first()
    )
    if chosen is None:
        raise Http404("Einwilligung nicht gefunden")
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            consent.withdraw(user, chosen.text.purpose, chosen.region, by=user)
        except consent.ConsentError:
            raise Http404("Einwilligung nicht gefunden") from None
        messages.success(request, _("Sie haben Ihre Einwilligung widerrufen."))
        return redirect("privacy_site:my_data")
    return render(request, "privacy/site/withdraw.html", {"consent": chosen, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.is_superuser:
        # The platform's administrators are removed by the operator, so that none is left
        # without a successor by accident.
        messages.error(request, _("Konten der Plattform-Administration löscht der Betrieb."))
        return redirect("privacy_site:my_data")
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        subject.erase(user, by=user, reason=SELF_ERASURE)
        logout(request)
        return render(request, "privacy/site/deleted.html")
    return render(request, "privacy/site/delete.html", {"form": form})
