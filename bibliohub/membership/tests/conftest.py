"""Fixtures of the membership tests: the Czech association, its municipal section, people."""

import pytest

from bibliohub.directory.models import Network, NetworkRole, Region
from bibliohub.directory.services import library_create, section_create


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
def other_network(db):
    return Network.objects.create(
        name="Osrednje območne knjižnice",
        slug="ook",
        kind=Network.Kind.REGIONAL_SYSTEM,
        country="SI",
        language="sl",
    )


def _person(django_user_model, email, *, language="en", full_name=""):
    return django_user_model.objects.create_user(
        email=email, password="Quite-Long-Secret-42", language=language, full_name=full_name
    )


@pytest.fixture
def section_coordinator(django_user_model, section):
    person = _person(
        django_user_model, "martina@trinec.example", language="cs", full_name="Martina Wolna"
    )
    NetworkRole.objects.create(user=person, network=section, role=NetworkRole.Role.COORDINATOR)
    return person


@pytest.fixture
def association_coordinator(django_user_model, association):
    person = _person(
        django_user_model, "board@sdruk.example", language="en", full_name="Board Member"
    )
    NetworkRole.objects.create(user=person, network=association, role=NetworkRole.Role.COORDINATOR)
    return person


@pytest.fixture
def other_coordinator(django_user_model, other_network):
    person = _person(django_user_model, "vodja@ook.example", language="sl")
    NetworkRole.objects.create(
        user=person, network=other_network, role=NetworkRole.Role.COORDINATOR
    )
    return person


@pytest.fixture
def stranger(django_user_model):
    return _person(django_user_model, "someone@example.org")


@pytest.fixture
def trinec(region):
    return library_create(
        name="Knihovna Třinec",
        town="Třinec",
        library_type="public",
        country="CZ",
        language="cs",
        region=region,
    )


@pytest.fixture
def new_library_data(region):
    return {
        "library": "",
        "library_name": "Městská knihovna Nymburk",
        "library_type": "public",
        "town": "Nymburk",
        "region": str(region.pk),
        "contact_name": "Jan Červinka",
        "contact_role": "director",
        "email": "jan@nymburk.example",
        "phone": "+420 325 000 000",
        "note": "Rádi bychom se zapojili do mentoringu.",
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def submit(region):
    """Send an application through the service, as the form does."""
    from bibliohub.membership.services import application_submit

    def send(network, **fields):
        values = {
            "library": None,
            "library_name": "Městská knihovna Nymburk",
            "library_type": "public",
            "town": "Nymburk",
            "region": region,
            "contact_name": "Jan Červinka",
            "contact_role": "director",
            "email": "jan@nymburk.example",
            "language": "cs",
            **fields,
        }
        return application_submit(network=network, **values)

    return send


@pytest.fixture
def in_english(client):
    """The test browser has English chosen in the language switcher (the coordinators of these
    fixtures are Czech, and their pages would otherwise come in Czech)."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
