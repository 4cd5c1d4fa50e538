"""Who may call the API: visitors on public endpoints, the session, or a personal token."""

import datetime

import pytest
from django.utils import timezone

from bibliohub.accounts.models import ApiToken
from bibliohub.accounts.services import api_token_revoke


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.django_db
def test_visitor_reads_public_endpoints_but_not_me(client, trinec):
    assert client.get("/api/v1/libraries").status_code == 200
    assert client.get("/api/v1/networks").status_code == 200
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_session_sign_in_works(client, member):
    client.force_login(member)
    response = client.get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["email"] == member.email


@pytest.mark.django_db
def test_bearer_token_works_and_notes_last_use_at_most_once_a_minute(client, member):
    token, raw = ApiToken.issue(user=member, name="script")
    response = client.get("/api/v1/me", **bearer(raw))
    assert response.status_code == 200
    assert response.json()["email"] == member.email
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None

    client.get("/api/v1/me", **bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at == first_use

    ApiToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    client.get("/api/v1/me", **bearer(raw))
    token.refresh_from_db()
    assert token.last_used_at > first_use - datetime.timedelta(seconds=1)
    assert timezone.now() - token.last_used_at < datetime.timedelta(minutes=1)


@pytest.mark.django_db
def test_revoked_or_made_up_token_is_refused_even_on_public_endpoints(client, member):
    token, raw = ApiToken.issue(user=member, name="script")
    api_token_revoke(user=member, token_id=token.pk)
    for path in ("/api/v1/me", "/api/v1/libraries"):
        response = client.get(path, **bearer(raw))
        assert response.status_code == 401
        assert "revoked" in response.json()["detail"]
    assert client.get("/api/v1/me", **bearer("bh_made-up")).status_code == 401


@pytest.mark.django_db
def test_token_of_a_deactivated_person_is_refused(client, member):
    _, raw = ApiToken.issue(user=member, name="script")
    member.is_active = False
    member.save()
    assert client.get("/api/v1/me", **bearer(raw)).status_code == 401


@pytest.mark.django_db
def test_me_lists_libraries_and_networks(client, member, trinec, section):
    client.force_login(member)
    data = client.get("/api/v1/me").json()
    assert data["libraries"] == [
        {"slug": "trinec", "name": "Knihovna Třinec", "role": "director", "title": "ředitelka"}
    ]
    assert data["networks"] == [
        {"slug": "sdruk-mk", "name": section.name, "roles": [], "through_libraries": ["trinec"]}
    ]
    assert data["coordinated_networks"] == []


@pytest.mark.django_db
def test_openapi_document_lists_the_paths(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "BiblioHub API"
    paths = set(document["paths"])
    assert {
        "/api/v1/libraries",
        "/api/v1/libraries/{slug}",
        "/api/v1/networks",
        "/api/v1/networks/{slug}",
        "/api/v1/networks/{slug}/people",
        "/api/v1/applications",
        "/api/v1/applications/{pk}",
        "/api/v1/me",
    } <= paths
    schemes = document["components"]["securitySchemes"]
    assert {"TokenAuth", "SessionAuth"} <= set(schemes)
