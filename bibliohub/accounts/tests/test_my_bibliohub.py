"""My BiblioHub: a person's libraries, networks and roles; coordinators see waiting applications."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_sign_in_is_required(client):
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_member_sees_library_networks_and_account_links(
    client, member, trinec, section, association, django_assert_max_num_queries
):
    client.cookies["django_language"] = "en"  # this browser reads BiblioHub in English
    client.force_login(member)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("accounts:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "My BiblioHub" in html
    assert f'href="{trinec.get_absolute_url()}" lang="cs">Knihovna Třinec' in html
    assert "Director" in html and "ředitelka" in html
    # The direct network through the library; the association above it is not a direct one.
    assert f'href="{section.get_absolute_url()}"' in html
    assert f'href="{association.get_absolute_url()}"' not in html
    for name in ("accounts:profile", "accounts:tokens", "accounts:export"):
        assert reverse(name) in html
    assert reverse("account_change_password") in html
    assert reverse("mfa_index") in html
    assert "Applications to join" not in html


@pytest.mark.django_db
def test_coordinator_sees_waiting_applications_with_a_link(
    client,
    coordinator,
    association,
    application,
    other_application,
    django_assert_max_num_queries,
):
    client.force_login(coordinator)
    with django_assert_max_num_queries(18):
        html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "1 application is waiting for a decision." in html
    assert f'href="{reverse("membership:review")}"' in html
    assert f'href="{association.get_absolute_url()}"' in html
    assert "Coordinator" in html


@pytest.mark.django_db
def test_person_without_roles_is_told_so(client, outsider):
    client.force_login(outsider)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "You have no role in a library yet." in html
    assert "You do not belong to a network yet." in html
