"""A person edits their name, telephone and interface language; the language applies at once."""

import pytest
from django.conf import settings
from django.urls import reverse


@pytest.mark.django_db
def test_profile_form_is_labelled_and_prefilled(client, member):
    client.force_login(member)
    html = client.get(reverse("accounts:profile")).content.decode()
    for field in ("full_name", "phone", "language"):
        assert f'<label for="id_{field}"' in html
    assert 'value="Jana Nováková"' in html


@pytest.mark.django_db
def test_saving_changes_name_phone_and_language_now(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "Jana Nová", "phone": "+420 558 000 000", "language": "uk"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.full_name, member.phone, member.language) == (
        "Jana Nová",
        "+420 558 000 000",
        "uk",
    )
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uk"
    html = client.get(reverse("accounts:profile")).content.decode()
    assert '<html lang="uk">' in html


@pytest.mark.django_db
def test_unknown_language_is_refused_with_a_message_at_the_field(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile"), {"full_name": "X", "phone": "", "language": "xx"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_language_error"' in html
    member.refresh_from_db()
    assert member.full_name == "Jana Nováková"
