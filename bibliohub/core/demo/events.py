"""Events of the demo: the municipal section's 2025 programme and Biblionet 2020 from the seeds,
kept as an archive with attendance, and a year of coming events dated from today.

Everything goes through the events services, as a coordinator would make it. Registrations for
events that have begun cannot go through `register` (it refuses once an event starts), so the
archive's registrations are written directly and their attendance marked by `attendance_set`.
Times, places and programmes not in the seeds are invented; the comments say which.
"""

from __future__ import annotations

import contextlib
import datetime
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from bibliohub.core.models import Visibility
from bibliohub.core.text import sr_cyrillic_to_latin
from bibliohub.directory.models import Library, LibraryRole, Network, NetworkRole
from bibliohub.events.models import Event, Registration
from bibliohub.events.services import (
    SessionData,
    attendance_set,
    event_cancel,
    event_create,
    register,
)

from . import calendar
from .places import THU, TUE, WED

PRAGUE, LJUBLJANA, BELGRADE, KYIV = (
    "Europe/Prague",
    "Europe/Ljubljana",
    "Europe/Belgrade",
    "Europe/Kyiv",
)
COUNTRY_OF_ZONE = {PRAGUE: "CZ", LJUBLJANA: "SI", BELGRADE: "RS", KYIV: "UA"}

SDRUK, SECTION = "sdruk", "sdruk-mestske-knihovny"
OOK, LJUBLJANA_REGION = "osrednje-obmocne-knjiznice", "regija-ljubljana"
BIBLIONET, KYIV_SYSTEM = "biblionet", "cbs-solomianskyi"

# The people of people.py who take part.
MARTINA, JAN, ZDENKA = (
    "martina.wolna@example.org",
    "jan.cervinka@example.org",
    "zdenka.smahlova@example.org",
)
LUCIE, HANA, PETRA = (
    "lucie.maresova@example.org",
    "hana.svobodova@example.org",
    "petra.novakova@example.org",
)
TOMAS, LENKA, JIRI, MICHAELA = (
    "tomas.dvorak@example.org",
    "lenka.kralova@example.org",
    "jiri.kucera@example.org",
    "michaela.horakova@example.org",
)
MAJA, ANA, NINA, ANDREJ, MATEJ = (
    "maja.kovac@example.net",
    "ana.kralj@example.net",
    "nina.krajnc@example.net",
    "andrej.horvat@example.net",
    "matej.zupancic@example.net",
)
BARBARA, TJASA, LUKA, URSKA, ROK = (
    "barbara.golob@example.net",
    "tjasa.kos@example.net",
    "luka.vidmar@example.net",
    "urska.potocnik@example.net",
    "rok.mlakar@example.net",
)
MILICA, NEMANJA, JOVANA = (
    "milica.petrovic@example.org",
    "nemanja.jovanovic@example.org",
    "jovana.ilic@example.org",
)
OKSANA, IRYNA = "oksana.shevchuk@example.org", "iryna.melnyk@example.org"

K, M, R = Event.Kind, Event.Mode, Event.Registration
MEMBERS_ONLY = Visibility.MEMBERS
ONE_DAY = datetime.timedelta(days=1)

STRAVA = {
    "text": "Strava",
    "required": True,
    "choices": "Bez omezení\nVegetariánská\nVeganská\nBezlepková",
}


def _link(name: str) -> str:
    # Invented meeting rooms on a reserved domain: nobody can join a demo meeting by mistake.
    return f"https://meet.example.org/{name}"


@dataclass
class DemoEvent:
    network: str
    by: str  # the coordinator who creates it
    sessions: list[SessionData]
    fields: dict[str, Any]
    town: str = ""  # the host library is the directory's library in this town
    people: list[str] = field(default_factory=list)  # registered, in this order
    absent: set[str] = field(default_factory=set)  # past events: confirmed but did not come
    questions: list[dict[str, Any]] = field(default_factory=list)
    translations: list[dict[str, Any]] = field(default_factory=list)
    cancelled: str = ""  # the reason, for an event called off


def _at(day: datetime.date, clock: str, zone: str) -> datetime.datetime:
    hours, minutes = clock.split(":")
    moment = datetime.time(int(hours), int(minutes))
    return datetime.datetime.combine(day, moment, tzinfo=zoneinfo.ZoneInfo(zone))


def _session(
    day: datetime.date, start: str, end: str, zone: str, title: str = "", **extra: Any
) -> SessionData:
    return SessionData(
        starts_at=_at(day, start, zone), ends_at=_at(day, end, zone), title=title, **extra
    )


def _day(
    today: datetime.date,
    after_days: int,
    weekday: int,
    zone: str,
    length: int = 1,
    *,
    holidays_off: bool = True,
) -> datetime.date:
    """The first `weekday` at least `after_days` from today on which a library event can be held:
    none of its days a public holiday, nor (`holidays_off`) in the break around New Year."""
    country = COUNTRY_OF_ZONE[zone]
    day = today + datetime.timedelta(days=after_days)
    public = {d for d, _ in calendar.holidays_between(country, day, day + datetime.timedelta(90))}

    def closed(date: datetime.date) -> bool:
        winter_break = (date.month, date.day) >= (12, 20) or (date.month, date.day) <= (1, 6)
        return date in public or (holidays_off and winter_break)

    while day.weekday() != weekday or any(closed(day + n * ONE_DAY) for n in range(length)):
        day += ONE_DAY
    return day


def _serbian_latin(title: str, summary: str, description: str) -> list[dict[str, Any]]:
    """The same text in Serbian Latin script, for readers who use it."""
    if "sr-latn" not in dict(settings.CONTENT_LANGUAGES):
        return []
    return [
        {
            "language": "sr-latn",
            "title": sr_cyrillic_to_latin(title),
            "summary": sr_cyrillic_to_latin(summary),
            "description": sr_cyrillic_to_latin(description),
        }
    ]


# --- The section's 2025 programme, from its seed -------------------------------------------


def section_2025() -> list[DemoEvent]:
    """The 2025 dates and towns of the seed; the hours of the day are invented."""
    d = datetime.date
    return [
        DemoEvent(
            SECTION,
            MARTINA,
            [_session(d(2025, 3, 25), "10:00", "16:00", PRAGUE)],
            {
                "kind": K.MEETING,
                "mode": M.IN_PERSON,
                "visibility": MEMBERS_ONLY,
                "title": "Setkání sekce městských knihoven",
                "summary": "Jarní setkání ředitelů a vedoucích městských knihoven v Brně.",
                "description": SECTION_MEETING_2025,
                "capacity": 40,
                "training_hours": Decimal("4"),
            },
            town="Brno",
            people=[MARTINA, JAN, ZDENKA, PETRA, TOMAS, LENKA, JIRI, HANA],
            absent={HANA},
        ),
        DemoEvent(
            SECTION,
            MARTINA,
            [
                _session(d(2025, 3, 26), "9:00", "15:00", PRAGUE, "AI v praxi manažera"),
                _session(
                    d(2025, 4, 2),
                    "9:00",
                    "12:00",
                    PRAGUE,
                    "Online workshop: AI v komunikaci knihovny",
                    online=True,
                ),
                _session(
                    d(2025, 4, 16),
                    "9:00",
                    "12:00",
                    PRAGUE,
                    "Online workshop: AI v řízení a administrativě",
                    online=True,
                ),
            ],
            {
                "kind": K.COURSE,
                "mode": M.HYBRID,
                "title": "AI akademie pro vedení knihoven",
                "summary": "Den živě v Brně a dva online workshopy o umělé inteligenci v řízení "
                "knihovny.",
                "description": AI_ACADEMY_2025,
                "online_url": _link("sdruk-ai-akademie-2025"),
                "capacity": 25,
                "training_hours": Decimal("12"),
            },
            town="Brno",
            people=[PETRA, TOMAS, LENKA, JIRI, MARTINA, ZDENKA],
            absent={JIRI},
        ),
        DemoEvent(
            SDRUK,
            LUCIE,
            [_session(d(2025, 4, 15), "10:00", "15:00", PRAGUE)],
            {
                "kind": K.ASSEMBLY,
                "mode": M.IN_PERSON,
                "title": "Valná hromada SDRUK",
                "summary": "Valná hromada Sdružení knihoven ČR v Městské knihovně Louny.",
                "description": ASSEMBLY_2025,
                # A general assembly is no training: it credits no hours.
                "training_hours": Decimal("0"),
            },
            town="Louny",
            people=[LUCIE, MARTINA, PETRA, MICHAELA, TOMAS, JIRI],
        ),
        DemoEvent(
            SECTION,
            MARTINA,
            [
                _session(d(2025, 4, 23), "9:00", "16:00", PRAGUE, "1. den"),
                _session(d(2025, 4, 24), "9:00", "15:00", PRAGUE, "2. den"),
            ],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Library advocacy v praxi",
                "summary": "Dvoudenní workshop o tom, jak obhajovat zájmy knihovny před "
                "zřizovatelem i veřejností.",
                "description": ADVOCACY_2025,
                "capacity": 24,
                "training_hours": Decimal("12"),
            },
            town="Praha",
            people=[HANA, PETRA, MARTINA, LENKA, JAN],
            absent={LENKA},
        ),
        DemoEvent(
            SECTION,
            ZDENKA,
            [
                _session(d(2025, 5, 13), "10:00", "16:00", PRAGUE, "1. den"),
                _session(d(2025, 5, 14), "9:00", "15:00", PRAGUE, "2. den"),
            ],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Elektronické služby knihoven",
                "summary": "Dva dny o elektronických službách: e-výpůjčky, online registrace, "
                "platby a web knihovny.",
                "description": E_SERVICES_2025,
                "capacity": 30,
                "registration": R.ANYONE,
                "training_hours": Decimal("12"),
            },
            town="Zlín",
            people=[JIRI, JAN, ZDENKA, LENKA, TOMAS],
        ),
        DemoEvent(
            SECTION,
            JAN,
            [_session(d(2025, 5, 21), "9:30", "15:30", PRAGUE)],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Long story short",
                "summary": "Workshop o tom, jak krátce a poutavě vyprávět příběh své knihovny.",
                "description": LONG_STORY_SHORT_2025,
                "capacity": 20,
                "training_hours": Decimal("6"),
            },
            town="Hradec Králové",
            people=[LENKA, PETRA, JAN, TOMAS],
            absent={TOMAS},
        ),
        DemoEvent(
            SECTION,
            MARTINA,
            [_session(d(2025, 6, 13), "10:00", "11:30", PRAGUE, online=True)],
            {
                "kind": K.MEETING,
                "mode": M.ONLINE,
                "visibility": MEMBERS_ONLY,
                "title": "Online setkání sekce",
                "summary": "Online setkání členů sekce před letní přestávkou.",
                "description": ONLINE_MEETING_2025,
                "venue": "Zoom",
                "online_url": _link("sdruk-sekce-2025-06"),
                "training_hours": Decimal("1.5"),
            },
            people=[MARTINA, JAN, ZDENKA, PETRA, JIRI, HANA],
            absent={ZDENKA},
        ),
        DemoEvent(
            SECTION,
            MARTINA,
            [
                _session(
                    d(2025, 9, 9), "10:00", "18:00", PRAGUE, "1. den", programme=CONFERENCE_DAY_1
                ),
                _session(
                    d(2025, 9, 10), "9:00", "17:00", PRAGUE, "2. den", programme=CONFERENCE_DAY_2
                ),
                _session(
                    d(2025, 9, 11), "9:00", "13:00", PRAGUE, "3. den", programme=CONFERENCE_DAY_3
                ),
            ],
            {
                "kind": K.CONFERENCE,
                "mode": M.IN_PERSON,
                "title": "Knihovny současnosti",
                "summary": "Tři dny přednášek, diskusí a workshopů o současném knihovnictví "
                "v Jihlavě.",
                "description": CONFERENCE_2025,
                "capacity": 300,
                "registration": R.ANYONE,
                "training_hours": Decimal("16"),
            },
            town="Jihlava",
            people=[PETRA, MARTINA, LUCIE, TOMAS, LENKA, JIRI, HANA, JAN, ZDENKA],
            absent={ZDENKA},
        ),
        # The seed names this workshop without a date: 12 November 2024 is invented.
        DemoEvent(
            SECTION,
            MARTINA,
            [_session(d(2024, 11, 12), "9:00", "15:00", PRAGUE)],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Advokační práce v kostce",
                "summary": "Jednodenní workshop o základech advokace knihoven.",
                "description": ADVOCACY_BASICS,
                "capacity": 20,
                "training_hours": Decimal("5"),
            },
            town="Olomouc",
            people=[HANA, TOMAS, PETRA, MARTINA],
        ),
        # The seed names this workshop without a date: 16 October 2025 is invented.
        DemoEvent(
            SECTION,
            MARTINA,
            [_session(d(2025, 10, 16), "9:30", "15:30", PRAGUE)],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Wellbeing ředitelů",
                "summary": "Workshop o tom, jak v roli ředitele pečovat o sebe i o tým.",
                "description": WELLBEING,
                "capacity": 16,
                "training_hours": Decimal("5"),
            },
            town="Třinec",
            people=[MARTINA, JAN, ZDENKA, LENKA, PETRA],
            absent={JAN},
        ),
    ]


def biblionet_2020() -> DemoEvent:
    # The seed gives the year, the host and the theme but no dates: 1–2 October 2020 and the
    # day-by-day programme are invented.
    title = BIBLIONET_2020_TITLE
    summary = "Годишњи скуп јавних библиотека Србије у Врању, посвећен сарадњи и партнерствима."
    return DemoEvent(
        BIBLIONET,
        JOVANA,
        [
            _session(
                datetime.date(2020, 10, 1),
                "10:00",
                "17:00",
                BELGRADE,
                "Први дан",
                programme=BIBLIONET_2020_DAY_1,
            ),
            _session(
                datetime.date(2020, 10, 2),
                "9:30",
                "14:00",
                BELGRADE,
                "Други дан",
                programme=BIBLIONET_2020_DAY_2,
            ),
        ],
        {
            "kind": K.CONFERENCE,
            "mode": M.IN_PERSON,
            "title": title,
            "summary": summary,
            "description": BIBLIONET_2020,
            "capacity": 150,
            "registration": R.ANYONE,
            "training_hours": Decimal("10"),
        },
        town="Врање",
        people=[MILICA, NEMANJA, JOVANA],
        translations=_serbian_latin(title, summary, BIBLIONET_2020),
    )


# --- Recent and coming events, dated from today ---------------------------------------------


def recent(now: datetime.datetime) -> list[DemoEvent]:
    """A few weeks back, so the Slovenian and Ukrainian accounts have an archive too."""
    si = now.astimezone(zoneinfo.ZoneInfo(LJUBLJANA)).date()
    ua = now.astimezone(zoneinfo.ZoneInfo(KYIV)).date()
    return [
        DemoEvent(
            OOK,
            MAJA,
            [_session(_day(si, -45, THU, LJUBLJANA), "9:00", "14:00", LJUBLJANA)],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Posvet o bralni pismenosti v splošnih knjižnicah",
                "summary": "Strokovni posvet osrednjih območnih knjižnic o spodbujanju branja.",
                "description": READING_LITERACY_SI,
                "capacity": 40,
                "training_hours": Decimal("5"),
            },
            town="Maribor",
            people=[MAJA, ANA, ANDREJ, NINA, ROK, URSKA],
            absent={URSKA},
        ),
        DemoEvent(
            KYIV_SYSTEM,
            OKSANA,
            [_session(_day(ua, -40, WED, KYIV), "11:00", "15:00", KYIV)],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Фандрейзинг для бібліотек",
                "summary": "Практичний семінар для працівників ЦБС: гранти, партнери та "
                "залучення додаткових ресурсів.",
                "description": FUNDRAISING_UA,
                "capacity": 25,
                "training_hours": Decimal("4"),
            },
            town="Київ",
            people=[OKSANA, IRYNA],
        ),
    ]


def coming(now: datetime.datetime) -> list[DemoEvent]:
    """A year of coming events of every network, in every kind, form and registration rule."""
    cz = now.astimezone(zoneinfo.ZoneInfo(PRAGUE)).date()
    si = now.astimezone(zoneinfo.ZoneInfo(LJUBLJANA)).date()
    rs = now.astimezone(zoneinfo.ZoneInfo(BELGRADE)).date()
    ua = now.astimezone(zoneinfo.ZoneInfo(KYIV)).date()
    days = datetime.timedelta

    online_meeting = _day(cz, 10, WED, PRAGUE)
    # About three weeks ahead whatever the season: the lead's browser test relies on it.
    academy = _day(cz, 20, WED, PRAGUE, holidays_off=False)
    mentoring = _day(cz, 30, THU, PRAGUE)
    english = _day(cz, 40, TUE, PRAGUE)
    meeting = _day(cz, 45, THU, PRAGUE)
    called_off = _day(cz, 60, TUE, PRAGUE)
    strategy = _day(cz, 180, TUE, PRAGUE, length=2)
    assembly = _day(cz, 150, TUE, PRAGUE)
    course = _day(si, 25, TUE, LJUBLJANA)
    ook = _day(si, 55, THU, LJUBLJANA)
    partnerships = _day(rs, 33, WED, BELGRADE)
    biblionet = _day(rs, 300, THU, BELGRADE, length=2)
    webinar = _day(ua, 12, THU, KYIV)
    hub = _day(ua, 50, TUE, KYIV)

    partnerships_title = "Партнерства библиотека у пракси"
    partnerships_summary = (
        "Вебинар Библионета: како библиотеке граде партнерства са школама, музејима, "
        "привредом и локалном самоуправом."
    )
    biblionet_title = f"Библионет {biblionet.year}: Библиотеке и локална заједница"
    biblionet_summary = (
        "Годишња конференција јавних библиотека Србије. Домаћин: Народна библиотека "
        "„Стеван Сремац“ у Нишу."
    )
    biblionet_opens = _at(biblionet - days(90), "9:00", BELGRADE)

    return [
        # The Czech section and its association.
        DemoEvent(
            SECTION,
            MARTINA,
            [_session(online_meeting, "10:00", "11:30", PRAGUE, online=True)],
            {
                "kind": K.MEETING,
                "mode": M.ONLINE,
                "visibility": MEMBERS_ONLY,
                "title": "Online setkání sekce",
                "summary": "Online setkání členů sekce: novinky a sdílení zkušeností.",
                "description": ONLINE_MEETING,
                "venue": "Zoom",
                "online_url": _link("sdruk-sekce-online"),
                "registration_closes": _at(online_meeting - ONE_DAY, "12:00", PRAGUE),
                "training_hours": Decimal("1.5"),
            },
            people=[MARTINA, PETRA, JAN, LENKA, ZDENKA],
        ),
        # The lead's browser test registers for this one: keep its title, its open
        # registration and no demo account among the people registered.
        DemoEvent(
            SECTION,
            MARTINA,
            [
                _session(academy, "9:00", "13:00", PRAGUE, "AI v praxi manažera"),
                _session(
                    academy + days(14),
                    "9:00",
                    "11:00",
                    PRAGUE,
                    "Online workshop: AI v komunikaci knihovny",
                    online=True,
                ),
                _session(
                    academy + days(28),
                    "9:00",
                    "11:00",
                    PRAGUE,
                    "Online workshop: AI v řízení a administrativě",
                    online=True,
                ),
            ],
            {
                "kind": K.COURSE,
                "mode": M.HYBRID,
                "title": "AI akademie pro vedení knihoven",
                "summary": "Den živě v Praze a dva online workshopy o umělé inteligenci "
                "v řízení knihovny.",
                "description": AI_ACADEMY,
                "online_url": _link("sdruk-ai-akademie"),
                "capacity": 20,
                "registration": R.MEMBERS,
                "registration_opens": _at(cz - days(7), "9:00", PRAGUE),
                "registration_closes": _at(academy - 2 * ONE_DAY, "23:59", PRAGUE),
                "training_hours": Decimal("8"),
            },
            town="Praha",
            people=[TOMAS, LENKA, JIRI],
        ),
        # Full: five seats taken, two people waiting (Petra first).
        DemoEvent(
            SECTION,
            JAN,
            [_session(mentoring, "10:00", "15:00", PRAGUE)],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Mentoringový kruh pro nové ředitele",
                "summary": "Malá skupina, zkušený mentor a otázky, které přináší první rok "
                "ve funkci.",
                "description": MENTORING,
                "capacity": 5,
                "registration_closes": _at(mentoring - 3 * ONE_DAY, "12:00", PRAGUE),
                "training_hours": Decimal("4"),
            },
            town="Nymburk",
            people=[LENKA, JIRI, HANA, ZDENKA, MARTINA, PETRA, LUCIE],
        ),
        DemoEvent(
            SDRUK,
            LUCIE,
            [_session(english, "14:00", "15:30", PRAGUE, online=True)],
            {
                "kind": K.WEBINAR,
                "mode": M.ONLINE,
                "title": "Mezinárodní spolupráce knihoven: projekty Erasmus+",
                "summary": "Webinář o programu Erasmus+ pro knihovny: stáže, partnerství "
                "a zkušenosti.",
                "description": ERASMUS,
                "online_url": _link("sdruk-erasmus"),
                "registration": R.ANYONE,
                "training_hours": Decimal("1.5"),
            },
            people=[PETRA, JIRI, MICHAELA, TOMAS],
            translations=[
                {
                    "language": "en",
                    "title": "International cooperation of libraries: Erasmus+ projects",
                    "summary": "A webinar on Erasmus+ for libraries: job shadowing, "
                    "partnerships and lessons learned.",
                    "description": ERASMUS_EN,
                }
            ],
        ),
        DemoEvent(
            SECTION,
            ZDENKA,
            [_session(meeting, "10:00", "16:00", PRAGUE)],
            {
                "kind": K.MEETING,
                "mode": M.IN_PERSON,
                "visibility": MEMBERS_ONLY,
                "title": "Setkání sekce městských knihoven",
                "summary": "Živé setkání ředitelů a vedoucích městských knihoven ve Valašském "
                "Meziříčí.",
                "description": SECTION_MEETING,
                "capacity": 40,
                "registration_closes": _at(meeting - 7 * ONE_DAY, "23:59", PRAGUE),
                "training_hours": Decimal("4"),
            },
            town="Valašské Meziříčí",
            people=[PETRA, TOMAS, LENKA, JIRI, JAN, ZDENKA, HANA, MARTINA],
            questions=[
                STRAVA,
                {"text": "Přijdete i na společnou večeři den předem?", "choices": "Ano\nNe"},
            ],
        ),
        DemoEvent(
            SECTION,
            JAN,
            [_session(called_off, "9:00", "15:00", PRAGUE)],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Fundraising pro knihovny",
                "summary": "Granty, dárci a firemní partneři: peníze nad rámec rozpočtu "
                "zřizovatele.",
                "description": FUNDRAISING,
                "capacity": 20,
                "registration_closes": _at(called_off - 5 * ONE_DAY, "23:59", PRAGUE),
                "training_hours": Decimal("5"),
            },
            town="Zlín",
            people=[JIRI, LENKA, PETRA],
            cancelled="Lektorka onemocněla. Workshop přesuneme na jaro, nový termín včas oznámíme.",
        ),
        DemoEvent(
            SECTION,
            MARTINA,
            [
                _session(strategy, "9:00", "16:00", PRAGUE, "1. den"),
                _session(strategy + ONE_DAY, "9:00", "15:00", PRAGUE, "2. den"),
            ],
            {
                "kind": K.WORKSHOP,
                "mode": M.IN_PERSON,
                "title": "Strategické plánování v knihovně",
                "summary": "Dvoudenní workshop: od potřeb komunity ke strategii a akčnímu plánu.",
                "description": STRATEGY,
                "capacity": 24,
                "registration": R.ANYONE,
                "registration_opens": _at(cz - days(3), "9:00", PRAGUE),
                "registration_closes": _at(strategy - 14 * ONE_DAY, "23:59", PRAGUE),
                "training_hours": Decimal("12"),
            },
            town="Olomouc",
            people=[PETRA, HANA, ZDENKA, MICHAELA],
            questions=[STRAVA],
        ),
        DemoEvent(
            SDRUK,
            LUCIE,
            [_session(assembly, "10:00", "15:00", PRAGUE)],
            {
                "kind": K.ASSEMBLY,
                "mode": M.IN_PERSON,
                "title": "Valná hromada SDRUK",
                "summary": "Výroční valná hromada Sdružení knihoven ČR v Hradci Králové.",
                "description": ASSEMBLY,
                "registration_closes": _at(assembly - 3 * ONE_DAY, "23:59", PRAGUE),
                "training_hours": Decimal("0"),
            },
            town="Hradec Králové",
            people=[LUCIE, PETRA, MICHAELA, MARTINA, JIRI],
        ),
        # The Slovenian regional central libraries.
        DemoEvent(
            LJUBLJANA_REGION,
            ANA,
            [
                _session(course, "9:00", "13:00", LJUBLJANA, "1. srečanje"),
                _session(course + days(7), "9:00", "13:00", LJUBLJANA, "2. srečanje"),
            ],
            {
                "kind": K.COURSE,
                "mode": M.IN_PERSON,
                "title": "Strokovno izpopolnjevanje za splošne knjižnice",
                "summary": "Regijsko izobraževanje za zaposlene v splošnih knjižnicah "
                "ljubljanske regije.",
                "description": TRAINING_SI,
                "capacity": 30,
                "registration_closes": _at(course - 5 * ONE_DAY, "23:59", LJUBLJANA),
                "training_hours": Decimal("8"),
            },
            town="Ljubljana",
            people=[TJASA, LUKA, MAJA],
            questions=[
                {
                    "text": "Prehrana",
                    "required": True,
                    "choices": "Brez omejitev\nVegetarijanska\nBrez glutena",
                }
            ],
        ),
        DemoEvent(
            OOK,
            MAJA,
            [_session(ook, "10:00", "14:00", LJUBLJANA, online=True)],
            {
                "kind": K.MEETING,
                "mode": M.HYBRID,
                "visibility": MEMBERS_ONLY,
                "title": "Srečanje tima osrednjih območnih knjižnic",
                "summary": "Direktorji in regijski koordinatorji o območnih nalogah in "
                "načrtu izobraževanj.",
                "description": OOK_MEETING,
                "online_url": _link("ook-tim"),
                "training_hours": Decimal("0"),
            },
            town="Celje",
            people=[MAJA, NINA, ANDREJ, MATEJ, BARBARA, ANA],
            questions=[
                {"text": "Način udeležbe", "required": True, "choices": "V živo\nNa daljavo"}
            ],
        ),
        # Biblionet. The next conference's theme, host and dates are invented.
        DemoEvent(
            BIBLIONET,
            JOVANA,
            [_session(partnerships, "11:00", "12:30", BELGRADE, online=True)],
            {
                "kind": K.WEBINAR,
                "mode": M.ONLINE,
                "title": partnerships_title,
                "summary": partnerships_summary,
                "description": PARTNERSHIPS_RS,
                "online_url": _link("biblionet-partnerstva"),
                "registration": R.ANYONE,
                "registration_closes": _at(partnerships - ONE_DAY, "20:00", BELGRADE),
                "training_hours": Decimal("1.5"),
            },
            people=[MILICA, NEMANJA],
            translations=_serbian_latin(partnerships_title, partnerships_summary, PARTNERSHIPS_RS),
        ),
        DemoEvent(
            BIBLIONET,
            JOVANA,
            [
                _session(biblionet, "10:00", "17:00", BELGRADE, "Први дан"),
                _session(biblionet + ONE_DAY, "9:30", "14:00", BELGRADE, "Други дан"),
            ],
            {
                "kind": K.CONFERENCE,
                "mode": M.IN_PERSON,
                "title": biblionet_title,
                "summary": biblionet_summary,
                "description": BIBLIONET_NEXT,
                "capacity": 200,
                "registration": R.ANYONE,
                # Registration opens three months ahead: until then the page says when.
                "registration_opens": biblionet_opens,
                "registration_closes": _at(biblionet - days(10), "23:59", BELGRADE),
                "training_hours": Decimal("10"),
            },
            town="Ниш",
            translations=_serbian_latin(biblionet_title, biblionet_summary, BIBLIONET_NEXT),
        ),
        # The Kyiv district library system.
        DemoEvent(
            KYIV_SYSTEM,
            OKSANA,
            [_session(webinar, "10:00", "11:30", KYIV, online=True)],
            {
                "kind": K.WEBINAR,
                "mode": M.ONLINE,
                "title": "Цифрові сервіси бібліотеки",
                "summary": "Вебінар про цифрові сервіси бібліотек-хабів: електронний каталог, "
                "онлайн-записи та консультації.",
                "description": DIGITAL_SERVICES_UA,
                "online_url": _link("cbs-tsyfrovi-servisy"),
                "capacity": 100,
                "registration": R.ANYONE,
                "training_hours": Decimal("1.5"),
            },
            people=[IRYNA],
        ),
        DemoEvent(
            KYIV_SYSTEM,
            OKSANA,
            [_session(hub, "11:00", "15:00", KYIV, online=True)],
            {
                "kind": K.WORKSHOP,
                "mode": M.HYBRID,
                "title": "Бібліотека-хаб: простір для громади",
                "summary": "Семінар про перетворення бібліотек-філій на хаби для мешканців району.",
                "description": HUB_UA,
                "online_url": _link("cbs-biblioteka-hab"),
                "capacity": 25,
                "registration_closes": _at(hub - 2 * ONE_DAY, "18:00", KYIV),
                "training_hours": Decimal("4"),
            },
            town="Київ",
            people=[OKSANA, IRYNA],
            questions=[{"text": "Формат участі", "required": True, "choices": "Очно\nОнлайн"}],
        ),
    ]


# --- Loading ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _without_notices() -> Iterator[None]:
    """Registering and cancelling through the services queues e-mails for after the commit.

    The demo's people are invented and the loader sends no mail (neither do its applications),
    so what the services queued while loading is dropped. Django keeps the callbacks waiting
    for the commit in `run_on_commit`; only those added inside this block are removed.
    """
    connection = transaction.get_connection()
    waiting = len(connection.run_on_commit)
    try:
        yield
    finally:
        del connection.run_on_commit[waiting:]


class _People:
    """The demo's people by e-mail, each with the library (or else the network) they come from."""

    def __init__(self) -> None:
        self.users = {user.email: user for user in get_user_model().objects.all()}
        self.libraries: dict[str, Library | None] = {}
        self.organisations: dict[str, str] = {}
        roles = LibraryRole.objects.select_related("library", "user").order_by("id")
        for role in roles:
            self.libraries.setdefault(role.user.email, role.library)
        # The section's coordinators have no library role; their title names their town.
        towns = {library.town: library for library in Library.objects.all()}
        network_roles = NetworkRole.objects.select_related("user", "network").order_by("id")
        for network_role in network_roles:
            email = network_role.user.email
            if self.libraries.get(email) is None:
                self.libraries[email] = towns.get(network_role.title)
            self.organisations.setdefault(email, network_role.network.short_name)

    def library(self, email: str) -> Library | None:
        return self.libraries.get(email)

    def organisation(self, email: str) -> str:
        return "" if self.library(email) else self.organisations.get(email, "")


def _answers(event: Event, index: int) -> dict[str, str]:
    """Answers to the event's questions, varied from one person to the next."""
    return {
        str(q.pk): q.choice_list[index % len(q.choice_list)]
        for q in event.questions.all()
        if q.choice_list
    }


def _register_past(event: Event, spec: DemoEvent, people: _People, actor: Any) -> None:
    assert event.starts_at is not None
    present = []
    for index, email in enumerate(spec.people):
        user = people.users[email]
        registered = event.starts_at - datetime.timedelta(days=30 - index, hours=3 * index)
        registration = Registration.objects.create(
            event=event,
            user=user,
            name=user.full_name,
            email=user.email,
            library=people.library(email),
            organisation=people.organisation(email),
            language=user.language,
            status=Registration.Status.CONFIRMED,
            confirmed_at=registered,
            answers=_answers(event, index),
        )
        # created_at is set on creation; backdate it to when the person registered.
        Registration.objects.filter(pk=registration.pk).update(created_at=registered)
        if email not in spec.absent:
            present.append(registration.pk)
    if spec.people:
        attendance_set(actor=actor, event=event, attended_ids=present)


def _register_coming(
    event: Event, spec: DemoEvent, people: _People, now: datetime.datetime
) -> None:
    for index, email in enumerate(spec.people):
        register(
            event=event,
            user=people.users[email],
            library=people.library(email),
            organisation=people.organisation(email),
            answers=_answers(event, index),
            now=now,
        )


def _create(spec: DemoEvent, people: _People, now: datetime.datetime) -> Event:
    network = Network.objects.get(slug=spec.network)
    actor = people.users[spec.by]
    # The event is held in the zone its sessions are written in.
    zone = min(s.starts_at for s in spec.sessions).tzinfo
    fields = {"language": network.language, "timezone": str(zone), **spec.fields}
    if spec.town:
        host = Library.objects.filter(town=spec.town).order_by("id").first()
        if host is not None:
            fields["host_library"] = host
            address = ", ".join(part for part in (host.name, host.street) if part)
            fields.setdefault("venue", address)
    event = event_create(
        actor=actor,
        network=network,
        sessions=spec.sessions,
        questions=spec.questions,
        translations=spec.translations,
        **fields,
    )
    assert event.starts_at is not None
    if event.starts_at <= now:
        _register_past(event, spec, people, actor)
    else:
        _register_coming(event, spec, people, now)
    if spec.cancelled:
        event_cancel(actor=actor, event=event, reason=spec.cancelled)
    return event


@transaction.atomic
def load_events(*, now: datetime.datetime | None = None) -> int:
    """Create the demo's events, their registrations and attendance; returns how many events."""
    now = now or timezone.now()
    people = _People()
    specs = [*section_2025(), biblionet_2020(), *recent(now), *coming(now)]
    with _without_notices():
        for spec in specs:
            _create(spec, people, now)
    return len(specs)


# --- Texts -----------------------------------------------------------------------------------
# Czech, Slovenian, Serbian and Ukrainian descriptions in Markdown. The seeds give titles, dates
# and towns; the programmes below are written for the demo.

SECTION_MEETING_2025 = """\
Pravidelné živé setkání ředitelů a vedoucích městských knihoven. Řešíme aktuální témata a výzvy knihoven, sdílíme si ředitelské úspěchy i problémy, hledáme řešení a pomáháme si.

**Program**

- novinky ze SDRUK a z pracovní skupiny pro advokacii
- sdílení zkušeností: rozpočty knihoven a jednání se zřizovatelem
- podpora a mentoring pro nové ředitele knihoven
- plán setkání a workshopů sekce na rok 2025

Druhý den na setkání navazuje AI akademie pro vedení knihoven.
"""

AI_ACADEMY_2025 = """\
Kurz pro ředitele a vedoucí knihoven o tom, jak s rozmyslem využívat umělou inteligenci při řízení knihovny. Jeden den živě v Brně a dva online workshopy.

- **26. března, Brno:** AI v praxi manažera – co dnešní nástroje umějí, kde pomohou a kde ne, ochrana osobních údajů a pravidla pro tým
- **2. dubna, online:** AI v komunikaci knihovny – texty pro web, tiskové zprávy a sociální sítě
- **16. dubna, online:** AI v řízení a administrativě – podklady pro zřizovatele, směrnice a práce s daty o službách

Odkaz na online workshopy dostanou přihlášení účastníci.
"""

ASSEMBLY_2025 = """\
Nejvyšší orgán Sdružení knihoven ČR se schází jednou ročně. Hlasují zástupci členských knihoven.

**Program**

1. Zahájení a schválení programu
2. Zpráva o činnosti a hospodaření za rok 2024
3. Plán činnosti a rozpočet na rok 2025
4. Zprávy sekcí a pracovních skupin
5. Diskuse a závěr
"""

ADVOCACY_2025 = """\
Jak vysvětlit zřizovateli, politikům a veřejnosti, co knihovna přináší svému městu? Dvoudenní workshop plný praktických cvičení.

- **1. den:** kdo o knihovně rozhoduje a kdo ji ovlivňuje, klíčová sdělení, příprava na jednání se zřizovatelem
- **2. den:** data a příběhy o dopadu knihovny, práce s médii, vlastní advokační plán na příští rok

Workshop připravila sekce městských knihoven s pracovní skupinou pro advokacii.
"""

E_SERVICES_2025 = """\
Které elektronické služby se v městských knihovnách osvědčily a jak je zavést bez velkého rozpočtu?

- e-výpůjčky a vzdálený přístup k databázím
- online registrace čtenářů a platby kartou
- web knihovny jako další pobočka
- zkušenosti knihoven, které služby zavedly – úspěchy i slepé uličky
"""

LONG_STORY_SHORT_2025 = """\
Výroční zpráva, statistiky, příběhy čtenářů – jak z nich udělat krátké a srozumitelné sdělení pro zřizovatele, média a sociální sítě?

Na workshopu si vyzkoušíte práci s příběhem, stavbu krátké prezentace a psaní pro web. Odnesete si hotový „příběh v kostce“ své knihovny.
"""

ONLINE_MEETING_2025 = """\
Online setkání členů sekce: co přinesla jarní setkání a workshopy, financování vzdělávání a PR knihoven, plán na podzim.

Odkaz na Zoom dostanou přihlášení.
"""

CONFERENCE_2025 = """\
Konference o tom, kam směřují české knihovny: služby, prostory, vzdělávání a vztah ke zřizovatelům. Členové sekce městských knihoven se na konferenci potkávají na společném setkání ve středu odpoledne.

Program jednotlivých dnů najdete u termínů.
"""

CONFERENCE_DAY_1 = """\
- 10:00 Zahájení konference
- 10:30 Plenární blok: Knihovna a její komunita
- 12:30 Oběd
- 13:30 Paralelní bloky: služby, prostory, vzdělávání dospělých
- 16:30 Prohlídka Městské knihovny Jihlava
"""

CONFERENCE_DAY_2 = """\
- 9:00 Plenární blok: Knihovny v digitální době
- 11:00 Workshopy: AI v knihovně, data o službách, práce s veřejností
- 12:30 Oběd
- 14:00 Setkání sekce městských knihoven
- 15:30 Panelová diskuse: Knihovna a zřizovatel
"""

CONFERENCE_DAY_3 = """\
- 9:00 Dobrá praxe z knihoven
- 11:00 Závěrečný panel
- 12:30 Shrnutí a zakončení konference
"""

ADVOCACY_BASICS = """\
Co je advokace knihoven a jak ji dělat v malém i velkém městě? Workshop pro ředitele a vedoucí knihoven s praktickými cvičeními na příkladech z knihoven sekce.

- komu a proč o knihovně vyprávět
- příprava na jednání se zřizovatelem
- spojenci knihovny ve městě
"""

WELLBEING = """\
Ředitel knihovny řeší rozpočty, lidi, budovy i zřizovatele – a často zapomene na sebe. Workshop o zvládání stresu, o hranicích mezi prací a volnem a o tom, kde hledat oporu u kolegů.
"""

ONLINE_MEETING = """\
Online setkání členů sekce. Na programu jsou novinky ze SDRUK, zkušenosti s rozpočty knihoven na příští rok a prostor pro vaše otázky.

Odkaz na Zoom dostanou přihlášení.
"""

AI_ACADEMY = """\
Kurz pro ředitele a vedoucí knihoven o tom, jak s rozmyslem využívat umělou inteligenci při řízení knihovny: jeden den živě a dva online workshopy po dvou týdnech.

- **živě:** AI v praxi manažera – nástroje, pravidla pro tým, ochrana osobních údajů
- **online workshop 1:** AI v komunikaci knihovny s veřejností
- **online workshop 2:** AI v řízení a administrativě

Kurz navazuje na první běh akademie z jara 2025. Odkaz na online workshopy dostanou přihlášení účastníci.
"""

MENTORING = """\
Začínáte jako ředitel knihovny? Nejste na to sami. V malé skupině s mentorem ze sekce probereme otázky, které přináší první rok ve funkci: rozpočet, tým, zřizovatel a první velká rozhodnutí.

Kapacita je záměrně malá, aby se dostalo na každého. Když je plno, zapište se na čekací listinu – uvolněné místo dostanete automaticky.
"""

ERASMUS = """\
Jak se zapojit do mezinárodních projektů? Webinář o programu Erasmus+ pro knihovny: stáže zaměstnanců v zahraničí, partnerství se zahraničními knihovnami a zkušenosti knihoven, které už projekt realizovaly.

Webinář je otevřený všem; odkaz dostanou přihlášení.
"""

ERASMUS_EN = """\
How do libraries join international projects? A webinar on the Erasmus+ programme for libraries: job shadowing abroad for staff, partnerships with libraries in other countries, and lessons from libraries that have run a project.

The webinar is in Czech and open to everyone; registered participants receive the link.
"""

SECTION_MEETING = """\
Živé setkání ředitelů a vedoucích městských knihoven. Sdílíme si ředitelské úspěchy i problémy, hledáme řešení a pomáháme si.

**Program**

- novinky ze SDRUK a ze sekce
- sdílení zkušeností: strategie knihovny a práce s týmem
- prohlídka Městské knihovny Valašské Meziříčí
- plán vzdělávání sekce na příští rok

Večer před setkáním je možná společná večeře; dejte nám vědět v přihlášce.
"""

FUNDRAISING = """\
Jak získat peníze nad rámec rozpočtu zřizovatele: granty, dárci, firemní partneři a crowdfunding. Workshop s příklady z městských knihoven.
"""

STRATEGY = """\
Dvoudenní workshop o tom, jak připravit strategii knihovny, která se opravdu používá – od potřeb komunity přes priority až po akční plán a jeho vyhodnocování.

- **1. den:** potřeby komunity, poslání a vize knihovny, priority
- **2. den:** akční plán, zapojení týmu a zřizovatele, měření výsledků

Workshop je otevřený i kolegům mimo sekci.
"""

ASSEMBLY = """\
Výroční valná hromada Sdružení knihoven ČR. Hlasují zástupci členských knihoven.

**Program**

1. Zahájení a schválení programu
2. Zpráva o činnosti a hospodaření za uplynulý rok
3. Plán činnosti a rozpočet
4. Zprávy sekcí a pracovních skupin
5. Diskuse a závěr
"""

READING_LITERACY_SI = """\
Strokovni posvet osrednjih območnih knjižnic o spodbujanju bralne pismenosti: primeri dobre prakse iz regij, sodelovanje s šolami in vrtci ter bralni programi za odrasle.
"""

TRAINING_SI = """\
Mestna knjižnica Ljubljana kot osrednja območna knjižnica pripravlja strokovno izpopolnjevanje za zaposlene v splošnih knjižnicah regije.

- **1. srečanje:** bralna pismenost in delo z mladimi bralci
- **2. srečanje:** informacijska pismenost odraslih in digitalne storitve knjižnice

Izobraževanje je namenjeno knjižnicam ljubljanske knjižnične regije.
"""

OOK_MEETING = """\
Redno srečanje tima osrednjih območnih knjižnic: direktorji in regijski koordinatorji pregledajo izvajanje območnih nalog, delo delovnih skupin in načrt strokovnih izobraževanj za naslednje leto.

Srečanje poteka v Osrednji knjižnici Celje; pridružite se lahko tudi na daljavo.
"""

BIBLIONET_2020_TITLE = (
    "Библионет 2020: Сарадња и партнерства – креирање нове заједничке визије за библиотеке"
)

BIBLIONET_2020 = """\
Домаћин скупа у 2020. години била је Јавна библиотека Бора Станковић из Врања.

Партнерства имају велики потенцијал када је реч о проширивању капацитета библиотека и њиховом изласку из активности које се сматрају традиционалним. Ступањем у партнерске односе библиотеке стичу нова искуства, повећавају буџете и склапају контакте, како би понудиле више и досегле широку публику.

**Примери партнерстава и сарадње**

1. Партнерства у циљу описмењавања – деце и одраслих, медијска и информациона писменост
2. Партнерства са музичким и позоришним групама, научним и историјским друштвима, музејима, архивима, галеријама и удружењима књижевника
3. Партнерства са предузећима као подстицај новим пословима и запошљавању
4. Партнерства са туристичким сектором
5. Партнерства са локалним предузећима и националним корпорацијама
6. Међународна партнерства
7. Оснивачи и државни органи као партнери библиотека
8. Културна дипломатија као облик сарадње и партнерства
9. Партнерства у заштити и промоцији културног наслеђа, савременог стваралаштва и интеркултуралности

Посебну врсту партнерстава чине она у која ступају библиотеке међу собом: хоризонтално умрежавање ради заједничких пројеката и сарадња са струковним удружењима, домаћим и међународним.
"""

BIBLIONET_2020_DAY_1 = """\
- 10:00 Отварање скупа и поздравна реч домаћина
- 10:30 Уводно предавање: партнерства као нова заједничка визија библиотека
- 12:00 Партнерства у циљу описмењавања
- 14:30 Библиотеке, туризам и локална привреда
- 16:00 Обилазак Јавне библиотеке Бора Станковић
"""

BIBLIONET_2020_DAY_2 = """\
- 9:30 Међународна партнерства и културна дипломатија
- 11:00 Оснивачи и државни органи као партнери библиотека
- 12:30 Хоризонтално умрежавање библиотека
- 13:30 Закључци скупа
"""

PARTNERSHIPS_RS = """\
Наставак теме Библионета 2020: библиотеке из мреже представљају партнерства која су покренуле са школама, музејима, туристичким организацијама, предузећима и оснивачима – шта је успело, шта није и како партнерство учинити трајним.

Линк за учешће добијају пријављени.
"""

BIBLIONET_NEXT = """\
Годишња стручна конференција мреже Библионет окупља јавне библиотеке Србије. Тема су библиотеке и локална заједница: услуге према потребама суграђана, сарадња са локалном самоуправом и партнерства која трају.

Пријаве се отварају три месеца пре конференције. Програм по данима објавићемо накнадно.
"""

FUNDRAISING_UA = """\
Практичний семінар для працівників бібліотек ЦБС про залучення додаткових ресурсів: грантові програми, партнерство з місцевим бізнесом і громадськими організаціями, підготовка заявки.

Семінар є частиною програми розвитку «Бібліотеки+».
"""

DIGITAL_SERVICES_UA = """\
Вебінар для бібліотекарів і всіх, кому цікаві сучасні бібліотеки: які цифрові сервіси впровадили бібліотеки-хаби Солом’янського району, як мешканці ними користуються і з чого почати у власній бібліотеці.

- електронний каталог і онлайн-замовлення книг
- онлайн-запис на заходи та консультації
- цифрова грамотність для старшого покоління

Посилання на трансляцію отримають зареєстровані учасники.
"""

HUB_UA = """\
Як перетворити бібліотеку-філію на хаб, максимально наближений до потреб сучасної людини? Обмін досвідом бібліотек ЦБС: простір для роботи й навчання, партнерства з громадою, нові формати заходів.

Семінар проходить у Центральній районній бібліотеці; долучитися можна й онлайн.
"""
