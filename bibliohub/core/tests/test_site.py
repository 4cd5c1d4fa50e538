import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_check_answers_ok(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_language_choice_is_kept_for_a_signed_in_person(client, django_user_model):
    person = django_user_model.objects.create_user(email="ana@example.org", password="x-Secret-42")
    client.force_login(person)
    response = client.post(reverse("set_language"), {"language": "uk", "next": "/"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == "uk"


def test_a_missing_page_says_so_in_the_sites_layout_and_language(client):
    response = client.get("/networks/no-such-network/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert reverse("directory:libraries") in html
