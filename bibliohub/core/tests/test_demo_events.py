"""The demo's events: the seeds' archive with attendance, and a year of coming events."""

import datetime
import zoneinfo
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import timezone

from bibliohub.events.models import Event, Registration
from bibliohub.events.selectors import visible_events
from bibliohub.events.services import registration_state

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


@pytest.fixture
def demo() -> None:
    call_command("demo", stdout=StringIO())


def local_days(event: Event, zone: zoneinfo.ZoneInfo = PRAGUE) -> list[datetime.date]:
    return [s.starts_at.astimezone(zone).date() for s in event.sessions.order_by("starts_at")]


def past(title: str) -> Event:
    return Event.objects.get(title=title, ends_at__lt=timezone.now())


def upcoming() -> list[Event]:
    return list(Event.objects.filter(starts_at__gt=timezone.now()))


def test_the_sections_2025_programme_is_in_the_archive_with_its_real_dates(demo):
    d = datetime.date
    academy = past("AI akademie pro vedení knihoven")
    assert academy.kind == Event.Kind.COURSE and academy.mode == Event.Mode.HYBRID
    assert local_days(academy) == [d(2025, 3, 26), d(2025, 4, 2), d(2025, 4, 16)]
    live, *online = academy.sessions.order_by("starts_at")
    assert not live.online and academy.host_library.town == "Brno"
    assert all(s.online and s.link for s in online)

    conference = past("Knihovny současnosti")
    assert conference.kind == Event.Kind.CONFERENCE
    assert local_days(conference) == [d(2025, 9, 9), d(2025, 9, 10), d(2025, 9, 11)]
    assert conference.town == "Jihlava" and conference.host_library.town == "Jihlava"
    assert all(s.programme for s in conference.sessions.all())

    meeting = past("Setkání sekce městských knihoven")
    assert local_days(meeting) == [d(2025, 3, 25)] and meeting.town == "Brno"
    assert meeting.visibility == "members" and meeting.network.short_name != "SDRUK"
    assembly = past("Valná hromada SDRUK")
    assert assembly.kind == Event.Kind.ASSEMBLY and assembly.network.short_name == "SDRUK"
    assert local_days(assembly) == [d(2025, 4, 15)] and assembly.town == "Louny"
    assert local_days(past("Library advocacy v praxi")) == [d(2025, 4, 23), d(2025, 4, 24)]
    assert local_days(past("Elektronické služby knihoven")) == [d(2025, 5, 13), d(2025, 5, 14)]
    assert local_days(past("Long story short")) == [d(2025, 5, 21)]
    online = past("Online setkání sekce")
    assert local_days(online) == [d(2025, 6, 13)] and online.mode == Event.Mode.ONLINE
    assert online.visibility == "members"
    # Anyone can read the public part of the archive, in Czech, written in Markdown.
    public = visible_events(None).filter(language="cs", ends_at__lt=timezone.now())
    assert public.filter(title="Knihovny současnosti").exists()
    assert not public.filter(title="Online setkání sekce").exists()


def test_biblionet_2020_is_a_serbian_conference_in_vranje_in_both_scripts(demo):
    biblionet = Event.objects.get(title__startswith="Библионет 2020")
    assert biblionet.kind == Event.Kind.CONFERENCE and biblionet.language == "sr"
    assert biblionet.timezone == "Europe/Belgrade"
    assert biblionet.network.name == "Библионет"
    assert biblionet.host_library.town == "Врање"
    assert {day.year for day in local_days(biblionet)} == {2020}
    assert "Међународна партнерства" in biblionet.description
    latin = biblionet.translated("sr-latn")
    assert latin.title.startswith("Biblionet 2020: Saradnja i partnerstva")
    assert "Međunarodna partnerstva" in latin.description


def test_a_year_of_coming_events_in_every_network(demo):
    coming = upcoming()
    now = timezone.now()
    ahead = sorted((event.starts_at - now).days for event in coming)
    assert len(coming) >= 12
    assert ahead[0] <= 30 and ahead[-1] >= 240 and ahead[-1] < 366
    assert {event.language for event in coming} == {"cs", "sl", "sr", "uk"}
    assert {event.kind for event in coming} == set(Event.Kind.values)
    assert {event.mode for event in coming} == set(Event.Mode.values)
    assert {e.timezone for e in coming} >= {"Europe/Ljubljana", "Europe/Belgrade", "Europe/Kyiv"}
    kyiv = next(e for e in coming if e.title == "Цифрові сервіси бібліотеки")
    assert kyiv.mode == Event.Mode.ONLINE
    assert kyiv.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Kyiv")).hour == 10
    visitors = [e for e in coming if e.registration == "anyone" and e.visibility == "public"]
    assert len(visitors) >= 3
    assert any(e.visibility == "members" for e in coming)
    assert any(e.translated("en").title != e.title for e in coming)
    assert any(e.questions.exists() for e in coming)
    later = [e for e in coming if e.registration_opens and e.registration_opens > now]
    assert later and registration_state(later[0], None) == "not_yet"


def test_the_coming_ai_academy_is_open_to_the_demo_member(demo):
    academy = next(e for e in upcoming() if e.title == "AI akademie pro vedení knihoven")
    assert academy.network.name == "Sekce městských knihoven SDRUK"
    assert academy.visibility == "public" and academy.registration == "members"
    assert academy.capacity == 20 and academy.training_hours == Decimal("8")
    live, first, second = academy.sessions.order_by("starts_at")
    assert not live.online and all(s.online and s.link for s in (first, second))
    today = timezone.now().astimezone(PRAGUE).date()
    live_day, first_day, second_day = local_days(academy)
    assert 14 <= (live_day - today).days <= 28
    assert first_day - live_day == second_day - first_day == datetime.timedelta(days=14)
    petra = get_user_model().objects.get(email="petra.novakova@example.org")
    assert not academy.registrations.filter(user=petra).exists()
    assert registration_state(academy, petra) == "open"


def test_a_full_event_with_a_waiting_list_and_a_cancelled_one(demo):
    coming = Event.objects.filter(starts_at__gt=timezone.now()).annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        waiting=Count("registrations", filter=Q(registrations__status="waiting")),
    )
    full = coming.get(waiting__gt=0)
    assert full.capacity and full.confirmed == full.capacity
    assert 2 <= full.waiting <= 3
    cancelled = coming.get(status=Event.Status.CANCELLED)
    assert cancelled.registrations.exists()
    assert coming.filter(status=Event.Status.SCHEDULED).count() == coming.count() - 1


def test_past_events_have_their_attendance_marked(demo):
    archive = Registration.objects.filter(event__ends_at__lt=timezone.now())
    assert archive.count() >= 50
    assert not archive.filter(attended=None).exists()
    assert archive.filter(attended=False).count() < archive.filter(attended=True).count() // 5
    assert archive.filter(attended=False).exists()
    # Each person comes from a library, or, for coordinators without one, from their network.
    assert not archive.filter(library=None, organisation="").exists()
    assert not Registration.objects.filter(event__ends_at__gte=timezone.now(), attended=True)


def test_every_demo_account_has_events_behind_and_ahead(demo):
    from bibliohub.core.demo.people import DEMO_ACCOUNTS

    now = timezone.now()
    for email, _role in DEMO_ACCOUNTS:
        mine = Registration.objects.filter(user__email=email)
        assert mine.filter(event__ends_at__lt=now, attended=True).exists(), email
        assert mine.filter(event__starts_at__gt=now, status="confirmed").exists(), email
    petra = Registration.objects.filter(user__email="petra.novakova@example.org")
    assert petra.filter(status="waiting").count() == 1
    hours = sum(r.event.training_hours for r in petra.filter(attended=True))
    assert hours >= 30


def test_loading_the_demo_sends_no_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=StringIO())
    assert Event.objects.exists()
    assert mail.outbox == []
