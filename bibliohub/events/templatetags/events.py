"""Dates and times of events, in the reader's zone and language."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format

register = template.Library()


def _zone(zone: Any, event: Any) -> zoneinfo.ZoneInfo:
    if zone == "event":
        return zoneinfo.ZoneInfo(event.timezone)
    if isinstance(zone, str) and zone:
        return zoneinfo.ZoneInfo(zone)
    return timezone.get_current_timezone()


def span(start: datetime.datetime, end: datetime.datetime, zone: datetime.tzinfo) -> str:
    """ "Wednesday 26 March 2025, 10:00–16:00" in the active language, or across days."""
    start, end = start.astimezone(zone), end.astimezone(zone)
    first = f"{date_format(start, 'l')} {date_format(start, 'DATE_FORMAT')}"
    if start.date() == end.date():
        return f"{first}, {time_format(start, 'TIME_FORMAT')}–{time_format(end, 'TIME_FORMAT')}"
    return (
        f"{first} {time_format(start, 'TIME_FORMAT')} – "
        f"{date_format(end, 'DATE_FORMAT')} {time_format(end, 'TIME_FORMAT')}"
    )


def zone_label(zone: datetime.tzinfo) -> str:
    return str(zone).split("/")[-1].replace("_", " ")


@register.simple_tag
def session_when(session: Any, language: str | None = None, zone: Any = None) -> str:
    """When a session happens; `zone="event"` uses the event's own zone and names it."""
    tz = _zone(zone, session.event)
    with translation.override(language or translation.get_language()):
        text = span(session.starts_at, session.ends_at, tz)
    if zone == "event":
        text += f" ({zone_label(tz)})"
    return text


@register.simple_tag
def event_when(event: Any, zone: Any = None) -> str:
    """The days an event takes: one date, or its first and last day."""
    if event.starts_at is None:
        return ""
    tz = _zone(zone, event)
    start = event.starts_at.astimezone(tz)
    end = (event.ends_at or event.starts_at).astimezone(tz)
    if start.date() == end.date():
        return f"{date_format(start, 'DATE_FORMAT')}, {time_format(start, 'TIME_FORMAT')}"
    return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"


@register.simple_tag
def zone_differs(event: Any) -> bool:
    """True when the reader's zone shows the event at other clock times than where it is held."""
    if event.starts_at is None:
        return False
    here = event.starts_at.astimezone(timezone.get_current_timezone()).utcoffset()
    there = event.starts_at.astimezone(zoneinfo.ZoneInfo(event.timezone)).utcoffset()
    return here != there


@register.filter
def zone_name(zone: Any) -> str:
    return zone_label(zoneinfo.ZoneInfo(zone) if isinstance(zone, str) else zone)


@register.filter
def seats_left(event: Any) -> int | None:
    """Free seats of an event annotated with `confirmed_count` (None: no limit)."""
    if event.capacity is None:
        return None
    return max(event.capacity - getattr(event, "confirmed_count", 0), 0)
