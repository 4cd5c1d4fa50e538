"""The directory by API: libraries with filters and hours, networks, and members-only people."""

import datetime

import pytest

from bibliohub.accounts.models import ApiToken
from bibliohub.directory.models import Branch, HoursException, OpeningHours, Service


@pytest.fixture
def trinec_hours(trinec):
    for weekday in range(7):
        # Round the clock: 0:00–12:00, then 12:00 until midnight (a period that ends at 0:00).
        OpeningHours.objects.create(
            library=trinec,
            weekday=weekday,
            opens=datetime.time(0, 0),
            closes=datetime.time(12, 0),
        )
        OpeningHours.objects.create(
            library=trinec,
            weekday=weekday,
            opens=datetime.time(12, 0),
            closes=datetime.time(0, 0),
        )
        OpeningHours.objects.create(
            library=trinec,
            weekday=weekday,
            service=Service.ORDERING,
            opens=datetime.time(8, 0),
            closes=datetime.time(19, 0),
        )
    branch = Branch.objects.create(library=trinec, name="Pobočka Lyžbice", town="Třinec")
    OpeningHours.objects.create(
        library=trinec,
        branch=branch,
        weekday=0,
        opens=datetime.time(9, 0),
        closes=datetime.time(12, 0),
    )
    today = datetime.date.today()
    HoursException.objects.create(
        library=trinec,
        start_date=today + datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=31),
        closed=True,
        reason="Inventura",
    )
    return branch


@pytest.mark.django_db
def test_library_list_filters_and_paginates(
    client, trinec, koper, section, other_network, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        data = client.get("/api/v1/libraries").json()
    assert data["count"] == 2
    # By name: "Knihovna Třinec" before "Osrednja knjižnica … Koper".
    assert [item["slug"] for item in data["items"]] == ["trinec", "koper"]
    assert data["items"][0]["region"] == {
        "slug": "cz-msk",
        "name": "Moravskoslezský kraj",
        "country": "CZ",
    }

    assert [i["slug"] for i in client.get("/api/v1/libraries?q=trinec").json()["items"]] == [
        "trinec"
    ]
    by_network = client.get("/api/v1/libraries", {"network": "sdruk"}).json()
    assert [i["slug"] for i in by_network["items"]] == ["trinec"]
    by_type = client.get("/api/v1/libraries", {"type": "regional"}).json()
    assert [i["slug"] for i in by_type["items"]] == ["koper"]
    by_region = client.get("/api/v1/libraries", {"region": "cz-msk"}).json()
    assert [i["slug"] for i in by_region["items"]] == ["trinec"]

    page = client.get("/api/v1/libraries", {"limit": 1, "offset": 1}).json()
    assert page["count"] == 2 and len(page["items"]) == 1 and page["offset"] == 1


@pytest.mark.django_db
def test_open_now_filter_and_flag(client, trinec, koper, trinec_hours):
    everything = {i["slug"]: i for i in client.get("/api/v1/libraries").json()["items"]}
    assert everything["trinec"]["open_now"] is True
    assert everything["koper"]["open_now"] is False

    data = client.get("/api/v1/libraries", {"open_now": "true"}).json()
    # Třinec is open round the clock; Koper has no hours at all.
    assert [i["slug"] for i in data["items"]] == ["trinec"]
    assert data["count"] == 1


@pytest.mark.django_db
def test_bad_filters_get_a_clear_message(client):
    response = client.get("/api/v1/libraries", {"type": "castle"})
    assert response.status_code == 400
    assert "castle" in response.json()["detail"]
    response = client.get("/api/v1/libraries", {"network": "nope"})
    assert response.status_code == 400 and "nope" in response.json()["detail"]
    response = client.get("/api/v1/libraries", {"limit": 1000})
    assert response.status_code == 422
    assert "limit" in response.json()["detail"]


@pytest.mark.django_db
def test_library_detail_has_hours_per_service_branches_and_memberships(
    client, trinec, trinec_hours, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/libraries/trinec")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "Knihovna Třinec"
    assert [h["service"] for h in data["hours"]] == ["general", "ordering"]
    ordering = data["hours"][1]
    assert ordering["periods"][0] == {"weekday": 0, "opens": "08:00:00", "closes": "19:00:00"}
    assert [b["name"] for b in data["branches"]] == ["Pobočka Lyžbice"]
    assert data["branches"][0]["hours"][0]["periods"] == [
        {"weekday": 0, "opens": "09:00:00", "closes": "12:00:00"}
    ]
    assert data["exceptions"][0]["reason"] == "Inventura"
    assert data["memberships"][0]["network"] == "sdruk-mk"
    assert isinstance(data["open_now"], bool)
    assert data["url"] == "http://testserver/libraries/trinec/"


@pytest.mark.django_db
def test_unknown_library_is_404_json(client):
    response = client.get("/api/v1/libraries/nowhere")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.django_db
def test_networks_and_network_detail(client, association, section, trinec, coordinator):
    networks = {n["slug"]: n for n in client.get("/api/v1/networks").json()}
    assert networks["sdruk-mk"]["parent"] == "sdruk"
    detail = client.get("/api/v1/networks/sdruk").json()
    assert [s["slug"] for s in detail["sections"]] == ["sdruk-mk"]
    assert detail["coordinators"] == [{"name": "Petr Svoboda", "title": "", "network": "sdruk"}]
    assert "board@sdruk.example" not in str(detail)
    section_detail = client.get("/api/v1/networks/sdruk-mk").json()
    assert section_detail["member_libraries"] == ["trinec"]


@pytest.mark.django_db
def test_people_are_for_members_only(
    client, section, member, outsider, other_coordinator, coordinator
):
    url = "/api/v1/networks/sdruk-mk/people"
    assert client.get(url).status_code == 401

    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 403
    assert "members" in response.json()["detail"]

    client.force_login(other_coordinator)
    assert client.get(url).status_code == 403

    client.force_login(member)
    data = client.get(url).json()
    assert data["library_roles"][0]["email"] == member.email

    client.logout()
    _, raw = ApiToken.issue(user=coordinator, name="script")
    response = client.get("/api/v1/networks/sdruk/people", HTTP_AUTHORIZATION=f"Bearer {raw}")
    data = response.json()
    assert [p["email"] for p in data["network_roles"]] == ["board@sdruk.example"]
    # The association's people include those of its section's member libraries.
    assert [p["library"] for p in data["library_roles"]] == ["trinec"]
