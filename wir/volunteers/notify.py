"""Mail to volunteers: opt-in link, welcome, shift confirmations with an iCalendar file,
changes, cancellations, reminders. Sent after commit by the actions and the daily job.

Mails carry no other person's data: a shift is described by its opportunity, time and place.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from wir.volunteers.models import Shift, ShiftSignup, Volunteer
from wir.volunteers.models_events import Gathering, GatheringRegistration

SIGNATURE = "\n\nIhre WIR-Koordination"


def absolute(path: str) -> str:
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


def address(volunteer: Volunteer) -> list[str]:
    user = volunteer.user
    return [user.email] if user is not None and user.email else []


def when(shift: Shift) -> str:
    starts = timezone.localtime(shift.starts_at)
    ends = timezone.localtime(shift.ends_at)
    return f"{starts:%d.%m.%Y}, {starts:%H:%M}–{ends:%H:%M} Uhr"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def describe(shift: Shift) -> str:
    opportunity = shift.opportunity
    lines = [
        f"Einsatz: {_one_line(opportunity.title)}",
        f"Termin: {when(shift)}",
        f"Ort: {opportunity.area.name}",
        f"Veranstaltet von: {_one_line(opportunity.organiser)}",
    ]
    if shift.note.strip():
        lines.append(f"Hinweis: {_one_line(shift.note)}")
    return "\n".join(lines)


def calendar_event(shift: Shift) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"ehrenamt-schicht-{shift.pk}@wir-plattform")
    entry.add("dtstamp", shift.updated_at)
    entry.add("dtstart", shift.starts_at)
    entry.add("dtend", shift.ends_at)
    entry.add("summary", shift.opportunity.title)
    entry.add("location", shift.opportunity.area.name)
    entry.add("description", describe(shift))
    if shift.status == Shift.Status.CANCELLED:
        entry.add("status", "CANCELLED")
    return entry


def calendar(shifts: Iterable[Shift], name: str = "Ehrenamt") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//WIR-Plattform//Ehrenamt//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for shift in shifts:
        cal.add_component(calendar_event(shift))
    return bytes(cal.to_ical())


def _send(
    volunteer: Volunteer,
    subject: str,
    body: str,
    ics: bytes | None = None,
    connection: BaseEmailBackend | None = None,
) -> int:
    to = address(volunteer)
    if not to:
        return 0
    greeting = f"Guten Tag {volunteer.name}," if volunteer.name else "Guten Tag,"
    message = EmailMessage(
        f"Ehrenamt: {subject}",
        f"{greeting}\n\n{body}{SIGNATURE}",
        to=to,
        connection=connection,
    )
    if ics is not None:
        message.attach("schicht.ics", ics, "text/calendar")
    return message.send()


def confirm_link(
    volunteer: Volunteer, token: str, days: int, connection: BaseEmailBackend | None = None
) -> int:
    link = absolute(reverse("volunteers:confirm", args=[token]))
    body = (
        "danke für Ihre Anmeldung zum Ehrenamt. Bitte bestätigen Sie Ihre E-Mail-Adresse "
        f"mit diesem Link:\n\n{link}\n\nOhne Bestätigung löschen wir Ihre Angaben nach "
        f"{days} Tagen. Wenn Sie sich nicht angemeldet haben, müssen Sie nichts tun."
    )
    return _send(volunteer, "Bitte bestätigen Sie Ihre Anmeldung", body, connection=connection)


def welcome(volunteer: Volunteer, connection: BaseEmailBackend | None = None) -> int:
    link = absolute(reverse("volunteers:home"))
    body = (
        "herzlich willkommen! Die Koordination hat Ihre Anmeldung angenommen. "
        f"Einsätze und Schichten finden Sie auf Ihrer Seite:\n\n{link}"
    )
    return _send(volunteer, "Willkommen", body, connection=connection)


def signed_up(signup: ShiftSignup, connection: BaseEmailBackend | None = None) -> int:
    body = f"Sie sind angemeldet:\n\n{describe(signup.shift)}"
    return _send(
        signup.volunteer, "Anmeldung bestätigt", body, calendar([signup.shift]), connection
    )


def shift_changed(
    shift: Shift, signups: Iterable[ShiftSignup], connection: BaseEmailBackend | None = None
) -> int:
    body = f"eine Schicht, für die Sie angemeldet sind, hat sich geändert:\n\n{describe(shift)}"
    return sum(
        _send(signup.volunteer, "Schicht geändert", body, calendar([shift]), connection)
        for signup in signups
    )


def shift_cancelled(
    shift: Shift,
    signups: Iterable[ShiftSignup],
    reason: str,
    connection: BaseEmailBackend | None = None,
) -> int:
    body = (
        f"eine Schicht, für die Sie angemeldet waren, ist abgesagt:\n\n{describe(shift)}"
        f"\n\nGrund: {_one_line(reason) or '—'}"
    )
    return sum(
        _send(signup.volunteer, "Schicht abgesagt", body, calendar([shift]), connection)
        for signup in signups
    )


def reminder(signup: ShiftSignup) -> int:
    body = f"zur Erinnerung: morgen ist Ihre Schicht.\n\n{describe(signup.shift)}"
    return _send(signup.volunteer, "Ihre Schicht morgen", body)


def certificate_expiring(volunteer: Volunteer, valid_until: date) -> int:
    body = (
        "Ihr erweitertes Führungszeugnis gilt für die Arbeit mit Kindern und Jugendlichen "
        f"nur noch bis {valid_until:%d.%m.%Y}. Bitte beantragen Sie rechtzeitig ein neues "
        "und zeigen Sie es der Koordination; die Koordination schickt Ihnen gern eine "
        "Bescheinigung für die gebührenfreie Beantragung."
    )
    return _send(volunteer, "Führungszeugnis läuft ab", body)


def inactive(volunteer: Volunteer) -> int:
    link = absolute(reverse("volunteers:home"))
    body = (
        "Sie waren lange nicht mehr aktiv. Wenn Sie weiter dabei sein möchten, melden Sie "
        f"sich bitte in den nächsten vier Wochen einmal an:\n\n{link}\n\nSonst anonymisieren "
        "wir Ihre Angaben, wie bei der Anmeldung vereinbart."
    )
    return _send(volunteer, "Sind Sie noch dabei?", body)


def mailing(volunteer: Volunteer, subject: str, body: str, token: str) -> int:
    """A mailing with the one-click unsubscribe link in the text and in the headers
    (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058)."""
    to = address(volunteer)
    if not to:
        return 0
    link = absolute(reverse("volunteers:unsubscribe", args=[token]))
    greeting = f"Guten Tag {volunteer.name}," if volunteer.name else "Guten Tag,"
    text = (
        f"{greeting}\n\n{body}{SIGNATURE}\n\n--\nSie erhalten diese Rundmail, weil Sie "
        f"Rundmails zugestimmt haben. Abmelden mit einem Klick:\n{link}"
    )
    message = EmailMessage(
        subject,
        text,
        to=to,
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return message.send()


def describe_gathering(gathering: Gathering) -> str:
    starts = timezone.localtime(gathering.starts_at)
    ends = timezone.localtime(gathering.ends_at)
    return "\n".join(
        [
            f"{gathering.get_kind_display()}: {_one_line(gathering.title)}",
            f"Termin: {starts:%d.%m.%Y}, {starts:%H:%M}–{ends:%H:%M} Uhr",
            f"Ort: {_one_line(gathering.location)}, {gathering.area.name}",
        ]
    )


def gathering_registered(
    registration: GatheringRegistration, position: int, connection: BaseEmailBackend | None = None
) -> int:
    what = describe_gathering(registration.gathering)
    if position:
        body = (
            f"die Veranstaltung ist voll. Sie stehen auf der Warteliste (Platz {position}). "
            f"Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail.\n\n{what}"
        )
        return _send(registration.volunteer, "Auf der Warteliste", body, connection=connection)
    body = f"Sie sind angemeldet:\n\n{what}"
    return _send(registration.volunteer, "Anmeldung bestätigt", body, connection=connection)


def gathering_moved_up(
    registration: GatheringRegistration, connection: BaseEmailBackend | None = None
) -> int:
    body = (
        "gute Nachricht: ein Platz ist frei geworden, Sie sind von der Warteliste "
        f"nachgerückt und jetzt angemeldet.\n\n{describe_gathering(registration.gathering)}"
        "\n\nWenn Sie doch nicht können, melden Sie sich bitte auf Ihrer Seite ab, damit die "
        "nächste Person nachrückt."
    )
    return _send(registration.volunteer, "Sie sind nachgerückt", body, connection=connection)
