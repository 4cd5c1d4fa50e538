"""Personal API tokens: created and shown once, listed without the secret, revoked."""

import re

import pytest
from django.urls import reverse

from bibliohub.accounts.models import ApiToken


@pytest.mark.django_db
def test_new_token_is_shown_once_and_then_only_its_prefix(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:tokens"), {"name": "statistics script"})
    html = response.content.decode()
    raw = re.search(r'id="new-token" value="(bh_[^"]+)"', html).group(1)
    token = ApiToken.objects.get(user=member)
    assert token.digest == ApiToken.hash(raw) and raw not in token.digest
    assert response["Cache-Control"] == "no-store"

    html = client.get(reverse("accounts:tokens")).content.decode()
    assert raw not in html
    assert "statistics script" in html and token.prefix in html


@pytest.mark.django_db
def test_token_needs_a_name(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:tokens"), {"name": ""})
    assert 'id="id_name_error"' in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_revoke_removes_own_token_but_not_someone_elses(client, member, outsider):
    mine, _ = ApiToken.issue(user=member, name="mine")
    theirs, _ = ApiToken.issue(user=outsider, name="theirs")
    client.force_login(member)

    client.post(reverse("accounts:token_revoke", kwargs={"pk": theirs.pk}))
    assert ApiToken.objects.filter(pk=theirs.pk).exists()

    response = client.post(reverse("accounts:token_revoke", kwargs={"pk": mine.pk}))
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=mine.pk).exists()


@pytest.mark.django_db
def test_revoke_only_by_post(client, member):
    token, _ = ApiToken.issue(user=member, name="mine")
    client.force_login(member)
    response = client.get(reverse("accounts:token_revoke", kwargs={"pk": token.pk}))
    assert response.status_code == 405
    assert ApiToken.objects.filter(pk=token.pk).exists()
