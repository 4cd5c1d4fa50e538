"""Read queries of events. Every one starts from `visible_events`, so pages, feeds, the API and
search show a person only the events the shared visibility check lets them see."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from bibliohub.core.visibility import filter_visible, visible_q
from bibliohub.directory.models import Network

from .models import Event, EventTranslation, Registration, Session


def visible_events(user: Any) -> QuerySet[Event]:
    return filter_visible(Event.objects.all(), user)


def network_with_sections(network: Network) -> list[int]:
    ids, frontier = {network.pk}, {network.pk}
    while frontier:
        frontier = (
            set(Network.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - ids
        )
        ids |= frontier
    return sorted(ids)


@dataclass
class EventFilters:
    network: Network | None = None
    kind: str = ""
    region_id: int | None = None
    mode: str = ""  # "online" (online or hybrid) or "in_person" (in person or hybrid)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    past: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def filter_events(queryset: QuerySet[Event], filters: EventFilters) -> QuerySet[Event]:
    if filters.network is not None:
        queryset = queryset.filter(network_id__in=network_with_sections(filters.network))
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.region_id:
        queryset = queryset.filter(region_id=filters.region_id)
    if filters.mode == "online":
        queryset = queryset.filter(mode__in=[Event.Mode.ONLINE, Event.Mode.HYBRID])
    elif filters.mode == "in_person":
        queryset = queryset.filter(mode__in=[Event.Mode.IN_PERSON, Event.Mode.HYBRID])
    zone = timezone.get_current_timezone()
    if filters.date_from:
        start = datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=zone)
        queryset = queryset.filter(ends_at__gte=start)
    if filters.date_to:
        end = datetime.datetime.combine(
            filters.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        queryset = queryset.filter(starts_at__lt=end)
    now = timezone.now()
    if filters.past:
        queryset = queryset.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    elif not filters.date_from:
        queryset = queryset.filter(ends_at__gte=now).order_by("starts_at", "id")
    else:
        queryset = queryset.order_by("starts_at", "id")
    return queryset


def event_list(user: Any, filters: EventFilters) -> QuerySet[Event]:
    """Events for a list page: upcoming (or past) ones the person may see, with what rows show."""
    return filter_events(visible_events(user), filters).select_related(
        "network", "host_library", "region"
    )


def with_seats(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """Annotate `confirmed_count` as a subquery per row, so that a page of 20 events counts the
    registrations of those 20 only (a join with the registrations would group them all)."""
    confirmed = (
        Registration.objects.filter(event=OuterRef("pk"), status=Registration.Status.CONFIRMED)
        .order_by()
        .values("event")
        .annotate(n=Count("id"))
        .values("n")
    )
    return queryset.annotate(confirmed_count=Coalesce(Subquery(confirmed), 0))


@dataclass
class DayEntry:
    """One session as a month view shows it."""

    starts_at: datetime.datetime
    title: str
    url: str
    cancelled: bool


@dataclass
class Day:
    entries: list[DayEntry] = field(default_factory=list)
    total: int = 0


def month_days(
    user: Any, year: int, month: int, filters: EventFilters, *, per_day: int = 4
) -> dict[datetime.date, Day]:
    """The sessions of visible events in a month, by day in the reader's zone: the first
    `per_day` of each day (in the reader's language) and how many there are in all."""
    zone = timezone.get_current_timezone()
    first = datetime.datetime(year, month, 1, tzinfo=zone)
    following = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=zone)
    events = filter_events(
        visible_events(user),
        EventFilters(**{**filters.__dict__, "past": False, "date_from": first.date()}),
    )
    rows = (
        Session.objects.filter(
            event__in=events.values("id"), starts_at__lt=following, ends_at__gte=first
        )
        .order_by("starts_at", "id")
        .values_list(
            "starts_at",
            "event_id",
            "event__slug",
            "event__title",
            "event__language",
            "event__status",
        )
    )
    days: dict[datetime.date, Day] = {}
    shown: list[tuple[Day, datetime.datetime, int, str, str, str, str]] = []
    for starts_at, event_id, slug, title, language, status in rows:
        day = days.setdefault(max(starts_at.astimezone(zone).date(), first.date()), Day())
        day.total += 1
        if day.total <= per_day:
            shown.append((day, starts_at, event_id, slug, title, language, status))
    reader = get_language() or ""
    translated = dict(
        EventTranslation.objects.filter(
            event_id__in={r[2] for r in shown if r[5] != reader}, language=reader
        ).values_list("event_id", "title")
    )
    for day, starts_at, event_id, slug, title, _language, status in shown:
        day.entries.append(
            DayEntry(
                starts_at=starts_at,
                title=translated.get(event_id, title),
                url=reverse("events:event", kwargs={"slug": slug}),
                cancelled=status == Event.Status.CANCELLED,
            )
        )
    return days


def event_for_page(slug: str) -> Event | None:
    return (
        Event.objects.select_related("network", "host_library", "region", "audience")
        .prefetch_related(
            "translations",
            Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "id")),
            "questions",
            "materials",
        )
        .filter(slug=slug)
        .first()
    )


def registration_of(user: Any, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def waiting_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.WAITING).count()


def my_registrations(user: Any) -> QuerySet[Registration]:
    """A person's registrations that are not cancelled, soonest first (events they may still see)."""
    return (
        Registration.objects.filter(visible_q(user, "event"), user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event", "event__network")
        .order_by("event__starts_at", "id")
    )


def event_zone(event: Event) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(event.timezone)


def attach_translations(events: Iterable[Event], language: str | None = None) -> None:
    """Give each event its translation into the reader's language in one query for them all
    (what `Event.translated()` then reads)."""
    events = list(events)
    language = language or get_language() or ""
    wanted = [e.pk for e in events if e.language != language]
    found: dict[int, list[EventTranslation]] = {}
    if wanted:
        for tr in EventTranslation.objects.filter(event_id__in=wanted, language=language):
            found.setdefault(tr.event_id, []).append(tr)
    for event in events:
        cache = event.__dict__.setdefault("_prefetched_objects_cache", {})
        if "translations" not in cache:
            cache["translations"] = found.get(event.pk, [])
