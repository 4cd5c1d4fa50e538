"""A coordinator's list of their network's members: suspend, end and bring back."""

import datetime

import pytest
from django.contrib.admin.sites import site as admin_site
from django.urls import reverse
from django.utils import timezone

from bibliohub.core.models import AuditEntry
from bibliohub.directory.services import library_create
from bibliohub.membership.models import Application, Membership
from bibliohub.membership.services import application_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_url(section):
    return reverse("membership:members", kwargs={"network": section.slug})


@pytest.fixture
def membership(section, section_coordinator, trinec, submit):
    return application_approve(
        application=submit(section, library=trinec), actor=section_coordinator
    )


def test_the_coordinator_sees_the_members_by_status(
    in_english,
    client,
    section,
    section_coordinator,
    membership,
    members_url,
    django_assert_max_num_queries,
):
    for n in range(3):
        library = library_create(
            name=f"Knihovna {n}", town="Brno", library_type="public", country="CZ", language="cs"
        )
        Membership.objects.create(library=library, network=section, since=timezone.localdate())
    client.force_login(section_coordinator)
    with django_assert_max_num_queries(15):
        response = client.get(members_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Active members (4)" in html
    assert "Suspended memberships (0)" in html
    assert "Knihovna Třinec" in html


def test_others_cannot_see_or_change_the_members(
    client, membership, members_url, stranger, other_coordinator
):
    assert client.get(members_url)["Location"].startswith(reverse("account_login"))
    for person in (stranger, other_coordinator):
        client.force_login(person)
        assert client.get(members_url).status_code == 403
        response = client.post(
            members_url,
            {"membership": membership.pk, "action": "end", "on": timezone.localdate()},
        )
        assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


def test_suspend_end_and_bring_back_with_dates(
    in_english, client, section_coordinator, membership, members_url
):
    client.force_login(section_coordinator)
    today = timezone.localdate()

    response = client.post(
        members_url, {"membership": membership.pk, "action": "suspend", "on": today.isoformat()}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.status, membership.suspended_on) == ("suspended", today)

    client.post(
        members_url, {"membership": membership.pk, "action": "end", "on": today.isoformat()}
    )
    membership.refresh_from_db()
    assert (membership.status, membership.until) == ("ended", today)
    assert "Former members (1)" in client.get(members_url).content.decode()

    client.post(
        members_url,
        {"membership": membership.pk, "action": "reactivate", "on": today.isoformat()},
    )
    membership.refresh_from_db()
    assert (membership.status, membership.until, membership.suspended_on) == ("active", None, None)

    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"membership.suspended", "membership.ended", "membership.reactivated"} <= actions


def test_a_date_before_the_membership_began_is_refused(
    in_english, client, section_coordinator, membership, members_url
):
    client.force_login(section_coordinator)
    before = membership.since - datetime.timedelta(days=1)
    response = client.post(
        members_url, {"membership": membership.pk, "action": "end", "on": before.isoformat()}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The date cannot be before the membership began" in html
    assert f'value="{before.isoformat()}"' in html
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


def test_a_membership_of_another_network_cannot_be_changed_from_here(
    client, section_coordinator, other_network, members_url
):
    library = library_create(
        name="Knjižnica Koper", town="Koper", library_type="public", country="SI", language="sl"
    )
    foreign = Membership.objects.create(
        library=library, network=other_network, since=timezone.localdate()
    )
    client.force_login(section_coordinator)
    response = client.post(
        members_url,
        {"membership": foreign.pk, "action": "end", "on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.status == Membership.Status.ACTIVE


def test_the_admin_lists_memberships_and_applications(admin_client, membership):
    assert Membership in admin_site._registry
    assert Application in admin_site._registry
    for name in ("membership_membership", "membership_application"):
        response = admin_client.get(reverse(f"admin:{name}_changelist"), {"q": "Třinec"})
        assert response.status_code == 200
        assert "Knihovna Třinec" in response.content.decode()
