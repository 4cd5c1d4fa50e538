"""Generate a national-scale library network into an empty database, for the benchmark."""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from bench import names
from bibliohub.directory.models import (
    Branch,
    HoursException,
    Library,
    LibraryRole,
    Network,
    NetworkRole,
    OpeningHours,
    Region,
    Service,
)
from bibliohub.directory.services import library_search_text
from bibliohub.membership.models import Application, Membership

# Every generated person has an address in this domain, so a generated network can be told apart.
EMAIL_DOMAIN = "bench.bibliohub.test"
BATCH_SIZE = 1000


class DatabaseNotEmpty(Exception):
    """The database already holds a directory; generating into it would mix two networks."""


def latin(text: str, language: str) -> str:
    """Cyrillic to plain Latin letters, for addresses on the site and e-mail addresses."""
    table = dict(names.CYRILLIC_TO_LATIN)
    if language == "sr":
        table.update(names.SERBIAN_LATIN)
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            value = table[low]
            out.append(value.capitalize() if ch != low else value)
        else:
            out.append(ch)
    return "".join(out).replace("đ", "dj").replace("Đ", "Dj")


def database_is_empty() -> bool:
    people = get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN)
    return not (
        Library.objects.exists()
        or Network.objects.exists()
        or Region.objects.exists()
        or people.exists()
    )


def clear_directory() -> None:
    """Remove the directory (and generated people) so that --force starts from nothing."""
    from bench.events import clear_events

    clear_events()  # events name their networks and libraries
    for model in (
        Membership,
        Application,
        LibraryRole,
        NetworkRole,
        HoursException,
        OpeningHours,
        Branch,
        Library,
    ):
        model.objects.all().delete()
    Network.objects.update(parent=None)
    Network.objects.all().delete()
    Region.objects.all().delete()
    get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN).delete()


@dataclass
class _Town:
    name: str
    country: str
    region: str
    size: str  # "city", "town" or "village"
    latitude: Decimal
    longitude: Decimal


@dataclass
class _Plan:
    """Libraries planned in memory before they are written, with what the hours need."""

    library: Library
    town: _Town
    hours_kind: str
    branches: list[Branch] = field(default_factory=list)
    has_ordering: bool = False


def _t(hhmm: str) -> datetime.time:
    hours, minutes = hhmm.split(":")
    return datetime.time(int(hours), int(minutes))


class _Generator:
    def __init__(self, *, seed: int, password: str | None, log: Callable[[str], None]) -> None:
        self.rng = random.Random(seed)
        self.log = log
        self.today = timezone.localdate()
        self.password_hash = make_password(password) if password else None
        self.counts: dict[str, int] = {}
        self.regions: dict[str, Region] = {}
        self.towns: dict[str, list[_Town]] = {}
        self.villages: dict[str, list[_Town]] = {}
        self.networks: dict[str, Network] = {}
        self.plans: list[_Plan] = []
        self.slugs: set[str] = set()

    # --- regions and towns ------------------------------------------------------------------
    def _coordinates(self, country: str) -> tuple[Decimal, Decimal]:
        lat, lon, spread = names.COUNTRY_CENTRES[country]
        return (
            Decimal(f"{lat + self.rng.uniform(-spread, spread) / 2:.6f}"),
            Decimal(f"{lon + self.rng.uniform(-spread, spread):.6f}"),
        )

    def make_regions(self) -> None:
        rows = []
        for country, regions in names.REGIONS.items():
            language = names.COUNTRIES[country][0]
            self.towns[country] = []
            for region_name, towns in regions.items():
                slug = f"{country.lower()}-{slugify(latin(region_name, language))}"
                rows.append(Region(country=country, name=region_name, slug=slug))
                for i, town in enumerate(towns):
                    self.towns[country].append(
                        _Town(
                            town,
                            country,
                            region_name,
                            "city" if i == 0 else "town",
                            *self._coordinates(country),
                        )
                    )
            adjectives, nouns, tails = names.VILLAGES[country]
            region_names = list(regions)
            self.villages[country] = [
                _Town(
                    f"{adjective}{noun}{tail}",
                    country,
                    self.rng.choice(region_names),
                    "village",
                    *self._coordinates(country),
                )
                for adjective in adjectives
                for noun in nouns
                for tail in tails
            ]
        Region.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.regions = {region.name: region for region in Region.objects.all()}
        self.counts["regions"] = len(rows)

    # --- networks ---------------------------------------------------------------------------
    def make_networks(self, count: int) -> None:
        plans = list(names.NETWORKS[:count])
        for i in range(len(plans), count):
            plans.append(
                (
                    f"cz-skupina-{i}",
                    "cz-sdruk-mestske",
                    "working_group",
                    "CZ",
                    "",
                    f"Pracovní skupina č. {i}",
                    "",
                )
            )
        level: dict[str, int] = {}
        for key, parent, *_ in plans:
            level[key] = level[parent] + 1 if parent in level else 0
        for depth in sorted(set(level.values())):
            rows = []
            for key, parent, kind, country, region, name, short_name in plans:
                if level[key] != depth:
                    continue
                language = names.COUNTRIES[country][0]
                rows.append(
                    Network(
                        name=name,
                        short_name=short_name,
                        slug=key,
                        kind=kind,
                        parent=self.networks.get(parent) if parent else None,
                        country=country,
                        region=self.regions.get(region),
                        language=language,
                        summary=names.NETWORK_SUMMARIES[language],
                        description=names.NETWORK_SUMMARIES[language],
                        email=f"kontakt@{key}.example.org",
                        website=f"https://{key}.example.org/",
                    )
                )
            for network in Network.objects.bulk_create(rows, batch_size=BATCH_SIZE):
                self.networks[network.slug] = network
        self.counts["networks"] = len(plans)

    # --- libraries --------------------------------------------------------------------------
    def _unique_slug(self, text: str, language: str) -> str:
        base = slugify(latin(text, language))[:110].strip("-") or "library"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def _library(self, country: str, library_type: str, town: _Town) -> _Plan:
        language, tz, postcode = names.COUNTRIES[country]
        templates = names.LIBRARY_NAMES[language][library_type]
        if library_type == "public":
            template = templates[-1] if town.size == "village" else self.rng.choice(templates[:2])
        else:
            template = self.rng.choice(templates)
        name = template.format(town=town.name)
        slug = self._unique_slug(name, language)
        population = {
            "city": self.rng.randint(60_000, 1_300_000),
            "town": self.rng.randint(5_000, 60_000),
            "village": self.rng.randint(150, 5_000),
        }[town.size]
        founder = {
            "cs": f"Město {town.name}" if town.size != "village" else f"Obec {town.name}",
            "sl": f"Občina {town.name}",
            "sr": f"Град {town.name}" if town.size != "village" else f"Општина {town.name}",
            "uk": f"{town.name}, міська рада",
        }[language]
        if library_type in {"national", "regional"} or (
            library_type == "public" and town.size == "city"
        ):
            hours_kind = "city"
        elif library_type in {"university", "school"}:
            hours_kind = library_type
        else:
            hours_kind = "village" if town.size == "village" else "town"
        street = self.rng.choice(names.STREETS[language])
        library = Library(
            name=name,
            slug=slug,
            library_type=library_type,
            region=self.regions[town.region],
            founder=founder,
            population_served=population,
            street=f"{street} {self.rng.randint(1, 120)}",
            postcode="".join(str(self.rng.randint(0, 9)) if c == "9" else c for c in postcode),
            town=town.name,
            country=country,
            latitude=town.latitude,
            longitude=town.longitude,
            timezone=tz,
            language=language,
            email=f"info@{slug[:40].strip('-')}.example.org",
            phone={"CZ": "+420", "SI": "+386", "RS": "+381", "UA": "+380"}[country]
            + f" {self.rng.randint(100, 999)} {self.rng.randint(100, 999)} "
            f"{self.rng.randint(100, 999)}",
            website=f"https://{slug[:40].strip('-')}.example.org/",
        )
        # The directory's own normalisation, so generated libraries are found like real ones.
        library.search_text = library_search_text(library)
        return _Plan(library=library, town=town, hours_kind=hours_kind)

    def make_libraries(self, count: int) -> None:
        countries = list(names.COUNTRY_WEIGHTS)
        weights = list(names.COUNTRY_WEIGHTS.values())
        fixed: list[tuple[str, str, _Town]] = []
        if count >= 500:  # a national library per country, a regional one per region
            for country in countries:
                fixed.append((country, "national", self.towns[country][0]))
                fixed += [(country, "regional", t) for t in self.towns[country] if t.size == "city"]
        types = ["public", "school", "specialised", "university"]
        type_weights = [76, 11, 8, 5]
        plans = [self._library(*spec) for spec in fixed[:count]]
        while len(plans) < count:
            country = self.rng.choices(countries, weights)[0]
            library_type = self.rng.choices(types, type_weights)[0]
            if library_type == "public" and self.rng.random() < 0.8:
                town = self.rng.choice(self.villages[country])
            else:
                town = self.rng.choice(self.towns[country])
            plans.append(self._library(country, library_type, town))
        Library.objects.bulk_create([p.library for p in plans], batch_size=BATCH_SIZE)
        self.plans = plans
        self.counts["libraries"] = len(plans)

    def make_branches(self, count: int) -> None:
        candidates = [p for p in self.plans if p.hours_kind in {"city", "town"}] or self.plans
        weights = [5 if p.hours_kind == "city" else 1 for p in candidates]
        rows: list[Branch] = []
        while len(rows) < count and candidates:
            plan = self.rng.choices(candidates, weights)[0]
            how_many = min(
                count - len(rows), self.rng.randint(1, 8 if plan.hours_kind == "city" else 3)
            )
            language = plan.library.language
            for _ in range(how_many):
                n = len(plan.branches) + 1
                template = names.BRANCH_NAMES[language][(n - 1) % len(names.BRANCH_NAMES[language])]
                name = template.format(n=n)
                if n > len(names.BRANCH_NAMES[language]) and "{n}" not in template:
                    name = f"{name} {n}"
                branch = Branch(
                    library=plan.library,
                    name=name,
                    street=f"{self.rng.choice(names.STREETS[language])} {self.rng.randint(1, 90)}",
                    postcode=plan.library.postcode,
                    town=plan.library.town,
                    latitude=plan.library.latitude,
                    longitude=plan.library.longitude,
                    phone=plan.library.phone,
                )
                plan.branches.append(branch)
                rows.append(branch)
        Branch.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.counts["branches"] = len(rows)

    # --- opening hours ----------------------------------------------------------------------
    def _weekly(self, kind: str) -> list[tuple[int, str, str]]:
        rng = self.rng
        if kind == "village":
            days = sorted(rng.sample(range(5), rng.randint(1, 3)))
            start = rng.choice(["13:00", "14:00", "15:00", "16:00"])
            end = {"13:00": "17:00", "14:00": "18:00", "15:00": "18:00", "16:00": "19:00"}[start]
            return [(d, start, end) for d in days]
        if kind == "school":
            return [(d, "07:30", "15:00") for d in range(5)]
        if kind == "university":
            # A few study libraries stay open past midnight, into the next day.
            closes = "02:00" if rng.random() < 0.15 else "22:00"
            rows = [(d, "08:00", closes) for d in range(5)]
            return rows + [(5, "09:00", "17:00")]
        if kind == "city":
            rows = [(d, "08:00", "20:00") for d in range(5)] + [(5, "08:00", "15:00")]
            if rng.random() < 0.2:
                rows.append((6, "13:00", "18:00"))
            return rows
        # A town library: one period, or a morning and an afternoon with a break at noon.
        if rng.random() < 0.5:
            rows = [(d, "09:00", rng.choice(["17:00", "18:00"])) for d in range(5)]
        else:
            rows = [(d, "08:00", "12:00") for d in range(5)]
            rows += [(d, "13:00", rng.choice(["17:00", "18:00"])) for d in range(5)]
        if rng.random() < 0.5:
            rows.append((5, "09:00", "12:00"))
        return rows

    def make_hours(self) -> None:
        rng = self.rng
        rows: list[OpeningHours] = []
        exceptions: list[HoursException] = []
        for plan in self.plans:
            library = plan.library
            general = self._weekly(plan.hours_kind)
            rows += [
                OpeningHours(
                    library=library, service=Service.GENERAL, weekday=d, opens=_t(o), closes=_t(c)
                )
                for d, o, c in general
            ]
            if plan.hours_kind == "city" or (
                plan.hours_kind == "university" and rng.random() < 0.5
            ):
                # Ordering of publications ends an hour before the library closes (Vranje).
                plan.has_ordering = True
                rows += [
                    OpeningHours(
                        library=library,
                        service=Service.ORDERING,
                        weekday=d,
                        opens=_t(o),
                        closes=datetime.time(_t(c).hour - 1, _t(c).minute),
                    )
                    for d, o, c in general
                ]
            elif plan.hours_kind == "town" and rng.random() < 0.25:
                rows += [
                    OpeningHours(
                        library=library,
                        service=Service.CHILDREN,
                        weekday=d,
                        opens=_t("13:00"),
                        closes=_t("17:00"),
                    )
                    for d in range(5)
                ]
            if plan.hours_kind == "university" and rng.random() < 0.3:
                # A reading room open through the night before exams.
                rows += [
                    OpeningHours(
                        library=library,
                        service=Service.READING_ROOM,
                        weekday=d,
                        opens=_t("20:00"),
                        closes=_t("02:00"),
                    )
                    for d in (3, 4)
                ]
            for branch in plan.branches:
                rows += [
                    OpeningHours(
                        library=library,
                        branch=branch,
                        service=Service.GENERAL,
                        weekday=d,
                        opens=_t(o),
                        closes=_t(c),
                    )
                    for d, o, c in self._weekly(rng.choice(["town", "village"]))
                ]
            exceptions += self._exceptions(plan)
        OpeningHours.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        HoursException.objects.bulk_create(exceptions, batch_size=BATCH_SIZE)
        self.counts["opening_hours"] = len(rows)
        self.counts["overnight_hours"] = sum(1 for row in rows if row.closes <= row.opens)
        self.counts["hours_exceptions"] = len(exceptions)

    def _exceptions(self, plan: _Plan) -> list[HoursException]:
        rng = self.rng
        reasons = names.EXCEPTION_REASONS[plan.library.language]
        rows = []
        for i in range(rng.randint(2, 4)):
            if i == 0 and rng.random() < 0.05:
                start = self.today - datetime.timedelta(days=rng.randint(0, 2))
            else:
                start = self.today + datetime.timedelta(days=rng.randint(-20, 40))
            end = start + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2, 6]))
            closed = rng.random() < 0.7
            service = ""
            if plan.has_ordering and rng.random() < 0.2:
                service = Service.ORDERING
            branch = rng.choice(plan.branches) if plan.branches and rng.random() < 0.3 else None
            rows.append(
                HoursException(
                    library=plan.library,
                    branch=branch,
                    service=service,
                    start_date=start,
                    end_date=end,
                    closed=closed,
                    opens=None if closed else _t("09:00"),
                    closes=None if closed else _t("12:00"),
                    reason=rng.choice(reasons),
                )
            )
        return rows

    # --- memberships ------------------------------------------------------------------------
    def make_memberships(self) -> None:
        rng = self.rng
        by_region: dict[int, list[Network]] = {}
        for network in self.networks.values():
            if network.kind == Network.Kind.REGIONAL_SYSTEM and network.region_id:
                by_region.setdefault(network.region_id, []).append(network)
        national = {"CZ": "cz-sdruk", "SI": "si-zsk", "RS": "rs-zmbs", "UA": "ua-uba"}
        systems = [n for n in self.networks.values() if n.kind == Network.Kind.LIBRARY_SYSTEM]
        groups = [
            n
            for n in self.networks.values()
            if n.kind in {Network.Kind.SECTION, Network.Kind.WORKING_GROUP}
        ]
        rows: list[Membership] = []
        for plan in self.plans:
            library = plan.library
            chosen: set[str] = set()
            association = self.networks.get(national[library.country])
            if association and rng.random() < 0.6:
                chosen.add(association.slug)
            for network in by_region.get(library.region_id, []):
                if library.library_type in {"public", "regional"} and rng.random() < 0.9:
                    chosen.add(network.slug)
            same_country = [n for n in groups if n.country == library.country]
            if same_country and library.library_type in {"public", "regional"}:
                for network in same_country:
                    if rng.random() < 0.15:
                        chosen.add(network.slug)
            if library.country == "UA" and library.region.name == "м. Київ" and systems:
                chosen.add(rng.choice(systems).slug)
            for slug in sorted(chosen):
                network = self.networks[slug]
                ended = rng.random() < 0.03
                since = datetime.date(rng.randint(1995, 2024), rng.randint(1, 12), 1)
                rows.append(
                    Membership(
                        library=library,
                        network=network,
                        status=Membership.Status.ENDED if ended else Membership.Status.ACTIVE,
                        since=since,
                        until=self.today if ended else None,
                    )
                )
        Membership.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.counts["memberships"] = len(rows)

    # --- people -----------------------------------------------------------------------------
    def make_people(self, count: int) -> None:
        rng = self.rng
        user_model = get_user_model()
        unusable = self.password_hash is None
        people = []
        homes: list[_Plan] = []
        for i in range(count):
            plan = self.plans[i] if i < len(self.plans) else rng.choice(self.plans)
            language = plan.library.language
            men, women, men_surnames, women_surnames = names.PEOPLE[language]
            if rng.random() < 0.7:  # most librarians are women
                first, last = rng.choice(women), rng.choice(women_surnames)
            else:
                first, last = rng.choice(men), rng.choice(men_surnames)
            local = slugify(latin(f"{first} {last}", language)).replace("-", ".")
            email = f"{local}.{i + 1}@{EMAIL_DOMAIN}"
            people.append(
                user_model(
                    username=email,
                    email=email,
                    first_name=first,
                    last_name=last,
                    full_name=f"{first} {last}",
                    language=language,
                    password=make_password(None) if unusable else self.password_hash,
                )
            )
            homes.append(plan)
        user_model.objects.bulk_create(people, batch_size=BATCH_SIZE)
        library_roles = []
        for i, (person, plan) in enumerate(zip(people, homes, strict=True)):
            director = i < len(self.plans)
            library_roles.append(
                LibraryRole(
                    user=person,
                    library=plan.library,
                    role=LibraryRole.Role.DIRECTOR if director else LibraryRole.Role.STAFF,
                    title="" if director else rng.choice(names.JOB_TITLES[plan.library.language]),
                )
            )
        LibraryRole.objects.bulk_create(library_roles, batch_size=BATCH_SIZE)
        by_country: dict[str, list[Any]] = {}
        for person, plan in zip(people, homes, strict=True):
            by_country.setdefault(plan.library.country, []).append(person)
        network_roles = []
        for network in self.networks.values():
            pool = by_country.get(network.country) or people
            taken: set[tuple[int, str]] = set()
            wanted = [
                (NetworkRole.Role.COORDINATOR, rng.randint(1, 3)),
                (NetworkRole.Role.EXPERT, rng.randint(0, 3)),
                (NetworkRole.Role.MENTOR, rng.randint(0, 2)),
                (NetworkRole.Role.MEMBER, rng.randint(0, 10)),
            ]
            for role, how_many in wanted:
                for person in rng.sample(pool, min(how_many, len(pool))):
                    if (person.pk, role) in taken:
                        continue
                    taken.add((person.pk, role))
                    network_roles.append(NetworkRole(user=person, network=network, role=role))
        NetworkRole.objects.bulk_create(network_roles, batch_size=BATCH_SIZE)
        self.counts["people"] = len(people)
        self.counts["library_roles"] = len(library_roles)
        self.counts["network_roles"] = len(network_roles)


def generate_network(
    *,
    libraries: int = 6000,
    branches: int = 1500,
    networks: int = 40,
    people: int = 20000,
    events: int = 50_000,
    sessions: int = 150_000,
    registrations: int = 1_000_000,
    seed: int = 1,
    force: bool = False,
    password: str | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Write a whole network in one transaction; return the counts and the seconds it took.

    People get an unusable password unless `password` is given (hashed once and shared: hashing
    20,000 passwords one by one would take longer than the rest of the generation). Events,
    their sessions and registrations follow (bench/events.py) unless `events` is 0.
    """
    from bench.events import generate_events

    say = log or (lambda message: None)
    started = time.monotonic()
    with transaction.atomic():
        if not database_is_empty():
            if not force:
                raise DatabaseNotEmpty("The database already holds libraries, networks or regions.")
            say("Removing the existing directory (--force)…")
            clear_directory()
        generator = _Generator(seed=seed, password=password, log=say)
        steps: list[tuple[str, Callable[[], None]]] = [
            ("regions", generator.make_regions),
            ("networks", lambda: generator.make_networks(networks)),
            ("libraries", lambda: generator.make_libraries(libraries)),
            ("branches", lambda: generator.make_branches(branches)),
            ("opening hours and exceptions", generator.make_hours),
            ("memberships", generator.make_memberships),
            ("people and roles", lambda: generator.make_people(people)),
        ]
        for label, step in steps:
            step_started = time.monotonic()
            step()
            say(f"  {label}: {time.monotonic() - step_started:.1f} s")
        if events > 0:
            generator.counts.update(
                generate_events(
                    events=events,
                    sessions=sessions,
                    registrations=registrations,
                    seed=seed,
                    log=say,
                )
            )
    with connection.cursor() as cursor:
        # Fresh statistics, so the query planner knows the tables just grew from nothing.
        cursor.execute("ANALYZE")
    result: dict[str, Any] = dict(generator.counts)
    result["seconds"] = round(time.monotonic() - started, 1)
    result["db"] = connection.vendor
    return result
