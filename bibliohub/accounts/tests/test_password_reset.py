"""A person who forgot their password gets a link by e-mail and sets a new one."""

import re

import pytest
from django.core import mail
from django.urls import reverse

NEW_PASSWORD = "Brand-New-Secret-77"


@pytest.mark.django_db(transaction=True)
def test_reset_by_email_then_sign_in_with_the_new_password(client, member):
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject.startswith("[BiblioHub]")
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", message.body)
    assert link, message.body

    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert '<label for="id_password1"' in html and '<label for="id_password2"' in html
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert "Your password is now changed." in response.content.decode()

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.mark.django_db(transaction=True)
def test_unknown_address_gets_no_dead_sign_up_link(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "/accounts/signup/" not in body
    assert "http://testserver" + reverse("directory:networks") in body


@pytest.mark.django_db(transaction=True)
def test_reset_mail_is_in_the_persons_language(client, member):
    member.language = "cs"
    member.save()
    client.post(reverse("account_reset_password"), {"email": member.email})
    assert len(mail.outbox) == 1
    # allauth ships a Czech catalogue; the English subject would be "Password Reset Email".
    assert "Password Reset Email" not in mail.outbox[0].subject


@pytest.mark.django_db(transaction=True)
def test_a_used_or_broken_link_says_so_in_our_layout(client):
    response = client.get("/accounts/password/reset/key/1-broken-key/", follow=True)
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert reverse("account_reset_password") in html
