"""Calendar files and feeds: one event's `.ics`, a network's public feed, a person's own feed.

Calendar apps fetch feeds without cookies, so the network feed shows what a visitor may see and
the personal feed is found by the secret token in its address. A network's feed is built from
a constant number of queries and kept in the shared cache under a fingerprint of its events
(how many, when the last one changed), which is also its ETag: a calendar polling every few
minutes costs one small aggregate query and usually gets 304 Not Modified.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import Count, Max, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bibliohub.directory.models import Network

from .calendar import event_calendar, sessions_calendar
from .models import CalendarToken, Event, EventTranslation, Registration, Session, new_token
from .selectors import my_registrations, network_with_sections, registration_of, visible_events
from .services import can_manage

# A feed holds the events of the past year and of the next two.
FEED_PAST = datetime.timedelta(days=365)
FEED_AHEAD = datetime.timedelta(days=731)
PUBLIC_MAX_AGE = 15 * 60
# The cached feed also depends on the network's name and the names of its sections, which do
# not move the fingerprint: a renamed section shows in feeds within this time.
FEED_CACHE_SECONDS = 60 * 60
# Raised when the format of the feed changes, so cached feeds are rebuilt.
FEED_FORMAT = "1"
CONTENT_TYPE = "text/calendar; charset=utf-8"
SITE_NAME = "BiblioHub"


# --- Addresses and tokens --------------------------------------------------------------------


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def calendar_token_for(user: Any) -> CalendarToken:
    """The person's calendar token, made the first time they need one."""
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


def calendar_token_reset(user: Any) -> CalendarToken:
    """Give the person a new token: the address with the old one stops working at once."""
    token, _created = CalendarToken.objects.update_or_create(
        user=user, defaults={"token": new_token()}
    )
    return token


def personal_feed_url(user: Any) -> str:
    return _absolute(
        reverse("events:personal_feed", kwargs={"token": calendar_token_for(user).token})
    )


def network_feed_url(network: Network) -> str:
    return _absolute(reverse("events:network_feed", kwargs={"network": network.slug}))


def webcal_url(url: str) -> str:
    """The same address as `webcal://`, which opens the subscription dialogue of calendar apps."""
    return "webcal://" + url.split("://", 1)[-1]


# --- Building feeds --------------------------------------------------------------------------


def _window(now: datetime.datetime | None = None) -> tuple[datetime.datetime, datetime.datetime]:
    """From a year ago to two years ahead, in whole days (UTC), so the feed changes once a day."""
    today = (now or timezone.now()).astimezone(datetime.UTC).date()
    midnight = datetime.datetime.combine(today, datetime.time.min, tzinfo=datetime.UTC)
    return midnight - FEED_PAST, midnight + FEED_AHEAD


def _in_window(events: QuerySet[Event]) -> QuerySet[Event]:
    start, end = _window()
    return events.filter(ends_at__gte=start, starts_at__lt=end)


def feed_sessions(events: QuerySet[Event], language: str) -> QuerySet[Session]:
    """Every session of `events`, with what a VEVENT needs, in three queries in all."""
    return (
        Session.objects.filter(event__in=events.values("id"))
        .select_related("event", "event__network")
        .defer("programme", "event__description", "event__network__description")
        .prefetch_related(
            Prefetch(
                "event__translations",
                queryset=EventTranslation.objects.filter(language=language).only(
                    "id", "event_id", "language", "title", "summary"
                ),
            )
        )
        .order_by("starts_at", "id")
    )


def _calendar_response(body: bytes, *, filename: str = "") -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


# --- Views -----------------------------------------------------------------------------------


@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One event as a file; the online link only for confirmed participants and its managers."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    event = (
        visible_events(request.user)
        .filter(slug=slug)
        .select_related("network")
        .prefetch_related(
            "sessions",
            Prefetch("translations", queryset=EventTranslation.objects.filter(language=language)),
        )
        .first()
    )
    if event is None:
        # Not "forbidden": whether a members' event exists is itself for members only.
        raise Http404
    registration = registration_of(request.user, event)
    show_link = (
        registration is not None and registration.status == Registration.Status.CONFIRMED
    ) or can_manage(request.user, event)
    body = event_calendar(event, registration=registration, show_link=show_link, language=language)
    response = _calendar_response(body, filename=f"{event.slug}.ics")
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


@require_safe
def network_feed(request: HttpRequest, network: str) -> HttpResponse:
    """The events of a network and its sections that the requester may see, without links."""
    net = get_object_or_404(Network, slug=network)
    language = translation.get_language() or net.language
    events = _in_window(
        visible_events(request.user).filter(network_id__in=network_with_sections(net))
    )
    name = _("Events: %(network)s") % {"network": net.name}

    if request.user.is_authenticated:
        # Members see members' events too; their copy is theirs alone and not cached.
        response = _calendar_response(sessions_calendar(name, feed_sessions(events, language)))
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    stats = events.aggregate(count=Count("id"), changed=Max("updated_at"))
    start, _end = _window()
    # The window moves each day, so the feed may change at midnight even when no event did.
    today = start + FEED_PAST
    last_modified = max(stats["changed"] or today, today)
    fingerprint = "|".join(
        (
            FEED_FORMAT,
            str(net.pk),
            net.name,
            net.email,
            language,
            today.date().isoformat(),
            str(stats["count"]),
            stats["changed"].isoformat() if stats["changed"] else "",
        )
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
    etag = f'"{digest}"'

    response = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified.timestamp())
    )
    if response is None:
        key = f"events:feed:{digest}"
        body = cache.get(key)
        if body is None:
            body = sessions_calendar(name, feed_sessions(events, language), language=language)
            cache.set(key, body, FEED_CACHE_SECONDS)
        response = _calendar_response(body)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


@require_safe
def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's events by the token in the address: no sign-in, calendar apps have none."""
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise Http404
    user = found.user
    registrations = _in_window_registrations(user)
    confirmed = frozenset(e for e, status in registrations if status == "confirmed")
    waiting = frozenset(e for e, status in registrations if status == "waiting")
    language = user.language or settings.LANGUAGE_CODE
    events = visible_events(user).filter(id__in=confirmed | waiting)
    with translation.override(language):
        name = _("%(site)s: my events") % {"site": SITE_NAME}
    body = sessions_calendar(
        name,
        feed_sessions(events, language),
        linked_event_ids=confirmed,
        tentative_event_ids=waiting,
        language=language,
    )
    response = _calendar_response(body)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _in_window_registrations(user: Any) -> list[tuple[int, str]]:
    """(event id, status) of the person's live registrations for events they may still see."""
    start, end = _window()
    return list(
        my_registrations(user)
        .filter(event__ends_at__gte=start, event__starts_at__lt=end)
        .order_by()
        .values_list("event_id", "status")
    )


@require_POST
@login_required
def feed_token_reset(request: HttpRequest) -> HttpResponse:
    calendar_token_reset(request.user)
    messages.success(
        request,
        _(
            "Your calendar feed has a new address. Calendars subscribed to the old address no "
            "longer receive your events: subscribe again with the new one."
        ),
    )
    return redirect("events:mine")
