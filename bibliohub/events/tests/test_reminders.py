"""Reminders the day before each session: sent once, also across restarts, through real SMTP."""

import datetime
import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.utils import timezone

from bibliohub.events.models import Reminder
from bibliohub.events.services import SessionData, event_cancel, register, send_due_reminders

from .conftest import in_days

pytestmark = pytest.mark.django_db


def _course(make_event, first_in_hours: float):
    """A course of two sessions: the first `first_in_hours` from now, the second a week later."""
    now = timezone.now().replace(second=0, microsecond=0)
    first = now + datetime.timedelta(hours=first_in_hours)
    return make_event(
        kind="course",
        title="AI akademie pro vedení knihoven",
        sessions=[
            SessionData(starts_at=first, ends_at=first + datetime.timedelta(hours=3)),
            SessionData(
                starts_at=first + datetime.timedelta(days=7),
                ends_at=first + datetime.timedelta(days=7, hours=3),
                online=True,
                online_url="https://meet.example/ai-akademie",
            ),
        ],
    )


def test_reminder_goes_once_per_session_and_person(member, outsider, make_event):
    event = _course(make_event, first_in_hours=20)
    register(event=event, user=member)
    mail.outbox.clear()

    assert send_due_reminders() == 1
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "AI akademie" in message.subject
    assert message.extra_headers["Content-Language"] == "cs"

    # The scheduler runs again (or a second process, or after a restart): nothing more is sent.
    assert send_due_reminders() == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_second_session_is_reminded_the_day_before_it(member, make_event):
    event = _course(make_event, first_in_hours=20)
    register(event=event, user=member)
    send_due_reminders()
    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(days=7)
    assert send_due_reminders(now=later) == 1
    assert "meet.example/ai-akademie" in mail.outbox[0].body


def test_no_reminder_for_far_sessions_waiting_list_or_cancelled_events(
    django_user_model, member, library, make_event
):
    far = make_event(title="Za měsíc")  # two weeks ahead
    register(event=far, user=member)
    full = _course(make_event, first_in_hours=10)
    full.capacity = 1
    full.save()
    register(event=full, user=member)
    from .conftest import person

    waiting = person(django_user_model, "waiting@knihovna.example")
    from bibliohub.directory.models import LibraryRole

    LibraryRole.objects.create(user=waiting, library=library, role="staff")
    assert register(event=full, user=waiting).status == "waiting"
    cancelled = _course(make_event, first_in_hours=5)
    register(event=cancelled, user=member)
    event_cancel(actor=None, event=cancelled)
    mail.outbox.clear()

    send_due_reminders()

    assert [m.to for m in mail.outbox] == [[member.email]]
    assert full.title in mail.outbox[0].subject


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free local port; yields (host, port, received messages)."""
    received: list[email.message.EmailMessage] = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's API
            received.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield "127.0.0.1", port, received
    finally:
        controller.stop()


def test_reminder_arrives_through_a_real_smtp_server(settings, smtp_server, member, make_event):
    host, port, received = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = host, port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    event = _course(make_event, first_in_hours=12)
    register(event=event, user=member)

    assert send_due_reminders() == 1

    (message,) = received
    assert message["To"] == member.email
    assert "AI akademie pro vedení knihoven" in message["Subject"]
    assert message["Content-Language"] == "cs"
    text = message.get_body(("plain",)).get_content()
    assert "Jana Nováková" in text
    assert event.get_absolute_url() in text


def test_reminder_time_is_in_the_events_zone(member, make_event):
    event = make_event(
        title="Цифрові сервіси бібліотеки",
        timezone="Europe/Kyiv",
        sessions=[
            SessionData(
                starts_at=in_days(3, 10, tz="Europe/Kyiv"),
                ends_at=in_days(3, 12, tz="Europe/Kyiv"),
            )
        ],
    )
    start = event.starts_at
    now = start - datetime.timedelta(hours=3)
    register(event=event, user=member)
    mail.outbox.clear()
    send_due_reminders(now=now)
    (message,) = mail.outbox
    assert "10:00" in message.body
    assert "Kyiv" in message.body


def test_scheduler_run_sends_due_reminders_once(member, make_event):
    from django.core.management import call_command

    event = _course(make_event, first_in_hours=6)
    register(event=event, user=member)
    mail.outbox.clear()
    call_command("scheduler", "--once")
    call_command("scheduler", "--once")  # as after a restart
    assert [m.to for m in mail.outbox] == [[member.email]]
