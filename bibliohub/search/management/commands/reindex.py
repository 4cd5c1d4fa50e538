"""Rebuild the search index (all kinds, or the ones named)."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bibliohub.search.index import SOURCES, reindex


class Command(BaseCommand):
    help = "Rebuild the search entries of libraries, branches, networks, events and documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind",
            action="append",
            choices=list(SOURCES),
            help="Only this kind (may be given more than once).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        kinds = options["kind"] or list(SOURCES)
        verbose = options["verbosity"] > 1
        total_started = time.perf_counter()
        written = 0
        for kind in kinds:
            started = time.perf_counter()

            def progress(kind: str, done: int, total: int) -> None:
                if verbose:
                    self.stdout.write(f"  {kind}: {done}/{total}")

            count = reindex([kind], progress)
            seconds = time.perf_counter() - started
            written += count
            rate = count / seconds if seconds > 0 else 0.0
            self.stdout.write(f"{kind}: {count} indexed in {seconds:.2f} s ({rate:.0f}/s)")
        seconds = time.perf_counter() - total_started
        rate = written / seconds if seconds > 0 else 0.0
        self.stdout.write(f"Total: {written} indexed in {seconds:.2f} s ({rate:.0f}/s)")
