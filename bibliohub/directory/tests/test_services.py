import datetime

import pytest

from bibliohub.core.models import AuditEntry
from bibliohub.directory.models import HoursException, Library, Network, OpeningHours
from bibliohub.directory.services import (
    branch_save,
    library_create,
    library_refresh_search_text,
    library_set_hours,
    library_update,
    network_update,
    normalise_for_search,
    section_create,
)

from .conftest import person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Knihovna Třinec", "knihovna trinec"),
        ("  VALAŠSKÉ   Meziříčí ", "valasske mezirici"),
        ("Народна библиотека Врање", "narodna biblioteka vranje"),
        ("Narodna biblioteka Vranje", "narodna biblioteka vranje"),
        ("Љубљана", "ljubljana"),
        ("Ćuprija, Đakovica, Šabac, Žabalj, Čačak", "cuprija, dakovica, sabac, zabalj, cacak"),
        ("Mestna knjižnica Ljubljana", "mestna knjiznica ljubljana"),
        ("", ""),
    ],
)
def test_normalise_for_search(text, expected):
    assert normalise_for_search(text) == expected


def test_cyrillic_and_latin_spellings_meet():
    assert normalise_for_search("Ђорђевић") == normalise_for_search("Đorđević")
    assert normalise_for_search("Київ") == normalise_for_search("КИЇВ")


@pytest.mark.django_db
def test_search_text_is_kept_up_to_date(section):
    library = library_create(
        actor=None,
        name="Městská knihovna",
        town="Nymburk",
        library_type="public",
        country="CZ",
        language="cs",
    )
    assert "mestska knihovna" in library.search_text and "nymburk" in library.search_text
    library_update(library=library, actor=None, town="Poděbrady")
    assert "podebrady" in Library.objects.get(pk=library.pk).search_text
    Library.objects.filter(pk=library.pk).update(search_text="")
    library.refresh_from_db()
    library_refresh_search_text(library)
    assert "podebrady" in Library.objects.get(pk=library.pk).search_text


@pytest.mark.django_db
def test_a_ukrainian_library_is_also_searchable_in_national_transliteration(kyiv_central):
    assert "kyiv" in kyiv_central.search_text
    assert normalise_for_search("Київ") in kyiv_central.search_text


@pytest.mark.django_db
def test_library_update_records_only_real_changes(trinec, django_user_model):
    actor = person(django_user_model, "a@example.org")
    library_update(library=trinec, actor=actor, town=trinec.town)
    assert not AuditEntry.objects.filter(actor=actor).exists()
    library_update(library=trinec, actor=actor, phone="+420 1")
    assert AuditEntry.objects.get(actor=actor).data["changes"] == {
        "phone": ["+420 558 000 000", "+420 1"]
    }


@pytest.mark.django_db
def test_library_update_rejects_bad_values_and_unknown_fields(trinec):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        library_update(library=trinec, actor=None, timezone="Mars/Olympus")
    with pytest.raises(TypeError):
        library_update(library=trinec, actor=None, search_text="x")


@pytest.mark.django_db
def test_set_hours_replaces_hours_and_coming_exceptions_only(trinec):
    today = datetime.date(2026, 6, 15)
    library_set_hours(
        library=trinec,
        actor=None,
        today=today,
        rows=[{"weekday": 0, "opens": "22:00", "closes": "02:00"}],
        exceptions=[
            {"start_date": "2026-06-01", "closed": True, "reason": "past"},
            {"start_date": "2026-06-20", "closed": True, "reason": "coming"},
        ],
    )
    library_set_hours(
        library=trinec,
        actor=None,
        today=today,
        rows=[{"weekday": 1, "opens": datetime.time(9), "closes": datetime.time(12)}],
        exceptions=[],
    )
    assert list(OpeningHours.objects.filter(library=trinec).values_list("weekday", flat=True)) == [
        1
    ]
    assert list(HoursException.objects.filter(library=trinec).values_list("reason", flat=True)) == [
        "past"
    ]


@pytest.mark.django_db
def test_set_hours_is_all_or_nothing(trinec, vranje):
    other = branch_save(library=vranje, actor=None, name="Огранак")
    with pytest.raises(ValueError):
        library_set_hours(
            library=trinec,
            actor=None,
            rows=[{"weekday": 0, "opens": "09:00", "closes": "12:00", "branch": other.pk}],
            exceptions=[],
        )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        library_set_hours(
            library=trinec,
            actor=None,
            rows=[{"weekday": 0, "opens": "09:00", "closes": "12:00"}],
            exceptions=[{"start_date": "2030-01-02", "end_date": "2030-01-01", "closed": True}],
        )
    assert OpeningHours.objects.filter(library=trinec).count() == 5


@pytest.mark.django_db
def test_sections_and_network_updates_are_audited(sdruk, django_user_model):
    actor = person(django_user_model, "board@sdruk.example")
    group = section_create(
        parent=sdruk, actor=actor, name="Mentoring", kind=Network.Kind.WORKING_GROUP
    )
    assert group.slug == "sdruk-mentoring"
    assert (group.language, group.country) == ("cs", "CZ")
    network_update(network=group, actor=actor, summary="Noví ředitelé")
    assert list(
        AuditEntry.objects.filter(actor=actor).order_by("id").values_list("action", flat=True)
    ) == ["network.create_section", "network.update"]


def test_a_network_cannot_take_the_address_of_the_sites_own_join_pages(db):
    from django.core.exceptions import ValidationError

    from bibliohub.directory.models import Network
    from bibliohub.directory.services import network_create

    with pytest.raises(ValidationError):
        network_create(
            actor=None, name="Review", slug="review", kind=Network.Kind.SECTION, language="en"
        )
    # Made from the name, the address steps aside on its own.
    network = network_create(actor=None, name="Review", kind=Network.Kind.SECTION, language="en")
    assert network.slug == "review-2"
