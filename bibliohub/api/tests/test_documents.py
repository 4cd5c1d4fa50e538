"""Documents by API: the list with its filters, one document with versions and preview, and the
download — each answering only what the caller may see (404 for the rest, by any route)."""

import functools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bibliohub.accounts.services import api_token_create
from bibliohub.knowledge.services import document_create, version_add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


def bearer(user):
    _, raw = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def documents(committed, section, association, other_network, member, coordinator):
    with committed():
        public = document_create(
            actor=coordinator,
            network=association,
            title="Strategie SDRUK 2022+",
            body="# Strategie\n\nSDRUK reprezentuje sebevědomé knihovny.",
            language="cs",
            category="strategy",
            tags=["strategie"],
            visibility="public",
        )
        members = document_create(
            actor=member,
            network=section,
            title="Smlouva o výpůjčce výstavy",
            file=SimpleUploadedFile("smlouva.md", "# Smlouva\n\nPůjčitel a vypůjčitel.".encode()),
            language="cs",
            category="contract",
            tags=["smlouvy"],
            visibility="members",
            external_ref="sdruk-17",
        )
        version_add(
            actor=member,
            document=members,
            file=SimpleUploadedFile("smlouva.md", "# Smlouva\n\nNové znění.".encode()),
            note="Nové znění článku II.",
        )
        slovenian = document_create(
            actor=None,
            network=other_network,
            title="Standardi za splošne knjižnice",
            body="Splošna knjižnica zagotavlja dostop do gradiva.",
            language="sl",
            category="recommendation",
            visibility="public",
        )
    return {"public": public, "members": members, "slovenian": slovenian}


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_a_visitor_lists_public_documents_only(client, documents):
    response = client.get("/api/v1/documents")
    assert sorted(slugs(response)) == sorted(
        [documents["public"].slug, documents["slovenian"].slug]
    )
    body = response.json()
    assert body["count"] == 2 and body["limit"] == 25 and body["offset"] == 0
    item = next(i for i in body["items"] if i["slug"] == documents["public"].slug)
    assert item == {
        "slug": documents["public"].slug,
        "url": f"http://testserver/documents/{documents['public'].slug}/",
        "title": "Strategie SDRUK 2022+",
        "description": "",
        "language": "cs",
        "category": "strategy",
        "tags": ["strategie"],
        "visibility": "public",
        "network": {"slug": "sdruk", "name": "Svaz knihoven ČR"},
        "external_ref": "",
        "current_version": 1,
        "download_url": f"http://testserver/api/v1/documents/{documents['public'].slug}/download",
        "updated_at": item["updated_at"],
    }


def test_filters_and_paging(client, documents, member):
    headers = bearer(member)
    assert slugs(client.get("/api/v1/documents?network=sdruk", **headers)) == [
        documents["members"].slug,
        documents["public"].slug,
    ]
    assert slugs(client.get("/api/v1/documents?category=contract", **headers)) == [
        documents["members"].slug
    ]
    assert slugs(client.get("/api/v1/documents?tag=strategie", **headers)) == [
        documents["public"].slug
    ]
    assert slugs(client.get("/api/v1/documents?lang=sl", **headers)) == [
        documents["slovenian"].slug
    ]
    page = client.get("/api/v1/documents?limit=1&offset=1", **headers).json()
    assert page["count"] == 3 and len(page["items"]) == 1
    for query, problem in [
        ("network=nowhere", "There is no network “nowhere”."),
        ("category=poetry", "Unknown category “poetry”"),
        ("lang=de", "Unknown language “de”"),
        ("tag=nothing", "There is no tag “nothing”."),
    ]:
        response = client.get(f"/api/v1/documents?{query}", **headers)
        assert response.status_code == 400
        assert response.json()["detail"].startswith(problem)


def test_a_member_gets_the_detail_versions_preview_and_files(client, documents, member):
    headers = bearer(member)
    slug = documents["members"].slug
    detail = client.get(f"/api/v1/documents/{slug}", **headers)
    assert detail.status_code == 200
    data = detail.json()
    assert data["external_ref"] == "sdruk-17"
    assert data["current_version"] == 2 and data["extraction"] == "done"
    assert data["preview"] == "# Smlouva\n\nNové znění."
    assert [(v["number"], v["note"], v["uploaded_by"]) for v in data["versions"]] == [
        (2, "Nové znění článku II.", "Jana Nováková"),
        (1, "", "Jana Nováková"),
    ]
    response = client.get(data["versions"][1]["download_url"], **headers)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == "# Smlouva\n\nPůjčitel a vypůjčitel.".encode()
    assert response["Content-Disposition"] == 'attachment; filename="smlouva.md"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private"
    current = client.get(f"/api/v1/documents/{slug}/download", **headers)
    assert b"".join(current.streaming_content).endswith("Nové znění.".encode())


@pytest.mark.parametrize("who", [None, "outsider", "other_coordinator"])
def test_members_documents_do_not_exist_for_others(client, request, documents, who):
    headers = bearer(request.getfixturevalue(who)) if who else {}
    slug = documents["members"].slug
    assert slug not in slugs(client.get("/api/v1/documents", **headers))
    assert slug not in slugs(client.get("/api/v1/documents?network=sdruk-mk", **headers))
    for url in (
        f"/api/v1/documents/{slug}",
        f"/api/v1/documents/{slug}/download",
        f"/api/v1/documents/{slug}/download?version=1",
        "/api/v1/documents/no-such-document",
    ):
        response = client.get(url, **headers)
        assert response.status_code == 404, url
        assert response.json() == {"detail": "Not found."}
