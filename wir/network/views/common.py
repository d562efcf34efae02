"""What the network's views share: the signed-in user, errors of redirected forms."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from wir.accounts.models import User


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the views require a signed-in user
    return request.user


def report_errors(request: HttpRequest, form: forms.BaseForm) -> None:
    """A form answered by a redirect: its errors go with the messages."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))
