"""Joining a network end to end in headless Chromium: an applicant applies, a coordinator
approves, the applicant follows the e-mailed link, sets a password and is signed in."""

import re

import pytest
from django.core import mail

from bibliohub.directory.models import Network, NetworkRole
from bibliohub.directory.services import network_create
from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def section(django_user_model):
    network = network_create(
        actor=None,
        name="Sekce městských knihoven",
        kind=Network.Kind.SECTION,
        language="cs",
        country="CZ",
        accepts_applications=True,
    )
    coordinator = django_user_model.objects.create_user(
        email="koordinatorka@example.org",
        password="Koordinace-2026",
        full_name="Jana Malá",
        language="en",
    )
    NetworkRole.objects.create(user=coordinator, network=network, role="coordinator")
    return network


def test_application_approval_invitation_and_first_sign_in(new_page, live_server, section):
    applicant = new_page()
    applicant.goto(f"/join/{section.slug}/")
    assert axe_violations(applicant) == []

    # Sending without consent keeps what was typed and says what is missing.
    applicant.get_by_label("Name of the library").fill("Městská knihovna Písek")
    applicant.get_by_label("Type of library").select_option("public")
    applicant.get_by_label("Town").fill("Písek")
    applicant.get_by_label("Your name").fill("Eva Dvořáková")
    applicant.get_by_label("Director").check()
    applicant.get_by_label("E-mail").fill("eva.dvorakova@example.org")
    applicant.get_by_role("button", name=re.compile("Send")).click()
    assert applicant.locator(".errorlist").first.is_visible()
    assert applicant.get_by_label("Town").input_value() == "Písek"
    assert applicant.get_by_label("E-mail").input_value() == "eva.dvorakova@example.org"

    applicant.get_by_label(re.compile("I agree to the processing")).check()
    applicant.get_by_role("button", name=re.compile("Send")).click()
    applicant.wait_for_url(f"**/join/{section.slug}/thanks/")

    coordinator = new_page()
    coordinator.goto("/accounts/login/")
    coordinator.get_by_label(re.compile("e-?mail", re.I)).fill("koordinatorka@example.org")
    coordinator.get_by_label(re.compile("password", re.I)).fill("Koordinace-2026")
    coordinator.get_by_role("button", name=re.compile("sign in", re.I)).click()
    coordinator.get_by_role("link", name="1 application waiting").click()
    coordinator.get_by_role("link", name=re.compile("Městská knihovna Písek")).click()
    coordinator.get_by_role("button", name="Approve").click()
    assert "Approved" in coordinator.locator("main").inner_text()

    invitation = next(m for m in mail.outbox if "eva.dvorakova@example.org" in m.to)
    link = re.search(r"https?://[^\s]+/join/invitation/[^\s]+/", invitation.body).group(0)
    path = "/" + link.split("/", 3)[3]

    applicant.goto(path)
    applicant.get_by_label(re.compile(r"^New password:?$")).fill("Pisek-Knihovna-77")
    applicant.get_by_label("New password confirmation").fill("Pisek-Knihovna-77")
    applicant.get_by_role("button", name=re.compile("password", re.I)).click()
    applicant.wait_for_url("**/accounts/me/")
    assert "Městská knihovna Písek" in applicant.locator("main").inner_text()

    # The link was for one use only.
    applicant.goto(path)
    assert "/accounts/me/" not in applicant.url
    assert (
        applicant.get_by_role("heading", level=1).inner_text() == "This link does not work any more"
    )
