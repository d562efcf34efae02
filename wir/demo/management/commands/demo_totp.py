"""`manage.py demo_totp USER`: the current second-factor code of a demo account."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wir.demo.builder import DEMO_ACCOUNTS, demo_totp_key


class Command(BaseCommand):
    help = "Zeigt den aktuellen Zwei-Faktor-Code eines Demo-Kontos (nur mit DEBUG=1)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"]
        if not settings.DEBUG:
            raise CommandError("Nur in der Entwicklungsumgebung (DEBUG=1) verfügbar.")
        if username not in DEMO_ACCOUNTS:
            raise CommandError(f"{username!r} ist kein Demo-Konto.")
        device = TOTPDevice.objects.filter(
            user__username=username, key=demo_totp_key(username), confirmed=True
        ).first()
        if device is None:
            raise CommandError(f"{username!r} hat keinen Demo-Authenticator.")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        self.stdout.write(f"{code:0{device.digits}d}")
