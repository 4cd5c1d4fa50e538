"""Send the reminders that are due now (the scheduler of `bibliohub serve` runs this every minute)."""

from typing import Any

from django.core.management.base import BaseCommand

from bibliohub.events.services import send_due_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders for sessions that begin within a day (each one only once)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders()
        self.stdout.write(f"{count} reminder(s) queued.")
