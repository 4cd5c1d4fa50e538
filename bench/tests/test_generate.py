"""The benchmark's generator at a tiny scale, and the load driver's statistics."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from bench.generate import EMAIL_DOMAIN, DatabaseNotEmpty, generate_network
from bench.pages import percentile, summarise
from bibliohub.directory.models import (
    Branch,
    HoursException,
    Library,
    LibraryRole,
    Network,
    OpeningHours,
    Region,
    Service,
)
from bibliohub.directory.services import library_search_text
from bibliohub.membership.models import Membership

TINY = {
    "libraries": 60,
    "branches": 15,
    "networks": 4,
    "people": 100,
    "events": 40,
    "sessions": 100,
    "registrations": 600,
    "seed": 7,
}


@pytest.fixture
def tiny_network(db):
    return generate_network(**TINY)


def test_tiny_network_has_the_asked_counts(tiny_network):
    assert Library.objects.count() == 60
    assert Branch.objects.count() == 15
    assert Network.objects.count() == 4
    people = get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN)
    assert people.count() == 100
    assert tiny_network["libraries"] == 60
    assert tiny_network["people"] == 100
    assert Region.objects.exists()
    assert Membership.objects.exists()
    # Every library has its director; the other people are staff.
    assert LibraryRole.objects.filter(role=LibraryRole.Role.DIRECTOR).count() == 60
    assert LibraryRole.objects.filter(role=LibraryRole.Role.STAFF).count() == 40


def test_people_cannot_sign_in_without_a_given_password(tiny_network):
    person = get_user_model().objects.filter(email__endswith="@" + EMAIL_DOMAIN).first()
    assert not person.has_usable_password()


def test_every_library_has_general_hours_and_exceptions_near_today(tiny_network):
    with_general = set(
        OpeningHours.objects.filter(service=Service.GENERAL, branch=None).values_list(
            "library_id", flat=True
        )
    )
    assert with_general == set(Library.objects.values_list("pk", flat=True))
    assert HoursException.objects.count() >= 2 * 60
    # Branches have their own hours.
    assert OpeningHours.objects.filter(branch__isnull=False).exists()
    assert all(
        h.branch.library_id == h.library_id
        for h in OpeningHours.objects.filter(branch__isnull=False).select_related("branch")
    )


def test_networks_nest(tiny_network):
    grandchildren = Network.objects.filter(parent__parent__isnull=False)
    assert grandchildren.exists()
    for network in Network.objects.all():
        assert network not in network.ancestors()


def test_search_text_is_the_directorys_own(tiny_network):
    for library in Library.objects.all():
        assert library.search_text
        assert library.search_text == library_search_text(library)


def test_time_zones_follow_the_country(tiny_network):
    zones = dict(Library.objects.values_list("country", "timezone").distinct())
    expected = {
        "CZ": "Europe/Prague",
        "SI": "Europe/Ljubljana",
        "RS": "Europe/Belgrade",
        "UA": "Europe/Kyiv",
    }
    assert zones == {country: expected[country] for country in zones}


def test_refuses_a_non_empty_database_unless_forced(tiny_network):
    with pytest.raises(DatabaseNotEmpty):
        generate_network(**TINY)
    with pytest.raises(CommandError):
        call_command("bench", "generate", "--libraries", "10", "--people", "10")
    result = generate_network(**{**TINY, "libraries": 30}, force=True)
    assert result["libraries"] == 30
    assert Library.objects.count() == 30


def test_percentile_interpolates_between_ranks():
    values = list(range(1, 101))  # 1..100, shuffled order must not matter
    values.reverse()
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile(values, 0) == 1
    assert percentile(values, 100) == 100
    assert percentile([7.0], 95) == 7.0


def test_summary_counts_only_successes_as_throughput():
    latencies = [0.010] * 90 + [0.100] * 10  # seconds
    statuses = Counter({200: 80, 404: 15, 0: 5})
    result = summarise(latencies, statuses=statuses, elapsed=2.0)
    assert result["requests"] == 100
    assert result["errors"] == 20
    assert result["rps"] == 40.0
    assert result["p50_ms"] == 10.0
    assert result["p95_ms"] == 100.0
    assert result["statuses"] == {"0": 5, "200": 80, "404": 15}
