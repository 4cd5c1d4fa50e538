"""The national-scale benchmark: `bench generate`, `bench pages`, `bench queries` and
`bench storm`."""

import json
import os
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections


class Command(BaseCommand):
    help = "Generate a national-scale network, and measure pages under load (bench/README.md)."

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(dest="action", required=True)

        generate = actions.add_parser("generate", help="Write a national-scale network.")
        generate.add_argument("--libraries", type=int, default=6000)
        generate.add_argument("--branches", type=int, default=1500)
        generate.add_argument("--networks", type=int, default=40)
        generate.add_argument("--people", type=int, default=20000)
        generate.add_argument("--events", type=int, default=50000, help="0: no events.")
        generate.add_argument("--sessions", type=int, default=150000)
        generate.add_argument("--registrations", type=int, default=1000000)
        generate.add_argument("--seed", type=int, default=1)
        generate.add_argument(
            "--password",
            default=None,
            help="One password for every generated person (default: nobody can sign in).",
        )
        generate.add_argument(
            "--force",
            action="store_true",
            help="Replace the directory (with --only-events: the events) already in the database.",
        )
        generate.add_argument(
            "--if-empty",
            action="store_true",
            help="Generate only what is missing: everything into an empty database, events into "
            "a generated directory without events, else nothing.",
        )
        generate.add_argument(
            "--only-events",
            action="store_true",
            help="Add events to the directory already in the database, leaving it as it is.",
        )

        pages = actions.add_parser("pages", help="Serve the site and measure pages under load.")
        limit = pages.add_mutually_exclusive_group()
        limit.add_argument(
            "--duration", type=float, default=None, help="Seconds per page (default 10)."
        )
        limit.add_argument("--requests", type=int, default=None, help="Requests per page.")
        pages.add_argument("--concurrency", type=int, default=8, help="Clients at once.")
        pages.add_argument(
            "--processes", type=int, default=2, help="OS processes the clients are spread over."
        )
        pages.add_argument("--warmup", type=float, default=2.0, help="Seconds of warm-up a page.")
        pages.add_argument(
            "--max-seconds",
            type=float,
            default=120.0,
            help="Never drive one page longer than this.",
        )
        pages.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Web server processes (default: as `bibliohub serve`).",
        )
        pages.add_argument(
            "--threads",
            type=int,
            default=None,
            help="Threads per web server process (default: as `bibliohub serve`).",
        )
        pages.add_argument(
            "--only",
            default="",
            help="Comma-separated page names to measure (baseline always runs).",
        )
        pages.add_argument(
            "--url",
            action="append",
            default=[],
            metavar="NAME=PATH",
            help="Measure PATH as NAME (repeatable; replaces a page of that name).",
        )
        pages.add_argument(
            "--rotate",
            type=int,
            default=200,
            help="How many libraries (and events) the library (and event) page rotates through.",
        )

        storm = actions.add_parser(
            "storm", help="Serve the site and have many visitors register for one event at once."
        )
        storm.add_argument("--clients", type=int, default=500, help="Visitors registering.")
        storm.add_argument("--capacity", type=int, default=50, help="Seats of the event.")
        storm.add_argument(
            "--processes", type=int, default=4, help="OS processes the visitors are spread over."
        )
        storm.add_argument("--workers", type=int, default=None, help="Web server processes.")
        storm.add_argument("--threads", type=int, default=None, help="Threads per web process.")

        actions.add_parser(
            "createdb", help="Create the PostgreSQL database of DATABASE_URL if it is missing."
        )

        from bench.search_bench import add_search_bench_arguments
        from bench.search_quality import add_search_quality_arguments

        add_search_quality_arguments(
            actions.add_parser(
                "search-quality",
                help="Recall@10 and MRR@10 of search on the evaluation set, with a baseline.",
            )
        )
        add_search_bench_arguments(
            actions.add_parser(
                "search", help="Index 200,000 documents and time searches and suggestions."
            )
        )

        queries = actions.add_parser(
            "queries", help="Render each page once in this process and list its SQL."
        )
        queries.add_argument("--only", default="")
        queries.add_argument("--url", action="append", default=[], metavar="NAME=PATH")
        queries.add_argument("--top", type=int, default=3, help="Slowest queries shown per page.")
        queries.add_argument("--repeat", type=int, default=5, help="Requests timed for cpu_ms.")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "handle_" + options["action"].replace("-", "_"))(**options)

    # --- search-quality and search ----------------------------------------------------------
    def _print_lines(self, lines: list[dict[str, Any]]) -> None:
        import json

        for line in lines:
            self.stdout.write(json.dumps(line, ensure_ascii=False))

    def handle_search_quality(self, **options: Any) -> None:
        from bench.search_quality import run_search_quality

        self._print_lines(run_search_quality(options))

    def handle_search(self, **options: Any) -> None:
        from bench.search_bench import run_search_bench

        self._print_lines(run_search_bench(options))

    # --- createdb ---------------------------------------------------------------------------
    def handle_createdb(self, **options: Any) -> None:
        """`make bench` on PostgreSQL should not need a manual `createdb` first."""
        if connection.vendor != "postgresql":
            return  # SQLite creates its file on first use
        name = connection.settings_dict["NAME"]
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
        self.stdout.write(f"Created the database {name}.")

    # --- generate ---------------------------------------------------------------------------
    def handle_generate(self, **options: Any) -> None:
        from bench.generate import (
            EMAIL_DOMAIN,
            DatabaseNotEmpty,
            database_is_empty,
            generate_network,
        )

        if options["only_events"]:
            self._generate_events(options)
            return
        if options["if_empty"] and not options["force"] and not database_is_empty():
            from django.contrib.auth import get_user_model

            from bench.events import events_exist

            generated = get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists()
            if generated and options["events"] > 0 and not events_exist():
                self.stdout.write("The database holds a generated directory without events.")
                self._generate_events(options)
                return
            self.stdout.write("The database already holds a directory; nothing generated.")
            return
        self.stdout.write(
            f"Generating {options['libraries']} libraries, {options['branches']} branches, "
            f"{options['networks']} networks, {options['people']} people, "
            f"{options['events']} events, {options['sessions']} sessions and "
            f"{options['registrations']} registrations into "
            f"{connection.vendor} ({connection.settings_dict['NAME']})…"
        )
        try:
            result = generate_network(
                libraries=options["libraries"],
                branches=options["branches"],
                networks=options["networks"],
                people=options["people"],
                events=options["events"],
                sessions=options["sessions"],
                registrations=options["registrations"],
                seed=options["seed"],
                force=options["force"],
                password=options["password"],
                log=self.stdout.write,
            )
        except DatabaseNotEmpty as exc:
            raise CommandError(f"{exc} Use --force to replace it, or another database.") from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False))
        self.stdout.write(self.style.SUCCESS(f"Generated in {result['seconds']:.1f} s."))

    def _generate_events(self, options: dict[str, Any]) -> None:
        """Events into the directory already there (the lead's national databases have none)."""
        from bench.events import EventsExist, NoDirectory, add_events, events_exist

        if options["if_empty"] and not options["force"] and events_exist():
            self.stdout.write("The database already holds events; nothing generated.")
            return
        self.stdout.write(
            f"Adding {options['events']} events, {options['sessions']} sessions and "
            f"{options['registrations']} registrations to the directory in "
            f"{connection.vendor} ({connection.settings_dict['NAME']})…"
        )
        try:
            result = add_events(
                events=options["events"],
                sessions=options["sessions"],
                registrations=options["registrations"],
                seed=options["seed"],
                force=options["force"],
                log=self.stdout.write,
            )
        except EventsExist as exc:
            raise CommandError(f"{exc} Use --force to replace them, or --if-empty.") from exc
        except NoDirectory as exc:
            raise CommandError(f"{exc} Run `bench generate` first.") from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False))
        self.stdout.write(self.style.SUCCESS(f"Generated in {result['seconds']:.1f} s."))

    # --- pages ------------------------------------------------------------------------------
    def _pages(self, options: dict[str, Any]) -> list[Any]:
        from bench.pages import Page, default_pages

        pages = default_pages(rotate=options.get("rotate", 200))
        for spec in options["url"]:
            name, sep, path = spec.partition("=")
            if not sep or not path.startswith("/"):
                raise CommandError(f"--url wants NAME=/path, not {spec!r}.")
            pages = [p for p in pages if p.name != name] + [Page(name, [path])]
        only = {name.strip() for name in options["only"].split(",") if name.strip()}
        if only:
            pages = [p for p in pages if p.name in only or p.name == "baseline"]
        return pages

    def handle_pages(self, **options: Any) -> None:
        from bench.pages import Server, drive

        pages = self._pages(options)
        duration = options["duration"]
        if options["requests"] is None and duration is None:
            duration = 10.0
        db = connection.vendor
        # The driver forks; no child may inherit (and later close) this process's connection.
        connections.close_all()
        limits = {
            "concurrency": options["concurrency"],
            "processes": options["processes"],
            "max_seconds": options["max_seconds"],
        }
        baseline_rps = None
        with Server(workers=options["workers"], threads=options["threads"]) as server:
            for page in pages:
                if options["warmup"] > 0:
                    drive(server.port, page.urls, duration=options["warmup"], **limits)
                result = drive(
                    server.port,
                    page.urls,
                    requests=options["requests"],
                    duration=duration,
                    **limits,
                )
                line: dict[str, Any] = {"name": page.name}
                line.update(result)
                line.update(
                    db=db,
                    url=page.urls[0],
                    urls=len(page.urls),
                    server_workers=options["workers"] or "default",
                    # Other work on the machine takes CPU from both server and driver.
                    load_1m=round(os.getloadavg()[0], 2),
                )
                if page.name == "baseline":
                    baseline_rps = result["rps"]
                elif baseline_rps:
                    line["ratio_rps"] = round(result["rps"] / baseline_rps, 3)
                else:
                    line["ratio_rps"] = None
                self.stdout.write(json.dumps(line, ensure_ascii=False))
                self.stdout.flush()

    # --- storm ------------------------------------------------------------------------------
    def handle_storm(self, **options: Any) -> None:
        """Many visitors register for the last seats at once; none may be overbooked."""
        from bench.events import NoDirectory, storm, storm_event
        from bench.pages import Server
        from bibliohub.events.models import Registration

        clients, capacity = options["clients"], options["capacity"]
        if clients < 1 or capacity < 1:
            raise CommandError("--clients and --capacity must be at least 1.")
        try:
            event = storm_event(capacity=capacity)
        except NoDirectory as exc:
            raise CommandError(f"{exc} Run `bench generate` first.") from exc
        question = event.questions.first()
        db = connection.vendor
        connections.close_all()  # the clients fork
        with Server(workers=options["workers"], threads=options["threads"]) as server:
            result = storm(
                server.port,
                slug=event.slug,
                clients=clients,
                processes=options["processes"],
                question_id=question.pk if question else None,
                answer=question.choice_list[0] if question else "",
            )
            log = server.log_tail() if result["server_errors"] else ""
        counts = dict.fromkeys(Registration.Status.values, 0)
        for status in event.registrations.values_list("status", flat=True):
            counts[status] += 1
        line = {
            "bench": "storm",
            "clients": clients,
            "capacity": capacity,
            "confirmed": counts["confirmed"],
            "waiting": counts["waiting"],
            "cancelled": counts["cancelled"],
        }
        line.update(result)
        line.update(
            db=db,
            event=event.slug,
            server_workers=options["workers"] or "default",
            load_1m=round(os.getloadavg()[0], 2),
        )
        self.stdout.write(json.dumps(line, ensure_ascii=False))
        expected = (min(capacity, clients), max(0, clients - capacity))
        problems = []
        if (counts["confirmed"], counts["waiting"]) != expected:
            problems.append(
                f"expected {expected[0]} confirmed and {expected[1]} waiting, "
                f"found {counts['confirmed']} and {counts['waiting']}"
            )
        if result["errors"]:
            problems.append(
                f"{result['errors']} visitors were not registered ({result['statuses']})"
            )
        if log:
            self.stderr.write(log)
        if problems:
            raise CommandError("The storm failed: " + "; ".join(problems) + ".")

    # --- queries ----------------------------------------------------------------------------
    def handle_queries(self, **options: Any) -> None:
        """Which queries a page runs and which dominate, to know what to fix."""
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="cs")
        for page in self._pages(options):
            if page.name == "baseline" and not settings.BENCH_ENABLED:
                continue  # its address exists only with BIBLIOHUB_BENCH=1
            url = page.urls[0]
            client.get(url)  # the first one pays for imports and template loading
            with CaptureQueriesContext(connection) as captured:
                started = time.monotonic()
                response = client.get(url)
                elapsed = time.monotonic() - started
            # A copy now: every request clears the connection's query log.
            captured_queries = list(captured.captured_queries)
            # CPU time of this process per request: steadier than wall time on a busy machine.
            cpu_started = time.process_time()
            for _ in range(options["repeat"]):
                client.get(url)
            cpu_ms = (time.process_time() - cpu_started) * 1000 / max(1, options["repeat"])
            timed = sorted(captured_queries, key=lambda q: float(q["time"]), reverse=True)
            sql_ms = sum(float(q["time"]) for q in timed) * 1000
            self.stdout.write(
                json.dumps(
                    {
                        "name": page.name,
                        "url": url,
                        "status": response.status_code,
                        "queries": len(timed),
                        "sql_ms": round(sql_ms, 1),
                        "total_ms": round(elapsed * 1000, 1),
                        "cpu_ms": round(cpu_ms, 1),
                    },
                    ensure_ascii=False,
                )
            )
            for query in timed[: options["top"]]:
                self.stdout.write(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql']}")
