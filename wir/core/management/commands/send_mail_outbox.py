"""manage.py send_mail_outbox [--loop]: send the mails of writes whose process did not
(killed between commit and sending, or the mail server was down); see wir/core/outbox.py."""

from __future__ import annotations

from wir.core import outbox
from wir.core.periodic import PeriodicCommand


class Command(PeriodicCommand):
    help = "Sends the outbox's due mails, retries failed ones, lists those that gave up."
    default_interval = 10.0

    def run_once(self, verbosity: int) -> None:
        interrupted = outbox.give_up_interrupted()
        sent, failed = outbox.deliver()
        if verbosity:
            self.stdout.write(f"outbox: {sent} sent, {failed} failed this round")
        for row in outbox.failed_mails() if (failed or interrupted) and verbosity else []:
            self.stderr.write(f"outbox mail {row.pk} {row.subject!r}: {row.last_error}")
