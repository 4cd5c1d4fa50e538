"""Run the site's periodic jobs (today: event reminders) every minute, until stopped.

`bibliohub serve` starts it beside the web server and the task worker. Each job is safe to run
from several processes at once and after a restart: what it has done is recorded in the database.
"""

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections


def _jobs() -> list[Any]:
    from bibliohub.events.services import send_due_reminders

    return [send_due_reminders]


class Command(BaseCommand):
    help = "Run periodic jobs (event reminders) every --interval seconds."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=60.0)
        parser.add_argument("--once", action="store_true", help="Run the jobs once and stop.")

    def handle(self, *args: Any, **options: Any) -> None:
        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while not stopping:
            for job in _jobs():
                try:
                    done = job()
                    if done:
                        self.stdout.write(f"{job.__name__}: {done}")
                except Exception as exc:  # noqa: BLE001 - a failing job must not stop the others
                    self.stderr.write(f"{job.__name__} failed: {exc!r}")
                finally:
                    close_old_connections()
            if options["once"]:
                break
            deadline = time.monotonic() + options["interval"]
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.5)
