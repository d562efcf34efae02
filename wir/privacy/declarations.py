"""Declarations for models the project does not define itself: accounts (the User lives in
`accounts`, which may not import privacy), the second-factor devices and the sign-in log;
and the fields that look personal but are not (`not_personal`), each with its reason.

Loaded once from `PrivacyConfig.ready()`. Modules declare their own models next to them.
"""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from wir.accounts.models import User
from wir.core.models import OutboxMail
from wir.privacy.registry import (
    ERASE_ANONYMISE,
    ERASE_DELETE,
    SELF,
    Retention,
    declare,
    not_personal,
)

# What an anonymised account is called: unique, says what happened, names nobody.
ERASED_USERNAME_PREFIX = "geloescht-"
INACTIVE_ACCOUNT_MONTHS = 24
SIGN_IN_LOG_MONTHS = 3


def _by_username(user: Any) -> Q:
    return Q(username=user.get_username())


def declare_accounts() -> None:
    declare(
        User,
        fields=(
            "username",
            "first_name",
            "last_name",
            "email",
            "password",
            "last_login",
            "is_active",
        ),
        purpose=_("Anmeldung; Rollen in Regionen; Benachrichtigungen per E-Mail"),
        legal_basis=_("Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 HDSIG; bei Ehrenamt lit. a"),
        retention=Retention(
            months=INACTIVE_ACCOUNT_MONTHS,
            since="last_login",
            since_fallback="date_joined",
            action=ERASE_ANONYMISE,
            description=_("24 Monate nach der letzten Anmeldung anonymisiert"),
            # Platform administrators and already anonymised accounts are left alone.
            applies=Q(is_superuser=False) & ~Q(username__startswith=ERASED_USERNAME_PREFIX),
        ),
        subject=SELF,
        region=None,
        anonymised={
            "username": Concat(Value(ERASED_USERNAME_PREFIX), Cast("pk", output_field=CharField())),
            # Django reads a password starting with "!" as unusable.
            "password": UNUSABLE_PASSWORD_PREFIX,
            "is_active": False,
        },
        visible_to=_("Koordination der Regionen, in denen das Konto eine Rolle hat"),
        concerns=_("Mitarbeitende, Fachdienste, Sprachmittler*innen, Ehrenamtliche"),
    )
    for device, title in (
        (TOTPDevice, _("Zweiter Faktor (App)")),
        (StaticDevice, _("Zweiter Faktor (Notfallcodes)")),
    ):
        declare(
            device,
            title=title,
            fields=("name",),
            purpose=_("Zweiter Faktor der Anmeldung"),
            legal_basis=_("Art. 32 DSGVO (Sicherheit der Verarbeitung)"),
            retention=None,
            erase=ERASE_DELETE,
            subject="user",
            region=None,
            visible_to=_("niemand (nur das Anmeldeverfahren)"),
            concerns=_("Konten mit zweitem Faktor"),
        )
    # The sign-in log (django-axes): user names and IP addresses of attempts.
    for log, title in (
        (AccessAttempt, _("Anmeldeversuche")),
        (AccessLog, _("Anmeldungen")),
        (AccessFailureLog, _("Fehlgeschlagene Anmeldungen")),
    ):
        declare(
            log,
            title=title,
            fields=("username", "ip_address", "user_agent"),
            purpose=_("Schutz vor dem Erraten von Passwörtern"),
            legal_basis=_("Art. 6 Abs. 1 lit. e, Art. 32 DSGVO"),
            retention=Retention(
                months=SIGN_IN_LOG_MONTHS,
                since="attempt_time",
                action=ERASE_DELETE,
                description=_("3 Monate nach dem Anmeldeversuch gelöscht"),
            ),
            subject=None,
            subject_filter=_by_username,
            region=None,
            visible_to=_("Betrieb (Plattform-Administration)"),
            concerns=_("Personen, die sich anmelden"),
        )


def declare_outbox() -> None:
    """The mail outbox (wir/core/outbox.py; core may not import privacy): addresses and
    texts of mails until they are sent (then emptied), failed ones until read or deleted."""
    declare(
        OutboxMail,
        fields=("subject", "message", "last_error"),
        purpose=_("Mails zu Buchungen, Anmeldungen und Einladungen zuverlässig zustellen"),
        legal_basis=_("Art. 6 Abs. 1 lit. b und e DSGVO"),
        retention=Retention(
            months=1,
            since="created_at",
            action=ERASE_DELETE,
            description=_("1 Monat nach dem Anlegen gelöscht (gesendete sofort geleert)"),
        ),
        subject=None,
        subject_filter=_by_address,
        region=None,
        visible_to=_("Betrieb (Plattform-Administration)"),
        concerns=_("Empfänger von Mails der Plattform"),
    )


def _by_address(user: Any) -> Q:
    return Q(message__to__icontains=user.email) if user.email else Q(pk__in=[])


def declare_not_personal() -> None:
    """Fields named like personal data that hold none (the completeness test reads these)."""
    reason_place = "Name einer Sache (Region, Ort, Sprache, Gruppe), keine Person"
    for label in (
        "core.language",
        "core.region.name",
        "core.area.name",
        "portal.targetgroup.name",
        "portal.pageorganisation.name",  # an organisation responsible for pages
        "portal.pageextra.name",  # an external tool shown on a page
        "taggit.tag.name",
        "auth.group.name",
        "auth.permission.name",
        "wagtailcore.collection.name",
        "wagtailcore.workflow.name",
        "wagtailcore.task.name",
        "wagtailcore.groupapprovaltask.name",
        "wagtailcore.site.site_name",
        "wagtailcore.apitoken.name",  # the label of an API token
        "wagtail_localize.stringtranslation.tool_name",  # the MT service's name
        "wagtailembeds.embed",  # author/provider of public embedded media (oEmbed)
        "volunteers.network.name",  # a Helferkreis or Patennetzwerk
    ):
        not_personal(label, reason_place)
    not_personal(
        "sprachpool.poolrules.address_after_acceptance",
        "eine Regel der Region (ob die Adresse erst nach Zusage gezeigt wird), keine Adresse",
    )
    # Public contact details of offices and offers: functional addresses (a service's
    # phone and mailbox), published on purpose. docs/datenschutz.md asks editors to enter
    # roles, not people; if a person is named, they agreed to be published.
    for label in (
        "portal.place.name",
        "portal.place.street",
        "portal.place.postcode",
        "portal.contact.phone",
        "portal.contact.email",
        "portal.offer.contact_phone",
        "portal.offer.contact_email",
        "portal.event.contact_email",
    ):
        not_personal(label, "öffentliche Kontaktangabe einer Stelle (Funktion, keine Person)")
