"""Calendar files and feeds: time zones, stable UIDs and sequences, cancellations, who sees the
online link, members' events, the personal feed by token, and the feed's constant query count."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from bibliohub.directory.models import LibraryRole
from bibliohub.events.feeds import (
    network_feed_url,
    personal_feed_url,
    webcal_url,
)
from bibliohub.events.models import Event
from bibliohub.events.services import (
    SessionData,
    cancel_registration,
    event_cancel,
    event_update,
    register,
)

from .conftest import in_days, person

pytestmark = pytest.mark.django_db

LINK = "https://meet.example/sdruk-kurz"


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal):
    return list(cal.walk("VEVENT"))


def summaries(cal):
    return [str(e["SUMMARY"]) for e in vevents(cal)]


def ics(client, event):
    return client.get(reverse("events:event_ics", kwargs={"slug": event.slug}))


def feed(client, network, **headers):
    return client.get(reverse("events:network_feed", kwargs={"network": network.slug}), **headers)


def two_lessons(day=20):
    return [
        SessionData(starts_at=in_days(day, 9), ends_at=in_days(day, 12), title="Katalogizace"),
        SessionData(starts_at=in_days(day + 7, 9), ends_at=in_days(day + 7, 12), title="Fondy"),
    ]


@pytest.fixture
def course(make_event):
    return make_event(kind=Event.Kind.COURSE, title="Kurz knihovníka", sessions=two_lessons())


@pytest.fixture
def webinar(make_event):
    return make_event(
        kind=Event.Kind.WEBINAR,
        mode=Event.Mode.ONLINE,
        title="Webinář o e-knihách",
        venue="",
        online_url=LINK,
        sessions=[SessionData(starts_at=in_days(10, 10), ends_at=in_days(10, 11), online=True)],
    )


@pytest.fixture
def colleague(django_user_model, library):
    """Another member of the section, from the same library."""
    user = person(django_user_model, "kolegyne@kjm.example", language="cs")
    LibraryRole.objects.create(user=user, library=library, role=LibraryRole.Role.STAFF)
    return user


# --- One event's file ----------------------------------------------------------------------


def test_course_file_has_each_session_in_the_events_zone(client, course):
    response = ics(client, course)
    cal = parse(response)

    assert response["Content-Disposition"] == f'attachment; filename="{course.slug}.ics"'
    assert cal["VERSION"] == "2.0"
    assert "BiblioHub" in cal["PRODID"]
    assert cal["METHOD"] == "PUBLISH"
    first, second = vevents(cal)
    assert str(first["SUMMARY"]) == "Kurz knihovníka — Katalogizace"
    assert str(second["SUMMARY"]) == "Kurz knihovníka — Fondy"
    for vevent in (first, second):
        assert vevent["DTSTART"].params["TZID"] == "Europe/Prague"
        assert vevent["DTSTART"].dt.hour == 9
        assert vevent["STATUS"] == "CONFIRMED"
        assert "DTSTAMP" in vevent
        assert str(vevent["LOCATION"]).startswith("Knihovna Jiřího Mahena")
        assert str(vevent["URL"]).endswith(f"/{course.slug}/")
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Prague"]


def test_online_session_at_ten_in_prague_is_eleven_in_kyiv(client, webinar):
    (vevent,) = vevents(parse(ics(client, webinar)))

    start = vevent["DTSTART"].dt
    assert (start.hour, str(start.tzinfo)) == (10, "Europe/Prague")
    assert start.astimezone(zoneinfo.ZoneInfo("Europe/Kyiv")).hour == 11


def test_uids_stay_across_downloads_and_changes_raise_the_sequence(client, coordinator, course):
    before = vevents(parse(ics(client, course)))
    again = vevents(parse(ics(client, course)))
    assert [e["UID"] for e in again] == [e["UID"] for e in before]
    assert len({e["UID"] for e in before}) == 2

    # The second lesson moves a day later; the first stays as it was.
    lessons = two_lessons()
    lessons[1].starts_at += datetime.timedelta(days=1)
    lessons[1].ends_at += datetime.timedelta(days=1)
    event_update(actor=coordinator, event=course, sessions=lessons)

    after = vevents(parse(ics(client, course)))
    assert [e["UID"] for e in after] == [e["UID"] for e in before]
    assert after[0]["DTSTART"].dt == before[0]["DTSTART"].dt
    assert after[1]["DTSTART"].dt != before[1]["DTSTART"].dt
    assert all(a["SEQUENCE"] > b["SEQUENCE"] for a, b in zip(after, before, strict=True))


def test_cancelled_event_is_cancelled_in_file_feed_and_email(
    client, member, coordinator, association, course, committed
):
    with committed():
        register(event=course, user=member)
    mail.outbox.clear()

    with committed():
        event_cancel(actor=coordinator, event=course, reason="Nemoc lektora")

    assert {e["STATUS"] for e in vevents(parse(ics(client, course)))} == {"CANCELLED"}
    assert {e["STATUS"] for e in vevents(parse(feed(client, association)))} == {"CANCELLED"}
    (message,) = mail.outbox
    (attachment,) = message.attachments
    content = attachment[1].encode() if isinstance(attachment[1], str) else attachment[1]
    sent = icalendar.Calendar.from_ical(content)
    assert sent["METHOD"] == "CANCEL"
    assert {e["STATUS"] for e in vevents(sent)} == {"CANCELLED"}
    assert all(e["SEQUENCE"] == 1 and "ORGANIZER" in e for e in vevents(sent))
    assert [e["UID"] for e in vevents(sent)] == [
        e["UID"] for e in vevents(parse(ics(client, course)))
    ]


# --- The online link -----------------------------------------------------------------------


def test_online_link_only_for_confirmed_participants_and_managers(
    client, member, colleague, coordinator, outsider, webinar
):
    register(event=webinar, user=member)

    def link_shown(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        text = ics(c, webinar).content.decode()
        return LINK in text

    assert link_shown(member)
    assert link_shown(coordinator)
    assert not link_shown(None)
    assert not link_shown(colleague)
    assert not link_shown(outsider)
    # The public feed never has it, not even for the participant.
    client.force_login(member)
    assert LINK not in feed(client, webinar.network).content.decode()


def test_guest_gets_the_link_through_their_registrations_token(client, make_event):
    event = make_event(
        mode=Event.Mode.ONLINE,
        online_url=LINK,
        registration=Event.Registration.ANYONE,
        sessions=[SessionData(starts_at=in_days(9, 10), ends_at=in_days(9, 11), online=True)],
    )
    guest = register(event=event, user=None, name="Ana Novak", email="ana@knjiznica.example")
    url = reverse("events:event_ics", kwargs={"slug": event.slug})

    with_token = client.get(url, {"r": guest.token})
    assert LINK in with_token.content.decode()
    assert "private" in with_token["Cache-Control"]
    assert LINK not in client.get(url, {"r": "guessed"}).content.decode()
    cancel_registration(registration=guest)
    assert LINK not in client.get(url, {"r": guest.token}).content.decode()


def test_waiting_participant_has_no_link_and_a_tentative_entry(
    client, member, coordinator, make_event
):
    event = make_event(
        mode=Event.Mode.ONLINE,
        online_url=LINK,
        capacity=1,
        sessions=[SessionData(starts_at=in_days(9, 10), ends_at=in_days(9, 11), online=True)],
    )
    register(event=event, user=coordinator)
    assert register(event=event, user=member).status == "waiting"
    client.force_login(member)

    response = ics(client, event)

    assert LINK not in response.content.decode()
    (vevent,) = vevents(parse(response))
    assert vevent["STATUS"] == "TENTATIVE"


# --- Members' events -----------------------------------------------------------------------


def test_members_event_is_hidden_from_visitors_and_outsiders(
    client, member, outsider, association, make_event
):
    public = make_event(title="Veřejná přednáška")
    members = make_event(title="Porada ředitelů", visibility="members")

    assert ics(client, members).status_code == 404
    assert summaries(parse(feed(client, association))) == [public.title]
    client.force_login(outsider)
    assert ics(client, members).status_code == 404
    assert summaries(parse(feed(client, association))) == [public.title]

    client.force_login(member)
    assert summaries(parse(ics(client, members))) == [members.title]
    assert sorted(summaries(parse(feed(client, association)))) == sorted(
        [public.title, members.title]
    )


def test_unknown_event_network_and_token_are_not_found(client):
    assert client.get(reverse("events:event_ics", kwargs={"slug": "nic"})).status_code == 404
    assert client.get(reverse("events:network_feed", kwargs={"network": "nic"})).status_code == 404
    url = reverse("events:personal_feed", kwargs={"token": "not-a-token"})
    assert client.get(url).status_code == 404


# --- The network feed ----------------------------------------------------------------------


def test_association_feed_has_its_sections_events(client, association, section, make_event):
    own = make_event(network=association, title="Valná hromada SDRUK", kind=Event.Kind.ASSEMBLY)
    of_section = make_event(network=section, title="Setkání sekce")

    response = feed(client, association)
    cal = parse(response)

    assert sorted(summaries(cal)) == sorted([own.title, of_section.title])
    assert association.name in str(cal["X-WR-CALNAME"])
    assert "METHOD" not in cal
    assert response["Cache-Control"] == "public, max-age=900"
    assert response["ETag"]
    assert summaries(parse(feed(client, section))) == [of_section.title]


def test_feed_answers_not_modified_until_an_event_changes(client, coordinator, association, course):
    first = feed(client, association)
    etag = first["ETag"]

    unchanged = feed(client, association, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304
    assert unchanged["ETag"] == etag

    event_cancel(actor=coordinator, event=course)
    changed = feed(client, association, HTTP_IF_NONE_MATCH=etag)
    assert changed["ETag"] != etag
    assert {e["STATUS"] for e in vevents(parse(changed))} == {"CANCELLED"}


def test_feed_has_the_same_uids_and_times_as_the_file(client, association, course):
    from_file = vevents(parse(ics(client, course)))
    from_feed = vevents(parse(feed(client, association)))

    assert [(e["UID"], e["DTSTART"].dt) for e in from_feed] == [
        (e["UID"], e["DTSTART"].dt) for e in from_file
    ]
    assert [str(t["TZID"]) for t in parse(feed(client, association)).walk("VTIMEZONE")] == [
        "Europe/Prague"
    ]


def test_feed_shows_titles_in_the_readers_language(client, association, make_event):
    make_event(
        title="Setkání sekce",
        translations=[{"language": "en", "title": "Section meeting"}],
    )

    assert summaries(parse(feed(client, association, HTTP_ACCEPT_LANGUAGE="en"))) == [
        "Section meeting"
    ]
    assert summaries(parse(feed(client, association, HTTP_ACCEPT_LANGUAGE="cs"))) == [
        "Setkání sekce"
    ]


def test_feed_runs_the_same_queries_for_two_events_as_for_twenty(
    association, section, make_event, django_assert_max_num_queries
):
    def events(n, offset=0):
        for i in range(offset, offset + n):
            make_event(
                network=association if i % 2 else section,
                title=f"Kurz {i}",
                sessions=two_lessons(day=20 + i),
                translations=[{"language": "en", "title": f"Course {i}"}],
            )

    def queries():
        with CaptureQueriesContext(connection) as context:
            response = feed(Client(), association, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200
        return len(context), response

    events(2)
    few, response = queries()
    assert len(vevents(parse(response))) == 4
    events(18, offset=2)
    with django_assert_max_num_queries(few):
        many, response = queries()
    assert len(vevents(parse(response))) == 40
    assert "Course 19 — Fondy" in summaries(parse(response))
    assert many == few


def test_signed_in_feed_and_personal_feed_run_the_same_queries_for_more_events(
    member, make_event, association, django_assert_max_num_queries
):
    signed_in = Client()
    signed_in.force_login(member)
    personal = personal_feed_url(member)

    def add_events(n, offset):
        for i in range(offset, offset + n):
            event = make_event(title=f"Kurz {i}", sessions=two_lessons(day=20 + i))
            register(event=event, user=member)

    def queries(client, url, entries):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert len(vevents(parse(response))) == entries
        return len(context)

    add_events(2, 0)
    few = (queries(signed_in, network_feed_url(association), 4), queries(Client(), personal, 4))
    add_events(10, 2)
    with django_assert_max_num_queries(sum(few)):
        many = (
            queries(signed_in, network_feed_url(association), 24),
            queries(Client(), personal, 24),
        )
    assert many == few


# --- The personal feed ---------------------------------------------------------------------


def test_personal_feed_lists_the_persons_events(member, coordinator, make_event, webinar, course):
    full = make_event(title="Plný seminář", capacity=1)
    given_up = make_event(title="Zrušená registrace")
    register(event=full, user=coordinator)
    register(event=webinar, user=member)
    register(event=course, user=member)
    assert register(event=full, user=member).status == "waiting"
    cancel_registration(registration=register(event=given_up, user=member))
    make_event(title="Cizí akce")

    # A calendar app: no cookies, no sign-in, only the address.
    response = Client().get(personal_feed_url(member))
    cal = parse(response)

    with translation.override(member.language):
        waiting_title = gettext("%(title)s (waiting list)") % {"title": full.title}
    by_summary = {str(e["SUMMARY"]): e for e in vevents(cal)}
    assert set(by_summary) == {
        webinar.title,
        "Kurz knihovníka — Katalogizace",
        "Kurz knihovníka — Fondy",
        waiting_title,
    }
    assert by_summary[waiting_title]["STATUS"] == "TENTATIVE"
    assert by_summary[webinar.title]["STATUS"] == "CONFIRMED"
    assert LINK in str(by_summary[webinar.title]["DESCRIPTION"])
    assert "X-WR-CALNAME" in cal
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_personal_feed_keeps_only_events_the_person_may_still_see(member, make_event):
    event = make_event(title="Porada ředitelů", visibility="members")
    register(event=event, user=member)
    url = personal_feed_url(member)
    assert summaries(parse(Client().get(url))) == [event.title]

    # The member's library is no longer theirs: the members' event is out of their sight.
    LibraryRole.objects.filter(user=member).delete()

    assert summaries(parse(Client().get(url))) == []


def test_resetting_the_token_retires_the_old_address(client, member, make_event):
    register(event=make_event(), user=member)
    old = personal_feed_url(member)
    reset = reverse("events:feed_token_reset")
    client.force_login(member)

    assert client.get(reset).status_code == 405
    response = client.post(reset)

    assert response.status_code == 302
    assert response["Location"] == reverse("events:mine")
    new = personal_feed_url(member)
    assert new != old
    assert Client().get(old).status_code == 404
    assert len(vevents(parse(Client().get(new)))) == 1


def test_resetting_needs_sign_in(client):
    response = client.post(reverse("events:feed_token_reset"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_feed_addresses(member, association):
    url = network_feed_url(association)
    assert url == "http://testserver" + reverse(
        "events:network_feed", kwargs={"network": association.slug}
    )
    assert webcal_url(url).startswith("webcal://testserver/")
    assert personal_feed_url(member) == personal_feed_url(member)
