"""Serve the site with gunicorn and run the background worker beside it."""

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve BiblioHub (gunicorn) with its background worker and scheduler."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3"))
        )
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument(
            "--no-worker", action="store_true", help="Do not start the worker and the scheduler."
        )
        parser.add_argument("--quiet", action="store_true", help="No access log.")

    def handle(self, *args: Any, **options: Any) -> None:
        bin_dir = os.path.dirname(sys.executable)
        children: list[subprocess.Popen[bytes]] = []
        if not options["no_worker"]:
            children.append(
                subprocess.Popen([os.path.join(bin_dir, "bibliohub"), "db_worker"])  # noqa: S603
            )
            # Periodic jobs (reminders the day before each session).
            children.append(
                subprocess.Popen([os.path.join(bin_dir, "bibliohub"), "scheduler"])  # noqa: S603
            )
        web = [
            os.path.join(bin_dir, "gunicorn"),
            "bibliohub.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--worker-class",
            "gthread",
            "--threads",
            str(options["threads"]),
            "--max-requests",
            "5000",
            "--max-requests-jitter",
            "500",
            "--no-control-socket",
        ]
        if not options["quiet"]:
            web += ["--access-logfile", "-"]
        self.stdout.write(f"Serving BiblioHub at http://{options['bind']}/ (Ctrl+C stops it)")
        server = subprocess.Popen(web)  # noqa: S603
        children.append(server)

        def stop(signum: int, frame: Any) -> None:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            server.wait()
        finally:
            stop(signal.SIGTERM, None)
            for child in children:
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    child.kill()
