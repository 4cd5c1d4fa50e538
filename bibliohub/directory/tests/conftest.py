"""Fixtures of the directory tests: a small network like the seeds, built through services."""

import datetime

import pytest
from django.utils import timezone

from bibliohub.directory.models import LibraryRole, Network, NetworkRole, Region
from bibliohub.directory.services import (
    branch_save,
    library_create,
    library_set_hours,
    network_create,
    section_create,
)
from bibliohub.membership.models import Membership

PASSWORD = "Quite-Long-Secret-42"


def join(library, network, status=Membership.Status.ACTIVE):
    """A membership as an approved application leaves it."""
    return Membership.objects.create(
        library=library,
        network=network,
        status=status,
        since=timezone.now().date() - datetime.timedelta(days=30),
    )


def person(django_user_model, email, **fields):
    return django_user_model.objects.create_user(email=email, password=PASSWORD, **fields)


def always_open_rows(service="general"):
    """Every day 00:00–12:00 and 12:00–24:00: open whenever a test runs."""
    return [
        {"service": service, "weekday": d, "opens": opens, "closes": closes}
        for d in range(7)
        for opens, closes in (("00:00", "12:00"), ("12:00", "00:00"))
    ]


@pytest.fixture
def cz_region(db):
    return Region.objects.create(country="CZ", name="Moravskoslezský kraj", slug="cz-msk")


@pytest.fixture
def rs_region(db):
    return Region.objects.create(country="RS", name="Пчињски округ", slug="rs-pcinjski")


@pytest.fixture
def sdruk(db):
    return network_create(
        actor=None,
        name="Svaz knihoven České republiky",
        short_name="SDRUK",
        slug="sdruk",
        kind=Network.Kind.ASSOCIATION,
        language="cs",
        country="CZ",
        summary="Sdružuje knihovny všech typů.",
        email="info@sdruk.example",
        website="https://sdruk.example/",
    )


@pytest.fixture
def section(sdruk):
    return section_create(
        parent=sdruk,
        actor=None,
        name="Sekce městských knihoven",
        slug="sdruk-mk",
        summary="Ředitelé a vedoucí městských knihoven.",
    )


@pytest.fixture
def kyiv_system(db):
    return network_create(
        actor=None,
        name="ЦБС Солом'янського району м. Києва",
        slug="cbs-solomianskyi",
        kind=Network.Kind.LIBRARY_SYSTEM,
        language="uk",
        country="UA",
    )


@pytest.fixture
def trinec(cz_region, section):
    library = library_create(
        actor=None,
        name="Knihovna Třinec",
        town="Třinec",
        library_type="public",
        country="CZ",
        language="cs",
        region=cz_region,
        street="Lidická 541",
        postcode="739 61",
        email="info@knihovna.trinec.example",
        phone="+420 558 000 000",
        latitude="49.677000",
        longitude="18.670000",
        founder="Město Třinec",
        population_served=35000,
    )
    library_set_hours(
        library=library,
        actor=None,
        exceptions=[],
        rows=[{"weekday": d, "opens": "09:00", "closes": "18:00"} for d in range(5)],
    )
    join(library, section)
    return library


@pytest.fixture
def vranje(rs_region):
    library = library_create(
        actor=None,
        name="Народна библиотека „Бора Станковић“ Врање",
        town="Врање",
        library_type="public",
        country="RS",
        language="sr",
        region=rs_region,
        timezone="Europe/Belgrade",
        street="Партизанска 16",
        postcode="17500",
        latitude="42.551400",
        longitude="21.900300",
        phone="+381 17 000 000",
        email="biblioteka@vranje.example",
        website="https://biblioteka.vranje.example/",
    )
    rows = []
    for d in range(5):
        rows.append({"weekday": d, "opens": "08:00", "closes": "20:00"})
        rows.append({"weekday": d, "opens": "08:00", "closes": "19:00", "service": "ordering"})
    rows.append({"weekday": 5, "opens": "08:00", "closes": "15:00"})
    rows.append({"weekday": 5, "opens": "08:00", "closes": "14:00", "service": "ordering"})
    library_set_hours(library=library, actor=None, rows=rows, exceptions=[])
    return library


@pytest.fixture
def kyiv_central(kyiv_system):
    library = library_create(
        actor=None,
        name="Центральна бібліотека Солом'янського району",
        town="Київ",
        library_type="public",
        country="UA",
        language="uk",
        timezone="Europe/Kyiv",
    )
    branch_save(
        library=library,
        actor=None,
        name="Бібліотека імені Бориса Грінченка",
        street="вул. Полковника Потєхіна, 7",
    )
    branch_save(
        library=library,
        actor=None,
        name="Бібліотека для дітей № 11",
        street="просп. Повітрофлотський, 54",
    )
    join(library, kyiv_system)
    return library


@pytest.fixture
def coordinator(django_user_model, section):
    user = person(django_user_model, "martina@trinec.example", full_name="Martina Wolna")
    NetworkRole.objects.create(
        user=user, network=section, role=NetworkRole.Role.COORDINATOR, title="Třinec"
    )
    return user


@pytest.fixture
def director(django_user_model, trinec):
    user = person(
        django_user_model,
        "reditel@trinec.example",
        full_name="Petr Ředitel",
        phone="+420 600 000 001",
    )
    LibraryRole.objects.create(user=user, library=trinec, role=LibraryRole.Role.DIRECTOR)
    return user


@pytest.fixture
def stranger(django_user_model):
    return person(django_user_model, "someone@example.org")
