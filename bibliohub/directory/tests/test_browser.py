"""A visitor in headless Chromium: the directory filtered to libraries open now, and Vranje's
hours read in Serbian Cyrillic; axe-core checks the pages a visitor uses most."""

import datetime

import pytest

from bibliohub.directory.models import Network
from bibliohub.directory.services import library_create, library_set_hours, network_create
from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _hours(weekdays, opens, closes, service="general"):
    return [{"service": service, "weekday": d, "opens": opens, "closes": closes} for d in weekdays]


@pytest.fixture
def directory():
    network = network_create(
        actor=None, name="Библионет", kind=Network.Kind.ASSOCIATION, language="sr", country="RS"
    )
    vranje = library_create(
        name="Јавна библиотека Бора Станковић",
        town="Врање",
        library_type="public",
        country="RS",
        language="sr",
        timezone="Europe/Belgrade",
    )
    library_set_hours(
        library=vranje,
        actor=None,
        exceptions=[],
        rows=_hours(range(5), datetime.time(8), datetime.time(20))
        + _hours([5], datetime.time(8), datetime.time(15))
        + _hours(range(5), datetime.time(8), datetime.time(19), "ordering")
        + _hours([5], datetime.time(8), datetime.time(14), "ordering"),
    )
    # Open round the clock: two periods a day, the second running to midnight.
    always = library_create(
        name="Knihovna Vždy otevřená",
        town="Třinec",
        library_type="public",
        country="CZ",
        language="cs",
        timezone="Europe/Prague",
    )
    library_set_hours(
        library=always,
        actor=None,
        exceptions=[],
        rows=_hours(range(7), datetime.time(0), datetime.time(12))
        + _hours(range(7), datetime.time(12), datetime.time(0)),
    )
    never = library_create(
        name="Knihovna Bez hodin",
        town="Nymburk",
        library_type="public",
        country="CZ",
        language="cs",
        timezone="Europe/Prague",
    )
    return {"network": network, "vranje": vranje, "always": always, "never": never}


def test_visitor_filters_to_open_now_and_reads_vranje_hours_in_cyrillic(page, directory):
    page.goto("/libraries/")
    assert axe_violations(page) == []
    page.get_by_label("Open now").check()
    page.get_by_role("button", name="Show libraries").click()
    page.wait_for_url("**open_now=**")
    results = page.locator("main")
    assert results.get_by_role("link", name="Knihovna Vždy otevřená").is_visible()
    assert results.get_by_role("link", name="Knihovna Bez hodin").count() == 0

    # Switch the interface to Serbian (Cyrillic) with the language switcher.
    page.get_by_label("Language").select_option("sr")
    page.locator(".language-form button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sr"

    page.goto(directory["vranje"].get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "Јавна библиотека Бора Станковић"
    body = page.locator("main").inner_text()
    assert "Поручивање публикација" in body
    assert "08:00" in body and "20:00" in body and "19:00" in body and "14:00" in body
    assert "Радно време" in body
    assert axe_violations(page) == []


def test_library_page_on_a_phone_has_no_serious_accessibility_problem(new_page, directory):
    phone = new_page(locale="cs-CZ")
    phone.set_viewport_size({"width": 360, "height": 740})
    phone.goto(directory["always"].get_absolute_url())
    assert phone.get_by_role("heading", level=1).is_visible()
    # Nothing is cut off sideways on a narrow screen.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert axe_violations(phone) == []
