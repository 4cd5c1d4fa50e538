"""API endpoints of events: the list and one event as the caller may see them, and the caller's
own registration (register, cancel)."""

import contextlib
import datetime
import zoneinfo
from collections.abc import Iterator
from typing import Annotated, Any

from django.conf import settings
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from bibliohub.core.timezones import is_valid_zone
from bibliohub.core.visibility import can_view
from bibliohub.directory.models import Network, Region
from bibliohub.events import selectors, services
from bibliohub.events.models import Event, EventTranslation, Registration

from .auth import PUBLIC, SIGNED_IN
from .event_schemas import EventDetailOut, EventPage, RegistrationIn, RegistrationOut
from .schemas import ErrorOut

router = Router(tags=["events"])

MAX_LIMIT = 100
MODES = ("online", "in_person")


@contextlib.contextmanager
def _as_caller(request: HttpRequest, user: Any) -> Iterator[None]:
    """The caller's language and time zone, as the site gives a signed-in browser.

    The middleware picks them before a personal token is read, so a token's owner would
    otherwise get the Accept-Language and the site's zone instead of their own.
    """
    language = translation.get_language()
    zone = timezone.get_current_timezone()
    if user.is_authenticated:
        if user.language and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            language = user.language
        if is_valid_zone(user.time_zone):
            zone = zoneinfo.ZoneInfo(user.time_zone)
    with translation.override(language), timezone.override(zone):
        yield


def _utc(moment: datetime.datetime | None) -> datetime.datetime | None:
    return moment.astimezone(datetime.UTC) if moment is not None else None


def _seats_left(event: Event, confirmed: int) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed, 0)


def _event(request: HttpRequest, event: Event, user: Any, confirmed: int) -> dict[str, Any]:
    text = event.translated()
    return {
        "slug": event.slug,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "title": text.title,
        "summary": text.summary or event.summary,
        "kind": event.kind,
        "mode": event.mode,
        "status": event.status,
        "language": event.language,
        "network": {"slug": event.network.slug, "name": event.network.name},
        "starts_at": _utc(event.starts_at),
        "ends_at": _utc(event.ends_at),
        "timezone": event.timezone,
        "town": event.town,
        "venue": event.venue,
        "capacity": event.capacity,
        "seats_left": _seats_left(event, confirmed),
        "registration": event.registration,
        "registration_open": services.registration_state(event, user) == "open",
        "training_hours": float(event.training_hours),
    }


def _my_registration(registration: Registration) -> dict[str, Any]:
    return {
        "status": registration.status,
        "waiting_position": services.waiting_position(registration),
        "registered_at": _utc(registration.created_at),
    }


def _visible_event(user: Any, slug: str) -> Event:
    """The event for one-event answers; one the caller may not see does not exist for them."""
    event = selectors.event_for_page(slug)
    if event is None or not can_view(user, event):
        raise HttpError(404, _("Not found."))
    return event


def _filters(network: str, kind: str, region: str, mode: str) -> dict[str, Any]:
    """The list's filters from the query string; an unknown value gets a clear 400."""
    found: dict[str, Any] = {}
    if network:
        found["network"] = Network.objects.filter(slug=network).first()
        if found["network"] is None:
            raise HttpError(400, _("There is no network “%(slug)s”.") % {"slug": network})
    if region:
        by = {"pk": int(region)} if region.isdigit() else {"slug": region}
        region_id = Region.objects.filter(**by).values_list("pk", flat=True).first()
        if region_id is None:
            raise HttpError(400, _("There is no region “%(slug)s”.") % {"slug": region})
        found["region_id"] = region_id
    if kind:
        if kind not in Event.Kind.values:
            raise HttpError(
                400,
                _("Unknown kind of event “%(kind)s”; use one of: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(Event.Kind.values)},
            )
        found["kind"] = kind
    if mode:
        if mode not in MODES:
            raise HttpError(
                400,
                _("Unknown form of event “%(mode)s”; use one of: %(modes)s.")
                % {"mode": mode, "modes": ", ".join(MODES)},
            )
        found["mode"] = mode
    return found


@router.get(
    "/events",
    response={200: EventPage, 400: ErrorOut},
    auth=PUBLIC,
    summary="Events the caller may see",
)
def events(
    request: HttpRequest,
    network: str = "",
    kind: str = "",
    region: str = "",
    mode: str = "",
    date_from: Annotated[datetime.date | None, Query(alias="from")] = None,
    date_to: Annotated[datetime.date | None, Query(alias="to")] = None,
    past: bool = False,
    limit: int = Query(25, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Upcoming events, soonest first (with `past=true`: those that have ended, latest first).
    Filter by network slug (with its sections), kind, region (slug or id), form (`online`:
    online or hybrid, `in_person`: in person or hybrid) and dates `from`/`to` (YYYY-MM-DD, in
    the caller's time zone). Titles come in the caller's language when the event has them."""
    user = request.auth
    with _as_caller(request, user):
        filters = selectors.EventFilters(
            **_filters(network, kind, region, mode),
            date_from=date_from,
            date_to=date_to,
            past=past,
        )
        queryset = selectors.event_list(user, filters)
        count = queryset.count()
        language = translation.get_language()
        page = selectors.with_seats(queryset).prefetch_related(
            Prefetch("translations", queryset=EventTranslation.objects.filter(language=language))
        )[offset : offset + limit]
        items = [_event(request, event, user, event.confirmed_count) for event in page]
    return {"count": count, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/events/{slug}",
    response={200: EventDetailOut, 404: ErrorOut},
    auth=PUBLIC,
    summary="One event with its sessions, questions and the caller's registration",
)
def event_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Online links (of the event and of its sessions) are given only to people with a
    confirmed registration and to the event's coordinators; everyone else gets null."""
    user = request.auth
    with _as_caller(request, user):
        event = _visible_event(user, slug)
        registration = selectors.registration_of(user, event)
        show_links = services.can_manage(user, event) or (
            registration is not None and registration.status == Registration.Status.CONFIRMED
        )
        text = event.translated()
        return {
            **_event(request, event, user, selectors.confirmed_count(event)),
            "description": text.description or event.description,
            "online_url": (event.online_url or None) if show_links else None,
            "sessions": [
                {
                    "title": session.title,
                    "starts_at": _utc(session.starts_at),
                    "ends_at": _utc(session.ends_at),
                    "online": session.online,
                    "place": session.place,
                    "online_url": (session.link or None) if show_links else None,
                }
                for session in event.sessions.all()
            ],
            "questions": [
                {
                    "id": question.pk,
                    "text": question.text,
                    "required": question.required,
                    "choices": question.choice_list,
                }
                for question in event.questions.all()
            ],
            "my_registration": _my_registration(registration) if registration else None,
        }


@router.post(
    "/events/{slug}/registration",
    response={
        201: RegistrationOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
    auth=SIGNED_IN,
    summary="Register the caller for an event",
)
def event_register(
    request: HttpRequest, slug: str, body: RegistrationIn | None = None
) -> Status[dict[str, Any]]:
    """A seat when one is free, else a place on the waiting list (`waiting_position` says
    which). `answers` maps the ids of the event's questions to the caller's answers.
    409 when the caller is already registered, 403 when registration is not open to them
    (or not open now), 422 when an answer is missing or not one of the offered choices."""
    user = request.auth
    with _as_caller(request, user):
        event = _visible_event(user, slug)
        try:
            registration = services.register(
                event=event, user=user, answers=body.answers if body else {}
            )
        except services.RegistrationError as error:
            if isinstance(error.__cause__, IntegrityError):
                status = 409
            elif error.field and error.field.startswith("q"):
                status = 422
            else:
                status = 403
            raise HttpError(status, str(error.message)) from error
        return Status(201, {**_my_registration(registration), "event": event.slug})


@router.delete(
    "/events/{slug}/registration",
    response={204: None, 401: ErrorOut, 404: ErrorOut},
    auth=SIGNED_IN,
    summary="Cancel the caller's registration",
)
def event_unregister(request: HttpRequest, slug: str) -> Status[None]:
    """The first person on the waiting list then takes the seat and is told by e-mail."""
    user = request.auth
    with _as_caller(request, user):
        event = _visible_event(user, slug)
        registration = selectors.registration_of(user, event)
        if registration is None:
            raise HttpError(404, _("You are not registered for this event."))
        services.cancel_registration(registration=registration, actor=user)
    return Status(204, None)
