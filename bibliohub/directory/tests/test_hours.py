"""Opening hours: per service, exceptions, past midnight, time zones, daylight saving, SQL filter."""

import datetime as dt
import random
from collections import defaultdict
from zoneinfo import ZoneInfo

import pytest

from bibliohub.directory.hours import (
    Period,
    filter_open_now,
    library_zone,
    opening_hours_specification,
    periods_on,
    regular_week,
    status_at,
    week_table,
)
from bibliohub.directory.models import Branch, HoursException, Library, OpeningHours, Service
from bibliohub.directory.services import library_create, library_set_hours

pytestmark = pytest.mark.django_db

UTC = dt.UTC
BELGRADE = ZoneInfo("Europe/Belgrade")
PRAGUE = ZoneInfo("Europe/Prague")
KYIV = ZoneInfo("Europe/Kyiv")
GENERAL = Service.GENERAL
ORDERING = Service.ORDERING
# Daylight saving in Europe, 2026: last Sunday of March and of October.
SPRING = dt.date(2026, 3, 29)
AUTUMN = dt.date(2026, 10, 25)


def t(text):
    return dt.time.fromisoformat(text)


def at(zone, *args, fold=0):
    return dt.datetime(*args, tzinfo=zone, fold=fold)


def utc(*args):
    return dt.datetime(*args, tzinfo=UTC)


def make_library(name, zone="Europe/Prague", *, rows=(), exceptions=(), **fields):
    library = library_create(
        actor=None,
        name=name,
        town=fields.pop("town", "Praha"),
        library_type="public",
        country=fields.pop("country", "CZ"),
        language=fields.pop("language", "cs"),
        timezone=zone,
        **fields,
    )
    set_hours(library, rows, exceptions)
    return library


def set_hours(library, rows, exceptions=()):
    library_set_hours(
        library=library,
        actor=None,
        rows=list(rows),
        exceptions=list(exceptions),
        today=dt.date(2000, 1, 1),
    )


def week(days, opens, closes, service=GENERAL, **more):
    return [
        {"weekday": d, "opens": opens, "closes": closes, "service": service, **more} for d in days
    ]


def local(moment, zone):
    return moment.astimezone(zone).replace(tzinfo=None) if moment else None


@pytest.fixture
def vranje():
    """The public library of Vranje, with the hours from the Biblionet 2020 seed."""
    return make_library(
        "Народна библиотека „Бора Станковић” Врање",
        "Europe/Belgrade",
        town="Врање",
        country="RS",
        language="sr",
        rows=[
            *week(range(5), "08:00", "20:00"),
            *week(range(5), "08:00", "19:00", ORDERING),
            *week([5], "08:00", "15:00"),
            *week([5], "08:00", "14:00", ORDERING),
        ],
    )


# --- Vranje: per service --------------------------------------------------------------------

# Monday 15 June 2026 … Sunday 21 June 2026.
MON, TUE, SAT, SUN, NEXT_MON = (dt.date(2026, 6, d) for d in (15, 16, 20, 21, 22))


def vranje_status(library, day, hour, minute=0, service=GENERAL):
    return status_at(
        library, at(BELGRADE, day.year, day.month, day.day, hour, minute), service=service
    )


def test_vranje_open_on_a_weekday_morning_until_eight_in_the_evening(vranje):
    status = vranje_status(vranje, MON, 10)
    assert status.is_open
    assert local(status.closes_at, BELGRADE) == dt.datetime(2026, 6, 15, 20, 0)
    assert status.closes_at.tzinfo == BELGRADE
    assert status.opens_at is None and status.exception is None


def test_vranje_ordering_of_publications_ends_an_hour_before_the_library_closes(vranje):
    ordering = vranje_status(vranje, MON, 10, service=ORDERING)
    assert ordering.is_open
    assert local(ordering.closes_at, BELGRADE) == dt.datetime(2026, 6, 15, 19, 0)

    general = vranje_status(vranje, MON, 19, 30)
    ordering = vranje_status(vranje, MON, 19, 30, service=ORDERING)
    assert general.is_open
    assert not ordering.is_open
    assert local(ordering.opens_at, BELGRADE) == dt.datetime(2026, 6, 16, 8, 0)


def test_vranje_on_saturday_until_three_and_ordering_until_two(vranje):
    general = vranje_status(vranje, SAT, 14, 30)
    ordering = vranje_status(vranje, SAT, 14, 30, service=ORDERING)
    assert general.is_open
    assert local(general.closes_at, BELGRADE) == dt.datetime(2026, 6, 20, 15, 0)
    assert not ordering.is_open
    assert local(ordering.opens_at, BELGRADE) == dt.datetime(2026, 6, 22, 8, 0)


@pytest.mark.parametrize(
    ("day", "hour", "minute", "is_open", "opens_or_closes"),
    [
        (MON, 7, 59, False, dt.datetime(2026, 6, 15, 8, 0)),
        (MON, 8, 0, True, dt.datetime(2026, 6, 15, 20, 0)),
        (MON, 20, 0, False, dt.datetime(2026, 6, 16, 8, 0)),
        (SAT, 16, 0, False, dt.datetime(2026, 6, 22, 8, 0)),
        (SUN, 12, 0, False, dt.datetime(2026, 6, 22, 8, 0)),
        (NEXT_MON, 0, 30, False, dt.datetime(2026, 6, 22, 8, 0)),
    ],
)
def test_vranje_open_or_closed_and_when_it_opens(
    vranje, day, hour, minute, is_open, opens_or_closes
):
    status = vranje_status(vranje, day, hour, minute)
    assert status.is_open is is_open
    moment = status.closes_at if is_open else status.opens_at
    assert local(moment, BELGRADE) == opens_or_closes


def test_an_instant_given_in_utc_is_read_in_the_library_zone(vranje):
    # 06:00 UTC is 08:00 in Belgrade in summer, 07:00 in winter.
    assert status_at(vranje, utc(2026, 6, 15, 6, 0)).is_open
    winter = status_at(vranje, utc(2026, 1, 12, 6, 0))
    assert not winter.is_open
    assert winter.opens_at == utc(2026, 1, 12, 7, 0)


def test_vranje_week_table_lists_both_services_building_first(vranje, django_assert_num_queries):
    with django_assert_num_queries(2):
        table = week_table(vranje, start=MON, today=TUE)
    assert [(w.service, w.label) for w in table] == [
        ("general", "Library open"),
        ("ordering", "Ordering of publications"),
    ]
    general = table[0].days
    assert [row.day for row in general] == [MON + dt.timedelta(days=n) for n in range(7)]
    assert [row.is_today for row in general] == [False, True, False, False, False, False, False]
    assert [
        [(local(p.opens, BELGRADE).time(), local(p.closes, BELGRADE).time()) for p in row.periods]
        for row in general
    ] == [
        *[[(t("08:00"), t("20:00"))]] * 5,
        [(t("08:00"), t("15:00"))],
        [],
    ]
    assert [len(row.periods) for row in table[1].days] == [1, 1, 1, 1, 1, 1, 0]


def test_vranje_regular_week(vranje):
    assert regular_week(vranje) == [
        (
            "general",
            "Library open",
            [*[(d, t("08:00"), t("20:00")) for d in range(5)], (5, t("08:00"), t("15:00"))],
        ),
        (
            "ordering",
            "Ordering of publications",
            [*[(d, t("08:00"), t("19:00")) for d in range(5)], (5, t("08:00"), t("14:00"))],
        ),
    ]


def test_vranje_schema_org_opening_hours(vranje):
    set_hours(
        vranje,
        [
            *week(range(5), "08:00", "20:00"),
            *week([5], "08:00", "15:00"),
            *week(range(5), "08:00", "19:00", ORDERING),
        ],
        [
            {
                "start_date": "2026-01-01",
                "end_date": "2026-01-02",
                "closed": True,
                "reason": "Нова година",
            },
            {
                "start_date": "2026-05-01",
                "end_date": "2026-05-02",
                "closed": True,
                "reason": "Празник рада",
            },
            {"start_date": "2026-12-31", "closed": False, "opens": "08:00", "closes": "14:00"},
            {"start_date": "2026-06-01", "closed": True, "service": ORDERING},
        ],
    )
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert opening_hours_specification(vranje, today=dt.date(2026, 4, 1)) == [
        *[
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{day}",
                "opens": "08:00",
                "closes": "20:00",
            }
            for day in days
        ],
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Saturday",
            "opens": "08:00",
            "closes": "15:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-05-01",
            "validThrough": "2026-05-02",
            "opens": "00:00",
            "closes": "00:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-31",
            "validThrough": "2026-12-31",
            "opens": "08:00",
            "closes": "14:00",
        },
    ]


# --- exceptions ---------------------------------------------------------------------------------


def test_a_holiday_closure_closes_every_service_and_says_when_it_opens_again(vranje):
    set_hours(
        vranje,
        [*week(range(5), "08:00", "20:00"), *week(range(5), "08:00", "19:00", ORDERING)],
        [
            {
                "start_date": "2026-05-01",
                "end_date": "2026-05-02",
                "closed": True,
                "reason": "Празник рада",
            },
        ],
    )
    friday = at(BELGRADE, 2026, 5, 1, 10, 0)
    for service in (GENERAL, ORDERING):
        status = status_at(vranje, friday, service=service)
        assert not status.is_open
        assert status.exception.reason == "Празник рада"
        assert local(status.opens_at, BELGRADE) == dt.datetime(2026, 5, 4, 8, 0)
    assert periods_on(dt.date(2026, 5, 1), vranje, service=GENERAL) == []
    # The day before, the exception is announced but not yet in force.
    before = status_at(vranje, at(BELGRADE, 2026, 4, 30, 19, 0))
    assert before.is_open and before.exception is None


def test_changed_hours_replace_the_regular_hours_of_that_day(vranje):
    set_hours(
        vranje,
        week(range(6), "08:00", "20:00"),
        [
            {
                "start_date": "2026-12-31",
                "closed": False,
                "opens": "09:00",
                "closes": "14:00",
                "reason": "Последњи дан године",
            },
        ],
    )
    assert not status_at(vranje, at(BELGRADE, 2026, 12, 31, 8, 30)).is_open
    noon = status_at(vranje, at(BELGRADE, 2026, 12, 31, 12, 0))
    assert noon.is_open
    assert local(noon.closes_at, BELGRADE) == dt.datetime(2026, 12, 31, 14, 0)
    assert noon.exception.reason == "Последњи дан године"
    evening = status_at(vranje, at(BELGRADE, 2026, 12, 31, 15, 0))
    assert not evening.is_open
    assert local(evening.opens_at, BELGRADE) == dt.datetime(2027, 1, 1, 8, 0)


def test_an_exception_for_one_service_leaves_the_others_alone(vranje):
    set_hours(
        vranje,
        [*week(range(5), "08:00", "20:00"), *week(range(5), "08:00", "19:00", ORDERING)],
        [
            {"start_date": "2026-06-16", "closed": True, "service": ORDERING, "reason": "Ревизија"},
        ],
    )
    moment = at(BELGRADE, 2026, 6, 16, 10, 0)
    assert status_at(vranje, moment).is_open
    assert status_at(vranje, moment).exception is None
    ordering = status_at(vranje, moment, service=ORDERING)
    assert not ordering.is_open
    assert ordering.exception.reason == "Ревизија"
    assert local(ordering.opens_at, BELGRADE) == dt.datetime(2026, 6, 17, 8, 0)


def test_a_service_exception_wins_over_one_for_every_service(vranje):
    set_hours(
        vranje,
        [*week(range(5), "08:00", "20:00"), *week(range(5), "08:00", "19:00", ORDERING)],
        [
            {
                "start_date": "2026-06-15",
                "end_date": "2026-06-19",
                "closed": True,
                "reason": "Инвентар",
            },
            {
                "start_date": "2026-06-17",
                "closed": False,
                "service": ORDERING,
                "opens": "09:00",
                "closes": "12:00",
            },
        ],
    )
    moment = at(BELGRADE, 2026, 6, 17, 10, 0)
    assert not status_at(vranje, moment).is_open
    assert status_at(vranje, moment, service=ORDERING).is_open
    assert not status_at(vranje, at(BELGRADE, 2026, 6, 16, 10, 0), service=ORDERING).is_open


def test_a_closure_over_a_range_of_days(vranje):
    set_hours(
        vranje,
        week(range(6), "08:00", "20:00"),
        [
            {"start_date": "2026-07-13", "end_date": "2026-07-24", "closed": True},
        ],
    )
    for day in range(13, 25):
        assert periods_on(dt.date(2026, 7, day), vranje, service=GENERAL) == []
        assert not status_at(vranje, at(BELGRADE, 2026, 7, day, 12, 0)).is_open
    status = status_at(vranje, at(BELGRADE, 2026, 7, 13, 12, 0))
    assert local(status.opens_at, BELGRADE) == dt.datetime(2026, 7, 25, 8, 0)
    assert status_at(vranje, at(BELGRADE, 2026, 7, 25, 12, 0)).is_open


def test_opens_at_looks_no_further_than_fourteen_days(vranje):
    set_hours(
        vranje,
        week(range(6), "08:00", "20:00"),
        [
            {"start_date": "2026-08-01", "end_date": "2026-08-31", "closed": True},
        ],
    )
    assert status_at(vranje, at(BELGRADE, 2026, 8, 10, 12, 0)).opens_at is None
    late = status_at(vranje, at(BELGRADE, 2026, 8, 20, 12, 0))
    assert local(late.opens_at, BELGRADE) == dt.datetime(2026, 9, 1, 8, 0)


def test_a_branch_has_its_own_hours_and_exceptions(vranje):
    branch = Branch.objects.create(library=vranje, name="Огранак Бујановац")
    set_hours(
        vranje,
        [*week(range(5), "08:00", "20:00"), *week([0], "12:00", "16:00", branch=branch)],
        [
            {"start_date": "2026-06-15", "closed": True, "branch": branch},
        ],
    )
    monday = at(BELGRADE, 2026, 6, 15, 13, 0)
    assert status_at(vranje, monday).is_open
    assert not status_at(vranje, monday, branch=branch).is_open
    later = status_at(vranje, at(BELGRADE, 2026, 6, 22, 13, 0), branch=branch)
    assert later.is_open
    assert local(later.closes_at, BELGRADE) == dt.datetime(2026, 6, 22, 16, 0)
    assert [w.service for w in week_table(vranje, start=MON, branch=branch)] == ["general"]


def test_prefetched_hours_give_the_same_answers_without_queries(vranje, django_assert_num_queries):
    hours, exceptions = list(vranje.hours.all()), list(vranje.exceptions.all())
    moment = at(BELGRADE, 2026, 6, 15, 19, 30)
    with django_assert_num_queries(0):
        prefetched = status_at(vranje, moment, service=ORDERING, hours=hours, exceptions=exceptions)
        week_table(vranje, start=MON, hours=hours, exceptions=exceptions, today=MON)
        opening_hours_specification(vranje, hours=hours, exceptions=exceptions, today=MON)
    assert prefetched == status_at(vranje, moment, service=ORDERING)


# --- past midnight ------------------------------------------------------------------------------


@pytest.fixture
def night_library():
    """Open Friday 22:00–02:00 (into Saturday) and Saturday 18:00–24:00, then 00:00–03:00."""
    return make_library(
        "Noční knihovna",
        rows=[
            *week([4], "22:00", "02:00"),
            *week([5], "18:00", "00:00"),
            *week([6], "00:00", "03:00"),
        ],
    )


FRI = dt.date(2026, 6, 19)


def test_a_friday_night_period_is_open_early_on_saturday(night_library):
    status = status_at(night_library, at(PRAGUE, 2026, 6, 20, 1, 0))
    assert status.is_open
    assert local(status.closes_at, PRAGUE) == dt.datetime(2026, 6, 20, 2, 0)
    closed = status_at(night_library, at(PRAGUE, 2026, 6, 20, 2, 0))
    assert not closed.is_open
    assert local(closed.opens_at, PRAGUE) == dt.datetime(2026, 6, 20, 18, 0)
    # The period belongs to Friday, the day it starts.
    assert periods_on(FRI, night_library, service=GENERAL) == [
        Period(at(PRAGUE, 2026, 6, 19, 22, 0), at(PRAGUE, 2026, 6, 20, 2, 0))
    ]
    assert periods_on(dt.date(2026, 6, 20), night_library, service=GENERAL) == [
        Period(at(PRAGUE, 2026, 6, 20, 18, 0), at(PRAGUE, 2026, 6, 21, 0, 0))
    ]


def test_back_to_back_periods_across_midnight_close_at_the_end_of_the_second(night_library):
    status = status_at(night_library, at(PRAGUE, 2026, 6, 20, 23, 0))
    assert local(status.closes_at, PRAGUE) == dt.datetime(2026, 6, 21, 3, 0)


def test_a_closure_on_saturday_keeps_fridays_night_but_one_on_friday_removes_it(night_library):
    rows = [*week([4], "22:00", "02:00"), *week([5], "18:00", "00:00")]
    set_hours(night_library, rows, [{"start_date": "2026-06-20", "closed": True}])
    assert status_at(night_library, at(PRAGUE, 2026, 6, 20, 1, 0)).is_open
    assert not status_at(night_library, at(PRAGUE, 2026, 6, 20, 19, 0)).is_open

    set_hours(night_library, rows, [{"start_date": "2026-06-19", "closed": True}])
    assert not status_at(night_library, at(PRAGUE, 2026, 6, 20, 1, 0)).is_open
    assert status_at(night_library, at(PRAGUE, 2026, 6, 20, 19, 0)).is_open


def test_changed_hours_can_run_past_midnight(night_library):
    set_hours(
        night_library,
        week(range(7), "10:00", "18:00"),
        [
            {
                "start_date": "2026-06-19",
                "closed": False,
                "opens": "20:00",
                "closes": "04:00",
                "reason": "Noc literatury",
            },
        ],
    )
    status = status_at(night_library, at(PRAGUE, 2026, 6, 20, 3, 0))
    assert status.is_open
    assert local(status.closes_at, PRAGUE) == dt.datetime(2026, 6, 20, 4, 0)
    assert status.exception is None  # Saturday itself has its regular hours
    assert not status_at(night_library, at(PRAGUE, 2026, 6, 19, 12, 0)).is_open


# --- time zones ---------------------------------------------------------------------------------


@pytest.fixture
def kyiv_and_prague():
    office = week(range(5), "09:00", "17:00")
    kyiv = make_library(
        "Бібліотека № 1 Солом'янського району",
        "Europe/Kyiv",
        rows=office,
        town="Київ",
        country="UA",
        language="uk",
    )
    prague = make_library("Městská knihovna v Praze", "Europe/Prague", rows=office)
    return kyiv, prague


def open_ids(moment):
    return set(filter_open_now(Library.objects.all(), moment).values_list("pk", flat=True))


def test_the_same_instant_is_open_in_kyiv_and_closed_in_prague(kyiv_and_prague):
    kyiv, prague = kyiv_and_prague
    morning = utc(2026, 6, 15, 6, 30)  # 09:30 in Kyiv, 08:30 in Prague
    assert status_at(kyiv, morning).is_open
    closed = status_at(prague, morning)
    assert not closed.is_open
    assert closed.opens_at == utc(2026, 6, 15, 7, 0)
    assert closed.opens_at.tzinfo == PRAGUE
    assert open_ids(morning) == {kyiv.pk}

    evening = utc(2026, 6, 15, 14, 30)  # 17:30 in Kyiv, 16:30 in Prague
    assert not status_at(kyiv, evening).is_open
    assert status_at(prague, evening).is_open
    assert open_ids(evening) == {prague.pk}
    assert open_ids(utc(2026, 6, 15, 10, 0)) == {kyiv.pk, prague.pk}
    assert open_ids(utc(2026, 6, 14, 10, 0)) == set()  # Sunday


def test_a_library_zone_is_its_own_and_a_bad_name_does_not_break_a_page(kyiv_and_prague):
    kyiv, prague = kyiv_and_prague
    assert library_zone(kyiv) == KYIV
    Library.objects.filter(pk=prague.pk).update(timezone="Mars/Olympus_Mons")
    prague.refresh_from_db()
    assert library_zone(prague) == ZoneInfo("Europe/Prague")  # the site's zone
    assert status_at(prague, utc(2026, 6, 15, 10, 0)).is_open
    assert open_ids(utc(2026, 6, 15, 10, 0)) == {kyiv.pk, prague.pk}


# --- daylight saving ------------------------------------------------------------------------------


def test_spring_forward_a_night_period_is_an_hour_shorter_and_ends_at_local_closing_time():
    library = make_library("Knihovna Jiřího Mahena", rows=week([5], "22:00", "04:00"))
    [period] = periods_on(SPRING - dt.timedelta(days=1), library, service=GENERAL)
    assert local(period.closes, PRAGUE) == dt.datetime(2026, 3, 29, 4, 0)
    assert period.closes - period.opens == dt.timedelta(hours=6)  # wall clock
    assert period.closes.astimezone(UTC) - period.opens.astimezone(UTC) == dt.timedelta(hours=5)
    for hour, minute in ((0, 59), (1, 0), (1, 59)):  # 01:59 UTC is 03:59 summer time
        status = status_at(library, utc(2026, 3, 29, hour, minute))
        assert status.is_open
        assert status.closes_at == utc(2026, 3, 29, 2, 0)
    assert not status_at(library, utc(2026, 3, 29, 2, 0)).is_open


def test_spring_forward_an_opening_time_that_does_not_exist_opens_when_clocks_jump():
    library = make_library("Knihovna Václava Štecha", rows=week([6], "02:30", "06:00"))
    [period] = periods_on(SPRING, library, service=GENERAL)
    assert period.opens == utc(2026, 3, 29, 1, 0)  # 03:00 summer time
    assert local(period.opens, PRAGUE) == dt.datetime(2026, 3, 29, 3, 0)
    before = status_at(library, utc(2026, 3, 29, 0, 59, 59))  # 01:59:59 winter time
    assert not before.is_open
    assert before.opens_at == utc(2026, 3, 29, 1, 0)
    assert status_at(library, utc(2026, 3, 29, 1, 0)).is_open
    # A period wholly inside the missing hour does not happen.
    set_hours(library, week([6], "02:10", "02:50"))
    assert periods_on(SPRING, library, service=GENERAL) == []
    assert open_ids(utc(2026, 3, 29, 1, 0)) == set()


def test_fall_back_a_period_ends_the_first_time_the_clock_shows_its_closing_time():
    library = make_library("Krajská knihovna Vysočiny", rows=week([5], "22:00", "02:30"))
    [period] = periods_on(AUTUMN - dt.timedelta(days=1), library, service=GENERAL)
    # (Python never finds an ambiguous local time equal to a UTC one: compare in UTC.)
    assert period.closes.astimezone(UTC) == utc(2026, 10, 25, 0, 30)  # 02:30 summer time
    first_pass = status_at(library, utc(2026, 10, 25, 0, 15))  # 02:15 summer time
    assert first_pass.is_open
    assert first_pass.closes_at.astimezone(UTC) == utc(2026, 10, 25, 0, 30)
    second_pass = status_at(library, utc(2026, 10, 25, 1, 15))  # 02:15 winter time
    assert not second_pass.is_open
    assert open_ids(utc(2026, 10, 25, 0, 15)) == {library.pk}
    assert open_ids(utc(2026, 10, 25, 1, 15)) == set()


def test_fall_back_a_period_opening_in_the_repeated_hour_opens_at_its_first_pass():
    library = make_library("Městská knihovna Tábor", rows=week([6], "02:30", "06:00"))
    assert not status_at(library, utc(2026, 10, 25, 0, 15)).is_open  # 02:15 summer time
    assert status_at(library, utc(2026, 10, 25, 0, 30)).is_open  # 02:30 summer time
    assert status_at(library, utc(2026, 10, 25, 1, 15)).is_open  # 02:15 winter time
    status = status_at(library, at(PRAGUE, 2026, 10, 25, 2, 15, fold=1))
    assert status.is_open
    assert local(status.closes_at, PRAGUE) == dt.datetime(2026, 10, 25, 6, 0)
    # 02:30 to 06:00 on a 25-hour day lasts four and a half hours.
    assert status.closes_at.astimezone(UTC) - utc(2026, 10, 25, 0, 30) == dt.timedelta(
        hours=4, minutes=30
    )
    assert open_ids(utc(2026, 10, 25, 0, 15)) == set()
    assert open_ids(utc(2026, 10, 25, 1, 15)) == {library.pk}


@pytest.mark.parametrize("day", [SPRING, AUTUMN])
def test_daylight_saving_nights_never_crash_and_agree_with_the_filter(day):
    odd_times = ["00:00", "01:30", "02:00", "02:15", "02:30", "02:59", "03:00", "03:30"]
    libraries = []
    for n, (opens, closes) in enumerate(zip(odd_times, odd_times[3:] + odd_times[:3], strict=True)):
        rows = week([5, 6], opens, closes)
        libraries.append(
            make_library(
                f"Knihovna {n}", "Europe/Belgrade" if n % 2 else "Europe/Prague", rows=rows
            )
        )
    start = dt.datetime.combine(day, dt.time(), tzinfo=UTC) - dt.timedelta(hours=3)
    for step in range(0, 6 * 60, 5):
        moment = start + dt.timedelta(minutes=step)
        expected = {lib.pk for lib in libraries if status_at(lib, moment).is_open}
        assert open_ids(moment) == expected, moment
    for library in libraries:
        for offset in (-1, 0, 1):
            for period in periods_on(day + dt.timedelta(days=offset), library, service=GENERAL):
                assert period.opens.astimezone(UTC) < period.closes.astimezone(UTC)
        assert len(week_table(library, start=day - dt.timedelta(days=6))[0].days) == 7


# --- filter_open_now agrees with status_at --------------------------------------------------------

ZONES = [
    "Europe/Prague",
    "Europe/Belgrade",
    "Europe/Ljubljana",
    "Europe/Kyiv",
    "Europe/London",
    "America/New_York",
    "America/Santiago",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
]
TIMES = [dt.time(h, m) for h in range(24) for m in (0, 30)] + [
    dt.time(h, m) for h in (0, 1, 2, 3, 23) for m in (0, 10, 15, 45, 59)
]


def transitions(zone_name, year=2026):
    """The instants (UTC) in `year` when the zone's clocks change."""
    zone, found = ZoneInfo(zone_name), []
    moment = dt.datetime(year, 1, 1, tzinfo=UTC)
    while moment.year == year:
        later = moment + dt.timedelta(hours=1)
        if moment.astimezone(zone).utcoffset() != later.astimezone(zone).utcoffset():
            minute = moment
            while minute.astimezone(zone).utcoffset() == moment.astimezone(zone).utcoffset():
                minute += dt.timedelta(minutes=1)
            found.append(minute)
        moment = later
    return found


def random_libraries(rng, count):
    libraries, hours, exceptions = [], [], []
    focus = sorted(
        {moment.astimezone(ZoneInfo(zone)).date() for zone in ZONES for moment in transitions(zone)}
        | {dt.date(2026, 6, 15), dt.date(2026, 12, 24)}
    )
    for n in range(count):
        library = Library.objects.create(
            name=f"Library {n}",
            slug=f"library-{n}",
            library_type="public",
            town="Town",
            country="CZ",
            language="en",
            timezone=rng.choice(ZONES),
        )
        branch = Branch.objects.create(library=library, name=f"Branch {n}")
        libraries.append(library)
        for weekday in range(7):
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                opens, closes = rng.choice(TIMES), rng.choice(TIMES)
                if opens == closes:
                    continue
                service = rng.choice([GENERAL, GENERAL, GENERAL, ORDERING])
                hours.append(
                    OpeningHours(
                        library=library,
                        service=service,
                        weekday=weekday,
                        opens=opens,
                        closes=closes,
                        branch=branch if rng.random() < 0.15 else None,
                    )
                )
        for _ in range(rng.choice([0, 1, 2, 3, 4])):
            start = rng.choice(focus) + dt.timedelta(days=rng.randint(-2, 1))
            closed = rng.random() < 0.4
            exceptions.append(
                HoursException(
                    library=library,
                    start_date=start,
                    end_date=start + dt.timedelta(days=rng.choice([0, 0, 1, 3])),
                    service=rng.choice(["", "", GENERAL, ORDERING]),
                    branch=branch if rng.random() < 0.1 else None,
                    closed=closed,
                    opens=None if closed else rng.choice(TIMES),
                    closes=None if closed else rng.choice(TIMES),
                )
            )
    OpeningHours.objects.bulk_create(hours)
    HoursException.objects.bulk_create(exceptions)
    return libraries, focus


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_filter_open_now_agrees_with_status_at(seed, django_assert_num_queries):
    rng = random.Random(seed)
    libraries, focus = random_libraries(rng, 40)
    hours, exceptions = defaultdict(list), defaultdict(list)
    for row in OpeningHours.objects.all():
        hours[row.library_id].append(row)
    for row in HoursException.objects.all():
        exceptions[row.library_id].append(row)
    instants = [
        change + dt.timedelta(minutes=15 * k)
        for zone in ZONES
        for change in transitions(zone)
        for k in range(-10, 11, 2)
    ]
    for day in focus:
        base = dt.datetime.combine(day, dt.time(), tzinfo=UTC)
        instants += [
            base + dt.timedelta(minutes=rng.randrange(-24 * 60, 48 * 60, 5)) for _ in range(6)
        ]
    rng.shuffle(instants)
    opened = excepted = 0
    for moment in instants[:120]:
        with django_assert_num_queries(2):  # the zones in use, then the libraries
            found = open_ids(moment)
        expected = set()
        for library in libraries:
            status = status_at(
                library, moment, hours=hours[library.pk], exceptions=exceptions[library.pk]
            )
            excepted += status.exception is not None
            if status.is_open:
                expected.add(library.pk)
        assert found == expected, (
            moment,
            [
                (lib.pk, lib.timezone, str(moment.astimezone(library_zone(lib))))
                for lib in libraries
                if lib.pk in found ^ expected
            ],
        )
        opened += len(found)
    # The sample means something: libraries were open and exceptions were in force.
    assert opened > 100
    assert excepted > 100


def test_filter_open_now_keeps_the_other_filters_of_the_queryset(kyiv_and_prague):
    kyiv, prague = kyiv_and_prague
    noon = utc(2026, 6, 15, 10, 0)
    assert list(filter_open_now(Library.objects.filter(timezone="Europe/Kyiv"), noon)) == [kyiv]
    assert filter_open_now(Library.objects.exclude(pk__in=[kyiv.pk, prague.pk]), noon).count() == 0
