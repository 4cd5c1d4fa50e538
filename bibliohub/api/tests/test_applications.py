"""Applications by API: only the ones the caller may review."""

import pytest

from bibliohub.accounts.models import ApiToken


@pytest.mark.django_db
def test_coordinator_sees_applications_of_own_networks_only(
    client, coordinator, application, other_application
):
    client.force_login(coordinator)
    data = client.get("/api/v1/applications").json()
    assert [a["id"] for a in data] == [application.pk]
    assert data[0]["network"] == "sdruk-mk"
    assert data[0]["email"] == "jan@nymburk.example"

    assert client.get(f"/api/v1/applications/{application.pk}").status_code == 200
    response = client.get(f"/api/v1/applications/{other_application.pk}")
    assert response.status_code == 404


@pytest.mark.django_db
def test_coordinator_of_another_network_cannot_see_them(
    client, other_coordinator, application, other_application
):
    _, raw = ApiToken.issue(user=other_coordinator, name="script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    data = client.get("/api/v1/applications", **headers).json()
    assert [a["id"] for a in data] == [other_application.pk]
    assert client.get(f"/api/v1/applications/{application.pk}", **headers).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "outsider"])
def test_non_coordinators_get_nothing(client, request, who, application):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/api/v1/applications").json() == []
    assert client.get(f"/api/v1/applications/{application.pk}").status_code == 404


@pytest.mark.django_db
def test_visitors_must_sign_in(client, application):
    assert client.get("/api/v1/applications").status_code == 401
    assert client.get(f"/api/v1/applications/{application.pk}").status_code == 401


@pytest.mark.django_db
def test_status_filter(client, coordinator, application):
    client.force_login(coordinator)
    assert len(client.get("/api/v1/applications", {"status": "pending"}).json()) == 1
    assert client.get("/api/v1/applications", {"status": "approved"}).json() == []
