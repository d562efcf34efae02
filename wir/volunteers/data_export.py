"""A volunteer's own data as plain data (the JSON file under "Meine Daten", Art. 15/20 GDPR).

Everything the module keeps about the person in the profile's region: the profile, shifts,
hours, certificate facts, networks, the consents (with the mailing opt-in and when it was
withdrawn, e.g. through an unsubscribe link), every mailing delivered to them and their
registrations for trainings and network meetings with the waiting-list place.
"""

from __future__ import annotations

from typing import Any

from wir.privacy.models import Consent
from wir.volunteers import gathering_queries, optin
from wir.volunteers.models import Volunteer


def own_data(volunteer: Volunteer) -> dict[str, Any]:
    return {
        **_profile(volunteer),
        "schichten": [
            {
                "beginn": s.starts_at,
                "ende": s.ends_at,
                "einsatz": s.shift.opportunity.title,
                "status": s.status,
            }
            for s in volunteer.signups.select_related("shift__opportunity")
        ],
        "stunden": [
            {
                "datum": h.date,
                "stunden": h.hours,
                "taetigkeit": h.activity,
                "bestaetigt": h.approved,
            }
            for h in volunteer.hours.all()
        ],
        "fuehrungszeugnis": [
            {
                "ausgestellt": c.issued_on,
                "eingesehen": c.inspected_on,
                "eintragung": c.disqualifying,
            }
            for c in volunteer.certificates.all()
        ],
        "netzwerke": [network.name for network in volunteer.networks.all()],
        "einwilligungen": _consents(volunteer),
        "rundmail_abmeldung": _unsubscribed_at(volunteer),
        "rundmail_zustellungen": _deliveries(volunteer),
        "veranstaltungen": _registrations(volunteer),
    }


def _profile(volunteer: Volunteer) -> dict[str, Any]:
    return {
        "kennung": volunteer.code,
        "region": volunteer.region.name,
        "ansprache": volunteer.name,
        "telefon": volunteer.phone,
        "e_mail": volunteer.user.email if volunteer.user else "",
        "wohnort": volunteer.municipality.name if volunteer.municipality else "",
        "sprachen": [language.name_de for language in volunteer.languages.all()],
        "interessen": volunteer.interest_labels,
        "faehigkeiten": volunteer.skill_labels,
        "verfuegbarkeit": volunteer.availability_labels,
        "mit_minderjaehrigen": volunteer.works_with_minors,
        "rundmails": volunteer.newsletter,
        "status": volunteer.status,
        "angemeldet_am": volunteer.created_at,
    }


def _consents(volunteer: Volunteer) -> list[dict[str, Any]]:
    if volunteer.user_id is None:
        return []
    found = Consent.objects.filter(user_id=volunteer.user_id, region=volunteer.region_id)
    return [
        {
            "zweck": c.text.purpose,
            "fassung": c.text.version,
            "text": c.text.text,
            "erteilt_am": c.given_at,
            "widerrufen_am": c.withdrawn_at,
        }
        for c in found.select_related("text").order_by("given_at", "pk")
    ]


def _unsubscribed_at(volunteer: Volunteer) -> Any:
    """When the mailing opt-in was last withdrawn, if it is withdrawn now; else None."""
    if volunteer.newsletter or volunteer.user_id is None:
        return None
    last = (
        Consent.objects.filter(
            user_id=volunteer.user_id,
            region=volunteer.region_id,
            text__purpose=optin.PURPOSE,
            withdrawn_at__isnull=False,
        )
        .order_by("-withdrawn_at")
        .values_list("withdrawn_at", flat=True)
        .first()
    )
    return last


def _deliveries(volunteer: Volunteer) -> list[dict[str, Any]]:
    deliveries = volunteer.mailings.select_related("mailing__network").order_by(
        "mailing__created_at", "pk"
    )
    return [
        {
            "betreff": d.mailing.subject,
            "text": d.mailing.body,
            "netzwerk": d.mailing.network.name if d.mailing.network else "",
            "geschrieben_am": d.mailing.created_at,
            "zugestellt_am": d.sent_at,
        }
        for d in deliveries
    ]


def _registrations(volunteer: Volunteer) -> list[dict[str, Any]]:
    registrations = volunteer.gathering_registrations.select_related("gathering").order_by(
        "gathering__starts_at", "pk"
    )
    return [
        {
            "titel": r.gathering.title,
            "art": r.gathering.get_kind_display(),
            "beginn": r.gathering.starts_at,
            "ende": r.gathering.ends_at,
            "ort": r.gathering.location,
            "status": r.get_status_display(),
            "wartelistenplatz": gathering_queries.waiting_position(r) or None,
            "angemeldet_am": r.created_at,
            "nachgerueckt_am": r.moved_up_at,
            "abgemeldet_am": r.cancelled_at,
        }
        for r in registrations
    ]
