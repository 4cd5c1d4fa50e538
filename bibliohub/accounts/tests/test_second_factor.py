"""Coordinators turn on an authenticator app; from then on signing in asks for its code."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
)
from django.urls import reverse

from .world import PASSWORD


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def wrong_code(secret: str) -> str:
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    valid = {format_hotp_value(hotp_value(secret, counter + i)) for i in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


def activate_totp(client, user) -> str:
    """Sign in, confirm the password, scan the secret, type the code: as a coordinator would."""
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    client.post(response.redirect_chain[-1][0], {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in response.content.decode()
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    return secret


@pytest.mark.django_db
def test_sign_in_asks_for_the_code_and_accepts_only_a_right_one(client, coordinator):
    secret = activate_totp(client, coordinator)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session

    response = client.post(
        reverse("account_login"), {"login": coordinator.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    page = client.get(reverse("mfa_authenticate"))
    html = page.content.decode()
    assert 'class="site-header"' in html and '<label for="id_code"' in html

    response = client.post(reverse("mfa_authenticate"), {"code": wrong_code(secret)})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'aria-invalid="true"' in response.content.decode()

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    assert client.session["_auth_user_id"] == str(coordinator.pk)


@pytest.mark.django_db
def test_dashboard_prompts_coordinators_until_they_have_a_second_factor(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Protect your account with a second factor" in html
    assert reverse("mfa_index") in html

    activate_totp(client, coordinator)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Protect your account with a second factor" not in html


@pytest.mark.django_db
def test_staff_are_prompted_but_ordinary_members_are_not(client, member, outsider):
    client.force_login(member)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Protect your account with a second factor" not in html

    outsider.is_staff = True
    outsider.save()
    client.force_login(outsider)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Protect your account with a second factor" in html


@pytest.mark.django_db
def test_recovery_codes_page_is_ours_and_labelled(client, coordinator):
    activate_totp(client, coordinator)
    response = client.get(reverse("mfa_view_recovery_codes"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert '<label for="recovery_codes">' in html
    assert '<textarea id="recovery_codes"' in html
