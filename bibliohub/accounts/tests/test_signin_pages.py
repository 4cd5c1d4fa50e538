"""allauth's pages wear BiblioHub's layout, are labelled, tie errors to fields, and never
lead to a sign-up that does not exist."""

import re

import pytest
from django.urls import reverse

from .world import sign_in

SITE_LAYOUT = 'class="site-header"'


def assert_site_page(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert SITE_LAYOUT in html and 'id="main"' in html
    assert "site.css" in html
    assert 'href="/accounts/signup/' not in html
    return html


@pytest.mark.django_db
def test_login_page_is_ours_labelled_and_offers_no_sign_up(client):
    html = assert_site_page(client.get(reverse("account_login")))
    assert re.search(r'<label for="id_login"', html)
    assert re.search(r'<label for="id_password"', html)
    assert 'type="email"' in html
    assert reverse("account_reset_password") in html
    assert "sign up" not in html.lower()


@pytest.mark.django_db
def test_wrong_password_is_announced_and_nobody_is_signed_in(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "wrong-password-1"}
    )
    html = assert_site_page(response)
    assert 'class="form-errors" role="alert"' in html
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_field_error_is_tied_to_its_field(client):
    response = client.post(reverse("account_login"), {"login": "not-an-address", "password": ""})
    html = assert_site_page(response)
    login_input = re.search(r"<input[^>]*id=\"id_login\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in login_input
    assert "id_login_error" in login_input
    assert 'id="id_login_error"' in html


@pytest.mark.django_db
def test_sign_up_is_closed_and_points_to_joining(client):
    html = assert_site_page(client.get("/accounts/signup/"))
    assert "<form" not in html.split('id="main"')[1]
    assert reverse("directory:networks") in html


@pytest.mark.django_db
def test_sign_in_by_email_goes_to_my_bibliohub(client, member):
    response = sign_in(client, member)
    assert response["Location"] == reverse("accounts:dashboard")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "account_logout",
        "account_change_password",
        "mfa_index",
    ],
)
def test_signed_in_allauth_pages_use_the_site_layout(client, member, name):
    sign_in(client, member)
    html = assert_site_page(client.get(reverse(name)))
    assert "<h1>" in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["account_reset_password", "account_reset_password_done"])
def test_password_reset_pages_use_the_site_layout(client, name):
    html = assert_site_page(client.get(reverse(name)))
    assert "<h1>" in html


@pytest.mark.django_db
def test_password_change_form_labels_every_field(client, member):
    sign_in(client, member)
    html = assert_site_page(client.get(reverse("account_change_password")))
    for field in ("oldpassword", "password1", "password2"):
        assert f'<label for="id_{field}"' in html


@pytest.mark.django_db
def test_turning_on_a_second_factor_asks_for_the_password_again_in_our_layout(client, member):
    from .world import PASSWORD

    client.cookies["django_language"] = "en"  # this browser reads BiblioHub in English
    sign_in(client, member)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    html = assert_site_page(response)
    assert '<label for="id_password"' in html
    reauthenticate_url = response.redirect_chain[-1][0]

    response = client.post(reauthenticate_url, {"password": PASSWORD}, follow=True)
    html = assert_site_page(response)
    assert 'id="authenticator_secret"' in html
    assert '<label for="id_code"' in html
    assert 'alt="QR code' in html
