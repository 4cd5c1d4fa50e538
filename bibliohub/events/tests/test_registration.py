"""Registration, the waiting list, promotion, cancellation and capacity under concurrency."""

import threading

import pytest
from django.core import mail
from django.db import connection

from bibliohub.events.models import Event, Registration
from bibliohub.events.services import (
    RegistrationError,
    SessionData,
    cancel_registration,
    event_update,
    register,
    waiting_position,
)

from .conftest import in_days, person

pytestmark = pytest.mark.django_db


def _people(django_user_model, n, library=None):
    from bibliohub.directory.models import LibraryRole

    people = []
    for i in range(n):
        user = person(django_user_model, f"p{i}@knihovna.example", language="cs")
        if library is not None:
            LibraryRole.objects.create(user=user, library=library, role=LibraryRole.Role.STAFF)
        people.append(user)
    return people


def test_member_registers_and_gets_confirmation_with_calendar(member, make_event, committed):
    event = make_event(capacity=2)
    with committed():
        registration = register(event=event, user=member)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email == member.email
    assert registration.library.town == "Brno"
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert event.title in message.subject
    assert message.extra_headers["Content-Language"] == "cs"
    (attachment,) = message.attachments
    assert attachment[2] == "text/calendar; method=PUBLISH"


def test_full_event_puts_people_on_waiting_list_in_order(django_user_model, library, make_event):
    event = make_event(capacity=2)
    a, b, c, d = _people(django_user_model, 4, library)
    statuses = [register(event=event, user=u).status for u in (a, b, c, d)]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    waiting = Registration.objects.filter(event=event, status="waiting")
    assert [waiting_position(r) for r in waiting] == [1, 2]


def test_cancellation_promotes_the_first_waiting_and_tells_them(
    django_user_model, library, make_event, committed
):
    event = make_event(capacity=1)
    a, b, c = _people(django_user_model, 3, library)
    first = register(event=event, user=a)
    second = register(event=event, user=b)
    register(event=event, user=c)
    mail.outbox.clear()

    with committed():
        cancel_registration(registration=first)

    second.refresh_from_db()
    assert second.status == Registration.Status.CONFIRMED
    assert Registration.objects.get(user=c).status == Registration.Status.WAITING
    recipients = {m.to[0]: m for m in mail.outbox}
    assert set(recipients) == {a.email, b.email}
    assert "Setkání" in recipients[b.email].subject


def test_raising_capacity_promotes_waiting(django_user_model, library, make_event, coordinator):
    event = make_event(capacity=1)
    a, b, c = _people(django_user_model, 3, library)
    for u in (a, b, c):
        register(event=event, user=u)
    event_update(actor=coordinator, event=event, capacity=2)
    assert list(
        Registration.objects.filter(event=event).order_by("id").values_list("status", flat=True)
    ) == ["confirmed", "confirmed", "waiting"]


def test_nobody_registers_twice(member, make_event):
    event = make_event()
    register(event=event, user=member)
    with pytest.raises(RegistrationError):
        register(event=event, user=member)
    assert Registration.objects.filter(event=event).count() == 1


def test_registration_again_after_cancelling(member, make_event):
    event = make_event()
    cancel_registration(registration=register(event=event, user=member))
    again = register(event=event, user=member)
    assert again.status == Registration.Status.CONFIRMED


def test_members_only_registration_refuses_outsiders_and_visitors(outsider, make_event):
    from django.contrib.auth.models import AnonymousUser

    event = make_event(registration=Event.Registration.MEMBERS)
    with pytest.raises(RegistrationError):
        register(event=event, user=outsider)
    with pytest.raises(RegistrationError):
        register(event=event, user=AnonymousUser(), name="Visitor", email="v@example.org")


def test_visitor_registers_for_open_public_event(make_event, committed):
    from django.contrib.auth.models import AnonymousUser

    event = make_event(registration=Event.Registration.ANYONE)
    with committed():
        registration = register(
            event=event, user=AnonymousUser(), name="Eva", email="Eva@Example.org", language="sl"
        )
    assert registration.user is None
    assert registration.email == "eva@example.org"
    assert mail.outbox[0].extra_headers["Content-Language"] == "sl"


def test_members_event_is_closed_to_anyone_who_cannot_see_it(outsider, section, make_event):
    event = make_event(visibility="members", registration=Event.Registration.ANYONE)
    with pytest.raises(RegistrationError, match="not open to you"):
        register(event=event, user=outsider)


def test_registration_window(member, make_event):
    event = make_event(registration_opens=in_days(3), registration_closes=in_days(10))
    with pytest.raises(RegistrationError, match="not opened"):
        register(event=event, user=member)
    event = make_event(title="Jiné", registration_closes=in_days(-1))
    with pytest.raises(RegistrationError, match="closed"):
        register(event=event, user=member)


def test_required_question_must_be_answered(member, make_event):
    event = make_event()
    event_update(
        actor=None,
        event=event,
        questions=[{"text": "Strava", "required": True, "choices": "běžná\nvegetariánská"}],
    )
    question = event.questions.get()
    with pytest.raises(RegistrationError, match="Strava"):
        register(event=event, user=member, answers={})
    with pytest.raises(RegistrationError):
        register(event=event, user=member, answers={str(question.pk): "veganská"})
    registration = register(event=event, user=member, answers={str(question.pk): "vegetariánská"})
    assert registration.answers == {str(question.pk): "vegetariánská"}


def test_change_of_time_is_sent_to_registrants_in_their_language(
    django_user_model, library, make_event, coordinator, committed
):
    event = make_event(capacity=1)
    a, b = _people(django_user_model, 2, library)
    b.language = "uk"
    b.save()
    register(event=event, user=a)
    register(event=event, user=b)
    mail.outbox.clear()
    sequence = event.sequence
    with committed():
        event_update(
            actor=coordinator,
            event=event,
            sessions=[SessionData(starts_at=in_days(15, 9), ends_at=in_days(15, 15))],
        )
    event.refresh_from_db()
    assert event.sequence == sequence + 1
    assert {m.to[0] for m in mail.outbox} == {a.email, b.email}
    languages = {m.to[0]: m.extra_headers["Content-Language"] for m in mail.outbox}
    assert languages == {a.email: "cs", b.email: "uk"}


def test_change_of_title_only_does_not_mail(member, make_event, coordinator, committed):
    event = make_event()
    register(event=event, user=member)
    mail.outbox.clear()
    with committed():
        event_update(actor=coordinator, event=event, title="Setkání sekce (Brno)")
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook(django_user_model, library, make_event):
    """Many people press "Register" for the last seats at the same moment."""
    capacity, crowd = 5, 24
    event = make_event(capacity=capacity)
    people = _people(django_user_model, crowd, library)
    start = threading.Barrier(crowd)
    errors: list[BaseException] = []

    def attempt(user):
        try:
            start.wait()
            register(event=event, user=user)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(u,)) for u in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count("confirmed") == capacity
    assert statuses.count("waiting") == crowd - capacity
