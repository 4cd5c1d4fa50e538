"""The search page and the suggestions, as a visitor, a person from outside and a member see
them: inflected Czech typed without diacritics finds a public document and marks the words;
members' documents and events never show to others, not even in the counts per kind; kinds,
filters, paging; the suggestions' JSON; and in a browser, axe-core and the keyboard."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bibliohub.core.models import Visibility
from bibliohub.directory.models import Library, LibraryRole, Network
from bibliohub.directory.services import library_create, section_create
from bibliohub.events.models import Event
from bibliohub.events.services import SessionData, event_create
from bibliohub.knowledge.models import Category, Document, DocumentVersion
from bibliohub.membership.models import Membership
from conftest import axe_violations

PASSWORD = "Quite-Long-Secret-42"
QUERY = "vypujcni rad"  # "výpůjční řád" typed without diacritics


@dataclass
class World:
    association: Network
    section: Network
    library: Library
    member: Any
    outsider: Any
    public_document: Document
    members_document: Document
    members_event: Event


def make_document(network: Network, *, title: str, text: str, **fields: Any) -> Document:
    """A document whose text has been extracted, as the worker leaves it."""
    document = Document.objects.create(network=network, title=title, slug=_slug(title), **fields)
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        file=f"documents/{document.pk}/1/text.txt",
        original_name="text.txt",
        content_type="text/plain",
        size=len(text.encode()),
        sha256="0" * 64,
    )
    version.text = text
    version.extraction = DocumentVersion.Extraction.DONE
    version.save()
    document.current_version = version
    document.save()
    return document


def _slug(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title)[:100] or "document"


def in_days(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def make_event(network: Network, *, title: str, **fields: Any) -> Event:
    return event_create(
        actor=None,
        network=network,
        sessions=[SessionData(starts_at=in_days(20, 10), ends_at=in_days(20, 15))],
        kind=Event.Kind.MEETING,
        mode=Event.Mode.IN_PERSON,
        language="cs",
        title=title,
        venue="Knihovna Třinec, Lidická 1",
        town="Třinec",
        timezone="Europe/Prague",
        capacity=20,
        registration=Event.Registration.MEMBERS,
        training_hours=Decimal("2"),
        **fields,
    )


def make_world(django_user_model) -> World:
    association = Network.objects.create(
        name="Svaz knihoven ČR",
        short_name="SDRUK",
        slug="sdruk",
        kind=Network.Kind.ASSOCIATION,
        country="CZ",
        language="cs",
    )
    section = section_create(
        parent=association, actor=None, name="Sekce městských knihoven", slug="sdruk-mk"
    )
    library = library_create(
        name="Knihovna Jiřího Mahena",
        slug="kjm",
        town="Brno",
        library_type="public",
        country="CZ",
        language="cs",
    )
    Membership.objects.create(library=library, network=section, since=datetime.date(2020, 1, 1))
    member = django_user_model.objects.create_user(
        email="reditelka@kjm.example", password=PASSWORD, language="en"
    )
    LibraryRole.objects.create(user=member, library=library, role=LibraryRole.Role.DIRECTOR)
    outsider = django_user_model.objects.create_user(
        email="someone@elsewhere.example", password=PASSWORD, language="en"
    )
    public_document = make_document(
        association,
        title="Vzorový řád knihovny",
        text=(
            "Čtenáři se řídí ustanoveními výpůjčního řádu. Výpůjční lhůta je třicet dní"
            " a lze ji dvakrát prodloužit."
        ),
        language="cs",
        category=Category.DIRECTIVE,
        visibility=Visibility.PUBLIC,
    )
    members_document = make_document(
        association,
        title="Interní výklad výpůjčního řádu",
        text="Pro zaměstnance: jak uplatňovat sankce podle výpůjčního řádu.",
        language="cs",
        category=Category.METHODOLOGY,
        visibility=Visibility.MEMBERS,
    )
    members_event = make_event(
        section, title="Porada o novém výpůjčním řádu", visibility=Visibility.MEMBERS
    )
    return World(
        association=association,
        section=section,
        library=library,
        member=member,
        outsider=outsider,
        public_document=public_document,
        members_document=members_document,
        members_event=members_event,
    )


@pytest.fixture
def world(db, django_user_model) -> World:
    return make_world(django_user_model)


def results_section(html: str) -> str:
    """The part of the page with the kinds, the count and the results (not the filters)."""
    start = html.index('aria-labelledby="results-heading"')
    return html[start : html.index("</section>", start)]


def result_titles(html: str) -> list[str]:
    """The titles of the results, without the marks of the matched words."""
    titles = re.findall(r"<h3><a href=\"[^\"]*\"[^>]*>(.*?)</a></h3>", html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def kind_tabs(html: str) -> dict[str, str]:
    """The kinds offered above the results, label → count."""
    return dict(re.findall(r"<li><a href=\"[^\"]*\"[^>]*>([^<]+?) <span[^>]*>\((\d+)\)", html))


def search_page(client, **params: str):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


# --- the page ---------------------------------------------------------------------------------


def test_empty_query_explains_what_works(client, world):
    html = search_page(client)
    assert "What you can search for" in html
    assert "vypujcni rad" in html  # an example without diacritics
    assert "библиотека" in html  # Serbian in the other script
    assert 'id="search-q"' in html and 'type="search"' in html
    assert 'for="search-q"' in html
    assert "results-heading" not in html


def test_visitor_finds_public_document_by_inflected_word_without_diacritics(client, world):
    html = search_page(client, q=QUERY)
    assert 'value="vypujcni rad"' in html  # the query is kept in the box
    results = results_section(html)
    assert result_titles(results) == ["Vzorový řád knihovny"]
    assert "1 result" in results
    assert world.public_document.get_absolute_url() in results
    # The matched words are marked in the snippet, whatever their form in the text.
    assert re.search(r"<mark>výpůjční\w*</mark>", results, re.IGNORECASE)
    assert "Document" in results and "Directive" in results and "Svaz knihoven ČR" in results


@pytest.mark.parametrize("who", ["visitor", "outsider"])
def test_members_content_never_shows_to_others(client, world, who):
    if who == "outsider":
        client.force_login(world.outsider)
    html = search_page(client, q=QUERY)
    assert "Interní výklad" not in html
    assert "Porada o novém" not in html
    tabs = kind_tabs(results_section(html))
    # Not even as a number: only the one public document is counted.
    assert tabs == {"Everything": "1", "Documents": "1"}
    # Asking for events only shows nothing, and no count gives the hidden event away.
    html = search_page(client, q=QUERY, type="event")
    results = results_section(html)
    assert result_titles(results) == []
    assert "0 results" in results
    assert kind_tabs(results) == {"Everything": "1", "Documents": "1", "Events": "0"}
    assert "Nothing matches" in results


def test_member_sees_members_document_and_event(client, world):
    client.force_login(world.member)
    html = search_page(client, q=QUERY)
    results = results_section(html)
    assert set(result_titles(results)) == {
        "Vzorový řád knihovny",
        "Interní výklad výpůjčního řádu",
        "Porada o novém výpůjčním řádu",
    }
    assert "3 results" in results
    assert kind_tabs(results) == {"Everything": "3", "Documents": "2", "Events": "1"}
    assert 'aria-current="page">Everything' in results


def test_kind_filter_keeps_counts_of_every_kind(client, world):
    client.force_login(world.member)
    html = search_page(client, q=QUERY, type="event")
    results = results_section(html)
    assert result_titles(results) == ["Porada o novém výpůjčním řádu"]
    assert "1 result" in results
    assert kind_tabs(results) == {"Everything": "3", "Documents": "2", "Events": "1"}
    assert re.search(r'aria-current="page">Events ', results)
    # The kinds link to the same query with another kind, from the first page.
    assert 'href="?q=vypujcni+rad&amp;type=document"' in results
    assert 'href="?q=vypujcni+rad"' in results


def test_filters_by_category_language_and_network(client, world, django_user_model):
    client.force_login(world.member)
    results = results_section(search_page(client, q=QUERY, category="directive"))
    assert result_titles(results) == ["Vzorový řád knihovny"]
    results = results_section(search_page(client, q=QUERY, lang="sl"))
    assert result_titles(results) == []
    assert "with these filters" in results
    # The section's event, not the association's documents.
    results = results_section(search_page(client, q=QUERY, network="sdruk-mk"))
    assert result_titles(results) == ["Porada o novém výpůjčním řádu"]
    # An unknown value is left out, not an error page.
    results = results_section(search_page(client, q=QUERY, network="nowhere", category="x"))
    assert len(result_titles(results)) == 3


def test_nothing_found_helps(client, world):
    html = search_page(client, q="zzzqqq")
    results = results_section(html)
    assert "0 results" in results
    assert "Nothing matches “zzzqqq”." in results
    assert "Check the spelling" in results
    assert "Sign in" in results  # a visitor learns that members see more


def make_lhota_libraries(count: int) -> None:
    for number in range(count):
        library_create(
            name=f"Obecní knihovna Lhota {number + 1}",
            town=f"Lhota {number + 1}",
            library_type="public",
            country="CZ",
            language="cs",
        )


def test_paging(client, world):
    make_lhota_libraries(12)
    # The counts, the page of results and the networks of the filter: no query per result, so a
    # page of ten results costs what a page of two does.
    with CaptureQueriesContext(connection) as first_page:
        html = search_page(client, q="lhota", type="library")
    with CaptureQueriesContext(connection) as last_page:
        search_page(client, q="lhota", type="library", page="2")
    assert len(first_page) == len(last_page) <= 10
    results = results_section(html)
    assert "12 results" in results
    assert len(result_titles(results)) == 10
    pages = html[html.index('class="pagination"') :]
    assert "Page 1 of 2" in pages
    assert 'href="?q=lhota&amp;type=library&amp;page=2"' in pages
    html = search_page(client, q="lhota", type="library", page="2")
    assert len(result_titles(results_section(html))) == 2
    assert 'start="11"' in html
    assert "Page 2 of 2" in html
    # Past the end (an old link): the last page.
    html = search_page(client, q="lhota", type="library", page="9")
    assert "Page 2 of 2" in html and len(result_titles(results_section(html))) == 2
    assert search_page(client, q="lhota", type="library", page="x").count("Page 1 of 2") == 1


def test_more_matches_than_are_counted(client, world, monkeypatch):
    from bibliohub.search import query

    monkeypatch.setattr(query, "COUNT_LIMIT", 10)
    make_lhota_libraries(12)
    results = results_section(search_page(client, q="lhota"))
    assert "More than 10 results" in results
    assert re.search(r"Everything <span[^>]*>\(10\+\)", results)
    assert len(result_titles(results)) == 10
    # The second page counts as far as it needs: all twelve.
    results = results_section(search_page(client, q="lhota", page="2"))
    assert "12 results" in results and len(result_titles(results)) == 2


def test_text_is_escaped_and_only_marks_are_html(client, world):
    make_document(
        world.association,
        title="<script>alert('titulek')</script> Knihovní řád",
        text="Knihovní řád <b>pro čtenáře</b> <img src=x onerror=alert(1)> a podmínky.",
        language="cs",
        category=Category.OTHER,
        visibility=Visibility.PUBLIC,
    )
    results = results_section(search_page(client, q="knihovni rad"))
    assert "<script>" not in results and "<b>" not in results and "<img" not in results
    assert "&lt;script&gt;" in results
    assert "&lt;b&gt;" in results
    assert re.search(r"<mark>knihovní</mark>", results, re.IGNORECASE)


def test_search_page_is_not_shared_between_people(client, world):
    response = client.get("/search/", {"q": QUERY})
    assert "private" in response["Cache-Control"]
    client.force_login(world.member)
    assert "Interní výklad" in client.get("/search/", {"q": QUERY}).content.decode()


# --- suggestions ------------------------------------------------------------------------------


def suggest(client, q: str):
    response = client.get("/search/suggest/", {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response


def test_suggestions_json(client, world):
    response = suggest(client, "vzorov")
    assert "private" in response["Cache-Control"] and "max-age=30" in response["Cache-Control"]
    assert response.json() == {
        "suggestions": [
            {
                "title": "Vzorový řád knihovny",
                "url": world.public_document.get_absolute_url(),
                "kind": "document",
                "kind_label": "Document",
            }
        ]
    }


def test_suggestions_need_two_characters_and_stop_at_eight(client, world):
    assert suggest(client, "").json() == {"suggestions": []}
    assert suggest(client, " v ").json() == {"suggestions": []}
    for number in range(10):
        library_create(
            name=f"Místní knihovna Dolní Lhota {number}",
            town=f"Dolní Lhota {number}",
            library_type="public",
            country="CZ",
            language="cs",
        )
    suggestions = suggest(client, "Dolní Lho").json()["suggestions"]
    assert len(suggestions) == 8
    assert {item["kind"] for item in suggestions} == {"library"}


@pytest.mark.parametrize("who", ["visitor", "outsider", "member"])
def test_suggestions_leave_out_what_one_may_not_see(client, world, who):
    if who != "visitor":
        client.force_login(getattr(world, who))
    titles = {item["title"] for item in suggest(client, "Interní výkl").json()["suggestions"]}
    titles |= {item["title"] for item in suggest(client, "Porada o nov").json()["suggestions"]}
    if who == "member":
        assert titles == {"Interní výklad výpůjčního řádu", "Porada o novém výpůjčním řádu"}
    else:
        assert titles == set()


# --- in a browser -----------------------------------------------------------------------------


@pytest.fixture
def browser_world(transactional_db, django_user_model) -> World:
    return make_world(django_user_model)


@pytest.mark.browser
def test_search_page_in_browser_is_accessible(page, browser_world):
    page.goto(f"/search/?q={QUERY}")
    assert page.get_by_role("heading", name="1 result").is_visible()
    assert page.get_by_role("link", name="Vzorový řád knihovny").is_visible()
    assert page.locator("mark").first.is_visible()
    assert axe_violations(page) == []

    box = page.locator("#search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.fill("")
    box.press_sequentially("Vzorov")
    listbox = page.get_by_role("listbox", name="Suggestions")
    option = listbox.get_by_role("option", name=re.compile("Vzorový řád knihovny"))
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert axe_violations(page) == []

    # Escape closes the list and leaves what was typed.
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    assert box.input_value() == "Vzorov"


@pytest.mark.browser
def test_keyboard_opens_a_suggestion(page, browser_world):
    page.goto("/search/")
    box = page.get_by_role("combobox", name="Search for")
    box.press_sequentially("Mahen")
    listbox = page.get_by_role("listbox", name="Suggestions")
    option = listbox.get_by_role("option", name=re.compile("Knihovna Jiřího Mahena"))
    option.wait_for()
    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Enter")
    page.wait_for_url("**/libraries/kjm/")
    assert page.get_by_role("heading", name="Knihovna Jiřího Mahena").is_visible()


@pytest.mark.browser
def test_without_a_highlighted_suggestion_enter_searches(page, browser_world):
    page.goto("/search/")
    box = page.get_by_role("combobox", name="Search for")
    box.press_sequentially("vzorovy rad")
    listbox = page.get_by_role("listbox", name="Suggestions")
    listbox.get_by_role("option", name=re.compile("Vzorový řád knihovny")).wait_for()
    box.press("Enter")
    page.wait_for_url("**/search/?q=vzorovy+rad")
    assert page.get_by_role("link", name="Vzorový řád knihovny").is_visible()
