"""iCalendar (RFC 5545) files of events, built with the `icalendar` library.

Each session is one VEVENT with times in the event's own time zone (with its VTIMEZONE), the
event's SEQUENCE, and STATUS:CANCELLED when the event was called off, so that calendars update
the entries they already hold instead of adding new ones.

The UID of a session is the event and the session's place among the event's sessions
(`event-12-session-2@host`), not the session row: saving an event's sessions writes new rows,
and a calendar must still recognise the second lesson of a course as the same entry.
"""

from __future__ import annotations

import datetime
import functools
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Sequence
from email.utils import parseaddr
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Event, Registration, Session

PRODID = "-//BiblioHub//Events//EN"
# How often a subscribed calendar should fetch a feed again (RFC 7986 and Outlook's own name).
REFRESH_INTERVAL = datetime.timedelta(minutes=15)


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "bibliohub"


def session_uid(event_id: int, position: int) -> str:
    return f"event-{event_id}-session-{position}@{_host()}"


def numbered(sessions: Iterable[Session]) -> list[tuple[Session, int, int]]:
    """Each session with its place among its event's sessions (from 1) and their number.

    The place follows the order the sessions were saved in (their ids), so it does not jump
    when one session is moved to another day. `sessions` must hold every session of each event.
    """
    sessions = list(sessions)
    by_event: dict[int, list[Session]] = defaultdict(list)
    for session in sessions:
        by_event[session.event_id].append(session)
    place: dict[int, tuple[int, int]] = {}
    for siblings in by_event.values():
        for position, session in enumerate(sorted(siblings, key=lambda s: s.pk), start=1):
            place[id(session)] = (position, len(siblings))
    return [(session, *place[id(session)]) for session in sessions]


def new_calendar(name: str = "", *, method: str = "") -> icalendar.Calendar:
    """A calendar; a `method` (iTIP) for files sent or downloaded, a `name` for feeds."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        # A name makes Outlook open a file as a calendar of its own: feeds only.
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        cal.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    return cal


def _organizer(event: Event, *, required: bool) -> icalendar.vCalAddress | None:
    email = event.network.email
    if not email and required:
        # iTIP messages (PUBLISH, CANCEL) must name an organizer.
        email = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    if not email:
        return None
    organizer = icalendar.vCalAddress(f"mailto:{email}")
    organizer.params["cn"] = event.network.name
    return organizer


def _location(session: Session, event: Event, link: str) -> str:
    if session.place:
        return session.place
    if session.online:
        return link or _("Online")
    town = event.town if event.town and event.town not in event.venue else ""
    return ", ".join(part for part in (event.venue, town) if part)


def session_component(
    session: Session,
    event: Event,
    *,
    position: int | None = None,
    session_count: int | None = None,
    language: str | None = None,
    show_link: bool = False,
    cancelled: bool = False,
    tentative: bool = False,
    stamp: datetime.datetime | None = None,
    itip: bool = False,
) -> icalendar.Event:
    """One VEVENT for one session; the online link only goes to people who may see it.

    Runs no query when given `position` and `session_count` (see `numbered`), an event with its
    network selected, and the event's translations prefetched (if the language differs).
    """
    if position is None or session_count is None:
        position, session_count = next(
            (p, n) for s, p, n in numbered(event.sessions.all()) if s.pk == session.pk
        )
    zone = zoneinfo.ZoneInfo(event.timezone)
    translated = event.translated(language or event.language)
    summary = translated.title
    if session_count > 1:
        detail = session.title or f"{position}/{session_count}"
        summary = f"{summary} — {detail}"
    cancelled = cancelled or event.is_cancelled
    if tentative and not cancelled:
        summary = _("%(title)s (waiting list)") % {"title": summary}
    url = settings.SITE_URL.rstrip("/") + event.get_absolute_url()
    link = session.link if show_link else ""
    description = [text for text in (translated.summary, link, url) if text]

    component = icalendar.Event()
    component.add("uid", session_uid(event.pk, position))
    # In a feed (no METHOD) DTSTAMP is when the entry last changed; in a message, when it was made.
    component.add("dtstamp", stamp or event.updated_at)
    component.add("dtstart", session.starts_at.astimezone(zone))
    component.add("dtend", session.ends_at.astimezone(zone))
    component.add("summary", summary)
    component.add("description", "\n\n".join(description))
    component.add("url", url)
    location = _location(session, event, link)
    if location:
        component.add("location", location)
    component.add("sequence", event.sequence)
    component.add("last-modified", event.updated_at)
    organizer = _organizer(event, required=itip)
    if organizer is not None:
        component.add("organizer", organizer)
    status = "CANCELLED" if cancelled else "TENTATIVE" if tentative else "CONFIRMED"
    component.add("status", status)
    component.add("categories", [event.get_kind_display()])
    return component


def _add_timezones(cal: icalendar.Calendar, sessions: Sequence[Session]) -> None:
    """A VTIMEZONE for every zone used, covering the years of the sessions (not 1970 to 2038)."""
    if not sessions:
        return
    first = min(s.starts_at for s in sessions).date() - datetime.timedelta(days=366)
    last = max(s.ends_at for s in sessions).date() + datetime.timedelta(days=366)
    cal.add_missing_timezones(first_date=first, last_date=last)


def event_calendar(
    event: Event,
    *,
    registration: Registration | None = None,
    cancelled: bool = False,
    show_link: bool | None = None,
    language: str | None = None,
) -> bytes:
    """The `.ics` of one event: all its sessions.

    A confirmed registration's copy shows the online link, a waiting one is tentative;
    `cancelled` makes it an iTIP CANCEL that removes the event from the person's calendar.
    The text is in `language`, else the registration's, else the active one.
    """
    if show_link is None:
        show_link = registration is not None and registration.status == "confirmed"
    tentative = registration is not None and registration.status == "waiting"
    language = (
        language
        or (registration.language if registration else "")
        or translation.get_language()
        or event.language
    )
    stamp = timezone.now()
    sessions = list(event.sessions.all())
    with translation.override(language):
        cal = new_calendar(method="CANCEL" if cancelled else "PUBLISH")
        for session, position, count in sorted(
            numbered(sessions), key=lambda row: row[0].starts_at
        ):
            component = session_component(
                session,
                event,
                position=position,
                session_count=count,
                language=language,
                show_link=show_link,
                cancelled=cancelled,
                tentative=tentative,
                stamp=stamp,
                itip=True,
            )
            if cancelled and registration is not None:
                attendee = icalendar.vCalAddress(f"mailto:{registration.email}")
                attendee.params["cn"] = registration.name
                component.add("attendee", attendee)
            cal.add_component(component)
    _add_timezones(cal, sessions)
    return cal.to_ical()


@functools.lru_cache(maxsize=256)
def _tzid(zone: str) -> str | None:
    """The TZID icalendar writes for times in `zone` (none for UTC, which is written with Z)."""
    probe = icalendar.vDDDTypes(datetime.datetime(2000, 1, 1, tzinfo=zoneinfo.ZoneInfo(zone)))
    return probe.params.get("TZID")


def timezone_years(
    spans: Iterable[tuple[str, datetime.datetime, datetime.datetime]],
) -> dict[str, tuple[int, int]]:
    """The TZIDs of the zones in `spans` (zone, start, end), with the first and last year used."""
    years: dict[str, tuple[int, int]] = {}
    for zone, start, end in spans:
        tzid = _tzid(zone)
        if tzid is not None:
            first, last = years.get(tzid, (start.year, end.year))
            years[tzid] = (min(first, start.year), max(last, end.year))
    return years


@functools.lru_cache(maxsize=128)
def vtimezone(tzid: str, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of a zone from a year before `first_year` to a year after `last_year`."""
    return icalendar.Timezone.from_tzid(
        tzid,
        first_date=datetime.date(first_year - 1, 1, 1),
        last_date=datetime.date(last_year + 2, 1, 1),
    ).to_ical()


def feed_fragments(
    sessions: Iterable[Session],
    *,
    language: str,
    linked_event_ids: frozenset[int] = frozenset(),
    tentative_event_ids: frozenset[int] = frozenset(),
) -> dict[int, bytes]:
    """The VEVENTs of each event, serialised, by event id (in the order of `sessions`).

    `sessions` must hold every session of each event (their places make the UIDs), each with
    its event and network selected. A fragment depends only on the event, its sessions and the
    language, so a feed can keep fragments and rebuild only the events that changed.
    """
    parts: dict[int, list[bytes]] = defaultdict(list)
    with translation.override(language):
        for session, position, count in numbered(sessions):
            component = session_component(
                session,
                session.event,
                position=position,
                session_count=count,
                language=language,
                show_link=session.event_id in linked_event_ids,
                tentative=session.event_id in tentative_event_ids,
            )
            parts[session.event_id].append(component.to_ical())
    return {event_id: b"".join(chunks) for event_id, chunks in parts.items()}


def feed_calendar(
    name: str,
    entries: Iterable[bytes],
    spans: Iterable[tuple[str, datetime.datetime, datetime.datetime]],
) -> bytes:
    """A feed (no METHOD) named `name`, of serialised VEVENTs and the time zones of `spans`."""
    head, end = new_calendar(name).to_ical(), b"END:VCALENDAR\r\n"
    zones = [vtimezone(tzid, *years) for tzid, years in sorted(timezone_years(spans).items())]
    return b"".join([head.removesuffix(end), *zones, *entries, end])


def sessions_calendar(
    name: str,
    sessions: Iterable[Session],
    *,
    linked_event_ids: frozenset[int] = frozenset(),
    tentative_event_ids: frozenset[int] = frozenset(),
    language: str | None = None,
) -> bytes:
    """A feed: the sessions of many events, each with its event and network selected.

    `sessions` must hold every session of each event. The online link is shown for
    `linked_event_ids`, `tentative_event_ids` are marked as the waiting list. The output depends
    only on the data, so equal feeds are equal bytes (for ETags and caches).
    """
    sessions = list(sessions)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    fragments = feed_fragments(
        sessions,
        language=language,
        linked_event_ids=linked_event_ids,
        tentative_event_ids=tentative_event_ids,
    )
    spans = [(s.event.timezone, s.starts_at, s.ends_at) for s in sessions]
    return feed_calendar(name, fragments.values(), spans)
