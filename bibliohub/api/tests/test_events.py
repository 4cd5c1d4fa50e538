"""Events by API: the list and one event as the caller may see them, registration with a
personal token, the waiting list, cancellation, and online links only for participants."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.utils import timezone

from bibliohub.accounts.services import api_token_create
from bibliohub.core.models import Visibility
from bibliohub.directory.models import LibraryRole
from bibliohub.events.models import Event, Registration
from bibliohub.events.services import SessionData, event_create

from .conftest import make_person

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
MEET_URL = "https://meet.example/sdruk-mk"


def in_days(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.now().astimezone(datetime.UTC).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PRAGUE)


def bearer(user):
    _, raw = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def make_event(section, coordinator):
    """An event of the municipal section, made by the association's coordinator."""

    def make(*, sessions=None, network=None, days=14, **fields) -> Event:
        defaults = {
            "kind": Event.Kind.WORKSHOP,
            "mode": Event.Mode.IN_PERSON,
            "language": "cs",
            "title": "Setkání sekce městských knihoven",
            "venue": "Knihovna Třinec, Lidická 1",
            "town": "Třinec",
            "timezone": "Europe/Prague",
            "capacity": 30,
            "registration": Event.Registration.ANYONE,
            "training_hours": Decimal("6"),
        }
        defaults.update(fields)
        if sessions is None:
            sessions = [SessionData(starts_at=in_days(days, 10), ends_at=in_days(days, 16))]
        return event_create(
            actor=coordinator, network=network or section, sessions=sessions, **defaults
        )

    return make


@pytest.fixture
def colleagues(django_user_model, trinec):
    """Three more people of the Třinec library, a member of the section."""
    people = []
    for i in range(3):
        user = make_person(django_user_model, f"staff{i}@trinec.example", language="cs")
        LibraryRole.objects.create(user=user, library=trinec, role=LibraryRole.Role.STAFF)
        people.append(user)
    return people


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_visitor_lists_public_events_with_what_a_row_needs(client, make_event, region):
    event = make_event(summary="Jarní setkání", region=region, capacity=10)
    make_event(title="Jen pro členy", visibility=Visibility.MEMBERS, days=20)
    members_register = make_event(registration=Event.Registration.MEMBERS, days=30)

    data = client.get("/api/v1/events").json()
    assert data["count"] == 2 and data["limit"] == 25 and data["offset"] == 0
    item, other = data["items"]
    # Anyone may register for the first; only members (signed in) for the other.
    assert other["slug"] == members_register.slug
    assert other["registration_open"] is False
    assert item == {
        "slug": event.slug,
        "url": f"http://testserver/events/{event.slug}/",
        "title": "Setkání sekce městských knihoven",
        "summary": "Jarní setkání",
        "kind": "workshop",
        "mode": "in_person",
        "status": "scheduled",
        "language": "cs",
        "network": {"slug": "sdruk-mk", "name": "Sekce městských knihoven"},
        "starts_at": item["starts_at"],
        "ends_at": item["ends_at"],
        "timezone": "Europe/Prague",
        "town": "Třinec",
        "venue": "Knihovna Třinec, Lidická 1",
        "capacity": 10,
        "seats_left": 10,
        "registration": "anyone",
        "registration_open": True,
        "training_hours": 6.0,
    }
    # 10:00 in Prague, given in UTC.
    assert item["starts_at"].endswith("Z")
    starts_at = datetime.datetime.fromisoformat(item["starts_at"])
    assert starts_at == in_days(14, 10)
    assert starts_at.utcoffset() == datetime.timedelta(0)


def test_seats_left_and_registration_open_for_a_signed_in_caller(
    client, make_event, member, outsider
):
    unlimited = make_event(capacity=None, title="Bez omezení")
    members_only = make_event(registration=Event.Registration.MEMBERS, capacity=2, days=20)
    client.force_login(member)
    client.post(f"/api/v1/events/{members_only.slug}/registration", content_type="application/json")

    items = {i["slug"]: i for i in client.get("/api/v1/events").json()["items"]}
    assert items[unlimited.slug]["seats_left"] is None
    assert items[members_only.slug]["seats_left"] == 1
    assert items[members_only.slug]["registration_open"] is True

    items = {i["slug"]: i for i in client.get("/api/v1/events", **bearer(outsider)).json()["items"]}
    assert items[unlimited.slug]["registration_open"] is True
    # Registration for members only: the outsider sees the event but may not register.
    assert items[members_only.slug]["registration_open"] is False


def test_filters_by_network_kind_mode_region_and_dates(
    client, make_event, association, other_network, region
):
    section_workshop = make_event(title="Dílna sekce", region=region)
    association_webinar = make_event(
        title="Webinář svazu",
        network=association,
        kind=Event.Kind.WEBINAR,
        mode=Event.Mode.ONLINE,
        online_url=MEET_URL,
        days=40,
    )
    hybrid_course = make_event(
        title="Kurz", kind=Event.Kind.COURSE, mode=Event.Mode.HYBRID, days=60
    )
    slovenian = make_event(title="Srečanje", network=other_network, language="sl", days=20)
    past = make_event(title="Loňské setkání", days=-30)

    assert slugs(client.get("/api/v1/events")) == [
        section_workshop.slug,
        slovenian.slug,
        association_webinar.slug,
        hybrid_course.slug,
    ]
    # The association's events include those of its section.
    assert slugs(client.get("/api/v1/events", {"network": "sdruk"})) == [
        section_workshop.slug,
        association_webinar.slug,
        hybrid_course.slug,
    ]
    assert slugs(client.get("/api/v1/events", {"network": "sdruk-mk"})) == [
        section_workshop.slug,
        hybrid_course.slug,
    ]
    assert slugs(client.get("/api/v1/events", {"network": "ook"})) == [slovenian.slug]
    assert slugs(client.get("/api/v1/events", {"kind": "webinar"})) == [association_webinar.slug]
    # Hybrid events count both as online and as in person.
    assert slugs(client.get("/api/v1/events", {"mode": "online"})) == [
        association_webinar.slug,
        hybrid_course.slug,
    ]
    assert slugs(client.get("/api/v1/events", {"mode": "in_person"})) == [
        section_workshop.slug,
        slovenian.slug,
        hybrid_course.slug,
    ]
    assert slugs(client.get("/api/v1/events", {"region": "cz-msk"})) == [section_workshop.slug]
    assert slugs(client.get("/api/v1/events", {"region": region.pk})) == [section_workshop.slug]

    today = timezone.localdate()
    between = {
        "from": (today + datetime.timedelta(days=30)).isoformat(),
        "to": (today + datetime.timedelta(days=50)).isoformat(),
    }
    assert slugs(client.get("/api/v1/events", between)) == [association_webinar.slug]
    assert slugs(client.get("/api/v1/events", {"past": "true"})) == [past.slug]

    page = client.get("/api/v1/events", {"limit": 2, "offset": 1}).json()
    assert page["count"] == 4
    assert [i["slug"] for i in page["items"]] == [slovenian.slug, association_webinar.slug]


def test_bad_filters_get_a_clear_message(client):
    for query, word in (
        ({"network": "nope"}, "nope"),
        ({"region": "atlantis"}, "atlantis"),
        ({"kind": "party"}, "party"),
        ({"mode": "telepathy"}, "telepathy"),
    ):
        response = client.get("/api/v1/events", query)
        assert response.status_code == 400
        assert word in response.json()["detail"]
    response = client.get("/api/v1/events", {"from": "next week"})
    assert response.status_code == 422
    assert "from" in response.json()["detail"]


def test_members_only_event_is_for_members(client, make_event, member, outsider):
    event = make_event(title="Jen pro členy", visibility=Visibility.MEMBERS)
    url = f"/api/v1/events/{event.slug}"

    assert slugs(client.get("/api/v1/events")) == []
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}

    outsider_auth = bearer(outsider)
    assert slugs(client.get("/api/v1/events", **outsider_auth)) == []
    assert client.get(url, **outsider_auth).status_code == 404
    response = client.post(f"{url}/registration", content_type="application/json", **outsider_auth)
    assert response.status_code == 404
    assert not Registration.objects.exists()

    member_auth = bearer(member)
    assert slugs(client.get("/api/v1/events", **member_auth)) == [event.slug]
    assert client.get(url, **member_auth).json()["title"] == "Jen pro členy"

    client.force_login(member)
    assert slugs(client.get("/api/v1/events")) == [event.slug]


def test_unknown_event_is_404_json(client):
    response = client.get("/api/v1/events/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_detail_has_sessions_questions_and_translated_text(
    client, make_event, outsider, django_assert_max_num_queries
):
    event = make_event(
        title="Konference knihoven",
        description="Dva dny o knihovnách.",
        kind=Event.Kind.CONFERENCE,
        sessions=[
            SessionData(starts_at=in_days(14, 9), ends_at=in_days(14, 17), title="První den"),
            SessionData(starts_at=in_days(15, 9), ends_at=in_days(15, 13), title="Druhý den"),
        ],
        questions=[
            {"text": "Oběd", "required": True, "choices": "maso\nvegetariánský"},
            {"text": "Poznámka"},
        ],
        translations=[
            {
                "language": "en",
                "title": "Library conference",
                "summary": "Two days",
                "description": "Two days about libraries.",
            }
        ],
    )
    url = f"/api/v1/events/{event.slug}"

    with django_assert_max_num_queries(6):
        data = client.get(url, HTTP_ACCEPT_LANGUAGE="cs").json()
    assert data["title"] == "Konference knihoven"
    assert data["description"] == "Dva dny o knihovnách."
    assert [(s["title"], s["place"], s["online"]) for s in data["sessions"]] == [
        ("První den", "", False),
        ("Druhý den", "", False),
    ]
    assert datetime.datetime.fromisoformat(data["sessions"][1]["ends_at"]) == in_days(15, 13)
    lunch, note = data["questions"]
    assert lunch["text"] == "Oběd" and lunch["required"] is True
    assert lunch["choices"] == ["maso", "vegetariánský"]
    assert note["required"] is False and note["choices"] == []
    assert data["my_registration"] is None
    assert data["online_url"] is None

    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["title"] == "Library conference"
    assert english["summary"] == "Two days"
    assert english["description"] == "Two days about libraries."
    assert client.get("/api/v1/events", HTTP_ACCEPT_LANGUAGE="en").json()["items"][0]["title"] == (
        "Library conference"
    )

    # A token's owner reads in the language of their profile (English), whatever the browser says.
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="cs", **bearer(outsider)).json()["title"] == (
        "Library conference"
    )


def test_register_with_a_token_then_waiting_list_then_cancel_promotes(
    client, make_event, member, colleagues
):
    event = make_event(registration=Event.Registration.MEMBERS, capacity=1)
    url = f"/api/v1/events/{event.slug}/registration"
    first, second, third = bearer(member), bearer(colleagues[0]), bearer(colleagues[1])

    response = client.post(url, content_type="application/json", **first)
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "confirmed" and data["waiting_position"] is None
    assert data["event"] == event.slug
    assert Registration.objects.get(event=event, user=member).status == "confirmed"

    response = client.post(url, {"answers": {}}, content_type="application/json", **second)
    assert response.status_code == 201
    assert response.json()["status"] == "waiting"
    assert response.json()["waiting_position"] == 1
    response = client.post(url, content_type="application/json", **third)
    assert response.json()["waiting_position"] == 2

    again = client.post(url, content_type="application/json", **first)
    assert again.status_code == 409
    assert member.email in again.json()["detail"]

    detail = client.get(f"/api/v1/events/{event.slug}", **second).json()
    assert detail["seats_left"] == 0
    assert detail["my_registration"]["status"] == "waiting"
    assert detail["my_registration"]["waiting_position"] == 1

    response = client.delete(url, **first)
    assert response.status_code == 204
    assert Registration.objects.get(event=event, user=member).status == "cancelled"
    detail = client.get(f"/api/v1/events/{event.slug}", **second).json()
    assert detail["my_registration"]["status"] == "confirmed"
    assert detail["my_registration"]["waiting_position"] is None
    third_detail = client.get(f"/api/v1/events/{event.slug}", **third).json()
    assert third_detail["my_registration"]["waiting_position"] == 1

    # Nothing left to cancel.
    response = client.delete(url, **first)
    assert response.status_code == 404
    assert client.get(f"/api/v1/events/{event.slug}", **first).json()["my_registration"] is None


def test_register_with_the_browser_session(client, make_event, outsider):
    event = make_event()
    client.force_login(outsider)
    response = client.post(
        f"/api/v1/events/{event.slug}/registration", content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    assert client.delete(f"/api/v1/events/{event.slug}/registration").status_code == 204


def test_answers_are_checked_and_kept(client, make_event, outsider):
    event = make_event(questions=[{"text": "Oběd", "required": True, "choices": "maso\nvege"}])
    question_id = client.get(f"/api/v1/events/{event.slug}").json()["questions"][0]["id"]
    url = f"/api/v1/events/{event.slug}/registration"
    auth = bearer(outsider)

    response = client.post(url, content_type="application/json", **auth)
    assert response.status_code == 422
    assert "Oběd" in response.json()["detail"]
    response = client.post(
        url, {"answers": {str(question_id): "ryba"}}, content_type="application/json", **auth
    )
    assert response.status_code == 422
    assert not Registration.objects.exists()

    response = client.post(
        url, {"answers": {str(question_id): "vege"}}, content_type="application/json", **auth
    )
    assert response.status_code == 201
    assert Registration.objects.get().answers == {str(question_id): "vege"}


def test_registration_not_open_to_the_caller_is_403_and_says_why(
    client, make_event, outsider, django_user_model
):
    event = make_event(registration=Event.Registration.MEMBERS)
    url = f"/api/v1/events/{event.slug}/registration"
    response = client.post(url, content_type="application/json", **bearer(outsider))
    assert response.status_code == 403
    assert response.json()["detail"] == ("Only members of the network can register for this event.")
    assert not Registration.objects.exists()

    no_registration = make_event(registration=Event.Registration.NONE, days=20)
    response = client.post(
        f"/api/v1/events/{no_registration.slug}/registration",
        content_type="application/json",
        **bearer(outsider),
    )
    assert response.status_code == 403

    # Messages come in the language of the token's owner, whatever the browser says.
    czech = make_person(django_user_model, "ctenar@example.cz", language="cs")
    response = client.post(
        "/api/v1/events/no-such-event/registration",
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **bearer(czech),
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Nenalezeno."}


def test_visitors_must_sign_in_to_register(client, make_event):
    event = make_event()
    url = f"/api/v1/events/{event.slug}/registration"
    response = client.post(url, content_type="application/json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert client.delete(url).status_code == 401
    assert not Registration.objects.exists()


def test_online_link_only_for_confirmed_participants_and_coordinators(
    client, make_event, member, colleagues, coordinator
):
    event = make_event(
        mode=Event.Mode.HYBRID,
        online_url=MEET_URL,
        capacity=1,
        registration=Event.Registration.MEMBERS,
        sessions=[
            SessionData(starts_at=in_days(14, 9), ends_at=in_days(14, 12), online=True),
            SessionData(
                starts_at=in_days(15, 9),
                ends_at=in_days(15, 12),
                online=True,
                online_url="https://meet.example/day-two",
            ),
            SessionData(starts_at=in_days(16, 9), ends_at=in_days(16, 12), place="Sál"),
        ],
    )
    url = f"/api/v1/events/{event.slug}"

    def links(**auth):
        data = client.get(url, **auth).json()
        return [data["online_url"], *(s["online_url"] for s in data["sessions"])]

    hidden = [None, None, None, None]
    assert links() == hidden
    member_auth, waiting_auth = bearer(member), bearer(colleagues[0])
    assert links(**member_auth) == hidden

    client.post(f"{url}/registration", content_type="application/json", **member_auth)
    client.post(f"{url}/registration", content_type="application/json", **waiting_auth)
    shown = [MEET_URL, MEET_URL, "https://meet.example/day-two", None]
    assert links(**member_auth) == shown
    # On the waiting list: no seat, no link.
    assert links(**waiting_auth) == hidden
    assert links(**bearer(coordinator)) == shown
    # Never in the list.
    assert "meet.example" not in client.get("/api/v1/events", **member_auth).content.decode()


def test_the_list_costs_the_same_few_queries_for_few_or_many_events(
    client, make_event, member, colleagues, django_assert_max_num_queries
):
    def add_events(n, start):
        for i in range(n):
            event = make_event(
                title=f"Setkání {start + i}",
                days=start + i,
                registration=Event.Registration.MEMBERS,
                translations=[{"language": "en", "title": f"Meeting {start + i}"}],
            )
            for person in colleagues:
                client.post(
                    f"/api/v1/events/{event.slug}/registration",
                    content_type="application/json",
                    HTTP_AUTHORIZATION=tokens[person.pk],
                )

    tokens = {p.pk: bearer(p)["HTTP_AUTHORIZATION"] for p in colleagues}
    member_auth = bearer(member)
    add_events(2, 10)
    counts = {}
    for who, auth in (("visitor", {}), ("member", member_auth)):
        with django_assert_max_num_queries(10) as few:
            data = client.get("/api/v1/events", HTTP_ACCEPT_LANGUAGE="en", **auth).json()
        assert len(data["items"]) == 2
        counts[who] = len(few.captured_queries)

    add_events(20, 20)
    titles = {"visitor": "Meeting 39", "member": "Setkání 39"}
    for who, auth in (("visitor", {}), ("member", member_auth)):
        with django_assert_max_num_queries(counts[who]):
            data = client.get(
                "/api/v1/events", {"limit": 100}, HTTP_ACCEPT_LANGUAGE="en", **auth
            ).json()
        assert len(data["items"]) == 22
        # The member reads in the language of their profile; the visitor in the browser's.
        assert data["items"][-1]["title"] == titles[who]
        assert data["items"][-1]["seats_left"] == 27


def test_openapi_document_lists_the_event_paths(client):
    document = client.get("/api/v1/openapi.json").json()
    paths = document["paths"]
    assert {
        "/api/v1/events",
        "/api/v1/events/{slug}",
        "/api/v1/events/{slug}/registration",
    } <= set(paths)
    assert {"post", "delete"} <= set(paths["/api/v1/events/{slug}/registration"])
    assert "events" in paths["/api/v1/events"]["get"]["tags"]
    parameters = {p["name"] for p in paths["/api/v1/events"]["get"]["parameters"]}
    assert {"network", "kind", "region", "mode", "from", "to", "past", "limit", "offset"} <= (
        parameters
    )
