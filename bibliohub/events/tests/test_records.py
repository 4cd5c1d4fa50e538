"""After an event: the participant list, attendance (ticked or uploaded back), exports,
PDF certificates in the attendee's language and learning records."""

import csv
import datetime
import io
import zoneinfo
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from pypdf import PdfReader

from bibliohub.directory.models import LibraryRole
from bibliohub.events import exports
from bibliohub.events.models import Event, EventTranslation, Registration
from bibliohub.events.services import SessionData, attendance_set

from .conftest import in_days, person

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def _past_sessions(days_ago=30):
    return [SessionData(starts_at=in_days(-days_ago, 9), ends_at=in_days(-days_ago, 15))]


def _register(event, user=None, *, name="", email="", library=None, **fields):
    return Registration.objects.create(
        event=event,
        user=user,
        name=name or user.full_name,
        email=email or user.email,
        status=fields.pop("status", Registration.Status.CONFIRMED),
        library=library,
        **fields,
    )


@pytest.fixture
def past_event(make_event):
    event = make_event(
        sessions=_past_sessions(),
        questions=[{"text": "Strava"}, {"text": "Bezbariérový přístup"}],
        training_hours=Decimal("4.5"),
    )
    return event


@pytest.fixture
def people(past_event, member, library, django_user_model):
    """Four confirmed participants (the member director first), one waiting, one cancelled."""
    strava, pristup = past_event.questions.all()
    regs = [
        _register(
            past_event,
            member,
            library=library,
            answers={str(strava.pk): "vegetariánská", str(pristup.pk): "ne"},
        )
    ]
    for i, name in enumerate(["Petr Dvořák", "Eva Černá", "Lukáš Říha"], start=1):
        user = person(django_user_model, f"u{i}@knihovna.example", language="cs", full_name=name)
        regs.append(_register(past_event, user, library=library))
    regs.append(
        _register(past_event, name="Čekající Osoba", email="ceka@example.org", status="waiting")
    )
    regs.append(
        _register(past_event, name="Zrušená Osoba", email="zrus@example.org", status="cancelled")
    )
    return regs


def cs(text, **values):
    """What a Czech reader sees for a message of the site (catalogues may translate it)."""
    with translation.override("cs"):
        text = gettext(str(text))
    return text % values if values else text


def _cs_header(*labels):
    with translation.override("cs"):
        return [str(label) for label in labels]


def _attended(*registrations):
    return [Registration.objects.get(pk=r.pk).attended for r in registrations]


# --- Participants and attendance ---------------------------------------------------------------


def test_coordinator_sees_participants_and_marks_attendance(
    client, coordinator, past_event, people
):
    client.force_login(coordinator)
    url = reverse("events:participants", kwargs={"slug": past_event.slug})
    page = client.get(url).content.decode()
    assert "Jana Nováková" in page and "Čekající Osoba" in page
    assert "vegetariánská" in page and "Bezbariérový přístup" in page
    assert page.count('name="attended"') == 4  # only confirmed people can be ticked

    response = client.post(
        url, {"action": "attendance", "attended": [people[0].pk, people[2].pk]}, follow=True
    )
    assert response.redirect_chain[-1][0] == url
    assert cs("Attendance saved: %(count)s present.", count=2) in response.content.decode()
    assert _attended(*people[:4]) == [True, False, True, False]


def test_coordinator_cancels_a_registration_on_someones_behalf(
    client, coordinator, past_event, people
):
    client.force_login(coordinator)
    url = reverse("events:participants", kwargs={"slug": past_event.slug})
    client.post(url, {"action": "cancel", "registration": people[1].pk})
    assert Registration.objects.get(pk=people[1].pk).status == "cancelled"


def test_participants_page_does_not_query_per_row(
    client, coordinator, past_event, people, django_user_model
):
    client.force_login(coordinator)
    url = reverse("events:participants", kwargs={"slug": past_event.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(6):
        _register(past_event, name=f"Další {i}", email=f"dalsi{i}@example.org")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("events:participants", {}),
        ("events:export", {"fmt": "csv"}),
        ("events:export", {"fmt": "xlsx"}),
        ("events:attendance_upload", {}),
    ],
)
def test_people_who_do_not_manage_the_event_are_refused(
    client, member, outsider, past_event, people, name, kwargs
):
    url = reverse(name, kwargs={"slug": past_event.slug, **kwargs})
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    for user in (member, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"action": "attendance"}).status_code == 403
    assert _attended(*people[:4]) == [None] * 4


def test_export_of_an_unknown_format_is_not_found(client, coordinator, past_event):
    client.force_login(coordinator)
    url = reverse("events:export", kwargs={"slug": past_event.slug, "fmt": "pdf"})
    assert client.get(url).status_code == 404


# --- Exports ---------------------------------------------------------------------------------


def test_csv_export_lists_participants_with_their_answers(client, coordinator, past_event, people):
    attendance_set(actor=coordinator, event=past_event, attended_ids=[people[0].pk])
    client.force_login(coordinator)
    response = client.get(reverse("events:export", kwargs={"slug": past_event.slug, "fmt": "csv"}))
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="{past_event.slug}-participants.csv"' in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())  # Excel needs the BOM for UTF-8
    # A Czech coordinator's Excel separates columns by semicolons.
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert [header[0], header[-1]] == _cs_header(exports.NUMBER, exports.ATTENDED)
    assert header[7:9] == ["Strava", "Bezbariérový přístup"]
    assert len(body) == 6
    jana = next(row for row in body if row[1] == "Jana Nováková")
    assert jana[0] == str(people[0].pk)
    assert jana[2] == "reditel@kjm.example"
    assert jana[3] == "Knihovna Jiřího Mahena v Brně"
    assert jana[7:9] == ["vegetariánská", "ne"]
    assert jana[-1] == cs(exports.YES)
    petr = next(row for row in body if row[1] == "Petr Dvořák")
    assert petr[-1] == cs(exports.NO)  # marked: everyone else confirmed did not come
    waiting = next(row for row in body if row[1] == "Čekající Osoba")
    assert waiting[5] == cs("On the waiting list (%(position)s.)", position=1)
    assert waiting[-1] == ""
    # Registered at, in the event's zone.
    registered = people[0].created_at.astimezone(PRAGUE).strftime("%Y-%m-%d %H:%M")
    assert jana[6] == registered


def test_xlsx_export_lists_participants_with_their_answers(client, coordinator, past_event, people):
    client.force_login(coordinator)
    response = client.get(reverse("events:export", kwargs={"slug": past_event.slug, "fmt": "xlsx"}))
    assert f'filename="{past_event.slug}-participants.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == _cs_header(exports.NUMBER, exports.NAME, exports.EMAIL)
    assert "Strava" in header and header[-1] == _cs_header(exports.ATTENDED)[0]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {p.name for p in people}
    jana = rows["Jana Nováková"]
    assert jana[0] == people[0].pk
    assert jana[header.index("Strava")] == "vegetariánská"
    assert jana[6] == people[0].created_at.astimezone(PRAGUE).replace(tzinfo=None, microsecond=0)


def test_text_that_looks_like_a_formula_stays_text(client, coordinator, past_event):
    _register(past_event, name='=HYPERLINK("http://evil.example")', email="x@example.org")
    client.force_login(coordinator)
    kwargs = {"slug": past_event.slug}
    book = client.get(reverse("events:export", kwargs={**kwargs, "fmt": "xlsx"})).content
    sheet = openpyxl.load_workbook(io.BytesIO(book)).active
    assert sheet["B2"].data_type == "s"
    text = client.get(reverse("events:export", kwargs={**kwargs, "fmt": "csv"})).content
    assert "'=HYPERLINK" in text.decode("utf-8-sig")


# --- Uploading attendance --------------------------------------------------------------------


def _upload(client, event, name, content):
    url = reverse("events:attendance_upload", kwargs={"slug": event.slug})
    return client.post(url, {"file": SimpleUploadedFile(name, content)}, follow=True)


def test_round_trip_of_the_xlsx_export_marks_attendance(client, coordinator, past_event, people):
    jana, petr, eva, lukas = people[:4]
    # Before the upload: Eva was marked present, the others absent.
    attendance_set(actor=coordinator, event=past_event, attended_ids=[eva.pk])
    client.force_login(coordinator)
    exported = client.get(
        reverse("events:export", kwargs={"slug": past_event.slug, "fmt": "xlsx"})
    ).content
    book = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    attended_col = header.index(_cs_header(exports.ATTENDED)[0]) + 1
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == jana.name:
            row[attended_col - 1].value = "ano"
        elif row[1].value == petr.name:
            row[attended_col - 1].value = "X"
        else:
            row[attended_col - 1].value = None  # keep what was marked before
    out = io.BytesIO()
    book.save(out)

    response = _upload(client, past_event, "ucast.xlsx", out.getvalue())

    assert response.redirect_chain[-1][0].endswith(f"/{past_event.slug}/participants/")
    saved = cs(
        "Attendance saved from the file: %(present)s present, %(absent)s absent.",
        present=2,
        absent=0,
    )
    assert saved in response.content.decode()
    assert _attended(jana, petr, eva, lukas) == [True, True, True, False]


def test_csv_upload_matches_by_email_and_reads_words_in_many_languages(
    client, coordinator, past_event, people
):
    jana, petr, eva, lukas = people[:4]
    attendance_set(actor=coordinator, event=past_event, attended_ids=[jana.pk, petr.pk])
    table = (
        "E-mail,Attended\r\n"
        f"{jana.email.upper()},ні\r\n"  # Ukrainian "no"
        f"{eva.email},Да\r\n"  # Serbian Cyrillic "yes"
        f"{lukas.email},так\r\n"  # Ukrainian "yes"
    )
    client.force_login(coordinator)
    response = _upload(client, past_event, "list.csv", table.encode("cp1251", "replace"))
    # cp1251 is not what we accept: it is read as cp1250 and the Cyrillic words are unknown.
    assert response.status_code == 400
    response = _upload(client, past_event, "list.csv", table.encode("utf-8"))
    assert response.status_code == 200
    assert _attended(jana, petr, eva, lukas) == [False, True, True, True]


def test_csv_in_windows_1250_with_semicolons_is_read(client, coordinator, past_event, people):
    jana = people[0]
    table = f"Registration number;Name;Attended\r\n{jana.pk};{jana.name};ano\r\n"
    client.force_login(coordinator)
    response = _upload(client, past_event, "seznam.csv", table.encode("cp1250"))
    assert response.status_code == 200
    assert _attended(jana) == [True]


def test_upload_with_an_unknown_registration_number_changes_nothing(
    client, coordinator, past_event, people
):
    jana, petr = people[:2]
    table = (
        "\ufeffRegistration number,Name,Attended\r\n"
        f"{jana.pk},{jana.name},yes\r\n"
        f"999999,Nikdo,yes\r\n"
        f"{petr.pk},{petr.name},možná\r\n"
    )
    client.force_login(coordinator)
    response = _upload(client, past_event, "list.csv", table.encode("utf-8"))
    page = response.content.decode()
    assert response.status_code == 400
    assert cs("The file was not used; nothing has been saved.") in page
    unknown = "Row %(row)s: this event has no registration number %(number)s."
    assert cs(unknown, row=3, number="999999") in page
    assert cs("Row %(row)s: “%(value)s” is neither yes nor no.", row=4, value="možná") in page
    assert _attended(*people[:4]) == [None] * 4


@pytest.mark.parametrize(
    "name,content",
    [
        ("ucast.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(200)),
        ("ucast.xlsx", b"Registration number,Attended\r\n1,yes\r\n"),
        ("ucast.xlsx", b"PK\x03\x04 not really a zip archive"),
        ("ucast.pdf", b"%PDF-1.7 whatever"),
        ("ucast.csv", "Jméno,Poznámka\r\nJana,ano\r\n".encode()),
    ],
)
def test_a_file_that_is_not_the_participant_list_is_refused(
    client, coordinator, past_event, people, name, content
):
    client.force_login(coordinator)
    response = _upload(client, past_event, name, content)
    assert response.status_code == 400
    assert cs("The file was not used; nothing has been saved.") in response.content.decode()
    assert _attended(*people[:4]) == [None] * 4


def test_a_file_over_2_mb_is_refused(client, coordinator, past_event, people):
    client.force_login(coordinator)
    big = b"Registration number,Attended\r\n" + b"1,\r\n" * 600_000
    response = _upload(client, past_event, "ucast.csv", big)
    assert response.status_code == 400
    assert cs("The file is larger than 2 MB.") in response.content.decode()


def test_a_waiting_person_cannot_be_marked_present(client, coordinator, past_event, people):
    waiting = people[4]
    client.force_login(coordinator)
    table = f"Registration number,Attended\r\n{waiting.pk},yes\r\n"
    response = _upload(client, past_event, "list.csv", table.encode())
    assert response.status_code == 400
    problem = cs("Row %(row)s: %(name)s is not a confirmed participant.", row=2, name=waiting.name)
    assert problem in response.content.decode()


# --- Certificates ----------------------------------------------------------------------------


def _pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    return reader, " ".join(page.extract_text().split())


def _session_day(event, language):
    day = event.starts_at.astimezone(zoneinfo.ZoneInfo(event.timezone)).date()
    with translation.override(language):
        return date_format(day, "DATE_FORMAT")


def test_attendee_downloads_a_certificate_in_czech(client, member, past_event, people):
    attendance_set(actor=None, event=past_event, attended_ids=[people[0].pk])
    client.force_login(member)
    response = client.get(reverse("events:certificate", kwargs={"slug": past_event.slug}))
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{past_event.slug}.pdf"'
    )
    reader, text = _pdf_text(response)
    assert "Jana Nováková" in text
    assert "Setkání sekce městských knihoven" in text
    assert "4,5" in text  # Czech decimal comma
    assert "Sekce městských knihoven, Svaz knihoven ČR" in text
    assert _session_day(past_event, "cs") in text
    assert f"{past_event.pk}-{people[0].pk}" in text
    assert reader.metadata.author == "Sekce městských knihoven"
    assert "Setkání" in reader.metadata.title


def test_ukrainian_attendee_gets_the_certificate_in_ukrainian(
    client, make_event, library, django_user_model
):
    event = make_event(sessions=_past_sessions(), training_hours=Decimal("6"))
    EventTranslation.objects.create(
        event=event, language="uk", title="Академія ШІ для керівників бібліотек"
    )
    olena = person(
        django_user_model, "olena@biblio.example", language="uk", full_name="Олена Ковальчук"
    )
    LibraryRole.objects.create(user=olena, library=library, role=LibraryRole.Role.STAFF)
    registration = _register(event, olena, library=library, attended=True)

    client.force_login(olena)
    reader, text = _pdf_text(client.get(reverse("events:certificate", kwargs={"slug": event.slug})))
    assert "Олена Ковальчук" in text
    assert "Академія ШІ для керівників бібліотек" in text
    assert _session_day(event, "uk") in text  # Ukrainian month names
    assert f"{event.pk}-{registration.pk}" in text
    assert reader.pdf_header.startswith("%PDF")
    assert reader.trailer["/Root"]["/Lang"] == "uk"


def test_serbian_attendee_gets_the_certificate_in_serbian_cyrillic(
    client, make_event, library, django_user_model
):
    event = make_event(sessions=_past_sessions(), training_hours=Decimal("2.5"))
    EventTranslation.objects.create(event=event, language="sr", title="Библионет 2020: партнерства")
    jovan = person(
        django_user_model, "jovan@biblio.example", language="sr", full_name="Јован Јовановић"
    )
    LibraryRole.objects.create(user=jovan, library=library, role=LibraryRole.Role.STAFF)
    _register(event, jovan, library=library, attended=True)

    client.force_login(jovan)
    _reader, text = _pdf_text(
        client.get(reverse("events:certificate", kwargs={"slug": event.slug}))
    )
    assert "Јован Јовановић" in text
    assert "Библионет 2020: партнерства" in text
    assert _session_day(event, "sr") in text
    assert "2,5" in text


def test_coordinator_downloads_a_participants_certificate(
    client, coordinator, member, past_event, people
):
    attendance_set(actor=coordinator, event=past_event, attended_ids=[people[1].pk])
    url = reverse("events:certificate", kwargs={"slug": past_event.slug})
    client.force_login(coordinator)
    _reader, text = _pdf_text(client.get(f"{url}?registration={people[1].pk}"))
    assert "Petr Dvořák" in text
    # Not attended: no certificate, even for the coordinator.
    assert client.get(f"{url}?registration={people[2].pk}").status_code == 404
    # A participant cannot fetch someone else's.
    client.force_login(member)
    assert client.get(f"{url}?registration={people[1].pk}").status_code == 404


def test_no_certificate_without_attendance(client, member, outsider, past_event, people):
    url = reverse("events:certificate", kwargs={"slug": past_event.slug})
    client.force_login(member)
    assert client.get(url).status_code == 404  # attendance not marked yet
    attendance_set(actor=None, event=past_event, attended_ids=[people[1].pk])
    assert client.get(url).status_code == 404  # marked absent
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_no_certificate_for_an_event_the_person_can_no_longer_see(
    client, member, past_event, people
):
    attendance_set(actor=None, event=past_event, attended_ids=[people[0].pk])
    Event.objects.filter(pk=past_event.pk).update(visibility="group", audience=None)
    client.force_login(member)
    url = reverse("events:certificate", kwargs={"slug": past_event.slug})
    assert client.get(url).status_code == 404


# --- Learning records ------------------------------------------------------------------------


@pytest.fixture
def last_year():
    return timezone.localdate().year - 1


@pytest.fixture
def training_year(make_event, member, library, last_year, django_user_model):
    """Last year: the member attended a 6-hour and a 4.5-hour event and missed a third; a
    colleague attended one, and a visitor without a library attended the first."""

    def at(month, day, hour):
        return datetime.datetime(last_year, month, day, hour, tzinfo=PRAGUE)

    def event(title, month, hours):
        return make_event(
            title=title,
            training_hours=Decimal(hours),
            sessions=[SessionData(starts_at=at(month, 10, 9), ends_at=at(month, 10, 15))],
        )

    first = event("Katalogizace v RDA", 3, "6")
    second = event("Komunitní knihovna", 5, "4.5")
    missed = event("Čtenářské kluby", 9, "3")
    colleague = person(django_user_model, "kolega@kjm.example", language="cs", full_name="Kolega")
    _register(first, member, library=library, attended=True)
    _register(second, member, library=library, attended=True)
    _register(missed, member, library=library, attended=False)
    _register(second, colleague, library=library, attended=True)
    _register(first, name="Host Bez Knihovny", email="host@example.org", attended=True)
    return first, second, missed


def test_learning_record_sums_hours_per_year(client, member, training_year, last_year):
    client.force_login(member)
    page = client.get(reverse("events:learning")).content.decode()
    assert str(last_year) in page
    assert "10,5" in page  # 6 + 4.5, with the Czech decimal comma
    assert "Katalogizace v RDA" in page and "Komunitní knihovna" in page
    assert "Čtenářské kluby" not in page
    certificate = reverse("events:certificate", kwargs={"slug": training_year[0].slug})
    assert certificate in page


def test_learning_record_needs_sign_in(client):
    response = client.get(reverse("events:learning"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_coordinator_sees_training_hours_per_library(
    client, coordinator, member, outsider, section, association, training_year, last_year
):
    url = reverse("events:learning_network", kwargs={"network": section.slug})
    client.force_login(coordinator)
    response = client.get(url, {"year": last_year})
    assert response.status_code == 200
    rows = {row["library__name"]: row for row in response.context["rows"]}
    brno = rows["Knihovna Jiřího Mahena v Brně"]
    assert (brno["people"], brno["events"], brno["hours_shown"]) == (2, 2, "15")
    assert rows[None]["hours_shown"] == "6"
    page = response.content.decode()
    assert "Knihovna Jiřího Mahena v Brně" in page and cs("Without a library") in page
    assert response.context["total"]["hours_shown"] == "21"

    exported = client.get(url, {"year": last_year, "format": "csv"}).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(exported), delimiter=";"))
    assert ["Knihovna Jiřího Mahena v Brně", "Brno", "2", "2", "15"] in table

    # A year without events shows nothing, and says so.
    empty = client.get(url, {"year": last_year - 5})
    assert empty.context["rows"] == []

    # The section's coordinator does not coordinate the whole association.
    parent = reverse("events:learning_network", kwargs={"network": association.slug})
    assert client.get(parent).status_code == 403
    for user in (member, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 403
