"""A network's own coordination (Helferkreis, Patennetzwerk): the people named as its
coordinators — volunteers or staff — see its members, its coming trainings and meetings,
and write mailings to its members. Only their own network: others are "not found".

Members' details are personal data of other people, so the page asks for the second factor
like the back office does (there every coordination account must have one): a session not
confirmed with a code goes to setting one up (or, with a device, to signing in again) and
comes back here."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wir.accounts.permissions import is_verified
from wir.privacy import audit
from wir.privacy.models import AuditAction
from wir.volunteers import mailing, queries
from wir.volunteers.actions import Refused
from wir.volunteers.mailing_views import MailingForm
from wir.volunteers.models import Volunteer
from wir.volunteers.models_events import Gathering


class NetworkMailingForm(forms.Form):
    subject = MailingForm.base_fields["subject"]
    body = MailingForm.base_fields["body"]


def _members(network_id: int) -> list[Volunteer]:
    return list(
        Volunteer.objects.filter(networks__pk=network_id)
        .exclude(status__in=[Volunteer.Status.ANONYMISED, Volunteer.Status.UNCONFIRMED])
        .select_related("municipality")
        .prefetch_related("tags")
        .order_by("code")
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_page(request: HttpRequest, network_id: int) -> HttpResponse:
    network = queries.access_coordinated_network(request.user, network_id)
    if not is_verified(request.user):
        wanted = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:two_factor_setup')}?{wanted}")
    form = NetworkMailingForm(request.POST or None)
    key = request.POST.get("key", "") if request.method == "POST" else ""
    audience = mailing.Audience(network=network)
    members = _members(network.pk)
    context: dict[str, Any] = {
        "network": network,
        "members": members,
        "gatherings": Gathering.objects.filter(network=network, starts_at__gt=timezone.now())
        .select_related("area")
        .order_by("starts_at")[:20],
        "form": form,
        "key": key or secrets.token_urlsafe(24),
        "count": None,
    }
    if request.method == "POST" and form.is_valid():
        if request.POST.get("step") != "send":
            context["count"] = mailing.recipients(network.region, audience).distinct().count()
        else:
            data = form.cleaned_data
            try:
                sent = mailing.send_mailing(
                    request.user,
                    network.region,
                    audience,
                    subject=data["subject"],
                    body=data["body"],
                    key=key,
                )
            except Refused as refused:
                form.add_error(None, refused.message)
            else:
                count = sent.mailing.recipient_count
                messages.success(
                    request, _("Die Rundmail geht an %(count)s Personen.") % {"count": count}
                )
                return redirect("volunteers:my_network", network_id=network.pk)
    audit.record_many(request.user, AuditAction.VIEWED, members)
    status = 400 if form.errors else 200
    return render(request, "volunteers/my_network.html", context, status=status)
