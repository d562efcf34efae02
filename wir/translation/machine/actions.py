"""The writes of the machine-translation screens, each in one transaction (starting a job
is `jobs.create_job`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from wir.core.actions import touch_region
from wir.translation.models import MachineTranslation

REVIEWED_ACTION = "wir_translation.machine_reviewed"


def mark_reviewed(mark: MachineTranslation, user: Any) -> Any:
    """ "Übersetzung geprüft": note who checked the machine translation and when, and log
    it on the translated object. Returns that object (None if it is gone)."""
    with transaction.atomic():
        mark.reviewed_at = timezone.now()
        mark.reviewed_by = user
        mark.save(update_fields=["reviewed_at", "reviewed_by"])
        # The public page drops its "not yet reviewed" notice: a new content version, so
        # that no cached answer keeps showing it (wir/core/hotpath.py).
        touch_region(mark.region_id)
        target = mark.target
        if target is not None:
            log(instance=target, action=REVIEWED_ACTION, user=user)
    return target
