"""Loading the demo network into an empty database, in one transaction."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from bibliohub.core.audit import audit_record
from bibliohub.directory.models import (
    Branch,
    HoursException,
    Library,
    LibraryRole,
    Network,
    NetworkRole,
    OpeningHours,
    Region,
)
from bibliohub.directory.services import library_refresh_search_text
from bibliohub.membership.models import Application, Membership

from . import calendar, texts
from .documents import load_documents
from .events import load_events
from .networks import NETWORKS
from .people import APPLICATIONS, DEMO_ACCOUNTS, LIBRARY_ROLES, NETWORK_ROLES, PEOPLE
from .places import BRANCHES, COUNTRY, FRI, HOURS, KYIV_LIBRARY, LIBRARIES, REGIONS, Hours

# Every demo person signs in with this password; the command prints it.
DEMO_PASSWORD = "bibliohub-demo"  # noqa: S105 (a documented demo password, not a secret)

TRAINING = {
    "cs": "Školení zaměstnanců – otevíráme později",
    "sl": "Strokovno izobraževanje zaposlenih – odpiramo kasneje",
    "sr": "Стручно усавршавање запослених – отварамо касније",
    "uk": "Навчання працівників – відкриваємося пізніше",
}
STOCK_CHECK = {
    "cs": "Revize knihovního fondu",
    "sl": "Revizija knjižnične zbirke",
    "sr": "Ревизија библиотечког фонда",
    "uk": "Перевірка бібліотечного фонду",
}
SANITARY_DAY = "Санітарний день"
VRANJE_ORDERING_PAUSE = "Попис фонда – поручивање публикација није могуће"


@dataclass
class DemoSummary:
    networks: int = 0
    libraries: int = 0
    branches: int = 0
    people: int = 0
    pending_applications: int = 0
    accounts: list[tuple[str, str]] = field(default_factory=list)
    password: str = DEMO_PASSWORD


def demo_existing_data() -> list[str]:
    """What in the database would clash with the demo; empty when the demo may be loaded."""
    found = []
    if Network.objects.exists():
        found.append("networks")
    if Library.objects.exists():
        found.append("libraries")
    if Region.objects.exists():
        found.append("regions")
    emails = [person.email for person in PEOPLE]
    if get_user_model().objects.filter(email__in=emails).exists():
        found.append("people with the demo e-mail addresses")
    return found


def _time(value: str) -> datetime.time:
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


def _hours_rows(library: Library, week: Hours, branch: Branch | None = None) -> list[OpeningHours]:
    return [
        OpeningHours(
            library=library,
            branch=branch,
            service=service,
            weekday=weekday,
            opens=_time(opens),
            closes=_time(closes),
        )
        for service, weekdays, periods in week
        for weekday in weekdays
        for opens, closes in periods
    ]


def _general_day(week: Hours, weekday: int) -> list[tuple[datetime.time, datetime.time]]:
    return sorted(
        (_time(opens), _time(closes))
        for service, weekdays, periods in week
        if service == "general" and weekday in weekdays
        for opens, closes in periods
    )


def _exceptions(
    library: Library,
    week: Hours,
    country: str,
    today: datetime.date,
    index: int,
    closed_days: list[datetime.date],
) -> list[HoursException]:
    """Closures and changed hours in the coming weeks, so every page shows some."""
    days = datetime.timedelta(days=1)
    language = library.language
    rows = []
    holidays = calendar.next_holidays(country, today)
    for day, name in holidays:
        rows.append(
            HoursException(library=library, start_date=day, end_date=day, closed=True, reason=name)
        )
    # A day of staff training: the library opens two hours later than usual.
    holiday_days = {day for day, _ in holidays} | set(closed_days)
    day = today + (2 + index % 9) * days
    while day.weekday() > FRI or day in holiday_days or not _general_day(week, day.weekday()):
        day += days
    periods = _general_day(week, day.weekday())
    opens = datetime.time(min(periods[0][0].hour + 2, periods[-1][1].hour - 1), 0)
    rows.append(
        HoursException(
            library=library,
            start_date=day,
            end_date=day,
            closed=False,
            opens=opens,
            closes=periods[-1][1],
            reason=TRAINING[language],
        )
    )
    if index % 3 == 0:
        # Three days closed for the stock check, Monday to Wednesday some weeks ahead.
        start = today + (21 + index % 14) * days
        start += ((7 - start.weekday()) % 7) * days
        rows.append(
            HoursException(
                library=library,
                start_date=start,
                end_date=start + 2 * days,
                closed=True,
                reason=STOCK_CHECK[language],
            )
        )
    return rows


def _sanitary_days(today: datetime.date) -> list[datetime.date]:
    """The next two sanitary days: the last Friday of a month, this month or the next ones."""
    found = []
    year, month = today.year, today.month
    for _ in range(3):
        day = calendar.last_weekday_of_month(year, month, FRI)
        if day > today:
            found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found[:2]


@transaction.atomic
def demo_load(*, now: datetime.datetime | None = None) -> DemoSummary:
    """Load the demo network: regions, networks, libraries, hours, people, applications."""
    now = now or timezone.now()
    summary = DemoSummary()

    regions = {
        slug: Region(slug=slug, country=country, name=name) for slug, country, name in REGIONS
    }
    Region.objects.bulk_create(regions.values())
    regions = {region.slug: region for region in Region.objects.all()}

    networks: dict[str, Network] = {}
    for spec in NETWORKS:
        network = Network(
            slug=spec.slug,
            name=spec.name,
            short_name=spec.short_name,
            kind=spec.kind,
            parent=networks.get(spec.parent),
            country=spec.country,
            region=regions.get(spec.region),
            language=spec.language,
            summary=spec.summary,
            description=spec.description,
            website=spec.website,
            accepts_applications=spec.accepts_applications,
        )
        network.save()
        networks[spec.slug] = network

    libraries: dict[str, Library] = {}
    hours: list[OpeningHours] = []
    exceptions: list[HoursException] = []
    for index, place in enumerate(LIBRARIES):
        language, zone = COUNTRY[place.country]
        library = Library(
            slug=place.slug,
            name=place.name,
            library_type=place.library_type,
            region=regions[place.region],
            founder=place.founder,
            population_served=place.population,
            street=place.street,
            postcode=place.postcode,
            town=place.town,
            country=place.country,
            latitude=Decimal(place.latitude),
            longitude=Decimal(place.longitude),
            timezone=zone,
            language=language,
            website=place.website,
            description=place.description,
        )
        if place.slug == "jb-bora-stankovic-vranje":
            library.description = texts.VRANJE_DESCRIPTION
        library.save()
        library_refresh_search_text(library)
        libraries[place.slug] = library
        today = now.astimezone(zoneinfo.ZoneInfo(zone)).date()
        week = HOURS[place.hours]
        hours += _hours_rows(library, week)
        sanitary_days = _sanitary_days(today) if place.country == "UA" else []
        exceptions += [
            HoursException(library=library, start_date=day, end_date=day, reason=SANITARY_DAY)
            for day in sanitary_days
        ]
        exceptions += _exceptions(library, week, place.country, today, index, sanitary_days)
        if place.slug == "jb-bora-stankovic-vranje":
            day = today + datetime.timedelta(days=9)
            while day.weekday() > FRI:
                day += datetime.timedelta(days=1)
            exceptions.append(
                HoursException(
                    library=library,
                    service="ordering",
                    start_date=day,
                    end_date=day,
                    closed=True,
                    reason=VRANJE_ORDERING_PAUSE,
                )
            )

    kyiv = libraries[KYIV_LIBRARY]
    kyiv_today = now.astimezone(zoneinfo.ZoneInfo(kyiv.timezone)).date()
    for name, week_name in BRANCHES:
        branch = Branch.objects.create(library=kyiv, name=name, town=kyiv.town)
        hours += _hours_rows(kyiv, HOURS[week_name], branch)
        exceptions += [
            HoursException(
                library=kyiv, branch=branch, start_date=day, end_date=day, reason=SANITARY_DAY
            )
            for day in _sanitary_days(kyiv_today)
        ]
        summary.branches += 1
    OpeningHours.objects.bulk_create(hours)
    HoursException.objects.bulk_create(exceptions)

    Membership.objects.bulk_create(
        Membership(
            library=libraries[slug],
            network=networks[spec.slug],
            status=Membership.Status.ACTIVE,
            since=since,
        )
        for spec in NETWORKS
        for slug, since in spec.members.items()
    )

    # One hash for everyone: hashing is deliberately slow, and they share the password.
    password = make_password(DEMO_PASSWORD)
    User = get_user_model()
    people = {}
    for person in PEOPLE:
        user = User(
            email=person.email,
            full_name=person.full_name,
            language=person.language,
            password=password,
        )
        user.save()
        people[person.email] = user
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in people.values()
    )
    LibraryRole.objects.bulk_create(
        LibraryRole(user=people[email], library=libraries[slug], role=role, title=title)
        for email, slug, role, title in LIBRARY_ROLES
    )
    NetworkRole.objects.bulk_create(
        NetworkRole(user=people[email], network=networks[slug], role=role, title=title)
        for email, slug, role, title in NETWORK_ROLES
    )

    for spec in APPLICATIONS:
        sent = now - datetime.timedelta(days=spec.days_ago, hours=3 * spec.days_ago)
        application = Application.objects.create(
            network=networks[spec.network],
            library=libraries.get(spec.library),
            library_name=spec.library_name,
            library_type=spec.library_type,
            town=spec.town,
            region=regions.get(spec.region),
            contact_name=spec.contact_name,
            contact_role=spec.contact_role,
            email=spec.email,
            note=spec.note,
            consent=True,
            consent_at=sent,
            language=spec.language,
            applicant=people.get(spec.email),
        )
        # created_at is set on creation; backdate it so the list looks lived-in.
        Application.objects.filter(pk=application.pk).update(created_at=sent)
        summary.pending_applications += 1

    load_events(now=now)
    load_documents(now=now)

    audit_record(actor=None, action="demo.load", networks=len(networks), libraries=len(libraries))
    summary.networks = len(networks)
    summary.libraries = len(libraries)
    summary.people = len(people)
    summary.accounts = list(DEMO_ACCOUNTS)
    return summary
