"""A small world for the accounts and API tests: two networks, libraries, people, applications.

The Czech association (SDRUK) with its section of municipal libraries, whose member is the
Třinec library; the Slovenian regional system (OOK) with the Koper library. People: the
director of Třinec (a member), a coordinator of SDRUK, a coordinator of OOK, and an outsider.
"""

import datetime

import pytest

from bibliohub.directory.models import LibraryRole, Network, NetworkRole, Region
from bibliohub.directory.services import library_create, section_create
from bibliohub.membership.models import Application, Membership

PASSWORD = "Quite-Long-Secret-42"


def make_person(django_user_model, email, **fields):
    return django_user_model.objects.create_user(email=email, password=PASSWORD, **fields)


@pytest.fixture
def region(db):
    return Region.objects.create(country="CZ", name="Moravskoslezský kraj", slug="cz-msk")


@pytest.fixture
def association(db):
    return Network.objects.create(
        name="Svaz knihoven ČR",
        short_name="SDRUK",
        slug="sdruk",
        kind=Network.Kind.ASSOCIATION,
        country="CZ",
        language="cs",
    )


@pytest.fixture
def section(association):
    return section_create(
        parent=association, actor=None, name="Sekce městských knihoven", slug="sdruk-mk"
    )


@pytest.fixture
def other_network(db):
    return Network.objects.create(
        name="Osrednje območne knjižnice",
        slug="ook",
        kind=Network.Kind.REGIONAL_SYSTEM,
        country="SI",
        language="sl",
    )


@pytest.fixture
def trinec(region, section):
    library = library_create(
        name="Knihovna Třinec",
        slug="trinec",
        town="Třinec",
        library_type="public",
        country="CZ",
        language="cs",
        region=region,
    )
    Membership.objects.create(library=library, network=section, since=datetime.date(2020, 1, 1))
    return library


@pytest.fixture
def koper(other_network):
    library = library_create(
        name="Osrednja knjižnica Srečka Vilharja Koper",
        slug="koper",
        town="Koper",
        library_type="regional",
        country="SI",
        language="sl",
        timezone="Europe/Ljubljana",
    )
    Membership.objects.create(
        library=library, network=other_network, since=datetime.date(2019, 1, 1)
    )
    return library


@pytest.fixture
def member(django_user_model, trinec):
    person = make_person(
        django_user_model, "reditelka@trinec.example", full_name="Jana Nováková", language="cs"
    )
    LibraryRole.objects.create(
        user=person, library=trinec, role=LibraryRole.Role.DIRECTOR, title="ředitelka"
    )
    return person


@pytest.fixture
def coordinator(django_user_model, association, section):
    person = make_person(django_user_model, "board@sdruk.example", full_name="Petr Svoboda")
    NetworkRole.objects.create(user=person, network=association, role=NetworkRole.Role.COORDINATOR)
    return person


@pytest.fixture
def other_coordinator(django_user_model, other_network):
    person = make_person(django_user_model, "vodja@ook.example", full_name="Maja Kos")
    NetworkRole.objects.create(
        user=person, network=other_network, role=NetworkRole.Role.COORDINATOR
    )
    return person


@pytest.fixture
def outsider(django_user_model):
    return make_person(django_user_model, "someone@example.org")


@pytest.fixture
def application(section):
    return Application.objects.create(
        network=section,
        library_name="Městská knihovna Nymburk",
        library_type="public",
        town="Nymburk",
        contact_name="Jan Červinka",
        contact_role="director",
        email="jan@nymburk.example",
        consent=True,
        language="cs",
    )


@pytest.fixture
def other_application(other_network):
    return Application.objects.create(
        network=other_network,
        library_name="Knjižnica Piran",
        library_type="public",
        town="Piran",
        contact_name="Ana Novak",
        contact_role="director",
        email="ana@piran.example",
        consent=True,
        language="sl",
    )


def sign_in(client, user, password=PASSWORD):
    """Sign in through allauth's form, as a person would (so allauth records the sign-in)."""
    response = client.post("/accounts/login/", {"login": user.email, "password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response
