"""Search by API: the shape of the answer, members' documents and events only for members (by
token or session; never in results, counts or suggestions for others), filters, paging, and
clear errors for an empty query or an unknown filter."""

import pytest

from bibliohub.accounts.services import api_token_create
from bibliohub.search.tests.test_views import QUERY, make_world

pytestmark = pytest.mark.django_db

URL = "/api/v1/search"


def bearer(user):
    _, raw = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def world(db, django_user_model):
    return make_world(django_user_model)


def test_visitor_gets_public_document_in_shape(client, world):
    response = client.get(URL, {"q": QUERY})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"query", "total", "total_exact", "page", "per_page", "counts", "results"}
    assert body["total_exact"] is True
    assert body["query"] == QUERY
    assert (body["total"], body["page"], body["per_page"]) == (1, 1, 10)
    assert body["counts"] == {"document": 1}
    [result] = body["results"]
    assert set(result) == {
        "type",
        "title",
        "url",
        "ref",
        "language",
        "category",
        "network",
        "snippet",
        "score",
    }
    assert result["type"] == "document"
    assert result["title"] == "Vzorový řád knihovny"
    assert result["url"] == world.public_document.get_absolute_url()
    assert result["url"].startswith("/")
    assert (result["language"], result["category"]) == ("cs", "directive")
    assert result["network"] == "Svaz knihoven ČR"
    assert "<mark>" in result["snippet"]
    assert isinstance(result["score"], float)


@pytest.mark.parametrize("who", ["outsider", "member"])
def test_members_content_only_for_members_by_token(client, world, who):
    user = getattr(world, who)
    body = client.get(URL, {"q": QUERY}, **bearer(user)).json()
    titles = {result["title"] for result in body["results"]}
    if who == "member":
        assert body["total"] == 3
        assert body["counts"] == {"document": 2, "event": 1}
        assert "Interní výklad výpůjčního řádu" in titles
        assert "Porada o novém výpůjčním řádu" in titles
    else:
        assert body["total"] == 1
        assert body["counts"] == {"document": 1}
        assert titles == {"Vzorový řád knihovny"}
    events = client.get(URL, {"q": QUERY, "type": "event"}, **bearer(user)).json()
    assert events["total"] == (1 if who == "member" else 0)


def test_session_counts_as_the_member(client, world):
    client.force_login(world.member)
    assert client.get(URL, {"q": QUERY}).json()["total"] == 3


def test_filters_and_paging(client, world):
    client.force_login(world.member)
    body = client.get(URL, {"q": QUERY, "category": "methodology"}).json()
    assert [r["title"] for r in body["results"]] == ["Interní výklad výpůjčního řádu"]
    body = client.get(URL, {"q": QUERY, "network": "sdruk-mk"}).json()
    assert [r["type"] for r in body["results"]] == ["event"]
    assert client.get(URL, {"q": QUERY, "lang": "uk"}).json()["total"] == 0
    first = client.get(URL, {"q": QUERY, "per_page": 2}).json()
    second = client.get(URL, {"q": QUERY, "per_page": 2, "page": 2}).json()
    assert (first["total"], len(first["results"]), second["page"], len(second["results"])) == (
        3,
        2,
        2,
        1,
    )
    titles = [r["title"] for r in first["results"] + second["results"]]
    assert len(set(titles)) == 3


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}])
def test_empty_query_is_422(client, world, params):
    response = client.get(URL, params)
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("name", "value"), [("type", "book"), ("lang", "de"), ("category", "x"), ("network", "none")]
)
def test_unknown_filter_is_400(client, world, name, value):
    response = client.get(URL, {"q": QUERY, name: value})
    assert response.status_code == 400
    assert value in response.json()["detail"]


def test_revoked_or_wrong_token_is_401(client, world):
    response = client.get(URL, {"q": QUERY}, HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401


@pytest.mark.parametrize("who", ["visitor", "outsider", "member"])
def test_suggestions(client, world, who):
    headers = bearer(getattr(world, who)) if who != "visitor" else {}
    response = client.get(f"{URL}/suggest", {"q": "Interní výkl"}, **headers)
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    if who == "member":
        assert suggestions == [
            {
                "title": "Interní výklad výpůjčního řádu",
                "url": world.members_document.get_absolute_url(),
                "kind": "document",
                "kind_label": "Document",
            }
        ]
    else:
        assert suggestions == []
    assert client.get(f"{URL}/suggest", {"q": "I"}, **headers).json() == {"suggestions": []}
