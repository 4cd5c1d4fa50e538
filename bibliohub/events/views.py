"""Pages of events: the list and month view, an event, registration, "my events", and the
coordinators' editor. Thin: rules live in services.py, queries in selectors.py."""

from __future__ import annotations

import calendar
import datetime
import json
import zoneinfo
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bibliohub.core.pagecache import public_page
from bibliohub.core.visibility import can_view, coordinated_network_ids
from bibliohub.directory.models import Network

from . import selectors, services
from .forms import (
    CancelEventForm,
    EventFilterForm,
    EventForm,
    MaterialFormSet,
    QuestionFormSet,
    RegistrationForm,
    SessionFormSet,
    TranslationFormSet,
)
from .models import Event, Registration

PAGE_SIZE = 20
DAY_LIMIT = 4


def _with_dates(request: HttpRequest, day: datetime.date) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    query["date_from"] = query["date_to"] = day.isoformat()
    return query.urlencode()


def _filter_form(request: HttpRequest) -> EventFilterForm:
    form = EventFilterForm(request.GET or None)
    form.fields["network"].queryset = Network.objects.only("slug", "name").order_by("name")
    form.fields["region"].queryset = form.fields["region"].queryset.only("slug", "name")
    return form


@public_page
def event_list(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    past = request.GET.get("when") == "past"
    filters = form.filters(past=past)
    events = selectors.with_seats(selectors.event_list(request.user, filters))
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.attach_translations(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    today = timezone.localdate()
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "page": page,
            "past": past,
            "query": query.urlencode(),
            "filter_query": _without(request, "page", "when"),
            "network": filters.network,
            "month_url": reverse("events:month", args=[today.year, today.month]),
        },
    )


def _without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def month_current(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    url = reverse("events:month", args=[today.year, today.month])
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@public_page
def month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    form = _filter_form(request)
    filters = form.filters()
    days = selectors.month_days(request.user, year, month, filters, per_day=DAY_LIMIT)
    weeks = []
    today = timezone.localdate()
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "today": day == today,
                    "day": days.get(day) if day.month == month else None,
                    "day_query": _with_dates(request, day),
                }
                for day in week
            ]
        )
    first = datetime.date(year, month, 1)
    previous = first - datetime.timedelta(days=1)
    following = first + datetime.timedelta(days=32)
    query = request.GET.urlencode()
    return render(
        request,
        "events/month.html",
        {
            "form": form,
            "weeks": weeks,
            "first": first,
            "weekdays": [weeks[0][i]["date"] for i in range(7)],
            "previous_url": reverse("events:month", args=[previous.year, previous.month]),
            "next_url": reverse("events:month", args=[following.year, following.month]),
            "query": query,
            "has_sessions": bool(days),
        },
    )


def _event_or_404(request: HttpRequest, slug: str) -> Event:
    event = selectors.event_for_page(slug)
    # An event the person may not see does not exist for them: the same answer as a wrong address.
    if event is None or not can_view(request.user, event):
        raise Http404
    return event


@public_page
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    user = request.user
    registration = selectors.registration_of(user, event)
    manages = services.can_manage(user, event)
    confirmed = selectors.confirmed_count(event)
    state = services.registration_state(event, user)
    sessions = list(event.sessions.all())
    show_link = manages or (registration is not None and registration.status == "confirmed")
    attended = (
        registration is not None and registration.attended is True
        if user.is_authenticated
        else False
    )
    return render(
        request,
        "events/event.html",
        {
            "event": event,
            "text": event.translated(),
            "sessions": sessions,
            "registration": registration,
            "waiting_position": services.waiting_position(registration) if registration else None,
            "manages": manages,
            "confirmed": confirmed,
            "seats_left": None if event.capacity is None else max(event.capacity - confirmed, 0),
            "waiting": selectors.waiting_count(event) if manages else None,
            "state": state,
            "closed_reason": services.REGISTRATION_CLOSED_REASONS.get(state, ""),
            "show_link": show_link,
            "attended": attended,
            "json_ld": _json_ld(event, sessions),
        },
    )


def _json_ld(event: Event, sessions: list[Any]) -> str:
    """schema.org Event (one per event; a course's sessions as sub-events)."""
    base = settings.SITE_URL.rstrip("/")
    text = event.translated()
    mode = {
        Event.Mode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
        Event.Mode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
        Event.Mode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
    }[event.mode]
    zone = zoneinfo.ZoneInfo(event.timezone)
    location: list[dict[str, Any]] = []
    if event.mode != Event.Mode.ONLINE:
        place: dict[str, Any] = {"@type": "Place", "name": event.venue or event.town}
        library = event.host_library
        if library is not None:
            place["name"] = library.name
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": library.street,
                "postalCode": library.postcode,
                "addressLocality": library.town,
                "addressCountry": library.country,
            }
        elif event.venue:
            place["address"] = event.venue
        location.append(place)
    if event.is_online:
        location.append({"@type": "VirtualLocation", "url": base + event.get_absolute_url()})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text.title,
        "description": text.summary or text.description[:300],
        "url": base + event.get_absolute_url(),
        "inLanguage": event.language,
        "startDate": event.starts_at.astimezone(zone).isoformat() if event.starts_at else None,
        "endDate": event.ends_at.astimezone(zone).isoformat() if event.ends_at else None,
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "location": location[0] if len(location) == 1 else location,
        "organizer": {
            "@type": "Organization",
            "name": event.network.name,
            "url": base + event.network.get_absolute_url(),
        },
    }
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    if len(sessions) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": s.title or text.title,
                "startDate": s.starts_at.astimezone(zone).isoformat(),
                "endDate": s.ends_at.astimezone(zone).isoformat(),
            }
            for s in sessions
        ]
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_or_404(request, slug)
    user = request.user
    state = services.registration_state(event, user)
    if state == "members_only" and not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    existing = selectors.registration_of(user, event)
    if existing is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect(event)
    if state != "open":
        return render(
            request,
            "events/register_closed.html",
            {
                "event": event,
                "text": event.translated(),
                "reason": services.REGISTRATION_CLOSED_REASONS[state],
            },
            status=403 if state == "members_only" else 200,
        )
    form = RegistrationForm(
        request.POST if request.method == "POST" else None, event=event, user=user
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register(
                event=event,
                user=user,
                name=data.get("name", ""),
                email=data.get("email", ""),
                organisation=data.get("organisation", ""),
                answers=form.answers(),
                language=request.LANGUAGE_CODE,
            )
        except services.RegistrationError as error:
            if error.field and error.field in form.fields:
                form.add_error(error.field, str(error.message))
            else:
                form.add_error(None, str(error.message))
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(
                    request, _("You are registered. A confirmation is on its way by e-mail.")
                )
            else:
                messages.info(
                    request,
                    _(
                        "The event is full: you are on the waiting list. We will write when a place is yours."
                    ),
                )
            if user.is_authenticated:
                return redirect(event)
            return redirect("events:registration", token=registration.token)
    return render(
        request,
        "events/register.html",
        {"event": event, "text": event.translated(), "form": form},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def registration(request: HttpRequest, token: str) -> HttpResponse:
    """One registration, reached by the secret link in its e-mails: see it, or cancel it."""
    reg = get_object_or_404(
        Registration.objects.select_related("event", "event__network"), token=token
    )
    event = reg.event
    if request.method == "POST":
        if reg.status != Registration.Status.CANCELLED:
            services.cancel_registration(registration=reg, actor=request.user)
            messages.success(request, _("Your registration is cancelled."))
        return redirect("events:registration", token=token)
    return render(
        request,
        "events/registration.html",
        {
            "registration": reg,
            "event": event,
            "text": event.translated(),
            "sessions": list(event.sessions.all()),
            "waiting_position": services.waiting_position(reg),
            "show_link": reg.status == Registration.Status.CONFIRMED,
        },
    )


@login_required
def my_events(request: HttpRequest) -> HttpResponse:
    from .feeds import personal_feed_url, webcal_url

    now = timezone.now()
    registrations = list(selectors.my_registrations(request.user))
    selectors.attach_translations([r.event for r in registrations])
    upcoming = [r for r in registrations if (r.event.ends_at or now) >= now]
    past = [r for r in registrations if (r.event.ends_at or now) < now]
    past.reverse()
    for r in upcoming:
        r.position = services.waiting_position(r)
    coordinated = (
        Network.objects.filter(id__in=coordinated_network_ids(request.user)).order_by("name")
        if not request.user.is_superuser
        else Network.objects.none()
    )
    return render(
        request,
        "events/mine.html",
        {
            "upcoming": upcoming,
            "past": past,
            "feed_url": (feed_url := personal_feed_url(request.user)),
            "feed_webcal_url": webcal_url(feed_url),
            "coordinated": coordinated,
        },
    )


def _event_forms(
    request: HttpRequest, network: Network, event: Event | None = None
) -> dict[str, Any]:
    data = request.POST if request.method == "POST" else None
    initial: dict[str, Any] = {"timezone": _default_zone(network), "language": network.language}
    sessions_initial: list[dict[str, Any]] = []
    questions_initial: list[dict[str, Any]] = []
    translations_initial: list[dict[str, Any]] = []
    materials_initial: list[dict[str, Any]] = []
    if event is not None:
        zone = zoneinfo.ZoneInfo(event.timezone)
        initial = {
            name: getattr(event, name)
            for name in services.EVENT_FIELDS
            if name not in ("audience", "host_library", "region")
        }
        initial.update(
            audience=event.audience_id,
            host_library=event.host_library_id,
            region=event.region_id,
            registration_opens=_local(event.registration_opens, zone),
            registration_closes=_local(event.registration_closes, zone),
        )
        sessions_initial = [
            {
                "date": s.starts_at.astimezone(zone).date(),
                "start": s.starts_at.astimezone(zone).time(),
                "end": s.ends_at.astimezone(zone).time(),
                "title": s.title,
                "online": s.online,
                "place": s.place,
                "online_url": s.online_url,
                "programme": s.programme,
            }
            for s in event.sessions.all()
        ]
        questions_initial = [
            {"text": q.text, "required": q.required, "choices": q.choices}
            for q in event.questions.all()
        ]
        translations_initial = [
            {
                "language": t.language,
                "title": t.title,
                "summary": t.summary,
                "description": t.description,
            }
            for t in event.translations.all()
        ]
        materials_initial = [{"title": m.title, "url": m.url} for m in event.materials.all()]
    return {
        "form": EventForm(data, network=network, initial=initial),
        "sessions": SessionFormSet(data, prefix="sessions", initial=sessions_initial or None),
        "questions": QuestionFormSet(data, prefix="questions", initial=questions_initial or None),
        "translations": TranslationFormSet(
            data, prefix="translations", initial=translations_initial or None
        ),
        "materials": MaterialFormSet(data, prefix="materials", initial=materials_initial or None),
    }


def _local(value: datetime.datetime | None, zone: zoneinfo.ZoneInfo) -> Any:
    # The picker shows the event's local time; Django would convert it to the reader's zone.
    return value.astimezone(zone).replace(tzinfo=None) if value else None


def _default_zone(network: Network) -> str:
    from bibliohub.membership.services import COUNTRY_TIMEZONES

    country = next((n.country for n in [network, *network.ancestors()] if n.country), "")
    return COUNTRY_TIMEZONES.get(country.upper(), settings.TIME_ZONE)


def _kept(formset: Any) -> list[Any]:
    return [
        f
        for f in formset.forms
        if f.has_changed() and not (formset.can_delete and formset._should_delete_form(f))
    ]


def _save_event(
    request: HttpRequest, forms: dict[str, Any], network: Network, event: Event | None
) -> Event | None:
    form = forms["form"]
    if not all(
        forms[name].is_valid()
        for name in ("form", "sessions", "questions", "translations", "materials")
    ):
        return None
    zone = zoneinfo.ZoneInfo(form.cleaned_data["timezone"])
    sessions = [f.session(zone) for f in _kept(forms["sessions"])]
    questions = [f.cleaned_data for f in _kept(forms["questions"])]
    translations = [f.cleaned_data for f in _kept(forms["translations"])]
    materials = [f.cleaned_data for f in _kept(forms["materials"])]
    if not sessions:
        form.add_error(None, _("An event needs at least one session."))
        return None
    try:
        with transaction.atomic():
            if event is None:
                return services.event_create(
                    actor=request.user,
                    network=network,
                    sessions=sessions,
                    questions=questions,
                    translations=translations,
                    materials=materials,
                    **form.event_fields(),
                )
            return services.event_update(
                actor=request.user,
                event=event,
                sessions=sessions,
                questions=questions,
                translations=translations,
                materials=materials,
                **form.event_fields(),
            )
    except services.EventError as error:
        if error.field and error.field in form.fields:
            form.add_error(error.field, str(error.message))
        else:
            form.add_error(None, str(error.message))
        return None


def _denied(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "directory/forbidden.html", status=403)


@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest, network: str) -> HttpResponse:
    net = get_object_or_404(Network, slug=network)
    if not request.user.is_authenticated or net.pk not in coordinated_network_ids(request.user):
        return _denied(request)
    forms = _event_forms(request, net)
    if request.method == "POST":
        event = _save_event(request, forms, net, None)
        if event is not None:
            messages.success(request, _("The event is published."))
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {**forms, "network": net, "event": None},
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("network"), slug=slug)
    if not services.can_manage(request.user, event):
        return _denied(request)
    forms = _event_forms(request, event.network, event)
    if request.method == "POST":
        saved = _save_event(request, forms, event.network, event)
        if saved is not None:
            messages.success(
                request,
                _("The event is saved. People registered are told of changes of time or place."),
            )
            return redirect(saved)
    return render(
        request,
        "events/event_form.html",
        {**forms, "network": event.network, "event": event},
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def event_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("network"), slug=slug)
    if not services.can_manage(request.user, event):
        return _denied(request)
    form = CancelEventForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.event_cancel(actor=request.user, event=event, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("The event is cancelled; everyone registered is told by e-mail.")
        )
        return redirect(event)
    return render(
        request,
        "events/event_cancel.html",
        {
            "event": event,
            "form": form,
            "registered": event.registrations.exclude(status="cancelled").count(),
        },
    )
