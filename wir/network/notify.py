"""Mail of the network: invitations to meetings and reminders of tasks. Sent to the
organisation's role addresses and its partner logins; called after commit by actions."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from wir.network.models import Meeting, NetworkTask, Organisation


def recipients(organisation: Organisation) -> list[str]:
    addresses = {
        address
        for address in organisation.contact_roles.values_list("office_email", flat=True)
        if address
    }
    addresses |= {
        address for address in organisation.members.values_list("user__email", flat=True) if address
    }
    return sorted(addresses)


def _url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _one_line(text: str) -> str:
    return " ".join(text.split())


def send_invitation(meeting: Meeting, organisation: Organisation) -> bool:
    to = recipients(organisation)
    if not to:
        return False
    starts = timezone.localtime(meeting.starts_at)
    body = "\n".join(
        [
            "Guten Tag,",
            "",
            f"die WIR-Koordination lädt {_one_line(organisation.name)} ein:",
            "",
            f"{_one_line(meeting.title)} ({meeting.get_kind_display()})",
            f"Termin: {starts:%d.%m.%Y, %H:%M} Uhr",
            f"Ort: {_one_line(meeting.location)}",
            "",
            "Bitte melden Sie sich an oder sagen Sie ab:",
            _url(reverse("network:meeting", args=[meeting.pk])),
            "",
            "Mit freundlichen Grüßen",
            "Ihre WIR-Koordination",
        ]
    )
    EmailMessage(
        subject=f"Einladung: {_one_line(meeting.title)} am {starts:%d.%m.%Y}",
        body=body,
        to=to,
    ).send()
    return True


def send_task_reminder(task: NetworkTask, overdue: bool) -> bool:
    to = recipients(task.owner)
    if not to:
        return False
    when = f"{task.due_on:%d.%m.%Y}"
    state = f"war fällig am {when}" if overdue else f"ist fällig am {when}"
    body = "\n".join(
        [
            "Guten Tag,",
            "",
            f"die Aufgabe „{_one_line(task.title)}“ von {_one_line(task.owner.name)} {state}.",
            *(
                [f"Vereinbart bei: {_one_line(task.meeting.title)}"]
                if task.meeting_id and task.meeting
                else []
            ),
            "",
            "Ihre Aufgaben:",
            _url(reverse("network:organisation_tasks", args=[task.owner_id])),
            "",
            "Ihre WIR-Koordination",
        ]
    )
    subject = "Überfällig" if overdue else "Erinnerung"
    EmailMessage(subject=f"{subject}: {_one_line(task.title)}", body=body, to=to).send()
    return True
