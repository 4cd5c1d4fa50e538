import datetime

import pytest
from django.urls import reverse

from bibliohub.core.models import AuditEntry
from bibliohub.directory.models import Branch, HoursException, Library, Network, OpeningHours
from bibliohub.directory.services import branch_save, library_create, library_today

from .conftest import person

pytestmark = pytest.mark.django_db


def library_post(library, **changes):
    data = {
        "name": library.name,
        "library_type": library.library_type,
        "region": library.region_id or "",
        "founder": library.founder,
        "population_served": library.population_served or "",
        "street": library.street,
        "postcode": library.postcode,
        "town": library.town,
        "country": library.country,
        "latitude": library.latitude or "",
        "longitude": library.longitude or "",
        "timezone": library.timezone,
        "language": library.language,
        "email": library.email,
        "phone": library.phone,
        "website": library.website,
        "description": library.description,
    }
    data.update(changes)
    return data


def formset(prefix, rows, extra=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows) + extra),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    for i in range(len(rows), len(rows) + extra):
        data[f"{prefix}-{i}-service"] = "general" if prefix == "hours" else ""
        if prefix == "exceptions":
            data[f"{prefix}-{i}-closed"] = "on"
    return data


def hours_post(hours, exceptions=(), extra=1):
    return {
        **formset("hours", list(hours), extra),
        **formset("exceptions", list(exceptions), extra),
    }


def period(weekday, opens, closes, service="general", branch=""):
    return {
        "weekday": str(weekday),
        "opens": opens,
        "closes": closes,
        "service": service,
        "branch": str(branch),
    }


def test_a_visitor_is_sent_to_sign_in(client, trinec, section):
    for url in [
        reverse("directory:library_edit", kwargs={"slug": trinec.slug}),
        reverse("directory:library_hours", kwargs={"slug": trinec.slug}),
        reverse("directory:branch_add", kwargs={"slug": trinec.slug}),
        reverse("directory:network_edit", kwargs={"slug": section.slug}),
        reverse("directory:section_add", kwargs={"slug": section.slug}),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))


def test_a_non_member_cannot_edit_a_library_and_nothing_changes(client, trinec, stranger):
    client.force_login(stranger)
    url = reverse("directory:library_edit", kwargs={"slug": trinec.slug})
    assert client.get(url).status_code == 403
    response = client.post(url, library_post(trinec, name="Hacked"))
    assert response.status_code == 403
    hours_url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    assert client.post(hours_url, hours_post([])).status_code == 403
    trinec.refresh_from_db()
    assert trinec.name == "Knihovna Třinec"
    assert OpeningHours.objects.filter(library=trinec).count() == 5
    assert not AuditEntry.objects.filter(actor=stranger).exists()
    page = client.get(trinec.get_absolute_url()).content.decode()
    assert url not in page and hours_url not in page


def test_a_coordinator_cannot_edit_a_library_outside_their_network(client, coordinator, vranje):
    client.force_login(coordinator)
    url = reverse("directory:library_edit", kwargs={"slug": vranje.slug})
    assert client.post(url, library_post(vranje, name="X")).status_code == 403
    vranje.refresh_from_db()
    assert vranje.name.startswith("Народна")


def test_the_director_edits_their_library_and_it_is_audited(client, trinec, director, section):
    client.force_login(director)
    page = client.get(trinec.get_absolute_url()).content.decode()
    assert reverse("directory:library_edit", kwargs={"slug": trinec.slug}) in page
    url = reverse("directory:library_edit", kwargs={"slug": trinec.slug})
    response = client.post(
        url, library_post(trinec, name="Knihovna Třinec, p. o.", population_served="36000")
    )
    assert response.status_code == 302
    trinec.refresh_from_db()
    assert trinec.name == "Knihovna Třinec, p. o."
    assert trinec.population_served == 36000
    assert "knihovna trinec, p. o." in trinec.search_text
    entry = AuditEntry.objects.get(action="library.update")
    assert entry.actor == director
    assert entry.network == section
    assert entry.object_id == str(trinec.pk)
    assert entry.data["changes"]["name"] == ["Knihovna Třinec", "Knihovna Třinec, p. o."]


def test_a_bad_library_form_keeps_what_was_typed(client, trinec, coordinator):
    client.force_login(coordinator)
    url = reverse("directory:library_edit", kwargs={"slug": trinec.slug})
    response = client.post(
        url, library_post(trinec, name="", founder="Statutární město Třinec", latitude="123")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_name_errors"' in page
    assert 'aria-describedby="id_latitude_errors' in page
    assert 'value="Statutární město Třinec"' in page
    trinec.refresh_from_db()
    assert trinec.founder == "Město Třinec"
    assert not AuditEntry.objects.filter(action="library.update").exists()


def test_a_coordinator_sets_hours_per_service_with_breaks_and_overnight(
    client, trinec, coordinator
):
    client.force_login(coordinator)
    url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    page = client.get(url).content.decode()
    assert 'name="hours-0-opens" value="09:00"' in page  # the existing hours are the starting point
    day = library_today(trinec) + datetime.timedelta(days=5)
    response = client.post(
        url,
        hours_post(
            [
                period(0, "08:00", "12:00"),
                period(0, "13:00", "18:00"),
                period(4, "20:00", "02:00"),
                period(0, "08:00", "11:00", service="ordering"),
            ],
            [
                {
                    "start_date": day.isoformat(),
                    "end_date": "",
                    "closed": "on",
                    "reason": "Inventura",
                    "service": "",
                    "branch": "",
                },
                {
                    "start_date": day.isoformat(),
                    "end_date": day.isoformat(),
                    "closed": "",
                    "opens": "09:00",
                    "closes": "12:00",
                    "service": "ordering",
                    "branch": "",
                },
            ],
        ),
    )
    assert response.status_code == 302
    rows = sorted(
        (h.service, h.weekday, h.opens.isoformat("minutes"), h.closes.isoformat("minutes"))
        for h in OpeningHours.objects.filter(library=trinec)
    )
    assert rows == [
        ("general", 0, "08:00", "12:00"),
        ("general", 0, "13:00", "18:00"),
        ("general", 4, "20:00", "02:00"),
        ("ordering", 0, "08:00", "11:00"),
    ]
    closure = HoursException.objects.get(library=trinec, closed=True)
    assert (closure.start_date, closure.end_date, closure.reason) == (day, day, "Inventura")
    assert HoursException.objects.get(library=trinec, closed=False).service == "ordering"
    assert AuditEntry.objects.filter(action="library.hours", actor=coordinator).count() == 1
    public = client.get(trinec.get_absolute_url()).content.decode()
    assert "<caption>Ordering of publications</caption>" in public
    assert "Inventura" in public


def test_hours_errors_are_shown_by_the_field_and_nothing_is_lost_or_saved(
    client, trinec, coordinator
):
    client.force_login(coordinator)
    url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    response = client.post(
        url,
        hours_post(
            [period(1, "10:00", "10:00"), period(2, "07:30", "")],
            [
                {
                    "start_date": "2030-05-02",
                    "end_date": "2030-05-01",
                    "closed": "",
                    "opens": "",
                    "closes": "",
                    "reason": "Sjezd knihovníků",
                    "service": "",
                    "branch": "",
                }
            ],
        ),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Opening and closing time cannot be the same." in page
    assert 'id="id_hours-0-closes_errors"' in page
    assert 'aria-describedby="id_hours-0-closes_errors' in page
    assert 'id="id_hours-1-closes_errors"' in page
    assert "The last day cannot be before the first." in page
    assert "Give the changed opening and closing time, or mark closed." in page
    assert 'value="07:30"' in page
    assert 'value="Sjezd knihovníků"' in page
    assert 'value="2030-05-02"' in page
    assert OpeningHours.objects.filter(library=trinec).count() == 5  # as it was
    assert not HoursException.objects.filter(library=trinec).exists()
    assert not AuditEntry.objects.filter(action="library.hours", actor=coordinator).exists()


def test_removing_a_period_and_leaving_extra_lines_empty(client, trinec, coordinator):
    client.force_login(coordinator)
    url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    data = hours_post([period(0, "09:00", "18:00"), period(1, "09:00", "18:00")], extra=3)
    data["hours-1-DELETE"] = "on"
    assert client.post(url, data).status_code == 302
    assert list(OpeningHours.objects.filter(library=trinec).values_list("weekday", flat=True)) == [
        0
    ]


def test_past_exceptions_are_kept_when_hours_are_saved(client, trinec, coordinator):
    old = HoursException.objects.create(
        library=trinec,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2020, 1, 1),
        reason="Nový rok",
    )
    client.force_login(coordinator)
    url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    assert "Nový rok" not in client.get(url).content.decode()
    assert client.post(url, hours_post([period(0, "09:00", "18:00")])).status_code == 302
    assert HoursException.objects.filter(pk=old.pk).exists()


def test_branches_are_added_edited_and_removed_with_their_own_hours(client, trinec, coordinator):
    client.force_login(coordinator)
    add = reverse("directory:branch_add", kwargs={"slug": trinec.slug})
    response = client.post(
        add,
        {
            "name": "Pobočka Lyžbice",
            "street": "Lyžbická 10",
            "town": "Třinec",
            "postcode": "",
            "latitude": "",
            "longitude": "",
            "email": "",
            "phone": "",
        },
    )
    assert response.status_code == 302
    branch = Branch.objects.get(library=trinec)
    hours_url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    response = client.post(
        hours_url,
        hours_post([period(0, "09:00", "18:00"), period(2, "12:00", "17:00", branch=branch.pk)]),
    )
    assert response.status_code == 302
    assert OpeningHours.objects.get(branch=branch).weekday == 2
    public = client.get(trinec.get_absolute_url()).content.decode()
    assert "Pobočka Lyžbice" in public and "Lyžbická 10" in public

    edit = reverse("directory:branch_edit", kwargs={"slug": trinec.slug, "pk": branch.pk})
    client.post(edit, {"name": "Pobočka Lyžbice", "street": "Lyžbická 12", "town": "Třinec"})
    branch.refresh_from_db()
    assert branch.street == "Lyžbická 12"

    delete = reverse("directory:branch_delete", kwargs={"slug": trinec.slug, "pk": branch.pk})
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not Branch.objects.filter(pk=branch.pk).exists()
    actions = list(AuditEntry.objects.filter(actor=coordinator).values_list("action", flat=True))
    assert {"branch.create", "branch.update", "branch.delete", "library.hours"} <= set(actions)


def test_a_branch_of_another_library_cannot_be_reached(client, trinec, vranje, coordinator):
    other = branch_save(library=vranje, actor=None, name="Огранак")
    client.force_login(coordinator)
    url = reverse("directory:branch_edit", kwargs={"slug": trinec.slug, "pk": other.pk})
    assert client.post(url, {"name": "X"}).status_code == 404
    hours_url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    response = client.post(hours_url, hours_post([period(0, "09:00", "18:00", branch=other.pk)]))
    assert response.status_code == 400
    assert not OpeningHours.objects.filter(branch=other).exists()


def test_a_coordinator_edits_the_network_and_adds_a_working_group(
    client, sdruk, section, coordinator
):
    client.force_login(coordinator)
    page = client.get(section.get_absolute_url()).content.decode()
    assert reverse("directory:network_edit", kwargs={"slug": section.slug}) in page
    url = reverse("directory:network_edit", kwargs={"slug": section.slug})
    response = client.post(
        url,
        {
            "name": section.name,
            "short_name": "MK",
            "summary": "Nové shrnutí",
            "description": "Popis sekce.",
            "language": "cs",
            "email": "mk@sdruk.example",
            "phone": "",
            "website": "",
            "accepts_applications": "on",
        },
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.summary, section.email) == ("Nové shrnutí", "mk@sdruk.example")
    assert AuditEntry.objects.get(action="network.update").network == section

    add = reverse("directory:section_add", kwargs={"slug": section.slug})
    response = client.post(
        add,
        {
            "name": "Pracovní skupina pro mentoring",
            "short_name": "",
            "kind": "working_group",
            "summary": "",
            "description": "",
            "language": "cs",
            "email": "",
            "phone": "",
            "website": "",
        },
    )
    group = Network.objects.get(name="Pracovní skupina pro mentoring")
    assert response.status_code == 302 and response["Location"] == group.get_absolute_url()
    assert group.parent == section and group.kind == Network.Kind.WORKING_GROUP
    assert AuditEntry.objects.filter(action="network.create_section", network=section).exists()
    # Coordinating the section means coordinating its groups too.
    assert (
        client.get(reverse("directory:network_edit", kwargs={"slug": group.slug})).status_code
        == 200
    )


def test_a_section_coordinator_cannot_edit_the_association(client, sdruk, coordinator):
    client.force_login(coordinator)
    url = reverse("directory:network_edit", kwargs={"slug": sdruk.slug})
    response = client.post(url, {"name": "Changed", "language": "cs"})
    assert response.status_code == 403
    sdruk.refresh_from_db()
    assert sdruk.name == "Svaz knihoven České republiky"
    page = client.get(sdruk.get_absolute_url()).content.decode()
    assert url not in page


def test_a_superuser_may_edit_any_library(client, django_user_model, vranje):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    url = reverse("directory:library_edit", kwargs={"slug": vranje.slug})
    assert client.post(url, library_post(vranje, founder="Град Врање")).status_code == 302
    vranje.refresh_from_db()
    assert vranje.founder == "Град Врање"


def test_a_new_library_gets_a_latin_slug(db):
    library = library_create(
        actor=None,
        name="Градска библиотека Ниш",
        town="Ниш",
        library_type="public",
        country="RS",
        language="sr",
    )
    assert library.slug == "gradska-biblioteka-nis"
    assert Library.objects.get(slug="gradska-biblioteka-nis").search_text.startswith(
        "gradska biblioteka nis"
    )


def test_a_member_who_is_not_a_director_cannot_edit(client, django_user_model, trinec):
    from bibliohub.directory.models import LibraryRole

    staff = person(django_user_model, "staff@trinec.example")
    LibraryRole.objects.create(user=staff, library=trinec, role=LibraryRole.Role.STAFF)
    client.force_login(staff)
    url = reverse("directory:library_hours", kwargs={"slug": trinec.slug})
    assert client.get(url).status_code == 403


def test_the_admin_lists_and_opens_every_directory_model(
    client, django_user_model, trinec, kyiv_central, coordinator, director
):
    admin = django_user_model.objects.create_superuser(email="root@example.org", password="x")
    client.force_login(admin)
    for model in [
        "library",
        "network",
        "branch",
        "openinghours",
        "hoursexception",
        "libraryrole",
        "networkrole",
        "region",
    ]:
        assert client.get(f"/admin/directory/{model}/").status_code == 200, model
    page = client.get(f"/admin/directory/library/{kyiv_central.pk}/change/").content.decode()
    assert "Бібліотека для дітей № 11" in page  # branches inline
    found = client.get("/admin/directory/library/", {"q": "trinec"}).content.decode()
    assert "Knihovna Třinec" in found
