"""Guessing passwords is cut short: after five wrong ones even the right one is refused."""

import pytest
from django.urls import reverse

from .world import PASSWORD


@pytest.mark.django_db
def test_after_five_wrong_passwords_the_right_one_is_refused(client, member, settings):
    # The database cache is what production uses; rate-limit counters live there.
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    url = reverse("account_login")
    for attempt in range(5):
        response = client.post(url, {"login": member.email, "password": f"guess-{attempt}"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    response = client.post(url, {"login": member.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert response.status_code == 429 or "Too many failed login attempts" in html


@pytest.mark.django_db
def test_other_addresses_are_not_locked_out(client, member, outsider):
    url = reverse("account_login")
    for attempt in range(5):
        client.post(url, {"login": member.email, "password": f"guess-{attempt}"})
    response = client.post(url, {"login": outsider.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(outsider.pk)
