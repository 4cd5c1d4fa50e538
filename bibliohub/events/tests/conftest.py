"""Fixtures of the events tests: the Czech association, its municipal section, a member library
with its director, the section's coordinator, a person from outside, and an event factory."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from bibliohub.directory.models import LibraryRole, Network, NetworkRole, Region
from bibliohub.directory.services import library_create, section_create
from bibliohub.events.models import Event
from bibliohub.events.services import SessionData, event_create
from bibliohub.membership.models import Membership

PASSWORD = "Quite-Long-Secret-42"


@pytest.fixture
def region(db):
    return Region.objects.create(country="CZ", name="Jihomoravský kraj", slug="cz-jhm")


@pytest.fixture
def association(db):
    return Network.objects.create(
        name="Svaz knihoven ČR",
        short_name="SDRUK",
        slug="sdruk",
        kind=Network.Kind.ASSOCIATION,
        country="CZ",
        language="cs",
        email="info@sdruk.example",
    )


@pytest.fixture
def section(association):
    return section_create(
        parent=association,
        actor=None,
        name="Sekce městských knihoven",
        slug="sdruk-mk",
        country="CZ",
        language="cs",
    )


@pytest.fixture
def library(section, region):
    library = library_create(
        name="Knihovna Jiřího Mahena v Brně",
        town="Brno",
        library_type="public",
        country="CZ",
        language="cs",
        region=region,
        timezone="Europe/Prague",
    )
    Membership.objects.create(
        library=library, network=section, status=Membership.Status.ACTIVE, since="2020-01-01"
    )
    return library


def person(django_user_model, email, *, language="en", full_name=""):
    return django_user_model.objects.create_user(
        email=email, password=PASSWORD, language=language, full_name=full_name
    )


@pytest.fixture
def member(django_user_model, library):
    """The director of a member library of the section."""
    user = person(
        django_user_model, "reditel@kjm.example", language="cs", full_name="Jana Nováková"
    )
    LibraryRole.objects.create(user=user, library=library, role=LibraryRole.Role.DIRECTOR)
    return user


@pytest.fixture
def coordinator(django_user_model, section):
    user = person(
        django_user_model, "martina@trinec.example", language="cs", full_name="Martina Wolna"
    )
    NetworkRole.objects.create(user=user, network=section, role=NetworkRole.Role.COORDINATOR)
    return user


@pytest.fixture
def outsider(django_user_model, db):
    return person(django_user_model, "someone@elsewhere.example", language="en", full_name="Sam")


def in_days(days: float, hour: int = 10, minute: int = 0, tz: str = "Europe/Prague"):
    local = timezone.now().astimezone(datetime.UTC).date() + datetime.timedelta(days=days)
    import zoneinfo

    return datetime.datetime.combine(
        local, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(tz)
    )


@pytest.fixture
def make_event(section, coordinator):
    """Create an event of the section; keyword arguments override the defaults."""

    def make(*, sessions=None, actor=None, network=None, **fields) -> Event:
        defaults = {
            "kind": Event.Kind.WORKSHOP,
            "mode": Event.Mode.IN_PERSON,
            "language": "cs",
            "title": "Setkání sekce městských knihoven",
            "venue": "Knihovna Jiřího Mahena, Kobližná 4, Brno",
            "town": "Brno",
            "timezone": "Europe/Prague",
            "capacity": 30,
            "registration": Event.Registration.MEMBERS,
            "training_hours": Decimal("6"),
        }
        defaults.update(fields)
        if sessions is None:
            sessions = [SessionData(starts_at=in_days(14, 10), ends_at=in_days(14, 16))]
        return event_create(
            actor=actor or coordinator, network=network or section, sessions=sessions, **defaults
        )

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what waits for the commit (e-mails) at the end of the block,
    as the real commit would."""
    import functools

    return functools.partial(django_capture_on_commit_callbacks, execute=True)
