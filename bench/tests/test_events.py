"""The benchmark's events at a tiny scale: consistent with the rules the services keep."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Max, Min, Q
from django.utils import timezone

from bench.generate import EMAIL_DOMAIN, generate_network
from bench.names import COUNTRIES
from bibliohub.events.models import Event, EventTranslation, Registration, Session

from .test_generate import TINY


@pytest.fixture
def tiny_events(db):
    return generate_network(**TINY)


def test_asked_numbers_of_events_sessions_and_registrations(tiny_events):
    assert Event.objects.count() == tiny_events["events"] == 40
    assert Session.objects.count() == tiny_events["sessions"] == 100
    assert Registration.objects.count() == tiny_events["registrations"] == 600
    statuses = Counter(Registration.objects.values_list("status", flat=True))
    assert statuses["confirmed"] == tiny_events["registrations_confirmed"]
    assert statuses["waiting"] == tiny_events["registrations_waiting"]
    assert statuses["cancelled"] == tiny_events["registrations_cancelled"]
    # Past events for the archive, upcoming ones for the list, calendar and feeds.
    now = timezone.now()
    assert Event.objects.filter(ends_at__lt=now).exists()
    assert Event.objects.filter(visibility="public", ends_at__gte=now).exists()


def test_event_times_are_those_of_its_sessions(tiny_events):
    spans = Event.objects.annotate(first=Min("sessions__starts_at"), last=Max("sessions__ends_at"))
    for event in spans:
        assert (event.starts_at, event.ends_at) == (event.first, event.last)
        assert 1 <= event.sessions.count() <= 16
    assert not Session.objects.filter(ends_at__lte=F("starts_at")).exists()


def test_no_event_is_overbooked_and_waiting_only_when_full(tiny_events):
    events = Event.objects.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        waiting=Count("registrations", filter=Q(registrations__status="waiting")),
    )
    for event in events:
        if event.capacity is None:
            assert event.waiting == 0
        else:
            assert event.confirmed <= event.capacity
            if event.waiting:
                assert event.confirmed == event.capacity
    assert not Registration.objects.filter(event__registration="none").exists()


def test_one_live_registration_per_address_and_the_people_are_generated(tiny_events):
    live = Registration.objects.exclude(status="cancelled")
    pairs = list(live.values_list("event_id", "email"))
    assert len(pairs) == len(set(pairs))
    people = get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN)
    with_account = Registration.objects.filter(user__isnull=False)
    assert with_account.exists()
    assert not with_account.exclude(user__in=people).exists()
    for registration in with_account.select_related("user")[:50]:
        assert registration.email == registration.user.email
    # Members-only events have only people with accounts.
    assert not Registration.objects.filter(event__registration="members", user=None).exists()


def test_attendance_only_for_confirmed_places_at_past_events(tiny_events):
    marked = Registration.objects.filter(attended__isnull=False)
    assert not marked.exclude(status="confirmed").exists()
    assert not marked.filter(event__ends_at__gte=timezone.now()).exists()
    assert Registration.objects.filter(attended=True).exists()


def test_events_follow_their_network(tiny_events):
    for event in Event.objects.select_related("network", "audience"):
        language, zone, _ = COUNTRIES[event.network.country]
        assert event.timezone == zone
        assert event.language == language
        if event.visibility == "section":
            # The network itself or one of its sections, as the services require.
            assert event.audience_id == event.network_id or (
                event.audience.parent_id == event.network_id
            )
        else:
            assert event.audience_id is None
    for translation in EventTranslation.objects.select_related("event"):
        assert translation.language != translation.event.language


def test_events_are_added_to_an_existing_directory(db):
    generate_network(**{**TINY, "events": 0})
    assert not Event.objects.exists()
    args = ["--events", "10", "--sessions", "20", "--registrations", "50"]
    call_command("bench", "generate", "--only-events", *args)
    assert Event.objects.count() == 10
    assert Session.objects.count() == 20
    assert Registration.objects.count() == 50
    with pytest.raises(CommandError):
        call_command("bench", "generate", "--only-events", *args)
    call_command("bench", "generate", "--only-events", "--if-empty", *args)
    assert Event.objects.count() == 10
    replace = ["--events", "5", "--sessions", "5", "--registrations", "7"]
    call_command("bench", "generate", "--only-events", "--force", *replace)
    assert Event.objects.count() == 5
    assert Registration.objects.count() == 7
    # Fewer sessions than the kinds need (a course has at least four): each gets its least.
    assert Session.objects.count() >= 5
    assert not Event.objects.filter(sessions=None).exists()


def test_if_empty_adds_events_to_a_generated_directory_without_them(db):
    generate_network(**{**TINY, "events": 0})
    call_command(
        "bench",
        "generate",
        "--if-empty",
        "--events",
        "6",
        "--sessions",
        "8",
        "--registrations",
        "20",
    )
    assert Event.objects.count() == 6
    assert Registration.objects.count() == 20
