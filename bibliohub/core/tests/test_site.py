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
