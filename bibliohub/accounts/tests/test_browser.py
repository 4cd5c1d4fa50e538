"""In a real browser: sign in, My BiblioHub, the second-factor page and API tokens are usable
and pass axe-core without serious or critical violations."""

import pytest

from conftest import axe_violations

from .world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_and_account_pages_are_accessible(page, coordinator, application):
    page.goto("/accounts/login/")
    assert axe_violations(page) == []
    page.get_by_label("Email", exact=True).fill(coordinator.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url("**/accounts/me/")
    assert page.get_by_role("heading", name="My BiblioHub").is_visible()
    assert page.get_by_text("1 application is waiting for a decision.").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("What is the token for?").fill("statistics script")
    page.get_by_role("button", name="Create token").click()
    assert page.get_by_label("Token", exact=True).input_value().startswith("bh_")
    assert axe_violations(page) == []

    page.goto("/accounts/2fa/")
    assert page.get_by_role("heading", name="Two-Factor Authentication").is_visible()
    assert axe_violations(page) == []
