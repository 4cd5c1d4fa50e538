"""Business rules of events: creating and changing them, registration with a waiting list that
never overbooks, cancellation, attendance and reminders.

Seats: every change to who holds a seat runs in one transaction that first locks the event row
(SELECT … FOR UPDATE on PostgreSQL; on SQLite every transaction takes the write lock when it
begins), counts the confirmed registrations and only then decides. Concurrent registrations for
the last seats therefore confirm exactly the capacity.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bibliohub.core.audit import audit_record
from bibliohub.core.visibility import can_view, coordinated_network_ids, member_network_ids
from bibliohub.directory.models import Network
from bibliohub.directory.services import unique_slug

from .models import Event, EventTranslation, Material, Question, Registration, Reminder, Session


class EventError(Exception):
    """A change that cannot be made; `message` says why in the reader's language."""

    def __init__(self, message: Any, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class RegistrationError(EventError):
    pass


@dataclass
class SessionData:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    title: str = ""
    online: bool = False
    place: str = ""
    online_url: str = ""
    programme: str = ""


EVENT_FIELDS = frozenset(
    {
        "kind",
        "mode",
        "language",
        "title",
        "summary",
        "description",
        "visibility",
        "audience",
        "host_library",
        "venue",
        "town",
        "region",
        "timezone",
        "online_url",
        "capacity",
        "registration",
        "registration_opens",
        "registration_closes",
        "training_hours",
    }
)
# A change of any of these is news for the people registered.
NOTIFIED_FIELDS = frozenset({"venue", "town", "host_library", "online_url", "mode", "timezone"})


def can_manage(user: Any, event: Event) -> bool:
    """Coordinators of the event's network (or of a network above it) manage the event."""
    return getattr(user, "is_authenticated", False) and (
        event.network_id in coordinated_network_ids(user)
    )


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"not fields of an event: {', '.join(sorted(unknown))}")


def _validate(event: Event, sessions: Sequence[SessionData]) -> None:
    if not sessions:
        raise EventError(_("An event needs at least one session."), "sessions")
    for s in sessions:
        if s.ends_at <= s.starts_at:
            raise EventError(_("A session must end after it starts."), "sessions")
    try:
        zoneinfo.ZoneInfo(event.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise EventError(_("Unknown time zone."), "timezone") from exc
    if event.visibility in ("section", "group"):
        if event.audience_id is None:
            raise EventError(_("Choose the section or group that may see the event."), "audience")
        audience = Network.objects.filter(pk=event.audience_id).values_list("parent_id", flat=True)
        if event.audience_id != event.network_id and list(audience) != [event.network_id]:
            raise EventError(_("The section must belong to the event's network."), "audience")
    else:
        event.audience = None
    if (
        event.registration_opens
        and event.registration_closes
        and event.registration_closes <= event.registration_opens
    ):
        raise EventError(_("Registration must close after it opens."), "registration_closes")
    if event.mode == Event.Mode.IN_PERSON and any(s.online for s in sessions):
        event.mode = Event.Mode.HYBRID


def _save_sessions(event: Event, sessions: Sequence[SessionData]) -> None:
    event.sessions.all().delete()
    Session.objects.bulk_create(
        Session(
            event=event,
            title=s.title,
            starts_at=s.starts_at,
            ends_at=s.ends_at,
            online=s.online,
            place=s.place,
            online_url=s.online_url,
            programme=s.programme,
        )
        for s in sessions
    )
    event.starts_at = min(s.starts_at for s in sessions)
    event.ends_at = max(s.ends_at for s in sessions)


def _save_questions(event: Event, questions: Iterable[dict[str, Any]]) -> None:
    event.questions.all().delete()
    Question.objects.bulk_create(
        Question(
            event=event,
            position=i,
            text=q["text"],
            required=bool(q.get("required")),
            choices=q.get("choices", ""),
        )
        for i, q in enumerate(questions)
        if q.get("text", "").strip()
    )


def _save_materials(event: Event, materials: Iterable[dict[str, Any]]) -> None:
    event.materials.all().delete()
    Material.objects.bulk_create(
        Material(event=event, title=m["title"], url=m["url"])
        for m in materials
        if m.get("title", "").strip() and m.get("url")
    )


def _save_translations(event: Event, translations: Iterable[dict[str, Any]]) -> None:
    event.translations.all().delete()
    EventTranslation.objects.bulk_create(
        EventTranslation(
            event=event,
            language=t["language"],
            title=t["title"],
            summary=t.get("summary", ""),
            description=t.get("description", ""),
        )
        for t in translations
        if t.get("title", "").strip() and t["language"] != event.language
    )


@transaction.atomic
def event_create(
    *,
    actor: Any,
    network: Network,
    sessions: Sequence[SessionData],
    questions: Iterable[dict[str, Any]] = (),
    translations: Iterable[dict[str, Any]] = (),
    materials: Iterable[dict[str, Any]] = (),
    slug: str | None = None,
    **fields: Any,
) -> Event:
    _check_fields(fields)
    event = Event(network=network, created_by=actor if _authenticated(actor) else None, **fields)
    if not event.language:
        event.language = network.language
    if event.host_library_id and not event.region_id:
        event.region_id = event.host_library.region_id
    if event.host_library_id and not event.town:
        event.town = event.host_library.town
    _validate(event, sessions)
    event.slug = slug or unique_slug(Event, _slug_base(event.title, sessions))
    event.full_clean(exclude=["starts_at", "ends_at"])
    event.save()
    _save_sessions(event, sessions)
    event.save(update_fields=["starts_at", "ends_at"])
    _save_questions(event, questions)
    _save_translations(event, translations)
    _save_materials(event, materials)
    audit_record(actor=actor, action="events.created", obj=event, network=network)
    return event


def _slug_base(title: str, sessions: Sequence[SessionData]) -> str:
    year = f"{min(s.starts_at for s in sessions):%Y}"
    return title if year in title else f"{title} {year}"


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _session_signature(event: Event) -> list[tuple[Any, ...]]:
    return [
        (s.starts_at, s.ends_at, s.online, s.place, s.online_url)
        for s in event.sessions.order_by("starts_at", "id")
    ]


@transaction.atomic
def event_update(
    *,
    actor: Any,
    event: Event,
    sessions: Sequence[SessionData] | None = None,
    questions: Iterable[dict[str, Any]] | None = None,
    translations: Iterable[dict[str, Any]] | None = None,
    materials: Iterable[dict[str, Any]] | None = None,
    **fields: Any,
) -> Event:
    """Change an event; people registered hear of changes to when, where or how it happens."""
    _check_fields(fields)
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = {name: getattr(event, name) for name in fields}
    before_sessions = _session_signature(event)
    capacity_before = event.capacity
    for name, value in fields.items():
        setattr(event, name, value)
    current = sessions
    if current is None:
        current = [
            SessionData(
                starts_at=s.starts_at,
                ends_at=s.ends_at,
                online=s.online,
            )
            for s in event.sessions.all()
        ]
    _validate(event, current)
    event.full_clean(exclude=["starts_at", "ends_at", "slug"])
    if sessions is not None:
        _save_sessions(event, sessions)
    if questions is not None:
        _save_questions(event, questions)
    if translations is not None:
        _save_translations(event, translations)
    if materials is not None:
        _save_materials(event, materials)
    changed = {
        name: [str(before[name]), str(getattr(event, name))]
        for name in fields
        if before[name] != getattr(event, name)
    }
    sessions_changed = sessions is not None and _session_signature(event) != before_sessions
    notify = sessions_changed or bool(NOTIFIED_FIELDS & set(changed))
    if notify or changed:
        event.sequence += 1
    event.save()
    if changed or sessions_changed:
        audit_record(
            actor=actor,
            action="events.changed",
            obj=event,
            network=event.network,
            changes=changed,
            sessions_changed=sessions_changed,
        )
    if notify and not event.is_past:
        _notify_registrants(event, "changed")
    if event.capacity is None or (capacity_before is not None and event.capacity > capacity_before):
        _promote_waiting(event)
    return event


@transaction.atomic
def event_cancel(*, actor: Any, event: Event, reason: str = "") -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        return event
    event.status = Event.Status.CANCELLED
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    audit_record(
        actor=actor, action="events.cancelled", obj=event, network=event.network, reason=reason
    )
    _notify_registrants(event, "cancelled", reason=reason)
    return event


def _notify_registrants(event: Event, what: str, reason: str = "") -> None:
    from .tasks import send_event_notice

    ids = list(
        event.registrations.exclude(status=Registration.Status.CANCELLED).values_list(
            "id", flat=True
        )
    )
    if ids:
        transaction.on_commit(
            lambda: send_event_notice.enqueue(event.pk, what, ids, reason, event.sequence)
        )


# --- Registration ----------------------------------------------------------------------------


def registration_state(event: Event, user: Any, now: datetime.datetime | None = None) -> str:
    """Why a person may or may not register now: "open", or the reason it is closed."""
    now = now or timezone.now()
    if event.is_cancelled:
        return "cancelled"
    if event.registration == Event.Registration.NONE:
        return "none"
    if event.starts_at is None or event.starts_at <= now:
        return "started"
    if event.registration_opens and now < event.registration_opens:
        return "not_yet"
    if event.registration_closes and now >= event.registration_closes:
        return "closed"
    if event.registration == Event.Registration.MEMBERS and not may_register_as_member(user, event):
        return "members_only"
    return "open"


def may_register_as_member(user: Any, event: Event) -> bool:
    if not _authenticated(user):
        return False
    return event.network_id in member_network_ids(user) or can_manage(user, event)


def _answers(event: Event, answers: dict[str, Any]) -> dict[str, str]:
    clean: dict[str, str] = {}
    for question in event.questions.all():
        value = str(answers.get(str(question.pk), "") or "").strip()
        if question.required and not value:
            raise RegistrationError(_("Please answer: %s") % question.text, f"q{question.pk}")
        if value and question.choice_list and value not in question.choice_list:
            raise RegistrationError(_("Choose one of the offered answers."), f"q{question.pk}")
        if value:
            clean[str(question.pk)] = value[:2000]
    return clean


def register(
    *,
    event: Event,
    user: Any,
    name: str = "",
    email: str = "",
    answers: dict[str, Any] | None = None,
    language: str = "",
    library: Any = None,
    organisation: str = "",
    now: datetime.datetime | None = None,
) -> Registration:
    """Register a person: a seat when one is free, a place on the waiting list when not."""
    if not can_view(user, event):
        raise RegistrationError(_("This event is not open to you."))
    state = registration_state(event, user, now)
    if state != "open":
        raise RegistrationError(REGISTRATION_CLOSED_REASONS[state])
    if _authenticated(user):
        name = name.strip() or user.full_name or user.email
        email = user.email
        language = language or user.language
        if library is None:
            library = _library_of(user, event)
    name, email = name.strip(), email.strip().lower()
    if not name or not email:
        raise RegistrationError(_("Give your name and e-mail address."))
    clean_answers = _answers(event, answers or {})
    try:
        with transaction.atomic():
            locked = Event.objects.select_for_update().get(pk=event.pk)
            if locked.is_cancelled:
                raise RegistrationError(REGISTRATION_CLOSED_REASONS["cancelled"])
            taken = locked.registrations.filter(status=Registration.Status.CONFIRMED).count()
            waiting = locked.registrations.filter(status=Registration.Status.WAITING).exists()
            has_seat = locked.capacity is None or (taken < locked.capacity and not waiting)
            registration = Registration.objects.create(
                event=locked,
                user=user if _authenticated(user) else None,
                name=name[:200],
                email=email,
                library=library,
                organisation=organisation.strip()[:250],
                language=language or locked.language,
                status=(Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITING),
                confirmed_at=timezone.now() if has_seat else None,
                answers=clean_answers,
            )
            _tell(registration, "confirmed" if has_seat else "waiting")
    except IntegrityError as exc:
        raise RegistrationError(
            _("%(email)s is already registered for this event.") % {"email": email}
        ) from exc
    return registration


REGISTRATION_CLOSED_REASONS = {
    "cancelled": _("The event has been cancelled."),
    "none": _("This event takes no registrations."),
    "started": _("Registration has ended: the event has begun."),
    "not_yet": _("Registration has not opened yet."),
    "closed": _("Registration is closed."),
    "members_only": _("Only members of the network can register for this event."),
}


def _library_of(user: Any, event: Event) -> Any:
    from bibliohub.directory.models import Library

    libraries = Library.objects.filter(roles__user=user).distinct()
    in_network = libraries.filter(
        memberships__network_id=event.network_id, memberships__status="active"
    ).first()
    return in_network or libraries.first()


def _tell(registration: Registration, what: str) -> None:
    from .tasks import send_registration_notice

    pk = registration.pk
    transaction.on_commit(lambda: send_registration_notice.enqueue(pk, what))


def cancel_registration(*, registration: Registration, actor: Any = None) -> Registration:
    """Give up a place; the first person waiting takes the seat and is told."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if actor is not None and _authenticated(actor) and actor.pk != registration.user_id:
            audit_record(
                actor=actor,
                action="events.registration_cancelled",
                obj=registration,
                network=event.network,
            )
        _tell(registration, "cancelled")
        if not event.is_cancelled and not event.is_past:
            _promote_waiting(event)
    return registration


def _promote_waiting(event: Event) -> list[Registration]:
    """Give free seats to the people waiting, in the order they registered. Runs under the lock."""
    taken = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    queue = event.registrations.filter(status=Registration.Status.WAITING).order_by(
        "created_at", "id"
    )
    free = None if event.capacity is None else max(event.capacity - taken, 0)
    promoted = list(queue if free is None else queue[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        _tell(registration, "promoted")
    return promoted


def waiting_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=Registration.Status.WAITING,
        created_at__lte=registration.created_at,
    ).exclude(created_at=registration.created_at, id__gt=registration.id)
    return ahead.count()


# --- Attendance ------------------------------------------------------------------------------


@transaction.atomic
def attendance_set(*, actor: Any, event: Event, attended_ids: Iterable[int]) -> int:
    """Mark who came: the confirmed registrations in `attended_ids` attended, the rest did not."""
    attended = set(attended_ids)
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED)
    unknown = attended - set(confirmed.values_list("id", flat=True))
    if unknown:
        raise EventError(_("Only confirmed participants can be marked as present."))
    confirmed.filter(id__in=attended).update(attended=True)
    confirmed.exclude(id__in=attended).update(attended=False)
    audit_record(
        actor=actor,
        action="events.attendance",
        obj=event,
        network=event.network,
        present=len(attended),
    )
    return len(attended)


def credited_hours(event: Event) -> Decimal:
    return event.training_hours or Decimal("0")


# --- Reminders -------------------------------------------------------------------------------

REMINDER_LEAD = datetime.timedelta(hours=24)


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Remind every confirmed participant of each session that begins within a day.

    Each reminder is recorded and its e-mail put on the task queue in one transaction, so a
    restart, a second scheduler or a second run never sends it twice. Returns how many were sent.
    """
    from .tasks import send_reminder

    now = now or timezone.now()
    sessions = Session.objects.filter(
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_LEAD,
        event__status=Event.Status.SCHEDULED,
    ).select_related("event")
    sent = 0
    for session in sessions:
        due = (
            session.event.registrations.filter(status=Registration.Status.CONFIRMED)
            .exclude(id__in=Reminder.objects.filter(session=session).values("registration_id"))
            .values_list("id", flat=True)
        )
        for registration_id in list(due):
            try:
                with transaction.atomic():
                    Reminder.objects.create(session=session, registration_id=registration_id)
                    # Enqueued inside the transaction: with the database task backend the
                    # task row commits together with the record of the reminder.
                    send_reminder.enqueue(session.pk, registration_id)
            except IntegrityError:
                continue
            sent += 1
    return sent
