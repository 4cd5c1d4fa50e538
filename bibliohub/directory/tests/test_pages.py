import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from bibliohub.directory.models import Library, LibraryRole
from bibliohub.directory.services import library_create, library_set_hours, library_today
from bibliohub.membership.models import Membership

from .conftest import always_open_rows, join, person

pytestmark = pytest.mark.django_db

LANGUAGES = ["cs", "sl", "sr", "sr-latn", "uk", "en"]


def get(client, url, language="en", **params):
    client.cookies["django_language"] = language
    return client.get(url, params)


def text(response):
    return response.content.decode()


def names_listed(response):
    return [row["library"].name for row in response.context["rows"]]


def json_ld(response):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text(response), re.S)
    assert len(found) == 1
    return json.loads(found[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_reads_every_public_page_in_each_language(
    client, language, trinec, vranje, kyiv_central, sdruk, section
):
    for url in [
        reverse("directory:home"),
        reverse("directory:libraries"),
        reverse("directory:library", kwargs={"slug": vranje.slug}),
        reverse("directory:library", kwargs={"slug": trinec.slug}),
        reverse("directory:networks"),
        reverse("directory:network", kwargs={"slug": section.slug}),
    ]:
        response = get(client, url, language)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in text(response)


def test_home_shows_top_networks_with_member_counts_and_a_way_to_join(
    client, sdruk, section, trinec, kyiv_central
):
    response = get(client, reverse("directory:home"))
    page = text(response)
    assert "Svaz knihoven České republiky" in page
    # Třinec is a member of the section, so it counts for the association too.
    counts = {n.name: n.member_count for n in response.context["networks"]}
    assert counts["Svaz knihoven České republiky"] == 1
    assert "Sekce městských knihoven" not in counts
    assert "1 member library" in page
    assert f'action="{reverse("directory:libraries")}"' in page
    assert "Join a network" in page


def test_search_ignores_case_and_diacritics(client, trinec, vranje):
    assert names_listed(get(client, reverse("directory:libraries"), q="trinec")) == [trinec.name]
    assert names_listed(get(client, reverse("directory:libraries"), q="TŘINEC")) == [trinec.name]
    assert names_listed(get(client, reverse("directory:libraries"), q="knihovna tri")) == [
        trinec.name
    ]


def test_search_finds_a_cyrillic_name_with_a_latin_query_and_back(client, trinec, vranje):
    assert names_listed(get(client, reverse("directory:libraries"), q="vranje")) == [vranje.name]
    assert names_listed(get(client, reverse("directory:libraries"), q="Bora Stanković")) == [
        vranje.name
    ]
    assert names_listed(get(client, reverse("directory:libraries"), q="Врање")) == [vranje.name]
    assert names_listed(get(client, reverse("directory:libraries"), q="Тршинец")) == []


def test_a_ukrainian_library_is_found_as_kyiv(client, kyiv_central):
    assert names_listed(get(client, reverse("directory:libraries"), q="kyiv")) == [
        kyiv_central.name
    ]


def test_network_filter_takes_members_of_its_sections_and_only_active_ones(
    client, sdruk, section, trinec, vranje, cz_region
):
    former = library_create(
        actor=None,
        name="Městská knihovna Nymburk",
        town="Nymburk",
        library_type="public",
        country="CZ",
        language="cs",
    )
    join(former, sdruk, status=Membership.Status.ENDED)
    response = get(client, reverse("directory:libraries"), network="sdruk")
    assert names_listed(response) == [trinec.name]
    assert "1 library found" in text(response)
    assert names_listed(get(client, reverse("directory:libraries"), network="sdruk-mk")) == [
        trinec.name
    ]


def test_region_and_type_filters(client, trinec, vranje, cz_region):
    library_create(
        actor=None,
        name="Moravskoslezská vědecká knihovna",
        town="Ostrava",
        library_type="regional",
        country="CZ",
        language="cs",
        region=cz_region,
    )
    by_region = names_listed(get(client, reverse("directory:libraries"), region="cz-msk"))
    assert by_region == ["Knihovna Třinec", "Moravskoslezská vědecká knihovna"]
    by_type = names_listed(
        get(client, reverse("directory:libraries"), region="cz-msk", type="regional")
    )
    assert by_type == ["Moravskoslezská vědecká knihovna"]


def test_an_unknown_filter_value_is_ignored_not_an_error(client, trinec, vranje):
    response = get(client, reverse("directory:libraries"), network="no-such", q="trinec")
    assert response.status_code == 200
    assert names_listed(response) == [trinec.name]


def test_open_now_filter_and_status_per_row(client):
    # (No library with office hours here: whether it is open would depend on the clock.)
    open_library = library_create(
        actor=None,
        name="Knihovna U Nonstopu",
        town="Praha",
        library_type="public",
        country="CZ",
        language="cs",
    )
    library_set_hours(library=open_library, actor=None, rows=always_open_rows(), exceptions=[])
    closed_library = library_create(
        actor=None,
        name="Knihovna Bez Hodin",
        town="Praha",
        library_type="public",
        country="CZ",
        language="cs",
    )
    response = get(client, reverse("directory:libraries"), open_now="on")
    assert names_listed(response) == [open_library.name]
    everything = get(client, reverse("directory:libraries"))
    statuses = {row["library"].name: row["status"].is_open for row in everything.context["rows"]}
    assert statuses[open_library.name] is True
    assert statuses[closed_library.name] is False
    page = text(everything)
    assert '<span class="status-open">Open now</span>' in page
    assert '<span class="status-closed">Closed</span>' in page


def test_the_list_is_paginated_keeps_filters_and_needs_few_queries(
    client, settings, django_assert_max_num_queries, section
):
    settings.DIRECTORY_PAGE_SIZE = 10
    for n in range(33):
        library = library_create(
            actor=None,
            name=f"Obecní knihovna {n:02d}",
            town=f"Obec {n:02d}",
            library_type="public",
            country="CZ",
            language="cs",
        )
        library_set_hours(
            library=library,
            actor=None,
            rows=always_open_rows(),
            exceptions=[
                {"start_date": library_today(library), "closed": True, "reason": "Inventura"}
            ]
            if n % 3 == 0
            else [],
        )
        join(library, section)
    with django_assert_max_num_queries(8):
        response = get(client, reverse("directory:libraries"), q="obecni", network="sdruk")
    page = text(response)
    assert "33 libraries found" in page
    assert "Page 1 of 4" in page
    assert len(response.context["rows"]) == 10
    assert "?q=obecni&amp;network=sdruk&amp;page=2" in page
    with django_assert_max_num_queries(9):
        last = get(client, reverse("directory:libraries"), q="obecni", page=4, open_now="on")
    # A third are closed today for inventory: 22 open, three pages, the last one shown.
    assert "22 libraries found" in text(last)
    assert "Page 3 of 3" in text(last)
    assert names_listed(last) == ["Obecní knihovna 31", "Obecní knihovna 32"]


def test_the_vranje_page_shows_both_services_and_its_json_ld(
    client, vranje, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = get(client, reverse("directory:library", kwargs={"slug": vranje.slug}))
    page = text(response)
    assert [w.service for w in response.context["week"]] == ["general", "ordering"]
    assert "<caption>Library open</caption>" in page
    assert "<caption>Ordering of publications</caption>" in page
    assert 'lang="sr"' in page
    assert "Europe/Belgrade" in page  # the site's zone is Prague: the page says whose times
    assert "42.5514, 21.9003" in page or "42.551400, 21.900300" in page
    assert "https://www.openstreetmap.org/?mlat=42.551400&amp;mlon=21.900300" in page
    assert 'class="today"' in page
    data = json_ld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Library"
    assert data["name"] == vranje.name
    assert data["address"]["addressLocality"] == "Врање"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 42.5514, "longitude": 21.9003}
    assert data["telephone"] == "+381 17 000 000"
    monday = [
        s
        for s in data["openingHoursSpecification"]
        if s.get("dayOfWeek") == "https://schema.org/Monday"
    ]
    assert monday == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "08:00",
            "closes": "20:00",
        }
    ]


def test_the_vranje_hours_read_in_serbian_cyrillic(client, vranje):
    response = get(client, reverse("directory:library", kwargs={"slug": vranje.slug}), "sr")
    assert '<html lang="sr">' in text(response)
    rows = response.context["week"][0].days
    assert [len(r.periods) for r in rows] == [1, 1, 1, 1, 1, 1, 0]


def test_json_ld_cannot_break_out_of_its_script(client, vranje):
    Library.objects.filter(pk=vranje.pk).update(description="</script><script>alert(1)</script>")
    response = get(client, reverse("directory:library", kwargs={"slug": vranje.slug}))
    assert "<script>alert(1)" not in text(response)
    assert json_ld(response)["description"] == "</script><script>alert(1)</script>"


def test_library_page_shows_status_exceptions_memberships_and_branches(
    client, trinec, section, kyiv_central
):
    soon = timezone.now().date() + datetime.timedelta(days=3)
    library_set_hours(
        library=trinec,
        actor=None,
        rows=always_open_rows(),
        exceptions=[
            {"start_date": soon, "end_date": soon, "closed": True, "reason": "Inventura fondu"}
        ],
    )
    page = text(get(client, reverse("directory:library", kwargs={"slug": trinec.slug})))
    assert '<span class="status-open">Open now</span>' in page
    assert "Inventura fondu" in page
    assert "Sekce městských knihoven" in page
    assert "Lidická 541" in page
    assert "Město Třinec" in page
    assert "Europe/" not in page  # Třinec keeps the site's own zone: nothing to explain
    kyiv_page = text(get(client, reverse("directory:library", kwargs={"slug": kyiv_central.slug})))
    assert "Бібліотека для дітей № 11" in kyiv_page
    assert "просп. Повітрофлотський, 54" in kyiv_page


def test_a_library_without_hours_says_closed(client):
    library = library_create(
        actor=None,
        name="Knihovna Zavřeno",
        town="Brno",
        library_type="public",
        country="CZ",
        language="cs",
    )
    page = text(get(client, reverse("directory:library", kwargs={"slug": library.slug})))
    assert '<span class="status-closed">Closed</span>' in page
    assert "No opening hours have been entered." in page


def test_network_page_lists_sections_members_coordinators_and_contact(
    client, sdruk, section, trinec, coordinator, django_assert_max_num_queries
):
    page = text(get(client, reverse("directory:network", kwargs={"slug": "sdruk"})))
    assert "Sekce městských knihoven" in page
    assert "info@sdruk.example" in page
    assert reverse("membership:apply", kwargs={"network": "sdruk"}) in page
    with django_assert_max_num_queries(6):
        response = get(client, reverse("directory:network", kwargs={"slug": "sdruk-mk"}))
    page = text(response)
    assert "Knihovna Třinec" in page
    assert trinec.get_absolute_url() in page
    assert "Martina Wolna" in page
    assert "(Třinec)" in page
    assert "Svaz knihoven České republiky" in page  # the association it belongs to
    assert "Edit network" not in page
    assert "martina@trinec.example" not in page  # coordinators' addresses are not public


def test_network_that_takes_no_applications_has_no_apply_link(client, sdruk):
    sdruk.accepts_applications = False
    sdruk.save()
    page = text(get(client, reverse("directory:network", kwargs={"slug": "sdruk"})))
    assert reverse("membership:apply", kwargs={"network": "sdruk"}) not in page


def test_the_kyiv_system_page_shows_its_branches(client, kyiv_system, kyiv_central):
    page = text(get(client, reverse("directory:network", kwargs={"slug": kyiv_system.slug})))
    assert "Центральна бібліотека Солом&#x27;янського району" in page
    assert "Бібліотека імені Бориса Грінченка" in page
    assert "2 branches" in page


def test_networks_page_shows_sections_under_their_network(client, sdruk, section, kyiv_system):
    response = get(client, reverse("directory:networks"))
    tree = [(n.slug, depth) for n, depth in response.context["tree"]]
    assert tree.index(("sdruk-mk", 1)) == tree.index(("sdruk", 0)) + 1


def test_people_page_asks_a_visitor_to_sign_in(client, section):
    response = client.get(reverse("directory:network_people", kwargs={"slug": section.slug}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_people_page_is_refused_to_a_non_member(client, section, stranger, director):
    client.force_login(stranger)
    response = client.get(reverse("directory:network_people", kwargs={"slug": section.slug}))
    assert response.status_code == 403
    assert "reditel@trinec.example" not in text(response)
    assert "Not allowed" in text(response)


def test_people_page_lists_contacts_for_members(
    client, django_user_model, section, trinec, director, coordinator
):
    staff = person(django_user_model, "knihovnice@trinec.example", full_name="Eva Knihovnice")
    LibraryRole.objects.create(user=staff, library=trinec, role=LibraryRole.Role.STAFF)
    client.force_login(staff)
    network_page = text(client.get(reverse("directory:network", kwargs={"slug": section.slug})))
    assert reverse("directory:network_people", kwargs={"slug": section.slug}) in network_page
    response = client.get(reverse("directory:network_people", kwargs={"slug": section.slug}))
    assert response.status_code == 200
    page = text(response)
    assert "reditel@trinec.example" in page
    assert "+420 600 000 001" in page
    assert "Martina Wolna" in page and "martina@trinec.example" in page
