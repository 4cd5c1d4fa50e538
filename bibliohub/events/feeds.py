"""Calendar files and feeds: one event's `.ics`, a network's public feed, a person's own feed.

Calendar apps fetch feeds without cookies, so the network feed shows what a visitor may see and
the personal feed is found by the secret token in its address. A network's feed is built from
a constant number of queries. Its ETag is a digest of which events it holds and their versions,
so a calendar polling every few minutes mostly gets 304 Not Modified after a few small queries;
the serialised entries of each event are kept in the shared cache, so after an edit only the
changed event is serialised again (icalendar takes about half a millisecond per entry).
"""

from __future__ import annotations

import datetime
import hashlib
import zlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import CharField, Max, Min, Prefetch, QuerySet
from django.db.models.functions import Cast
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bibliohub.directory.models import Network

from .calendar import event_calendar, feed_calendar, feed_fragments, sessions_calendar
from .models import CalendarToken, Event, EventTranslation, Registration, Session, new_token
from .selectors import my_registrations, network_with_sections, registration_of, visible_events
from .services import can_manage

# A feed holds the events of the past year and of the next two.
FEED_PAST = datetime.timedelta(days=183)
FEED_AHEAD = datetime.timedelta(days=366)
PUBLIC_MAX_AGE = 15 * 60
# Kept entries of a network's feed are rebuilt at least this often (e.g. for new translations).
FRAGMENTS_SECONDS = 24 * 60 * 60
# Raised when the entries of feeds change form, so kept ones are rebuilt.
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
    """From half a year ago to a year ahead, in whole days (UTC), so the feed changes once a day."""
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
    """One event as a file; the online link only for confirmed participants and its managers.

    A guest who registered without an account downloads it from their registration's page,
    whose link carries the registration's token (`?r=<token>`).
    """
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
    registration = registration_of(request.user, event) or _registration_by_token(request, event)
    show_link = (
        registration is not None and registration.status == Registration.Status.CONFIRMED
    ) or can_manage(request.user, event)
    body = event_calendar(event, registration=registration, show_link=show_link, language=language)
    response = _calendar_response(body, filename=f"{event.slug}.ics")
    if request.user.is_authenticated or registration is not None:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def _registration_by_token(request: HttpRequest, event: Event) -> Registration | None:
    """A guest's registration, named by the token of its page (`?r=`): guests have no account."""
    token = request.GET.get("r", "")
    if not token:
        return None
    return (
        Registration.objects.filter(event=event, token=token)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


@require_safe
def network_feed(request: HttpRequest, network: str) -> HttpResponse:
    """The events of a network and its sections that the requester may see, without links."""
    net = get_object_or_404(Network, slug=network)
    ids = network_with_sections(net)
    language = translation.get_language() or net.language
    events = _in_window(visible_events(request.user).filter(network_id__in=ids))
    # Times as the database writes them: only compared, never read (parsing them costs more).
    rows = events.order_by("starts_at", "id").values_list(
        "id", Cast("updated_at", CharField()), "sequence", "network_id"
    )
    # An entry names its organiser (the event's network), which its own version must cover.
    organisers = {
        pk: f"{name}/{email}"
        for pk, name, email in Network.objects.filter(id__in=ids).values_list("id", "name", "email")
    }
    versions = {
        pk: f"{changed}/{sequence}/{organisers[network_id]}"
        for pk, changed, sequence, network_id in rows
    }
    name = _("Events: %(network)s") % {"network": net.name}
    # The exact list of entries and their versions: any change to what the requester may see,
    # an event leaving the window or losing its visibility included, gives a new ETag.
    digest = hashlib.sha256(
        "\n".join(
            [FEED_FORMAT, language, name, *(f"{k}={v}" for k, v in versions.items())]
        ).encode()
    ).hexdigest()[:32]
    etag = f'"{digest}"'

    response = get_conditional_response(request, etag=etag)
    if response is None:
        entries = _network_entries(net, events, versions, language)
        spans = events.order_by().values_list("timezone").annotate(Min("starts_at"), Max("ends_at"))
        response = _calendar_response(feed_calendar(name, [entries], spans))
    response["ETag"] = etag
    if request.user.is_authenticated:
        # Members see members' events too: their copy is theirs alone.
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


def _network_entries(
    net: Network, events: QuerySet[Event], versions: dict[int, str], language: str
) -> bytes:
    """The serialised entries of the events, in order, rebuilding only events that changed.

    The entries of a network's feed are kept per language in the shared cache as one compressed
    value with the version of each event: an edit costs the next request one event's entries,
    not the whole feed (icalendar takes about half a millisecond per entry).
    """
    key = f"events:feed-entries:{net.pk}:{language}"
    kept = cache.get(key)
    if not kept or kept.get("format") != _store_format():
        kept = {"index": [], "blob": zlib.compress(b"")}
    blob = zlib.decompress(kept["blob"])
    if [(pk, version) for pk, version, _length in kept["index"]] == list(versions.items()):
        return blob
    known: dict[int, tuple[str, bytes]] = {}
    offset = 0
    for pk, version, length in kept["index"]:
        known[pk] = (version, blob[offset : offset + length])
        offset += length
    stale = [pk for pk, version in versions.items() if known.get(pk, ("",))[0] != version]
    if stale:
        # Many changed (a cold start): select them by the feed's own filter, not a long id list.
        todo = events.filter(id__in=stale) if len(stale) <= 500 else events
        built = feed_fragments(feed_sessions(todo, language), language=language)
        for pk in stale:
            known[pk] = (versions[pk], built.get(pk, b""))
    parts = [known[pk][1] for pk in versions]
    body = b"".join(parts)
    kept = {
        "format": _store_format(),
        "index": [(pk, known[pk][0], len(known[pk][1])) for pk in versions],
        "blob": zlib.compress(body, 1),
    }
    cache.set(key, kept, FRAGMENTS_SECONDS)
    return body


def _store_format() -> str:
    return f"{FEED_FORMAT}/{settings.SITE_URL}"


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
