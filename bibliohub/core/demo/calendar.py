"""Public holidays of the demo countries, so that demo closures fall on real holidays."""

from __future__ import annotations

import datetime


def western_easter(year: int) -> datetime.date:
    """Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    sub = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * sub) // 451
    month, day = divmod(h + sub - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def orthodox_easter(year: int) -> datetime.date:
    """Easter Sunday of the Julian computus, as a Gregorian date (valid 1900–2099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return datetime.date(year, month, day + 1) + datetime.timedelta(days=13)


def _fixed(year: int, days: list[tuple[int, int, str]]) -> dict[datetime.date, str]:
    return {datetime.date(year, month, day): name for month, day, name in days}


def holidays(country: str, year: int) -> dict[datetime.date, str]:
    """Days the libraries of the country close for, named in the country's language."""
    one = datetime.timedelta(days=1)
    if country == "CZ":
        easter = western_easter(year)
        found = _fixed(
            year,
            [
                (1, 1, "Den obnovy samostatného českého státu"),
                (5, 1, "Svátek práce"),
                (5, 8, "Den vítězství"),
                (7, 5, "Den slovanských věrozvěstů Cyrila a Metoděje"),
                (7, 6, "Den upálení mistra Jana Husa"),
                (9, 28, "Den české státnosti"),
                (10, 28, "Den vzniku samostatného československého státu"),
                (11, 17, "Den boje za svobodu a demokracii"),
                (12, 24, "Štědrý den"),
                (12, 25, "1. svátek vánoční"),
                (12, 26, "2. svátek vánoční"),
            ],
        )
        found[easter - 2 * one] = "Velký pátek"
        found[easter + one] = "Velikonoční pondělí"
        return found
    if country == "SI":
        easter = western_easter(year)
        found = _fixed(
            year,
            [
                (1, 1, "Novo leto"),
                (1, 2, "Novo leto"),
                (2, 8, "Prešernov dan, slovenski kulturni praznik"),
                (4, 27, "Dan upora proti okupatorju"),
                (5, 1, "Praznik dela"),
                (5, 2, "Praznik dela"),
                (6, 25, "Dan državnosti"),
                (8, 15, "Marijino vnebovzetje"),
                (10, 31, "Dan reformacije"),
                (11, 1, "Dan spomina na mrtve"),
                (12, 25, "Božič"),
                (12, 26, "Dan samostojnosti in enotnosti"),
            ],
        )
        found[easter + one] = "Velikonočni ponedeljek"
        return found
    if country == "RS":
        easter = orthodox_easter(year)
        found = _fixed(
            year,
            [
                (1, 1, "Нова година"),
                (1, 2, "Нова година"),
                (1, 7, "Божић"),
                (2, 15, "Сретење – Дан државности Србије"),
                (2, 16, "Сретење – Дан државности Србије"),
                (5, 1, "Празник рада"),
                (5, 2, "Празник рада"),
                (11, 11, "Дан примирја у Првом светском рату"),
            ],
        )
        found[easter - 2 * one] = "Велики петак"
        found[easter + one] = "Васкршњи понедељак"
        return found
    return {}


def holidays_between(
    country: str, first: datetime.date, last: datetime.date
) -> list[tuple[datetime.date, str]]:
    found: dict[datetime.date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update(holidays(country, year))
    return sorted((day, name) for day, name in found.items() if first <= day <= last)


def next_holidays(
    country: str, after: datetime.date, *, within_days: int = 45
) -> list[tuple[datetime.date, str]]:
    """Holidays in the coming weeks; at least the next one, however far it is."""
    start = after + datetime.timedelta(days=1)
    soon = holidays_between(country, start, after + datetime.timedelta(days=within_days))
    if soon:
        return soon
    later = holidays_between(country, start, after + datetime.timedelta(days=400))
    return later[:1]


def last_weekday_of_month(year: int, month: int, weekday: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    day = following - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)
