"""Opening hours: periods per day, "open now / opens at", week tables, schema.org and the SQL filter.

Rules, in one place:

- Hours rows are wall-clock times in the library's zone (`Library.timezone`). A row whose closing
  time is not after its opening time runs past midnight: Friday 22:00–02:00 ends Saturday 02:00.
- Dated exceptions (`HoursException`) replace the periods *starting* on the days they cover, for
  the services they name. For one day and one service the exceptions "in force" are those naming
  the service; only when there are none, those for every service (empty `service`). Among those,
  a closure wins; otherwise the changed hours of all of them apply. So "closed for inventory" for
  every service with "ordering 9–12" on the same day leaves ordering open 9–12.
- A period that started the day before and runs past midnight is computed from the day before
  (its exceptions, not today's): it still runs into an exception day, unless the day before is
  excepted itself, in which case the day before's exception decides whether there is one.
- Daylight-saving changes. A wall time is turned into an instant like this:
  * it does not exist (spring forward, 02:30 when clocks jump 02:00 → 03:00): the instant the
    clocks jump, so a library "opening at 02:30" opens at 03:00 and one "closing at 02:30"
    closes at 03:00 (new time). A period falling wholly into the gap is dropped.
  * it happens twice (fall back, 02:30 when clocks go 03:00 → 02:00): its first occurrence
    (fold=0), summer time. A period ends when the clock first shows its closing time, and a day
    of 23 or 25 hours still closes at the local closing time.
  `filter_open_now` compares wall times in SQL; the rule above is exactly what the wall-time
  comparison gives, once an instant in the repeated hour's second pass is compared as the last
  moment of that hour (every wall time in the repeated hour has, by then, already passed).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from .models import HoursException, Library, OpeningHours, Service

UTC = dt.UTC
# "Opens at …" looks this far ahead; pre-fetched exceptions must reach that far (plus a day).
OPENS_AT_HORIZON = dt.timedelta(days=14)
HORIZON_DAYS = OPENS_AT_HORIZON.days + 1
_DAY = dt.timedelta(days=1)

SCHEMA_DAYS = (
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
)


@dataclass(frozen=True)
class Period:
    """One opening, from `opens` to `closes` (aware datetimes in the library's zone)."""

    opens: dt.datetime
    closes: dt.datetime


@dataclass(frozen=True)
class Status:
    is_open: bool
    closes_at: dt.datetime | None  # when open: the end of this period (or run of periods)
    opens_at: dt.datetime | None  # when closed: the next opening within 14 days, else None
    exception: HoursException | None  # the dated exception in force on the local day


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    periods: list[Period]
    exception: HoursException | None
    is_today: bool


@dataclass(frozen=True)
class ServiceWeek:
    service: str
    label: str
    days: list[DayRow]


# --- time zones and wall times ---------------------------------------------------------------


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "")
    except (ZoneInfoNotFoundError, ValueError):
        # A bad name in the database must not break a page: fall back to the site's zone.
        return ZoneInfo(settings.TIME_ZONE)


def library_zone(library: Library) -> ZoneInfo:
    """The library's time zone (the site's zone if the stored name is not a known one)."""
    return _zone(library.timezone)


def _utc(moment: dt.datetime) -> dt.datetime:
    # Aware datetimes sharing a tzinfo compare and subtract by wall time, ignoring `fold`:
    # every comparison here goes through UTC.
    return moment.astimezone(UTC)


def _transition(zone: ZoneInfo, before: dt.datetime, after: dt.datetime) -> dt.datetime:
    """The first instant in (before, after] already at `after`'s UTC offset (to the second)."""
    target = after.astimezone(zone).utcoffset()
    low, high = 0, int((after - before).total_seconds())
    while high - low > 1:
        middle = (low + high) // 2
        if (before + dt.timedelta(seconds=middle)).astimezone(zone).utcoffset() == target:
            high = middle
        else:
            low = middle
    return before + dt.timedelta(seconds=high)


def _instant(day: dt.date, wall: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The instant the library's clock shows `wall` on `day` (see the module's rules)."""
    naive = dt.datetime.combine(day, wall.replace(tzinfo=None))
    first = naive.replace(tzinfo=zone)  # fold=0: the first occurrence when it happens twice
    first_utc = _utc(first)
    if first_utc.astimezone(zone).replace(tzinfo=None) == naive:
        return first
    # In the spring-forward gap: fold=0 and fold=1 land on both sides of the jump.
    other_utc = _utc(naive.replace(tzinfo=zone, fold=1))
    low, high = sorted((first_utc, other_utc))
    if low.astimezone(zone).utcoffset() == high.astimezone(zone).utcoffset():
        return first
    return _transition(zone, low, high).astimezone(zone)


@lru_cache(maxsize=16384)
def _period(day: dt.date, opens: dt.time, closes: dt.time, zone: ZoneInfo) -> Period | None:
    # Cached: the same few opening times recur on the same days across thousands of libraries.
    start = _instant(day, opens, zone)
    end = _instant(day + _DAY if closes <= opens else day, closes, zone)
    if _utc(end) <= _utc(start):
        return None
    return Period(start, end)


def _comparable_wall_time(local: dt.datetime, zone: ZoneInfo) -> dt.time:
    """The wall time SQL should compare hours against, for an instant in `zone`.

    In the second pass of a repeated hour (fold=1), every wall time of that hour has already
    happened once (and periods use the first occurrence), so compare as its last microsecond.
    """
    wall = local.replace(tzinfo=None)
    if local.fold and local.utcoffset() != local.replace(fold=0).utcoffset():
        jump = _transition(zone, _utc(local.replace(fold=0)), _utc(local))
        # `jump` in new time is where the hour starts again; it ends `repeated` later.
        repeated = local.replace(fold=0).utcoffset() - local.utcoffset()
        end = jump.astimezone(zone).replace(tzinfo=None) + repeated - dt.timedelta(microseconds=1)
        if end.date() == wall.date():
            wall = end
    return wall.time()


def _as_utc(when: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    if timezone.is_naive(when):
        when = when.replace(tzinfo=zone)  # a naive moment is read as the library's wall time
    return _utc(when)


# --- one library's hours, indexed -------------------------------------------------------------


def _branch_id(branch: Any) -> int | None:
    return getattr(branch, "pk", branch)


class _Schedule:
    """The hours and exceptions of one library or branch, indexed for day-by-day questions."""

    def __init__(
        self,
        library: Library,
        branch: Any,
        hours: Iterable[OpeningHours],
        exceptions: Iterable[HoursException],
    ) -> None:
        self.zone = library_zone(library)
        branch_id = _branch_id(branch)
        library_id = library.pk

        def ours(row: Any) -> bool:
            return row.branch_id == branch_id and (
                library_id is None or row.library_id == library_id
            )

        self.rows: dict[tuple[str, int], list[OpeningHours]] = defaultdict(list)
        for row in hours:
            if ours(row):
                self.rows[(str(row.service), row.weekday)].append(row)
        self.exceptions = sorted(
            (e for e in exceptions if ours(e)),
            key=lambda e: (not e.closed, e.start_date, e.pk or 0),
        )

    def services(self) -> list[str]:
        present = {service for service, _weekday in self.rows}
        order = {value: n for n, value in enumerate(Service.values)}
        return sorted(present, key=lambda s: (order.get(s, len(order)), s))

    def in_force(self, day: dt.date, service: str) -> list[HoursException]:
        """The exceptions deciding `service` on `day`, a closure first; [] for regular hours."""
        covering = [e for e in self.exceptions if e.start_date <= day <= e.end_date]
        return [e for e in covering if e.service == service] or [
            e for e in covering if not e.service
        ]

    def day(self, day: dt.date, service: str) -> tuple[list[Period], HoursException | None]:
        deciding = self.in_force(day, service)
        if deciding and deciding[0].closed:
            return [], deciding[0]
        if deciding:
            spans = [
                (e.opens, e.closes)
                for e in deciding
                if e.opens is not None and e.closes is not None
            ]
        else:
            spans = [(row.opens, row.closes) for row in self.rows.get((service, day.weekday()), [])]
        found: dict[tuple[dt.datetime, dt.datetime], Period] = {}
        for opens, closes in spans:
            period = _period(day, opens, closes, self.zone)
            if period is not None:
                found.setdefault((_utc(period.opens), _utc(period.closes)), period)
        return [found[key] for key in sorted(found)], (deciding[0] if deciding else None)


def _load(
    library: Library,
    branch: Any,
    hours: Iterable[OpeningHours] | None,
    exceptions: Iterable[HoursException] | None,
    *,
    first: dt.date,
    last: dt.date,
    services: list[str] | None = None,
) -> _Schedule:
    """Index the given hours and exceptions, querying those not given (one query each)."""
    if hours is None:
        hours = OpeningHours.objects.filter(library=library, branch_id=_branch_id(branch))
        if services is not None:
            hours = hours.filter(service__in=services)
    if exceptions is None:
        exceptions = HoursException.objects.filter(
            library=library,
            branch_id=_branch_id(branch),
            start_date__lte=last,
            end_date__gte=first,
        )
        if services is not None:
            exceptions = exceptions.filter(service__in=["", *services])
    return _Schedule(library, branch, hours, exceptions)


# --- the public functions ---------------------------------------------------------------------


def periods_on(
    day: dt.date,
    library: Library,
    *,
    service: str = Service.GENERAL,
    branch: Any = None,
    hours: Iterable[OpeningHours] | None = None,
    exceptions: Iterable[HoursException] | None = None,
) -> list[Period]:
    """The periods starting on the library's local `day`, exceptions applied."""
    schedule = _load(library, branch, hours, exceptions, first=day, last=day, services=[service])
    return schedule.day(day, service)[0]


def status_at(
    library: Library,
    when: dt.datetime,
    *,
    service: str = Service.GENERAL,
    branch: Any = None,
    hours: Iterable[OpeningHours] | None = None,
    exceptions: Iterable[HoursException] | None = None,
) -> Status:
    """Is the library (or branch) open for `service` at `when`; until when, or from when."""
    zone = library_zone(library)
    moment = _as_utc(when, zone)
    today = moment.astimezone(zone).date()
    schedule = _load(
        library,
        branch,
        hours,
        exceptions,
        first=today - _DAY,
        last=today + HORIZON_DAYS * _DAY,
        services=[service],
    )
    in_force = schedule.in_force(today, service)
    exception = in_force[0] if in_force else None
    # Day by day, from yesterday (a period running past midnight), and no further than needed:
    # periods of a later day all start after those of an earlier one.
    cache: dict[int, list[Period]] = {}

    def periods(offset: int) -> list[Period]:
        if offset not in cache:
            cache[offset] = schedule.day(today + offset * _DAY, service)[0]
        return cache[offset]

    end = None
    for offset in (-1, 0):
        for period in periods(offset):
            if _utc(period.opens) <= moment < _utc(period.closes):
                closes = _utc(period.closes)
                end = closes if end is None or closes > end else end
    if end is not None:
        # Back-to-back periods (Friday 18:00–24:00, Saturday 0:00–3:00) read as one opening.
        for offset in range(-1, HORIZON_DAYS + 1):
            day_periods = periods(offset)
            if offset > 0 and (not day_periods or _utc(day_periods[0].opens) > end):
                break
            for period in day_periods:
                if _utc(period.opens) <= end < _utc(period.closes):
                    end = _utc(period.closes)
        return Status(True, end.astimezone(zone), None, exception)
    horizon = moment + OPENS_AT_HORIZON
    for offset in range(0, HORIZON_DAYS + 1):
        for period in periods(offset):
            opens = _utc(period.opens)
            if opens > moment:
                return Status(False, None, period.opens if opens <= horizon else None, exception)
    return Status(False, None, None, exception)


def week_table(
    library: Library,
    *,
    start: dt.date,
    branch: Any = None,
    hours: Iterable[OpeningHours] | None = None,
    exceptions: Iterable[HoursException] | None = None,
    today: dt.date | None = None,
) -> list[ServiceWeek]:
    """Seven days from `start`, for every service that has regular hours (the building first)."""
    schedule = _load(library, branch, hours, exceptions, first=start, last=start + 6 * _DAY)
    if today is None:
        today = timezone.now().astimezone(schedule.zone).date()
    table = []
    for service in schedule.services():
        days = []
        for offset in range(7):
            day = start + offset * _DAY
            periods, exception = schedule.day(day, service)
            days.append(DayRow(day, periods, exception, day == today))
        table.append(ServiceWeek(service, _label(service), days))
    return table


def regular_week(
    library: Library, *, branch: Any = None, hours: Iterable[OpeningHours] | None = None
) -> list[tuple[str, str, list[tuple[int, dt.time, dt.time]]]]:
    """Per service (value, label, rows): the regular weekly rows (weekday, opens, closes)."""
    schedule = _load(library, branch, hours, [], first=dt.date.min, last=dt.date.min)
    result = []
    for service in schedule.services():
        rows = sorted(
            (row.weekday, row.opens, row.closes)
            for (row_service, _weekday), day_rows in schedule.rows.items()
            if row_service == service
            for row in day_rows
        )
        result.append((service, _label(service), rows))
    return result


def opening_hours_specification(
    library: Library,
    *,
    branch: Any = None,
    hours: Iterable[OpeningHours] | None = None,
    exceptions: Iterable[HoursException] | None = None,
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """schema.org `OpeningHoursSpecification`s: the building's regular hours and coming changes."""
    zone = library_zone(library)
    if today is None:
        today = timezone.now().astimezone(zone).date()
    schedule = _load(
        library,
        branch,
        hours,
        exceptions,
        first=today,
        last=dt.date.max,
        services=[Service.GENERAL],
    )
    specification: list[dict[str, Any]] = []
    for weekday in range(7):
        for row in sorted(schedule.rows.get((Service.GENERAL, weekday), []), key=_row_key):
            specification.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": SCHEMA_DAYS[weekday],
                    "opens": _hhmm(row.opens),
                    "closes": _hhmm(row.closes),
                }
            )
    coming = [
        e
        for e in schedule.exceptions
        if e.end_date >= today
        and e.service in ("", Service.GENERAL)
        and (e.closed or (e.opens is not None and e.closes is not None))
    ]
    for exception in sorted(coming, key=lambda e: (e.start_date, e.end_date, e.pk or 0)):
        specification.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.start_date.isoformat(),
                "validThrough": exception.end_date.isoformat(),
                # schema.org: a day closed all day is given as opening and closing at 00:00.
                "opens": "00:00" if exception.closed else _hhmm(exception.opens),
                "closes": "00:00" if exception.closed else _hhmm(exception.closes),
            }
        )
    return specification


def filter_open_now(
    queryset: QuerySet[Library], now: dt.datetime | None = None
) -> QuerySet[Library]:
    """The libraries whose building (main library, general service) is open at `now`.

    One filter, of uncorrelated subqueries that the database runs once each, written as SQL
    text (the ORM took longer to build them than the database to run them). Zones whose
    clocks read alike at `now` (Prague, Ljubljana, Belgrade) form a group with one local date
    and wall time. For each group: a period started today is running (regular hours, unless
    an exception is in force today; else the exceptions decide), or one from yesterday runs
    past midnight (the same, with yesterday's exceptions).
    """
    now = _utc(now or timezone.now())
    groups: dict[tuple[dt.date, dt.time], list[str]] = defaultdict(list)
    for name in Library.objects.order_by().values_list("timezone", flat=True).distinct():
        zone = _zone(name)
        local = now.astimezone(zone)
        groups[(local.date(), _comparable_wall_time(local, zone))].append(name)
    if not groups:
        return queryset.none()

    ops = connections[queryset.db].ops
    condition = Q(pk__in=[])
    for (today, wall), names in groups.items():
        w = ops.adapt_timefield_value(wall)
        open_now = Q(pk__in=[])
        for day, running, walls in (
            (today, _STARTS_TODAY, [w, w]),
            (today - _DAY, _FROM_YESTERDAY, [w]),
        ):
            d = ops.adapt_datefield_value(day)
            # Constant SQL text; every value is a bound parameter.
            regular = RawSQL(f"{_REGULAR} AND {running}", [day.weekday(), *walls])  # noqa: S611
            excepted = RawSQL(f"SELECT library_id {_EXCEPTED}", [d, d])  # noqa: S611
            by_exceptions = RawSQL(  # noqa: S611
                f"{_BY_EXCEPTIONS} {_EXCEPTED} GROUP BY library_id + 0"
                f" HAVING MAX({_VERDICT} WHEN {running} THEN 1 ELSE 0 END) IN (1, 5)",
                [d, d, *walls],
            )
            open_now |= (Q(pk__in=regular) & ~Q(pk__in=excepted)) | Q(pk__in=by_exceptions)
        condition |= Q(timezone__in=names) & open_now
    return queryset.filter(condition)


# A period is running at a wall time (parameters) when it started today, has begun and not
# yet closed (or closes tomorrow); or when it started yesterday, runs past midnight and has
# not yet closed.
_STARTS_TODAY = "opens <= %s AND (closes > %s OR closes <= opens)"
_FROM_YESTERDAY = "closes <= opens AND closes > %s"
# The building's regular hours of a weekday (a parameter). `branch_id + 0`, here and below:
# SQLite would otherwise walk its branch index over nearly every row (it counts the NULLs as
# distinct values), rather than the day's rows of a covering index.
_REGULAR = (
    "SELECT library_id FROM directory_openinghours"
    " WHERE service = 'general' AND branch_id + 0 IS NULL AND weekday = %s"
)
# The exceptions for the building on a day (the day twice).
_EXCEPTED = (
    "FROM directory_hoursexception WHERE branch_id + 0 IS NULL"
    " AND service IN ('', 'general') AND start_date <= %s AND end_date >= %s"
)
# The libraries whose exceptions of the day open them now. (`library_id + 0`: SQLite would
# otherwise scan a library index for the grouping, rather than the day's few exceptions.)
_BY_EXCEPTIONS = "SELECT library_id + 0"
# One number sums up a library's exceptions of a day: the best of 4 (names the service, so
# it outranks "every service") + 2 (closed) or 1 (changed hours running). Odd: open.
_VERDICT = "CASE WHEN service = 'general' THEN 4 ELSE 0 END + CASE WHEN closed THEN 2"


# --- helpers ----------------------------------------------------------------------------------


def _label(service: str) -> str:
    try:
        return str(Service(service).label)
    except ValueError:
        return service


def _hhmm(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _row_key(row: OpeningHours) -> tuple[dt.time, dt.time]:
    return (row.opens, row.closes)
