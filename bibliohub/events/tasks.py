"""Background e-mails of events: confirmations, the waiting list, changes, reminders."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_tasks import task

from bibliohub.core.mail import absolute_url, render_email

from .models import Event, Registration, Session


def _context(registration: Registration) -> dict[str, Any]:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "event_url": settings.SITE_URL.rstrip("/") + event.get_absolute_url(),
        "manage_url": absolute_url("events:registration", token=registration.token),
        "ics_url": absolute_url("events:event_ics", slug=event.slug),
    }


def _attach_calendar(message: Any, registration: Registration, *, cancelled: bool = False) -> None:
    from .calendar import event_calendar

    ics = event_calendar(registration.event, registration=registration, cancelled=cancelled)
    method = "CANCEL" if cancelled else "PUBLISH"
    message.attach(f"{registration.event.slug}.ics", ics, f"text/calendar; method={method}")


@task()
def send_registration_notice(registration_id: int, what: str) -> None:
    """`what`: confirmed, waiting, promoted or cancelled."""
    registration = Registration.objects.select_related("event", "event__network").get(
        pk=registration_id
    )
    message = render_email(
        to=[registration.email],
        template=f"events/email/registration_{what}",
        context=_context(registration),
        language=registration.language,
    )
    if what in ("confirmed", "promoted"):
        _attach_calendar(message, registration)
    message.send()


@task()
def send_event_notice(
    event_id: int, what: str, registration_ids: list[int], reason: str, sequence: int
) -> int:
    """Tell everyone registered that the event changed or was cancelled; returns the count."""
    event = Event.objects.select_related("network").get(pk=event_id)
    if event.sequence != sequence:
        # A later change follows with its own notice, which says the latest.
        return 0
    registrations = Registration.objects.filter(id__in=registration_ids).select_related(
        "event", "event__network"
    )
    sent = 0
    for registration in registrations:
        context = {**_context(registration), "reason": reason}
        message = render_email(
            to=[registration.email],
            template=f"events/email/event_{what}",
            context=context,
            language=registration.language,
        )
        if registration.status == Registration.Status.CONFIRMED or what == "cancelled":
            _attach_calendar(message, registration, cancelled=what == "cancelled")
        message.send()
        sent += 1
    return sent


@task()
def send_reminder(session_id: int, registration_id: int) -> None:
    session = Session.objects.select_related("event", "event__network").get(pk=session_id)
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    if registration.status != Registration.Status.CONFIRMED:
        return
    context = {**_context(registration), "session": session}
    render_email(
        to=[registration.email],
        template="events/email/reminder",
        context=context,
        language=registration.language,
    ).send()
