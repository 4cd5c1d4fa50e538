"""A person downloads everything BiblioHub keeps about them, and nothing about others."""

import json

import pytest
from django.urls import reverse

from bibliohub.accounts.models import ApiToken
from bibliohub.membership.models import Application


@pytest.mark.django_db
def test_export_is_a_json_download_of_own_data(client, member, trinec, section, application):
    Application.objects.create(
        network=section,
        library=trinec,
        contact_name="Jana Nováková",
        contact_role="director",
        email=member.email.upper(),
        consent=True,
        language="cs",
        note="Chceme se zapojit.",
    )
    ApiToken.issue(user=member, name="script")
    client.force_login(member)

    response = client.get(reverse("accounts:export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="bibliohub-my-data-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email
    assert data["profile"]["full_name"] == "Jana Nováková"
    assert data["library_roles"] == [
        {
            "library": "Knihovna Třinec",
            "library_slug": "trinec",
            "role": "director",
            "title": "ředitelka",
        }
    ]
    assert [a["note"] for a in data["applications"]] == ["Chceme se zapojit."]
    assert data["api_tokens"][0]["name"] == "script"
    assert "digest" not in json.dumps(data)
    # Somebody else's application (jan@nymburk.example) is not in it.
    assert "Nymburk" not in response.content.decode()


@pytest.mark.django_db
def test_export_needs_sign_in(client):
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 302
