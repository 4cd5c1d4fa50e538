"""The demo network: what `bibliohub demo` loads, and when it refuses."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from bibliohub.directory.models import (
    HoursException,
    Library,
    LibraryRole,
    Network,
    NetworkRole,
    OpeningHours,
)
from bibliohub.membership.models import Application, Membership

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def week(library: Library, service: str) -> set[tuple[int, str, str]]:
    return {
        (row.weekday, f"{row.opens:%H:%M}", f"{row.closes:%H:%M}")
        for row in OpeningHours.objects.filter(library=library, branch=None, service=service)
    }


def counts() -> dict[str, int]:
    models = [Network, Library, OpeningHours, HoursException, Membership, Application]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def demo() -> str:
    return run()


def test_demo_loads_the_networks_of_the_seeds(demo):
    sdruk = Network.objects.get(short_name="SDRUK")
    section = Network.objects.get(name="Sekce městských knihoven SDRUK")
    assert section.parent == sdruk
    assert section.kind == Network.Kind.SECTION and section.language == "cs"
    assert section.accepts_applications
    assert Network.objects.filter(parent=section, kind=Network.Kind.WORKING_GROUP).exists()
    ook = Network.objects.get(name="Osrednje območne knjižnice")
    assert ook.language == "sl"
    assert Membership.objects.filter(network=ook, library__library_type="regional").count() == 10
    assert Network.objects.filter(parent=ook, kind=Network.Kind.REGIONAL_SYSTEM).exists()
    assert Network.objects.get(name="Библионет").language == "sr"
    # Section members belong to the association too.
    section_libraries = set(section.memberships.values_list("library_id", flat=True))
    assert section_libraries <= set(sdruk.memberships.values_list("library_id", flat=True))
    assert section.memberships.filter(library__town="Třinec").exists()


def test_vranje_has_exactly_the_hours_of_its_seed(demo):
    vranje = Library.objects.get(name="Јавна библиотека Бора Станковић")
    assert vranje.town == "Врање"
    assert vranje.timezone == "Europe/Belgrade"
    assert vranje.language == "sr"
    assert week(vranje, "general") == {
        *((day, "08:00", "20:00") for day in range(5)),
        (5, "08:00", "15:00"),
    }
    assert week(vranje, "ordering") == {
        *((day, "08:00", "19:00") for day in range(5)),
        (5, "08:00", "14:00"),
    }
    assert set(vranje.hours.values_list("service", flat=True)) == {"general", "ordering"}


def test_kyiv_district_system_has_branches_with_their_own_hours(demo):
    system = Network.objects.get(kind=Network.Kind.LIBRARY_SYSTEM, language="uk")
    central = system.memberships.get().library
    assert central.timezone == "Europe/Kyiv"
    branches = list(central.branches.all())
    assert len(branches) >= 3
    for branch in branches:
        assert OpeningHours.objects.filter(branch=branch).exists()


def test_every_library_has_hours_and_coming_exceptions(demo):
    today = timezone.now().date()
    soon = today + datetime.timedelta(days=60)
    for library in Library.objects.all():
        assert library.hours.filter(service="general", branch=None).exists(), library
        assert library.exceptions.filter(start_date__gt=today, start_date__lte=soon).exists()
        assert library.search_text
    two_services = Library.objects.filter(hours__service__in=["lending", "children"]).distinct()
    assert two_services.count() >= 5


def test_the_section_coordinators_of_the_seed_sign_in_with_the_demo_password(demo):
    section = Network.objects.get(name="Sekce městských knihoven SDRUK")
    coordinators = NetworkRole.objects.filter(network=section, role="coordinator")
    names = {role.user.full_name for role in coordinators}
    assert names == {"Martina Wolna", "Jan Červinka", "Zdeňka Smahlová"}
    for role in coordinators:
        assert role.user.email.endswith(("@example.org", "@example.net"))
        assert role.user.language == "cs"
        assert not role.user.is_superuser
    assert "Password: bibliohub-demo" in demo
    assert "bibliohub createsuperuser" in demo
    person = authenticate(email="martina.wolna@example.org", password="bibliohub-demo")
    assert person is not None and person.full_name == "Martina Wolna"


def test_directors_speak_their_country_language(demo):
    directors = LibraryRole.objects.filter(role="director").select_related("user", "library")
    assert directors.count() >= Library.objects.count() // 3
    for role in directors:
        assert role.user.language == role.library.language
        assert role.user.email.endswith(("@example.org", "@example.net"))


def test_coordinators_find_applications_waiting(demo):
    section = Network.objects.get(name="Sekce městských knihoven SDRUK")
    waiting = Application.objects.filter(network=section, status="pending")
    assert waiting.filter(library__name="Městská knihovna Louny").exists()
    new = waiting.get(library=None)
    assert new.library_name and new.town and new.consent
    assert Application.objects.filter(status="pending").count() >= 3


def test_if_empty_leaves_a_loaded_database_alone(demo):
    before = counts()
    output = run("--if-empty")
    assert "not loaded" in output
    assert counts() == before


def test_plain_demo_refuses_a_database_with_data(demo):
    before = counts()
    with pytest.raises(CommandError, match="empty database"):
        run()
    assert counts() == before


def test_demo_refuses_when_someone_else_made_a_network():
    Network.objects.create(
        name="Knihovny Vysočiny", slug="vysocina", kind="association", language="cs"
    )
    with pytest.raises(CommandError):
        run()
    assert "not loaded" in run("--if-empty")
    assert Network.objects.count() == 1
    assert not Library.objects.exists()


def test_if_empty_loads_an_empty_database():
    output = run("--if-empty")
    assert "Loaded the demo network" in output
    assert Network.objects.filter(short_name="SDRUK").exists()
