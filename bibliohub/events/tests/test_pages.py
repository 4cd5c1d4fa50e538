"""The event pages: list, month view, event page, registration, "my events", and the editor."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from bibliohub.events.models import Event, Registration
from bibliohub.events.services import SessionData, register

from .conftest import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_event(make_event):
    return make_event(
        title="Setkání sekce jen pro členy",
        visibility="members",
        online_url="https://zoom.example/s",
    )


@pytest.fixture
def public_event(make_event):
    return make_event(
        title="AI akademie pro vedení knihoven",
        kind=Event.Kind.COURSE,
        mode=Event.Mode.HYBRID,
        registration=Event.Registration.ANYONE,
        online_url="https://meet.example/ai",
        sessions=[
            SessionData(starts_at=in_days(20, 10), ends_at=in_days(20, 16)),
            SessionData(
                starts_at=in_days(34, 10), ends_at=in_days(34, 12), online=True, title="Online 1"
            ),
        ],
    )


def _titles(response) -> str:
    return response.content.decode()


def test_members_event_is_invisible_to_visitors_and_outsiders(
    client, outsider, member, public_event, members_event
):
    for who in (None, outsider):
        if who:
            client.force_login(who)
        listing = client.get("/events/")
        assert "AI akademie" in _titles(listing)
        assert "jen pro členy" not in _titles(listing)
        month = members_event.starts_at
        calendar = client.get(f"/events/calendar/{month.year}/{month.month}/")
        assert "jen pro členy" not in _titles(calendar)
        assert client.get(members_event.get_absolute_url()).status_code == 404
        assert client.get(f"/events/{members_event.slug}/register/").status_code == 404
    client.force_login(member)
    assert "jen pro členy" in _titles(client.get("/events/"))
    assert client.get(members_event.get_absolute_url()).status_code == 200


def test_list_filters(client, association, public_event, make_event):
    make_event(title="Webinář o grantech", kind=Event.Kind.WEBINAR, mode=Event.Mode.ONLINE)
    page = _titles(client.get("/events/", {"network": association.slug, "kind": "webinar"}))
    assert "Webinář o grantech" in page and "AI akademie" not in page
    page = _titles(client.get("/events/", {"mode": "online"}))
    assert "Webinář o grantech" in page and "AI akademie" in page  # hybrid counts as online
    page = _titles(client.get("/events/", {"mode": "in_person"}))
    assert "Webinář o grantech" not in page
    later = (in_days(30)).date().isoformat()
    page = _titles(client.get("/events/", {"date_from": later}))
    assert "AI akademie" in page and "Webinář o grantech" not in page
    # A filter value that is not valid is ignored, not an error page.
    assert client.get("/events/", {"network": "no-such-network"}).status_code == 200


def test_past_events_are_in_the_archive(client, make_event):
    make_event(
        title="Knihovny současnosti 2025",
        sessions=[SessionData(starts_at=in_days(-60, 9), ends_at=in_days(-60, 17))],
    )
    assert "Knihovny současnosti" not in _titles(client.get("/events/"))
    assert "Knihovny současnosti" in _titles(client.get("/events/", {"when": "past"}))


def test_month_view_shows_times_in_the_readers_zone(client, make_event):
    event = make_event(
        title="Online setkání sekce",
        mode=Event.Mode.ONLINE,
        venue="",
        sessions=[SessionData(starts_at=in_days(10, 10), ends_at=in_days(10, 11), online=True)],
    )
    start = event.starts_at
    url = f"/events/calendar/{start.year}/{start.month}/"
    assert "10:00" in _titles(client.get(url, HTTP_COOKIE="bh_tz=Europe/Prague"))
    client.cookies["bh_tz"] = "Europe/Kyiv"
    kyiv = _titles(client.get(url))
    assert "11:00" in kyiv and "Online setkání sekce" in kyiv
    # The event page names the local time where the event is held too.
    page = _titles(client.get(event.get_absolute_url()))
    assert "11:00" in page and "10:00" in page and "Prague" in page


def test_event_page_has_schema_org_event(client, public_event):
    page = _titles(client.get(public_event.get_absolute_url()))
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == "AI akademie pro vedení knihoven"
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert data["startDate"].startswith(public_event.starts_at.date().isoformat()[:7])
    assert len(data["subEvent"]) == 2
    assert data["organizer"]["name"] == "Sekce městských knihoven"


def test_online_link_only_for_confirmed_participants(client, member, public_event):
    assert "meet.example/ai" not in _titles(client.get(public_event.get_absolute_url()))
    client.force_login(member)
    assert "meet.example/ai" not in _titles(client.get(public_event.get_absolute_url()))
    register(event=public_event, user=member)
    assert "meet.example/ai" in _titles(client.get(public_event.get_absolute_url()))


def test_member_registers_through_the_form(client, member, public_event, committed):
    client.force_login(member)
    with committed():
        response = client.post(f"/events/{public_event.slug}/register/", {})
    assert response.status_code == 302
    registration = Registration.objects.get(event=public_event)
    assert registration.user == member and registration.status == "confirmed"
    assert mail.outbox[0].to == [member.email]
    page = _titles(client.get("/events/mine/"))
    assert "AI akademie" in page


def test_visitor_form_errors_keep_what_was_typed(client, public_event):
    response = client.post(
        f"/events/{public_event.slug}/register/",
        {"name": "Eva Horáková", "email": "not-an-address"},
    )
    assert response.status_code == 422
    page = _titles(response)
    assert 'value="Eva Horáková"' in page
    assert Registration.objects.count() == 0


def test_visitor_registers_and_cancels_by_the_emailed_link(
    client, django_user_model, public_event, committed
):
    public_event.capacity = 1
    public_event.save()
    with committed():
        first = client.post(
            f"/events/{public_event.slug}/register/",
            {"name": "Eva", "email": "eva@example.org", "consent": "on"},
        )
        second = client.post(
            f"/events/{public_event.slug}/register/",
            {"name": "Ivo", "email": "ivo@example.org", "consent": "on"},
        )
    eva = Registration.objects.get(email="eva@example.org")
    ivo = Registration.objects.get(email="ivo@example.org")
    assert first["Location"] == f"/events/r/{eva.token}/"
    assert (eva.status, ivo.status) == ("confirmed", "waiting")
    assert "number 1" in _titles(client.get(second["Location"]))
    assert f"/events/r/{eva.token}/" in mail.outbox[0].body
    with committed():
        client.post(f"/events/r/{eva.token}/")
    eva.refresh_from_db()
    ivo.refresh_from_db()
    assert (eva.status, ivo.status) == ("cancelled", "confirmed")


def test_members_only_registration_asks_visitors_to_sign_in(client, make_event):
    event = make_event(registration=Event.Registration.MEMBERS)
    response = client.get(f"/events/{event.slug}/register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _event_post(**overrides):
    data = {
        "title": "Library advocacy v praxi",
        "kind": "workshop",
        "mode": "in_person",
        "language": "cs",
        "summary": "Dvoudenní workshop",
        "description": "**Advokacie** knihoven",
        "visibility": "public",
        "venue": "Městská knihovna v Praze, Mariánské nám. 1",
        "town": "Praha",
        "timezone": "Europe/Prague",
        "capacity": "25",
        "registration": "members",
        "training_hours": "12",
        "sessions-TOTAL_FORMS": "3",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "1",
        "sessions-MAX_NUM_FORMS": "60",
        "sessions-0-date": in_days(40).date().isoformat(),
        "sessions-0-start": "09:00",
        "sessions-0-end": "16:00",
        "sessions-1-date": in_days(41).date().isoformat(),
        "sessions-1-start": "09:00",
        "sessions-1-end": "13:00",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "30",
        "questions-0-text": "Strava",
        "questions-0-choices": "běžná\nvegetariánská",
        "translations-TOTAL_FORMS": "1",
        "translations-INITIAL_FORMS": "0",
        "translations-MIN_NUM_FORMS": "0",
        "translations-MAX_NUM_FORMS": "6",
        "translations-0-language": "en",
        "translations-0-title": "Library advocacy in practice",
        "materials-TOTAL_FORMS": "1",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "30",
    }
    data.update(overrides)
    return data


def test_coordinator_creates_an_event_with_sessions_in_its_zone(client, coordinator, section):
    client.force_login(coordinator)
    response = client.post(f"/events/new/{section.slug}/", _event_post())
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.network == section and event.created_by == coordinator
    sessions = list(event.sessions.all())
    assert len(sessions) == 2
    assert sessions[0].starts_at.astimezone(datetime.UTC).hour in (7, 8)  # 9:00 in Prague
    assert event.questions.get().choice_list == ["běžná", "vegetariánská"]
    assert event.translations.get().title == "Library advocacy in practice"
    assert client.get(response["Location"]).status_code == 200


def test_invalid_event_form_saves_nothing_and_keeps_input(client, coordinator, section):
    client.force_login(coordinator)
    response = client.post(
        f"/events/new/{section.slug}/",
        _event_post(**{"sessions-1-start": "15:00", "sessions-1-end": "13:00"}),
    )
    assert response.status_code == 422
    assert Event.objects.count() == 0
    assert "Library advocacy v praxi" in _titles(response)
    with translation.override("cs"):  # the coordinator reads the site in Czech
        assert gettext("A session must end after it starts.") in _titles(response)


def test_only_coordinators_create_edit_and_cancel(client, member, outsider, section, make_event):
    event = make_event()
    for who in (member, outsider):
        client.force_login(who)
        assert client.get(f"/events/new/{section.slug}/").status_code == 403
        assert client.get(f"/events/{event.slug}/edit/").status_code == 403
        assert client.post(f"/events/{event.slug}/cancel/").status_code == 403
    event.refresh_from_db()
    assert event.status == Event.Status.SCHEDULED


def test_coordinator_moves_an_event_and_registrants_hear_of_it(
    client, coordinator, member, make_event, committed
):
    event = make_event()
    register(event=event, user=member)
    mail.outbox.clear()
    client.force_login(coordinator)
    page = _titles(client.get(f"/events/{event.slug}/edit/"))
    assert "Setkání sekce městských knihoven" in page
    post = _event_post(
        title=event.title,
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-1-date": "",
            "sessions-1-start": "",
            "sessions-1-end": "",
        },
    )
    with committed():
        response = client.post(f"/events/{event.slug}/edit/", post)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Library advocacy" not in mail.outbox[0].subject


def test_coordinator_cancels_an_event(client, coordinator, member, make_event, committed):
    event = make_event()
    register(event=event, user=member)
    mail.outbox.clear()
    client.force_login(coordinator)
    with committed():
        client.post(f"/events/{event.slug}/cancel/", {"reason": "Nemoc lektora."})
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    (message,) = mail.outbox
    assert "Nemoc lektora." in message.body
    content = message.attachments[0][1]
    content = content.decode() if isinstance(content, bytes) else content
    assert "STATUS:CANCELLED" in content and "METHOD:CANCEL" in content
    client.logout()
    assert "event-cancelled" in _titles(client.get("/events/"))


def test_busy_day_in_month_view_links_to_all_its_events(client, make_event):
    for i in range(6):
        make_event(
            title=f"Porada {i}",
            sessions=[SessionData(starts_at=in_days(12, 8 + i), ends_at=in_days(12, 9 + i))],
        )
    day = in_days(12).date()
    page = _titles(client.get(f"/events/calendar/{day.year}/{day.month}/"))
    assert page.count("Porada ") == 4
    link = f"date_from={day.isoformat()}&amp;date_to={day.isoformat()}"
    assert link in page
    listing = _titles(client.get(f"/events/?date_from={day}&date_to={day}"))
    assert all(f"Porada {i}" in listing for i in range(6))
