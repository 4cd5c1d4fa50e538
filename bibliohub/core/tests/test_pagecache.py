"""Public pages are served from the cache to visitors, and never stale after an edit."""

import pytest
from django.test import Client
from django.urls import reverse

from bibliohub.directory.models import Library
from bibliohub.directory.services import library_create, library_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def library():
    return library_create(
        name="Městská knihovna Nymburk",
        town="Nymburk",
        library_type=Library.Type.PUBLIC,
        country="CZ",
        language="cs",
    )


def test_a_visitor_gets_the_page_from_the_cache(
    cached, client, library, django_assert_max_num_queries
):
    url = reverse("directory:library", kwargs={"slug": library.slug})
    first = client.get(url)
    assert first.status_code == 200
    # The second visit reads the content version and the page: two cache reads, nothing else.
    with django_assert_max_num_queries(2):
        second = client.get(url)
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_an_edit_shows_at_once(cached, client, library):
    url = reverse("directory:library", kwargs={"slug": library.slug})
    assert "Nymburk" in client.get(url).content.decode()
    library_update(library=library, actor=None, name="Knihovna Bohumila Hrabala Nymburk")
    assert "Knihovna Bohumila Hrabala Nymburk" in client.get(url).content.decode()


def test_each_language_has_its_own_page(cached, client, library):
    url = reverse("directory:libraries")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    ukrainian = client.get(url, HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert '<html lang="en">' in english
    assert '<html lang="uk">' in ukrainian


def test_signed_in_people_are_never_served_a_cached_page(
    cached, client, library, django_user_model
):
    url = reverse("directory:library", kwargs={"slug": library.slug})
    client.get(url)
    person = django_user_model.objects.create_user(email="eva@example.org", password="x-Secret-42")
    client.force_login(person)
    html = client.get(url).content.decode()
    # Their own header (My BiblioHub, sign out) shows, not the visitor's cached one.
    assert reverse("accounts:dashboard") in html
    assert "csrfmiddlewaretoken" in html


def test_visitor_pages_carry_no_csrf_token_and_still_switch_language(cached, library):
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(reverse("directory:libraries")).content.decode()
    assert "csrfmiddlewaretoken" not in html
    response = browser.post(reverse("set_language"), {"language": "sl", "next": "/"})
    assert response.status_code == 302
    assert browser.cookies["django_language"].value == "sl"


def test_a_persons_saved_language_changes_only_with_a_csrf_token(library, django_user_model):
    person = django_user_model.objects.create_user(
        email="eva@example.org", password="x-Secret-42", language="cs"
    )
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    forged = browser.post(reverse("set_language"), {"language": "uk", "next": "/"})
    assert forged.status_code == 403
    person.refresh_from_db()
    assert person.language == "cs"
