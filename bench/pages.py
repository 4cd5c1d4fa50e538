"""Measure pages under load: serve the site as `make run` does and drive it over loopback."""

from __future__ import annotations

import http.client
import math
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

HOST = "127.0.0.1"
REQUEST_TIMEOUT = 30.0


@dataclass
class Page:
    """A page to measure: a name for the report and the addresses to rotate through."""

    name: str
    urls: list[str]


# --- statistics ------------------------------------------------------------------------------
def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100) of the values, interpolated between the closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(
    latencies: Sequence[float], *, statuses: Counter[int], elapsed: float
) -> dict[str, Any]:
    """Figures for one page: latencies in seconds in, milliseconds and requests/second out.

    `rps` counts only successful (2xx) answers, so a page that fails fast does not look fast.
    A status of 0 stands for a request that got no answer at all (refused, reset, timed out).
    """
    ok = sum(n for status, n in statuses.items() if 200 <= status < 300)
    total = sum(statuses.values())
    ordered = sorted(latencies)

    def ms(value: float) -> float:
        return round(value * 1000, 2) if not math.isnan(value) else value

    return {
        "requests": total,
        "errors": total - ok,
        "p50_ms": ms(percentile(ordered, 50)),
        "p95_ms": ms(percentile(ordered, 95)),
        "p99_ms": ms(percentile(ordered, 99)),
        "max_ms": ms(ordered[-1]) if ordered else math.nan,
        "mean_ms": ms(sum(ordered) / len(ordered)) if ordered else math.nan,
        "rps": round(ok / elapsed, 1) if elapsed > 0 else 0.0,
        "seconds": round(elapsed, 2),
        "statuses": {str(status): n for status, n in sorted(statuses.items())},
    }


# --- the load driver -------------------------------------------------------------------------
def _client_loop(
    port: int,
    urls: Sequence[str],
    offset: int,
    step: int,
    count: int | None,
    deadline: float,
    latencies: list[float],
    statuses: Counter[int],
) -> None:
    """One client: a keep-alive connection sending GETs one after another until done."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    index, sent = offset, 0
    while (count is None or sent < count) and time.monotonic() < deadline:
        url = urls[index % len(urls)]
        index += step
        sent += 1
        started = time.monotonic()
        try:
            conn.request("GET", url, headers={"Accept-Language": "cs,en;q=0.5"})
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.will_close:
                conn.close()
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
        latencies.append(time.monotonic() - started)
        statuses[status] += 1
    conn.close()


def _driver_process(
    port: int,
    urls: list[str],
    process_index: int,
    processes: int,
    threads: int,
    per_client: list[int | None],
    start_at: float,
    duration: float | None,
    max_seconds: float,
    queue: Any,
) -> None:
    """One OS process of the driver with its client threads; reports raw figures back."""
    deadline = start_at + (duration if duration is not None else max_seconds)
    deadline = min(deadline, start_at + max_seconds)
    results = []
    workers = []
    for t in range(threads):
        client = process_index * threads + t
        latencies: list[float] = []
        statuses: Counter[int] = Counter()
        results.append((latencies, statuses))
        workers.append(
            threading.Thread(
                target=_client_loop,
                args=(
                    port,
                    urls,
                    client,
                    processes * threads,
                    per_client[client],
                    deadline,
                    latencies,
                    statuses,
                ),
            )
        )
    delay = start_at - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    all_latencies = [value for latencies, _ in results for value in latencies]
    all_statuses: Counter[int] = Counter()
    for _, statuses in results:
        all_statuses.update(statuses)
    queue.put((all_latencies, dict(all_statuses), time.monotonic()))


def drive(
    port: int,
    urls: list[str],
    *,
    concurrency: int = 8,
    processes: int = 2,
    requests: int | None = None,
    duration: float | None = 10.0,
    max_seconds: float = 120.0,
) -> dict[str, Any]:
    """Send GETs for `urls` (round robin) from `concurrency` clients spread over processes.

    Stops after `requests` in all, or after `duration` seconds, and never after `max_seconds`.
    """
    processes = max(1, min(processes, concurrency))
    threads = math.ceil(concurrency / processes)
    clients = processes * threads
    if requests is not None:
        per_client: list[int | None] = [
            requests // clients + (1 if i < requests % clients else 0) for i in range(clients)
        ]
        duration = None
    else:
        per_client = [None] * clients
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    start_at = time.monotonic() + 0.2
    children = [
        context.Process(
            target=_driver_process,
            args=(
                port,
                urls,
                i,
                processes,
                threads,
                per_client,
                start_at,
                duration,
                max_seconds,
                queue,
            ),
            daemon=True,
        )
        for i in range(processes)
    ]
    for child in children:
        child.start()
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    finished = start_at
    for _ in children:
        part, part_statuses, ended = queue.get(timeout=max_seconds + REQUEST_TIMEOUT + 30)
        latencies += part
        statuses.update(part_statuses)
        finished = max(finished, ended)
    for child in children:
        child.join()
    result = summarise(latencies, statuses=statuses, elapsed=finished - start_at)
    result["concurrency"] = clients
    return result


# --- the server under test -------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def bibliohub_command() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "bibliohub")
    if os.path.exists(script):
        return [script]
    return [sys.executable, "-m", "bibliohub.manage"]


class Server:
    """`bibliohub serve` (gunicorn, as `make run` starts it) on a free loopback port."""

    def __init__(self, *, workers: int | None = None, threads: int | None = None) -> None:
        self.port = free_port()
        self.workers = workers
        self.threads = threads
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        command = bibliohub_command() + [
            "serve",
            "--bind",
            f"{HOST}:{self.port}",
            "--no-worker",
            "--quiet",
        ]
        if self.workers:
            command += ["--workers", str(self.workers)]
        if self.threads:
            command += ["--threads", str(self.threads)]
        env = dict(os.environ, BIBLIOHUB_BENCH="1")
        # gunicorn's own log goes to a file: shown when the server fails, not between results.
        self.log = tempfile.TemporaryFile()
        # Its own session, so that stopping it reaches gunicorn's workers and nothing else.
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=self.log, start_new_session=True
        )
        try:
            self._wait_until_ready()
        except RuntimeError:
            self.__exit__()
            raise
        return self

    def log_tail(self, lines: int = 20) -> str:
        self.log.seek(0)
        return b"\n".join(self.log.read().splitlines()[-lines:]).decode(errors="replace")

    def _wait_until_ready(self, timeout: float = 60.0) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"The server stopped with exit code {self.process.returncode}:\n"
                    + self.log_tail()
                )
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
                conn.close()
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.2)
        raise RuntimeError(
            f"The server did not answer /healthz within {timeout:.0f} s:\n" + self.log_tail()
        )

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


# --- which pages -----------------------------------------------------------------------------
def _reverse(name: str, fallback: str, **kwargs: str) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return fallback


def default_pages(*, rotate: int = 200, seed: int = 1) -> list[Page]:
    """The pages of issues 2 and 3, with real slugs and towns taken from the database."""
    import random

    from django.db.models import Count

    from bibliohub.directory.models import Library, Network, Region

    rng = random.Random(seed)
    directory = _reverse("directory:libraries", "/libraries/")
    regions = list(
        Region.objects.annotate(n=Count("libraries"))
        .order_by("-n", "slug")
        .values_list("slug", flat=True)[:5]
    )
    towns = list(
        Library.objects.values("town")
        .annotate(n=Count("id"))
        .order_by("-n", "town")
        .values_list("town", flat=True)[:40]
    )
    with_branches = list(
        Library.objects.annotate(n=Count("branches"))
        .filter(n__gt=0)
        .order_by("-n", "pk")
        .values_list("slug", flat=True)[: rotate // 2]
    )
    others = list(Library.objects.order_by("pk").values_list("slug", flat=True)[:5000])
    library_slugs = with_branches + rng.sample(
        others, min(len(others), rotate - len(with_branches))
    )
    rng.shuffle(library_slugs)
    networks = list(Network.objects.order_by("pk").values_list("slug", flat=True))

    def library_url(slug: str) -> str:
        return _reverse("directory:library", f"/libraries/{slug}/", slug=slug)

    def network_url(slug: str) -> str:
        return _reverse("directory:network", f"/networks/{slug}/", slug=slug)

    return [
        Page("baseline", ["/_bench/baseline"]),
        Page("directory", [directory]),
        Page(
            "directory_filtered_open_now",
            [
                f"{directory}?{urlencode({'open_now': 1, 'region': r, 'type': 'public'})}"
                for r in regions
            ]
            or [f"{directory}?open_now=1&type=public"],
        ),
        Page(
            "directory_search",
            [f"{directory}?q={quote(t)}" for t in towns] or [f"{directory}?q=praha"],
        ),
        Page("library", [library_url(s) for s in library_slugs] or [directory]),
        Page("network", [network_url(s) for s in networks] or ["/networks/"]),
        *event_pages(rotate=rotate, rng=rng),
    ]


def event_pages(*, rotate: int = 200, rng: Any = None) -> list[Page]:
    """The event pages of issue 3, with real networks and events taken from the database."""
    import datetime
    import random

    from django.db.models import Count
    from django.utils import timezone

    from bibliohub.events.models import Event

    rng = rng or random.Random(1)
    now = timezone.now()
    year_ahead = now + datetime.timedelta(days=365)
    public = Event.objects.filter(visibility="public")
    # The networks with most public events in the year ahead: the busiest lists and feeds.
    busiest = list(
        public.filter(starts_at__lt=year_ahead, ends_at__gte=now)
        .values("network__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "network__slug")
        .values_list("network__slug", flat=True)[:5]
    )
    upcoming = list(
        public.filter(ends_at__gte=now)
        .order_by("starts_at", "id")
        .values_list("slug", flat=True)[:5000]
    )
    past = list(
        public.filter(ends_at__lt=now, starts_at__gte=now - datetime.timedelta(days=365))
        .order_by("-starts_at", "-id")
        .values_list("slug", flat=True)[:5000]
    )
    # Mostly upcoming events (the ones people open), a quarter from the past year's archive.
    slugs = rng.sample(upcoming, min(len(upcoming), rotate - rotate // 4))
    slugs += rng.sample(past, min(len(past), rotate - len(slugs)))
    rng.shuffle(slugs)
    events = _reverse("events:list", "/events/")
    today = timezone.localdate()
    month = _reverse(
        "events:month",
        f"/events/calendar/{today.year}/{today.month}/",
        year=str(today.year),
        month=str(today.month),
    )

    def event_url(slug: str) -> str:
        return _reverse("events:event", f"/events/{slug}/", slug=slug)

    def feed_url(slug: str) -> str:
        return _reverse("events:network_feed", f"/events/feeds/{slug}.ics", network=slug)

    return [
        Page("events", [events]),
        Page(
            "events_filtered",
            [f"{events}?{urlencode({'network': n, 'kind': 'workshop'})}" for n in busiest]
            or [f"{events}?kind=workshop"],
        ),
        Page("month", [month]),
        Page("event", [event_url(s) for s in slugs] or [events]),
        Page("feed", [feed_url(busiest[0])] if busiest else [events]),
    ]
