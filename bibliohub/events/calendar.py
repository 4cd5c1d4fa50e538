"""iCalendar (RFC 5545) files of events, built with the `icalendar` library.

Each session is one VEVENT with a stable UID (`<event>-<session>@<host>`), times in the event's
own time zone (with its VTIMEZONE), the event's SEQUENCE, and STATUS:CANCELLED when the event
was called off, so that calendars update the entries they already hold instead of adding new ones.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from .models import Event, Registration, Session

PRODID = "-//BiblioHub//Events//EN"


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "bibliohub"


def session_uid(session: Session) -> str:
    return f"event-{session.event_id}-session-{session.pk}@{_host()}"


def new_calendar(name: str = "", *, method: str = "PUBLISH") -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    return cal


def session_component(
    session: Session,
    event: Event,
    *,
    show_link: bool = False,
    cancelled: bool = False,
    stamp: Any = None,
) -> icalendar.Event:
    """One VEVENT for one session; the online link only goes to people who may see it."""
    tz = zoneinfo.ZoneInfo(event.timezone)
    translated = event.translated(event.language)
    summary = translated.title
    if session.title and len(event.sessions.all()) > 1:
        summary = f"{summary} — {session.title}"
    url = settings.SITE_URL.rstrip("/") + event.get_absolute_url()
    description = [translated.summary] if translated.summary else []
    link = session.link if show_link else ""
    if link:
        description.append(link)
    description.append(url)
    component = icalendar.Event()
    component.add("uid", session_uid(session))
    component.add("dtstamp", stamp or timezone.now())
    component.add("dtstart", session.starts_at.astimezone(tz))
    component.add("dtend", session.ends_at.astimezone(tz))
    component.add("summary", summary)
    component.add("description", "\n\n".join(description))
    component.add("url", url)
    location = link if session.online and not session.place else (session.place or event.venue)
    if session.online and not show_link and not session.place:
        location = ""
    if location:
        component.add("location", location)
    component.add("sequence", event.sequence)
    component.add("last-modified", event.updated_at)
    if event.network.email:
        organizer = icalendar.vCalAddress(f"mailto:{event.network.email}")
        organizer.params["cn"] = event.network.name
        component.add("organizer", organizer)
    cancelled = cancelled or event.is_cancelled
    component.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    component.add("categories", [event.get_kind_display()])
    return component


def event_calendar(
    event: Event,
    *,
    registration: Registration | None = None,
    cancelled: bool = False,
    show_link: bool | None = None,
) -> bytes:
    """The `.ics` of one event: all its sessions. A registration's copy shows the online link."""
    if show_link is None:
        show_link = registration is not None and registration.status == "confirmed"
    cal = new_calendar(event.title, method="CANCEL" if cancelled else "PUBLISH")
    stamp = timezone.now()
    for session in event.sessions.all():
        cal.add_component(
            session_component(session, event, show_link=show_link, cancelled=cancelled, stamp=stamp)
        )
    cal.add_missing_timezones()
    return cal.to_ical()


def sessions_calendar(
    name: str, sessions: Iterable[Session], *, linked_event_ids: frozenset[int] = frozenset()
) -> bytes:
    """A feed: many sessions of many events (each session with its event selected)."""
    cal = new_calendar(name)
    stamp = timezone.now()
    for session in sessions:
        cal.add_component(
            session_component(
                session,
                session.event,
                show_link=session.event_id in linked_event_ids,
                stamp=stamp,
            )
        )
    cal.add_missing_timezones()
    return cal.to_ical()
