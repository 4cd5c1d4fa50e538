"""Rebuild the search index (all kinds, or the ones named)."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bibliohub.search.index import PARALLEL_MIN, SOURCES, default_jobs, reindex


class Command(BaseCommand):
    help = "Rebuild the search entries of libraries, branches, networks, events and documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind",
            action="append",
            choices=list(SOURCES),
            help="Only this kind (may be given more than once).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=default_jobs(),
            help="Worker processes that analyse the texts while this one writes, for a kind "
            f"with at least {PARALLEL_MIN} things (default: one per processor but one, at "
            "most 4; 0 analyses here).",
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

            count = reindex([kind], progress, jobs=max(0, options["jobs"]))
            seconds = time.perf_counter() - started
            written += count
            rate = count / seconds if seconds > 0 else 0.0
            self.stdout.write(f"{kind}: {count} indexed in {seconds:.2f} s ({rate:.0f}/s)")
        seconds = time.perf_counter() - total_started
        rate = written / seconds if seconds > 0 else 0.0
        self.stdout.write(f"Total: {written} indexed in {seconds:.2f} s ({rate:.0f}/s)")
