"""Events for the benchmark: a decade of a national network's events with their sessions and a
million registrations (`bench generate`), and the registration storm (`bench storm`)."""

from __future__ import annotations

import contextlib
import datetime
import http.client
import math
import random
import re
import threading
import time
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify

from bench import names
from bench.generate import BATCH_SIZE, EMAIL_DOMAIN, latin
from bench.pages import HOST, percentile
from bibliohub.directory.models import Library, LibraryRole, Network, NetworkRole
from bibliohub.events.models import (
    Event,
    EventTranslation,
    Material,
    Question,
    Registration,
    Reminder,
    Session,
)
from bibliohub.membership.models import Membership

# People who register without an account write from addresses in this domain.
VISITOR_DOMAIN = "visitor." + EMAIL_DOMAIN
# Events run from this many days ago to this many days ahead: "a year's events" lie ahead.
DAYS_BACK = 9 * 365
DAYS_AHEAD = 365
# kind: (share of events, fewest sessions, most sessions)
KINDS = {
    "meeting": (25, 1, 1),
    "workshop": (22, 1, 2),
    "webinar": (25, 1, 2),
    "course": (15, 4, 16),
    "conference": (8, 2, 3),
    "assembly": (5, 1, 1),
}
# kind: the seats it usually has (None: no limit)
CAPACITIES = {
    "meeting": [20, 30, 40, None],
    "workshop": [12, 15, 20, 25, 30],
    "webinar": [None, None, 100, 300, 500],
    "course": [10, 12, 15, 20, 25],
    "conference": [80, 100, 150, 200, 300],
    "assembly": [None, 100, 200],
}
# Local times of a session of each kind: (start, end) on the day.
SESSION_TIMES = {
    "meeting": [("10:00", "12:00"), ("13:00", "15:30")],
    "workshop": [("09:00", "12:00"), ("13:00", "16:00"), ("09:00", "15:00")],
    "webinar": [("10:00", "11:30"), ("14:00", "15:30")],
    "course": [("13:00", "16:00"), ("09:00", "12:00")],
    "conference": [("09:00", "17:00")],
    "assembly": [("10:00", "13:00")],
}
# Networks of each kind hold events more or less often than the others.
NETWORK_WEIGHTS = {
    "association": 4.0,
    "section": 2.0,
    "working_group": 1.0,
    "regional_system": 1.5,
    "library_system": 1.5,
}
CANCELLED_EVENTS = 0.02
CANCELLED_REGISTRATIONS = 0.07
ATTENDED = 0.85
# People with an account among those registering for an event open to anyone.
PEOPLE_SHARE_WHEN_OPEN = 0.6


class EventsExist(Exception):
    """The database already holds events; adding more would mix two generated years."""


class NoDirectory(Exception):
    """Events need the networks, libraries and people of a generated directory."""


def events_exist() -> bool:
    return Event.objects.exists()


def clear_events() -> None:
    """Remove every event with what hangs on it, quickly also at a million registrations.

    The ORM's cascade would load every registration to find its reminders; a plain DELETE per
    table, children first, does the same work in the database.
    """
    models: tuple[type[Model], ...] = (
        Reminder,
        Registration,
        Question,
        Material,
        EventTranslation,
        Session,
        Event,
    )
    with connection.cursor() as cursor:
        for model in models:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - our own tables' names


@contextlib.contextmanager
def given_timestamps() -> Iterator[None]:
    """Let bulk_create keep the creation times we give (a registration made last March) instead
    of stamping every row with now; restored afterwards."""
    fields = [
        Event._meta.get_field("created_at"),
        Event._meta.get_field("updated_at"),
        Registration._meta.get_field("created_at"),
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    try:
        for f in fields:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _time(hhmm: str) -> datetime.time:
    hours, minutes = hhmm.split(":")
    return datetime.time(int(hours), int(minutes))


@dataclass
class _Person:
    user_id: int | None
    name: str
    email: str
    language: str
    library_id: int | None


@dataclass
class _Planned:
    """An event planned in memory, with what its registrations need."""

    event: Event
    sessions: list[Session]
    country: str
    pool_network_id: int
    topic: int
    template: int
    question: Question | None = None


class _EventGenerator:
    def __init__(self, *, seed: int) -> None:
        # Its own stream of numbers: the events of a database do not depend on how its directory
        # was generated (they may be added to one generated long ago).
        self.rng = random.Random(f"events-{seed}")
        self.now = timezone.now()
        self.counts: dict[str, int] = {}
        self.slugs: set[str] = set(Event.objects.values_list("slug", flat=True))
        self.plans: list[_Planned] = []
        self._load_directory()

    # --- what the directory offers ----------------------------------------------------------
    def _load_directory(self) -> None:
        self.networks = list(Network.objects.order_by("pk"))
        if not self.networks:
            raise NoDirectory("The database has no networks to hold events.")
        self.children: dict[int, list[int]] = {}
        for network in self.networks:
            if network.parent_id:
                self.children.setdefault(network.parent_id, []).append(network.pk)
        self.libraries = {
            pk: (name, town, region_id, country)
            for pk, name, town, region_id, country in Library.objects.values_list(
                "pk", "name", "town", "region_id", "country"
            )
        }
        self.by_country: dict[str, list[int]] = {}
        for pk, (_, _, _, country) in self.libraries.items():
            self.by_country.setdefault(country, []).append(pk)
        self.members: dict[int, set[int]] = {}
        for network_id, library_id in Membership.objects.filter(
            status=Membership.Status.ACTIVE
        ).values_list("network_id", "library_id"):
            self.members.setdefault(network_id, set()).add(library_id)
        self.coordinators: dict[int, list[int]] = {}
        for network_id, user_id in NetworkRole.objects.filter(
            role=NetworkRole.Role.COORDINATOR
        ).values_list("network_id", "user_id"):
            self.coordinators.setdefault(network_id, []).append(user_id)
        homes: dict[int, int] = {}
        for user_id, library_id in LibraryRole.objects.order_by("pk").values_list(
            "user_id", "library_id"
        ):
            homes.setdefault(user_id, library_id)
        language_country = {language: c for c, (language, *_) in names.COUNTRIES.items()}
        self.people: dict[str, list[_Person]] = {}
        self.people_by_library: dict[int, list[_Person]] = {}
        people = get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN)
        for pk, email, full_name, language in people.order_by("pk").values_list(
            "pk", "email", "full_name", "language"
        ):
            library_id = homes.get(pk)
            country = (
                self.libraries[library_id][3]
                if library_id in self.libraries
                else language_country.get(language, "CZ")
            )
            person = _Person(pk, full_name or email, email, language, library_id)
            self.people.setdefault(country, []).append(person)
            if library_id is not None:
                self.people_by_library.setdefault(library_id, []).append(person)
        self._member_pools: dict[int, list[_Person]] = {}

    def _with_sections(self, network_id: int) -> set[int]:
        found, frontier = {network_id}, [network_id]
        while frontier:
            frontier = [c for n in frontier for c in self.children.get(n, []) if c not in found]
            found.update(frontier)
        return found

    def _member_libraries(self, network_id: int) -> list[int]:
        ids: set[int] = set()
        for n in self._with_sections(network_id):
            ids |= self.members.get(n, set())
        return sorted(ids)

    def member_pool(self, network: Network) -> list[_Person]:
        """People a members-only event lets register: staff of member libraries (of the network
        or one of its sections), or everyone of the country when that is too few."""
        if network.pk not in self._member_pools:
            pool = [
                person
                for library_id in self._member_libraries(network.pk)
                for person in self.people_by_library.get(library_id, [])
            ]
            self._member_pools[network.pk] = (
                pool if len(pool) >= 50 else self.people.get(network.country, [])
            )
        return self._member_pools[network.pk]

    # --- events and sessions ----------------------------------------------------------------
    def _session_counts(self, kinds: list[str], total: int) -> list[int]:
        """Sessions per event, within each kind's range, adding up to `total` when they can."""
        counts = [KINDS[k][1] for k in kinds]
        room = [i for i, k in enumerate(kinds) for _ in range(KINDS[k][2] - KINDS[k][1])]
        extra = max(0, min(total - sum(counts), len(room)))
        for i in self.rng.sample(room, extra):
            counts[i] += 1
        return counts

    def _unique_slug(self, text: str, language: str) -> str:
        base = slugify(latin(text, language))[:110].strip("-") or "event"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def _sessions(
        self, kind: str, how_many: int, day: datetime.date, zone: zoneinfo.ZoneInfo
    ) -> list[tuple[datetime.datetime, datetime.datetime]]:
        start, end = self.rng.choice(SESSION_TIMES[kind])
        step = 1 if kind == "conference" else 7  # conference days in a row, the rest weekly
        out = []
        for n in range(how_many):
            date = day + datetime.timedelta(days=n * step)
            out.append(
                (
                    datetime.datetime.combine(date, _time(start), tzinfo=zone).astimezone(
                        datetime.UTC
                    ),
                    datetime.datetime.combine(date, _time(end), tzinfo=zone).astimezone(
                        datetime.UTC
                    ),
                )
            )
        return out

    def _title(
        self, language: str, kind: str, network: Network, topic: int, template: int, year: int
    ) -> str:
        templates = names.EVENT_TITLES[language][kind]
        return templates[template % len(templates)].format(
            topic=names.EVENT_TOPICS[language][topic],
            network=network.short_name or network.name,
            year=year,
        )

    def make_events(self, count: int, sessions_total: int) -> None:
        rng = self.rng
        weights = [NETWORK_WEIGHTS.get(n.kind, 1.0) for n in self.networks]
        kinds = rng.choices(list(KINDS), [w for w, _, _ in KINDS.values()], k=count)
        session_counts = self._session_counts(kinds, sessions_total)
        today = self.now.date()
        first_day = today - datetime.timedelta(days=DAYS_BACK)
        for kind, how_many in zip(kinds, session_counts, strict=True):
            network = rng.choices(self.networks, weights)[0]
            country = network.country if network.country in names.COUNTRIES else "CZ"
            language, tz, _ = names.COUNTRIES[country]
            zone = zoneinfo.ZoneInfo(tz)
            day = first_day + datetime.timedelta(days=rng.randint(0, DAYS_BACK + DAYS_AHEAD))
            if day.weekday() >= 5 and (kind != "conference" or rng.random() < 0.8):
                day += datetime.timedelta(days=7 - day.weekday())  # to Monday
            times = self._sessions(kind, how_many, day, zone)
            starts_at, ends_at = times[0][0], times[-1][1]
            if kind == "webinar":
                mode = Event.Mode.ONLINE
            else:
                mode = rng.choices(
                    [Event.Mode.IN_PERSON, Event.Mode.ONLINE, Event.Mode.HYBRID], [70, 12, 18]
                )[0]
            host_id = None
            if mode != Event.Mode.ONLINE or rng.random() < 0.3:
                candidates = self._member_libraries(network.pk) or self.by_country.get(country, [])
                host_id = rng.choice(candidates) if candidates else None
            host = self.libraries.get(host_id) if host_id else None
            topic = rng.randrange(len(names.EVENT_TOPICS[language]))
            template = rng.randrange(2)
            title = self._title(language, kind, network, topic, template, starts_at.year)
            slug_text = title if str(starts_at.year) in title else f"{title} {starts_at.year}"
            slug = self._unique_slug(slug_text, language)
            visibility, audience_id = "public", None
            roll = rng.random()
            if kind == "assembly" or roll < 0.14:
                visibility = "members"
            elif roll < 0.20:
                visibility = "section"
                audience_id = rng.choice([network.pk, *self.children.get(network.pk, [])])
            registration = (
                Event.Registration.MEMBERS
                if kind == "assembly" or visibility != "public"
                else rng.choices(
                    [
                        Event.Registration.NONE,
                        Event.Registration.MEMBERS,
                        Event.Registration.ANYONE,
                    ],
                    [8, 40, 52],
                )[0]
            )
            # Announced (and open for registration) some weeks before; never later than now.
            announced = min(
                starts_at - datetime.timedelta(days=rng.randint(20, 120), hours=rng.randint(0, 9)),
                self.now - datetime.timedelta(days=1, minutes=rng.randint(0, 600)),
            )
            hours = sum((e - s).total_seconds() for s, e in times) / 3600
            summary = rng.choice(names.EVENT_SUMMARIES[language])
            room = rng.choice(names.EVENT_ROOMS[language])
            event = Event(
                network=network,
                visibility=visibility,
                audience_id=audience_id,
                slug=slug,
                kind=kind,
                mode=mode,
                status=(
                    Event.Status.CANCELLED
                    if rng.random() < CANCELLED_EVENTS
                    else Event.Status.SCHEDULED
                ),
                language=language,
                title=title,
                summary=summary,
                description=f"{summary}\n\n{names.NETWORK_SUMMARIES[language]}",
                host_library_id=host_id,
                venue=f"{host[0]}, {room}" if host and mode != Event.Mode.ONLINE else "",
                town=host[1] if host else "",
                region_id=host[2] if host else None,
                timezone=tz,
                online_url=(
                    f"https://meet.example.org/{slug[:60]}" if mode != Event.Mode.IN_PERSON else ""
                ),
                capacity=rng.choice(CAPACITIES[kind]),
                registration=registration,
                registration_opens=announced if rng.random() < 0.6 else None,
                registration_closes=(
                    starts_at - datetime.timedelta(days=1) if rng.random() < 0.6 else None
                ),
                training_hours=(
                    Decimal(round(hours * 2) / 2)
                    if kind in {"workshop", "course", "conference", "webinar"}
                    else Decimal("0")
                ),
                starts_at=starts_at,
                ends_at=ends_at,
                created_by_id=(
                    rng.choice(self.coordinators[network.pk])
                    if self.coordinators.get(network.pk)
                    else None
                ),
                created_at=announced,
                updated_at=announced,
            )
            session_titles = names.SESSION_TITLES[language]
            title_template = session_titles.get(kind, session_titles["other"])
            rows = [
                Session(
                    event=event,
                    title=title_template.format(n=n) if how_many > 1 else "",
                    starts_at=s,
                    ends_at=e,
                    online=mode != Event.Mode.IN_PERSON,
                    place=room if mode != Event.Mode.ONLINE else "",
                )
                for n, (s, e) in enumerate(times, start=1)
            ]
            pool_network_id = audience_id or network.pk
            self.plans.append(_Planned(event, rows, country, pool_network_id, topic, template))
        with given_timestamps():
            Event.objects.bulk_create([p.event for p in self.plans], batch_size=BATCH_SIZE)
        for plan in self.plans:
            for session in plan.sessions:
                session.event = plan.event  # now with its primary key
        Session.objects.bulk_create(
            [s for p in self.plans for s in p.sessions], batch_size=BATCH_SIZE
        )
        self.counts["events"] = len(self.plans)
        self.counts["upcoming_events"] = sum(1 for p in self.plans if p.event.ends_at >= self.now)
        self.counts["public_events"] = sum(1 for p in self.plans if p.event.visibility == "public")
        self.counts["sessions"] = sum(len(p.sessions) for p in self.plans)

    def make_questions_and_translations(self) -> None:
        rng = self.rng
        questions = []
        translations = []
        by_id = {n.pk: n for n in self.networks}
        for plan in self.plans:
            event = plan.event
            if event.kind == "conference" or (event.kind == "course" and rng.random() < 0.2):
                text, choices = names.EVENT_QUESTIONS[event.language]
                plan.question = Question(
                    event=event, position=0, text=text, required=True, choices="\n".join(choices)
                )
                questions.append(plan.question)
            if event.kind == "conference" or rng.random() < 0.05:
                summary_index = names.EVENT_SUMMARIES[event.language].index(event.summary)
                network = by_id[event.network_id]
                translations.append(
                    EventTranslation(
                        event=event,
                        language="en",
                        title=self._title(
                            "en",
                            event.kind,
                            network,
                            plan.topic,
                            plan.template,
                            event.starts_at.year,
                        ),
                        summary=names.EVENT_SUMMARIES["en"][summary_index],
                    )
                )
            if event.language == "sr" and rng.random() < 0.5:
                translations.append(
                    EventTranslation(
                        event=event,
                        language="sr-latn",
                        title=latin(event.title, "sr"),
                        summary=latin(event.summary, "sr"),
                    )
                )
        Question.objects.bulk_create(questions, batch_size=BATCH_SIZE)
        EventTranslation.objects.bulk_create(translations, batch_size=BATCH_SIZE)
        self.counts["questions"] = len(questions)
        self.counts["event_translations"] = len(translations)

    # --- registrations ----------------------------------------------------------------------
    def _split(self, total: int, weights: list[float], caps: list[int]) -> list[int]:
        """`total` spread in proportion to the weights, none above its cap."""
        counts = [0] * len(weights)
        remaining = total
        active = [i for i, cap in enumerate(caps) if cap > 0 and weights[i] > 0]
        while remaining > 0 and active:
            weight_sum = sum(weights[i] for i in active)
            given = 0
            for i in active:
                n = min(caps[i] - counts[i], int(remaining * weights[i] / weight_sum))
                counts[i] += n
                given += n
            if given == 0:  # fewer left than events: one more each for some of them
                for i in self.rng.sample(active, min(remaining, len(active))):
                    counts[i] += 1
                    given += 1
            remaining -= given
            active = [i for i in active if counts[i] < caps[i]]
        return counts

    def _visitor(self, language: str, n: int) -> _Person:
        men, women, men_surnames, women_surnames = names.PEOPLE[language]
        if self.rng.random() < 0.7:
            first, last = self.rng.choice(women), self.rng.choice(women_surnames)
        else:
            first, last = self.rng.choice(men), self.rng.choice(men_surnames)
        local = slugify(latin(f"{first} {last}", language)).replace("-", ".")
        return _Person(None, f"{first} {last}", f"{local}.{n}@{VISITOR_DOMAIN}", language, None)

    def make_registrations(self, total: int) -> None:
        rng = self.rng
        by_id = {n.pk: n for n in self.networks}
        plans = [p for p in self.plans if p.event.registration != Event.Registration.NONE]
        pools = []
        weights = []
        caps = []
        for plan in plans:
            event = plan.event
            members_only = event.registration == Event.Registration.MEMBERS
            pool = (
                self.member_pool(by_id[plan.pool_network_id])
                if members_only
                else self.people.get(plan.country, [])
            )
            pools.append(pool)
            seats = event.capacity or {"webinar": 150, "assembly": 80}.get(event.kind, 40)
            # Most events fill part of their seats; a few popular ones have a waiting list.
            weights.append(seats * rng.lognormvariate(0, 0.7))
            caps.append(len(pool) if members_only else 10**9)
        counts = self._split(total, weights, caps)
        rows: list[Registration] = []
        visitors = 0
        written = {"registrations": 0, "confirmed": 0, "waiting": 0, "cancelled": 0}
        for plan, pool, n in zip(plans, pools, counts, strict=True):
            if n == 0:
                continue
            event = plan.event
            members_only = event.registration == Event.Registration.MEMBERS
            from_people = n if members_only else min(len(pool), round(n * PEOPLE_SHARE_WHEN_OPEN))
            registrants = rng.sample(pool, from_people)
            for _ in range(n - from_people):
                visitors += 1
                registrants.append(self._visitor(event.language, visitors))
            rng.shuffle(registrants)
            opened = (event.registration_opens or event.created_at).timestamp()
            closed = min(
                (event.registration_closes or event.starts_at).timestamp(),
                event.starts_at.timestamp(),
                self.now.timestamp(),
            )
            moments = sorted(rng.uniform(opened, max(opened, closed)) for _ in range(n))
            marked = event.ends_at < self.now - datetime.timedelta(days=7) and (
                event.status == Event.Status.SCHEDULED
            )
            confirmed = 0
            for person, moment in zip(registrants, moments, strict=True):
                created = datetime.datetime.fromtimestamp(moment, datetime.UTC)
                if rng.random() < CANCELLED_REGISTRATIONS:
                    status = Registration.Status.CANCELLED
                elif event.capacity is None or confirmed < event.capacity:
                    status = Registration.Status.CONFIRMED
                    confirmed += 1
                else:
                    status = Registration.Status.WAITING
                written[status] += 1
                is_confirmed = status == Registration.Status.CONFIRMED
                rows.append(
                    Registration(
                        event_id=event.pk,
                        user_id=person.user_id,
                        name=person.name,
                        email=person.email,
                        library_id=person.library_id,
                        organisation=(
                            ""
                            if person.user_id
                            else rng.choice(names.VISITOR_ORGANISATIONS[event.language])
                        ),
                        language=person.language,
                        status=status,
                        answers=(
                            {str(plan.question.pk): rng.choice(plan.question.choice_list)}
                            if plan.question is not None
                            else {}
                        ),
                        attended=(rng.random() < ATTENDED) if marked and is_confirmed else None,
                        created_at=created,
                        confirmed_at=created if is_confirmed else None,
                        cancelled_at=(
                            created + datetime.timedelta(days=rng.randint(1, 10))
                            if status == Registration.Status.CANCELLED
                            else None
                        ),
                    )
                )
            if len(rows) >= 20 * BATCH_SIZE:
                self._write_registrations(rows)
                rows = []
        self._write_registrations(rows)
        written["registrations"] = sum(counts)
        self.counts.update(
            registrations=written["registrations"],
            registrations_confirmed=written["confirmed"],
            registrations_waiting=written["waiting"],
            registrations_cancelled=written["cancelled"],
            registrations_by_visitors=visitors,
        )

    def _write_registrations(self, rows: list[Registration]) -> None:
        with given_timestamps():
            Registration.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def generate_events(
    *,
    events: int = 50_000,
    sessions: int = 150_000,
    registrations: int = 1_000_000,
    seed: int = 1,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Write events into the directory already in the database (in the caller's transaction)."""
    say = log or (lambda message: None)
    generator = _EventGenerator(seed=seed)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("events and sessions", lambda: generator.make_events(events, sessions)),
        ("questions and translations", generator.make_questions_and_translations),
        ("registrations", lambda: generator.make_registrations(registrations)),
    ]
    for label, step in steps:
        step_started = time.monotonic()
        step()
        say(f"  {label}: {time.monotonic() - step_started:.1f} s")
    return generator.counts


def add_events(
    *,
    events: int = 50_000,
    sessions: int = 150_000,
    registrations: int = 1_000_000,
    seed: int = 1,
    force: bool = False,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Add events to a database that holds a directory but no events (`--only-events`)."""
    say = log or (lambda message: None)
    started = time.monotonic()
    with transaction.atomic():
        if events_exist():
            if not force:
                raise EventsExist("The database already holds events.")
            say("Removing the existing events (--force)…")
            clear_events()
        result = generate_events(
            events=events, sessions=sessions, registrations=registrations, seed=seed, log=say
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    result["seconds"] = round(time.monotonic() - started, 1)
    result["db"] = connection.vendor
    return result


# --- The registration storm ----------------------------------------------------------------------
STORM_SLUG_PREFIX = "bench-storm-"
STORM_TIMEOUT = 120.0
_CSRF_INPUT = re.compile(
    r'name="csrfmiddlewaretoken"\s+value="([^"]+)"|value="([^"]+)"\s+name="csrfmiddlewaretoken"'
)


def storm_event(*, capacity: int) -> Event:
    """A fresh public event a month ahead that anyone may register for, with one question.

    Events of earlier storms are removed first, so every storm starts from no registrations.
    """
    from bibliohub.events.services import SessionData, event_create

    Event.objects.filter(slug__startswith=STORM_SLUG_PREFIX).delete()
    network = Network.objects.filter(parent=None).order_by("pk").first()
    if network is None:
        raise NoDirectory("The database has no network to hold the storm's event.")
    country = network.country if network.country in names.COUNTRIES else "CZ"
    language, tz, _ = names.COUNTRIES[country]
    zone = zoneinfo.ZoneInfo(tz)
    day = timezone.now().astimezone(zone).date() + datetime.timedelta(days=30)
    text, choices = names.EVENT_QUESTIONS[language]
    title = names.EVENT_TITLES[language]["workshop"][0].format(
        topic=names.EVENT_TOPICS[language][4], network=network.short_name or network.name, year=""
    )
    return event_create(
        actor=None,
        network=network,
        sessions=[
            SessionData(
                starts_at=datetime.datetime.combine(day, _time("09:00"), tzinfo=zone),
                ends_at=datetime.datetime.combine(day, _time("15:00"), tzinfo=zone),
            )
        ],
        questions=[{"text": text, "required": True, "choices": "\n".join(choices)}],
        slug=f"{STORM_SLUG_PREFIX}{timezone.now():%Y%m%d-%H%M%S}",
        kind=Event.Kind.WORKSHOP,
        mode=Event.Mode.IN_PERSON,
        language=language,
        title=title,
        summary=names.EVENT_SUMMARIES[language][0],
        visibility="public",
        timezone=tz,
        capacity=capacity,
        registration=Event.Registration.ANYONE,
        training_hours=Decimal("6"),
    )


def _cookies(response: http.client.HTTPResponse) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def _csrf_token(html: str) -> str | None:
    found = _CSRF_INPUT.search(html)
    return (found.group(1) or found.group(2)) if found else None


@dataclass
class _Outcome:
    """What one storm client saw: the form's answer, then its registration's."""

    form_status: int = 0
    form_seconds: float = 0.0
    status: int = 0  # of the POST; 0: never sent or no answer
    started: float = 0.0
    finished: float = 0.0
    location: str = ""


def _storm_client(
    port: int,
    form_paths: list[str],
    fields: dict[str, str],
    barrier: threading.Barrier,
    go: threading.Event,
    outcome: _Outcome,
) -> None:
    """One visitor: fetch the form (token and cookie), wait for everyone, then post it."""
    token, cookies, path = None, {}, form_paths[0]
    started = time.monotonic()
    try:
        for path in form_paths:  # the registration form, else the event page that holds it
            conn = http.client.HTTPConnection(HOST, port, timeout=STORM_TIMEOUT)
            conn.request("GET", path, headers={"Accept-Language": "cs,en;q=0.5"})
            response = conn.getresponse()
            body = response.read().decode("utf-8", errors="replace")
            conn.close()
            outcome.form_status = response.status
            cookies.update(_cookies(response))
            token = _csrf_token(body) if response.status == 200 else None
            if token:
                break
    except (OSError, http.client.HTTPException):
        outcome.form_status = 0
    outcome.form_seconds = time.monotonic() - started
    try:
        barrier.wait(timeout=STORM_TIMEOUT)
    except threading.BrokenBarrierError:
        return
    go.wait(timeout=STORM_TIMEOUT)
    if not token or not go.is_set():
        return
    body = urlencode({**fields, "csrfmiddlewaretoken": token})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "Accept-Language": "cs,en;q=0.5",
        "Referer": f"http://{HOST}:{port}{path}",
    }
    # A new connection: the server closes idle keep-alive connections while everyone gets ready.
    outcome.started = time.monotonic()
    try:
        conn = http.client.HTTPConnection(HOST, port, timeout=STORM_TIMEOUT)
        conn.request("POST", form_paths[0], body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        outcome.status = response.status
        outcome.location = response.getheader("Location") or ""
        conn.close()
    except (OSError, http.client.HTTPException):
        outcome.status = 0
    outcome.finished = time.monotonic()


def _storm_process(
    port: int,
    form_paths: list[str],
    forms: list[dict[str, str]],
    ready: Any,
    go: Any,
    results: Any,
) -> None:
    """One OS process of visitors: all fetch their forms, report ready, post when told."""
    barrier = threading.Barrier(len(forms) + 1)
    local_go = threading.Event()
    outcomes = [_Outcome() for _ in forms]
    threads = [
        threading.Thread(
            target=_storm_client,
            args=(port, form_paths, fields, barrier, local_go, outcome),
            daemon=True,
        )
        for fields, outcome in zip(forms, outcomes, strict=True)
    ]
    for thread in threads:
        thread.start()
    try:
        barrier.wait(timeout=STORM_TIMEOUT)
        ready.put(True)
        if go.wait(timeout=STORM_TIMEOUT):
            local_go.set()
    except threading.BrokenBarrierError:
        ready.put(False)
    for thread in threads:
        thread.join(timeout=STORM_TIMEOUT + 10)
    results.put([vars(outcome) for outcome in outcomes])


def storm(
    port: int,
    *,
    slug: str,
    clients: int,
    processes: int,
    question_id: int | None,
    answer: str,
) -> dict[str, Any]:
    """`clients` visitors register for the event at once through the site; their answers."""
    import multiprocessing

    from django.urls import reverse

    form_paths = [
        reverse("events:register", kwargs={"slug": slug}),
        reverse("events:event", kwargs={"slug": slug}),
    ]
    run = f"{time.time():.0f}"
    forms = []
    for i in range(clients):
        fields = {
            "name": f"Návštěvník bouře {i + 1}",
            "email": f"storm.{run}.{i + 1}@{VISITOR_DOMAIN}",
            "consent": "on",
        }
        if question_id is not None:
            fields[f"q{question_id}"] = answer
        forms.append(fields)
    processes = max(1, min(processes, clients))
    context = multiprocessing.get_context("fork")
    ready, results, go = context.Queue(), context.Queue(), context.Event()
    children = [
        context.Process(
            target=_storm_process,
            args=(port, form_paths, forms[p::processes], ready, go, results),
            daemon=True,
        )
        for p in range(processes)
    ]
    for child in children:
        child.start()
    prepared = [ready.get(timeout=STORM_TIMEOUT + 30) for _ in children]
    go.set()  # everyone has a form: post together
    outcomes = [o for _ in children for o in results.get(timeout=2 * STORM_TIMEOUT + 60)]
    for child in children:
        child.join()
    sent = [o for o in outcomes if o["started"]]
    statuses = Counter(o["status"] for o in outcomes)
    registered = sum(1 for o in sent if o["status"] in (302, 303))
    elapsed = max(o["finished"] for o in sent) - min(o["started"] for o in sent) if sent else 0.0
    latencies = sorted(o["finished"] - o["started"] for o in sent)
    forms_seconds = sorted(o["form_seconds"] for o in outcomes)

    def ms(values: list[float], p: float) -> float:
        return round(percentile(values, p) * 1000, 1) if values else math.nan

    return {
        "ready": all(prepared),
        "forms": dict(Counter(str(o["form_status"]) for o in outcomes)),
        "form_p95_ms": ms(forms_seconds, 95),
        "registered": registered,
        "errors": clients - registered,
        "server_errors": sum(n for status, n in statuses.items() if status >= 500),
        "statuses": {str(status): n for status, n in sorted(statuses.items())},
        "registrations_per_second": round(registered / elapsed, 1) if elapsed > 0 else 0.0,
        "p50_ms": ms(latencies, 50),
        "p95_ms": ms(latencies, 95),
        "p99_ms": ms(latencies, 99),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else math.nan,
        "seconds": round(elapsed, 2),
    }
