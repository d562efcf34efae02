"""Mail to mediators and departments: offers with a signed link, confirmations with an
iCalendar attachment, cancellations. Through Django's mail backends; sent after commit.

Mails name no client: time, municipality, language and setting are enough to decide.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from wir.sprachpool.models import Assignment, MediationRequest, PoolRules

TOKEN_SALT = "wir.sprachpool.offer"  # noqa: S105 (a namespace for signing, not a secret)


def offer_token(assignment: Assignment) -> str:
    return signing.dumps({"a": assignment.pk, "m": assignment.mediator_id}, salt=TOKEN_SALT)


def assignment_from_token(token: str) -> Assignment | None:
    """The offer a link is for, or None when the link is forged, altered or unknown."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    assignment_id, mediator_id = data.get("a"), data.get("m")
    if not isinstance(assignment_id, int) or not isinstance(mediator_id, int):
        return None
    return (
        Assignment.objects.filter(pk=assignment_id, mediator_id=mediator_id)
        .select_related(
            "request__language", "request__area", "request__region", "mediator__home_area"
        )
        .first()
    )


def _when(request: MediationRequest) -> str:
    starts = timezone.localtime(request.starts_at)
    ends = timezone.localtime(request.ends_at)
    return f"{starts:%d.%m.%Y}, {starts:%H:%M}–{ends:%H:%M} Uhr"


def _one_line(text: str) -> str:
    """Free text that stands in a field: line breaks become spaces, so it cannot start a
    field of its own."""
    return " ".join(text.split())


def facts(request: MediationRequest, address: bool = False) -> list[tuple[str, str]]:
    """The request's fields as label and value, each value on one line; the exact address
    only with `address` (after acceptance, unless the region shows it with the offer)."""
    place = request.area.name if request.area else request.get_mode_display()
    language = request.language.name_de
    if request.dialect.strip():
        language += f" ({_one_line(request.dialect)})"
    lines = [
        ("Termin", _when(request)),
        ("Sprache", language),
        ("Art", str(request.get_mode_display())),
        ("Ort", _one_line(place)),
    ]
    if address and request.address.strip():
        lines.append(("Adresse", _one_line(request.address)))
    lines.append(("Bereich", str(request.get_setting_display())))
    return lines


def shows_address(assignment: Assignment, rules: PoolRules | None = None) -> bool:
    """Whether the mediator may see the exact address of this offer or booking."""
    if assignment.status in (Assignment.Status.ACCEPTED, Assignment.Status.DONE):
        return True
    if assignment.status != Assignment.Status.OFFERED:
        return False
    rules = rules or PoolRules.for_region(assignment.request.region_id)
    return not rules.address_after_acceptance


NOTES_HEADING = "Hinweise der anfragenden Stelle (Freitext)"


def notes_block(notes: str) -> str:
    """The notes as one quoted block: every line starts with "> ", so that nothing written
    into them can pass for a field of the offer."""
    lines = [line.rstrip() for line in notes.strip().splitlines()]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"{NOTES_HEADING}:\n{quoted}"


def _what(request: MediationRequest, address: bool = True) -> str:
    text = "\n".join(f"{label}: {value}" for label, value in facts(request, address))
    if request.notes.strip():
        text += "\n\n" + notes_block(request.notes)
    return text


def _url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mediator_address(assignment: Assignment) -> list[str]:
    user = assignment.mediator.user
    return [user.email] if user is not None and user.email else []


def calendar_file(assignment: Assignment) -> bytes:
    request = assignment.request
    cal = Calendar()
    cal.add("prodid", "-//WIR-Plattform//Sprachpool//DE")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    entry = CalendarEvent()
    entry.add("uid", f"sprachpool-{assignment.pk}@wir-plattform")
    entry.add("dtstamp", datetime.now(tz=timezone.get_current_timezone()))
    # A changed booking keeps its UID; the higher sequence makes calendars take the change.
    entry.add("sequence", int(assignment.updated_at.timestamp()) if assignment.updated_at else 0)
    entry.add("dtstart", timezone.localtime(request.starts_at))
    entry.add("dtend", timezone.localtime(request.ends_at))
    entry.add("summary", f"Sprachmittlung {request.language.name_de} ({assignment.mediator.code})")
    place = request.area.name if request.area else str(request.get_mode_display())
    if request.address.strip():
        place = _one_line(request.address) + (f", {place}" if request.area else "")
    entry.add("location", place)
    entry.add("description", _what(request))
    cal.add_component(entry)
    return bytes(cal.to_ical())


def offer_sent(assignment: Assignment) -> int:
    to = _mediator_address(assignment)
    if not to:
        return 0
    link = _url(reverse("sprachpool_offer_link", args=[offer_token(assignment)]))
    body = (
        "Guten Tag,\n\nder Sprachpool bietet Ihnen einen Einsatz an:\n\n"
        f"{_what(assignment.request, shows_address(assignment))}\n\n"
        f"Annehmen oder ablehnen: {link}\n\n"
        "Der Link gilt, solange das Angebot offen ist. Wer zuerst annimmt, erhält den "
        "Einsatz.\n\nIhre WIR-Koordination"
    )
    return EmailMessage("Sprachpool: Angebot für einen Einsatz", body, to=to).send()


def booked(assignment: Assignment, connection: BaseEmailBackend | None = None) -> int:
    """Confirmation to the mediator and the department, each with the appointment file."""
    request = assignment.request
    sent = 0
    ics = calendar_file(assignment)
    recipients = [
        (_mediator_address(assignment), "Sie haben den Einsatz übernommen."),
        (
            [request.requested_by.email] if request.requested_by.email else [],
            f"Die Sprachmittlung {assignment.mediator.code} hat Ihre Anfrage übernommen.",
        ),
    ]
    for to, intro in recipients:
        if not to:
            continue
        message = EmailMessage(
            "Sprachpool: Einsatz bestätigt",
            f"Guten Tag,\n\n{intro}\n\n{_what(request)}\n\nIhre WIR-Koordination",
            to=to,
            connection=connection,
        )
        message.attach(f"einsatz-{assignment.pk}.ics", ics, "text/calendar")
        sent += message.send()
    return sent


def cancelled(
    assignment: Assignment, by_mediator: bool, connection: BaseEmailBackend | None = None
) -> int:
    """Tell the other side that a booking was cancelled."""
    request = assignment.request
    if by_mediator:
        to = [request.requested_by.email] if request.requested_by.email else []
        intro = (
            "Die Sprachmittlung hat den Einsatz abgesagt. Die Koordination sucht eine "
            "andere Person."
        )
    else:
        to = _mediator_address(assignment)
        intro = "Der Einsatz wurde abgesagt."
    if not to:
        return 0
    body = (
        f"Guten Tag,\n\n{intro}\n\n{_what(request)}\n\n"
        f"Grund: {assignment.cancel_reason or '—'}\n\nIhre WIR-Koordination"
    )
    return EmailMessage("Sprachpool: Einsatz abgesagt", body, to=to, connection=connection).send()


def changed(assignment: Assignment, connection: BaseEmailBackend | None = None) -> int:
    """The department changed a booked request: the mediator gets the new details and
    the appointment file again (same UID, so calendars update the entry)."""
    to = _mediator_address(assignment)
    if not to:
        return 0
    message = EmailMessage(
        "Sprachpool: Einsatz geändert",
        "Guten Tag,\n\ndie anfragende Stelle hat den Einsatz geändert. Es gilt jetzt:\n\n"
        f"{_what(assignment.request)}\n\nIhre WIR-Koordination",
        to=to,
        connection=connection,
    )
    message.attach(f"einsatz-{assignment.pk}.ics", calendar_file(assignment), "text/calendar")
    return message.send()


def reminder(assignment: Assignment) -> int:
    """The day before: to the mediator and the department."""
    request = assignment.request
    sent = 0
    for to in (
        _mediator_address(assignment),
        [request.requested_by.email] if request.requested_by.email else [],
    ):
        if to:
            body = (
                f"Guten Tag,\n\nzur Erinnerung: morgen ist der Einsatz "
                f"mit {assignment.mediator.code}.\n\n{_what(request)}\n\nIhre WIR-Koordination"
            )
            sent += EmailMessage("Sprachpool: Einsatz morgen", body, to=to).send()
    return sent
