"""axe-core in headless Chromium on the membership pages a flow test does not check itself:
the form with its errors, the review list, one application, the invitation and the members."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from bibliohub.membership.services import application_approve
from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_serious_violations(tab):
    violations = axe_violations(tab)
    assert violations == [], [(v["id"], v["help"]) for v in violations]


def test_membership_pages_have_no_serious_accessibility_problems(
    new_page, live_server, section, section_coordinator, trinec, submit
):
    applicant = new_page()
    applicant.set_viewport_size({"width": 360, "height": 800})
    applicant.goto(f"/join/{section.slug}/")
    applicant.get_by_role("button", name="Send the application").click()
    assert applicant.locator("#form-errors").is_visible()
    assert applicant.locator("#id_consent_error").is_visible()
    no_serious_violations(applicant)

    waiting = submit(section, note="Rádi bychom se zapojili.")
    approved = application_approve(
        application=submit(section, library=trinec, email="martin@trinec.example"),
        actor=section_coordinator,
    )
    client = Client()
    client.force_login(section_coordinator)
    coordinator = new_page()
    coordinator.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    for path in (
        "/join/review/",
        f"/join/review/{waiting.pk}/",
        f"/join/members/{section.slug}/",
    ):
        coordinator.goto(path)
        assert coordinator.locator("h1").is_visible()
        no_serious_violations(coordinator)

    person = approved.library.roles.get().user
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    applicant.goto(f"/join/invitation/{uid}/{token}/")
    assert applicant.get_by_label("E-mail").input_value() == "martin@trinec.example"
    no_serious_violations(applicant)
    applicant.goto(f"/join/invitation/{uid}/used-token/")
    no_serious_violations(applicant)
