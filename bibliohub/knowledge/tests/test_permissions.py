"""Who sees what, and who may change it. A document a person may not see is absent from the
list and answers 404 everywhere (page, preview, every download, the forms) — the same answer as
a wrong address; only the uploader and the network's coordinators edit, add versions, delete."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import ngettext

from bibliohub.core.models import AuditEntry
from bibliohub.knowledge.models import Document
from bibliohub.knowledge.services import (
    DocumentError,
    can_edit,
    can_upload,
    document_delete,
    document_update,
    version_add,
)

from .conftest import download, stored_files

pytestmark = pytest.mark.django_db

SECRET = "Interní postup pro vymáhání nevrácených výpůjček"


@pytest.fixture
def members_only(upload, member, committed):
    """A members-only document of the section with two versions."""
    document = upload(
        title="Vymáhání pohledávek — interní postup",
        file=SimpleUploadedFile("postup.md", f"# Postup\n\n{SECRET} v1.".encode()),
    )
    with committed():
        version_add(
            actor=member,
            document=document,
            file=SimpleUploadedFile("postup.md", f"# Postup\n\n{SECRET} v2.".encode()),
            note="Doplněny lhůty.",
        )
    return document


@pytest.fixture
def public(upload):
    return upload(title="Výpůjční řád městské knihovny — vzor", visibility="public")


def reading_addresses(document):
    base = f"/documents/{document.slug}/"
    numbers = document.versions.values_list("number", flat=True)
    return [base, f"{base}download/", *(f"{base}v/{n}/download/" for n in numbers)]


def changing_addresses(document):
    base = f"/documents/{document.slug}/"
    return [f"{base}edit/", f"{base}versions/new/", f"{base}delete/"]


def sees(client, document, text=SECRET) -> bool:
    listing = client.get("/documents/").content.decode()
    in_list = document.title in listing
    statuses = {url: download(client, url)[0].status_code for url in reading_addresses(document)}
    page = client.get(document.get_absolute_url()).content.decode()
    if in_list:
        assert set(statuses.values()) == {200}, statuses
        assert text in page
    else:
        assert set(statuses.values()) == {404}, statuses
        assert text not in page
    return in_list


@pytest.mark.parametrize("who", [None, "outsider", "slovenian_member", "association_member"])
def test_a_members_only_document_does_not_exist_for_others(
    client, request, members_only, public, who
):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert not sees(client, members_only)
    assert sees(client, public, "Čtenář si půjčuje knihy.")
    assert len(reading_addresses(members_only)) == 4
    for url in changing_addresses(members_only):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/documents/{members_only.slug}/follow/").status_code == 404
    assert client.post(f"/documents/{members_only.slug}/delete/").status_code == 404
    filtered = client.get("/documents/", {"network": "sdruk-mk", "tag": "x", "language": "cs"})
    assert members_only.title not in filtered.content.decode()
    assert Document.objects.filter(pk=members_only.pk).exists()


@pytest.mark.parametrize("who", ["member", "colleague", "coordinator"])
def test_members_and_coordinators_see_it(client, request, members_only, who):
    client.force_login(request.getfixturevalue(who))
    assert sees(client, members_only)
    old, content = download(client, f"/documents/{members_only.slug}/v/1/download/")
    assert SECRET.encode() + b" v1." in content


def test_members_of_a_section_see_the_associations_members_only_documents(
    client, upload, association, coordinator, member
):
    document = upload(network=association, actor=coordinator, title="Stanovy SDRUK")
    client.force_login(member)
    assert sees(client, document, "Čtenář si půjčuje knihy.")


@pytest.fixture
def section_only(upload, association, section, coordinator):
    """A document of the association that only the municipal section may see."""
    return upload(
        network=association,
        actor=coordinator,
        title="Metodika hodnocení knihoven podle standardu VKIS",
        file=SimpleUploadedFile("vkis.md", f"# VKIS\n\n{SECRET}.".encode()),
        visibility="section",
        audience=section,
    )


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        (None, False),
        ("outsider", False),
        ("association_member", False),
        ("slovenian_member", False),
        ("member", True),
        ("coordinator", True),
        ("association_coordinator", True),
    ],
)
def test_a_section_document_is_seen_by_the_section_and_coordinators_only(
    client, request, section_only, who, visible, django_user_model, association
):
    if who == "association_coordinator":
        from bibliohub.directory.models import NetworkRole

        from .conftest import person

        user = person(django_user_model, "board@sdruk.example")
        NetworkRole.objects.create(user=user, network=association, role="coordinator")
        client.force_login(user)
    elif who:
        client.force_login(request.getfixturevalue(who))
    assert sees(client, section_only) is visible


def test_only_the_uploader_and_coordinators_change_a_document(
    client, members_only, member, colleague, coordinator, committed
):
    assert can_edit(member, members_only) and can_edit(coordinator, members_only)
    assert not can_edit(colleague, members_only)
    client.force_login(colleague)
    for url in changing_addresses(members_only):
        assert client.get(url).status_code == 403, url
    page = client.get(members_only.get_absolute_url()).content.decode()
    assert "Upload a new version" not in page and "Delete the document" not in page
    assert client.post(f"/documents/{members_only.slug}/delete/").status_code == 403
    with pytest.raises(DocumentError):
        document_update(actor=colleague, document=members_only, title="Jiný název")
    with pytest.raises(DocumentError):
        document_delete(actor=colleague, document=members_only)
    with pytest.raises(DocumentError):
        version_add(
            actor=colleague,
            document=members_only,
            file=SimpleUploadedFile("x.md", b"x"),
            note="",
        )
    assert Document.objects.get().title == members_only.title

    client.force_login(member)
    response = client.post(
        f"/documents/{members_only.slug}/edit/",
        {
            "title": "Vymáhání pohledávek — postup pro členy",
            "description": "",
            "language": "cs",
            "category": "methodology",
            "tags": "pohledávky, výpůjčky",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.title == "Vymáhání pohledávek — postup pro členy"
    assert document.visibility == "public" and document.category == "methodology"
    change = AuditEntry.objects.get(action="knowledge.document_changed")
    assert change.actor == member
    assert change.data["changes"]["visibility"] == ["members", "public"]
    client.logout()
    assert client.get(document.get_absolute_url()).status_code == 200


def test_a_coordinator_deletes_after_confirming_and_the_files_go(
    client, members_only, coordinator, committed, media_root
):
    assert len(stored_files(media_root)) == 2
    client.force_login(coordinator)
    confirmation = client.get(f"/documents/{members_only.slug}/delete/")
    assert confirmation.status_code == 200
    with translation.override(coordinator.language):  # the page speaks the coordinator's language
        expected = ngettext(
            "The document and its file are deleted for good.",
            "The document and all %(counter)s versions of its file are deleted for good.",
            2,
        ) % {"counter": 2}
    assert expected in confirmation.content.decode()
    with committed():
        response = client.post(f"/documents/{members_only.slug}/delete/")
    assert response.status_code == 302 and response["Location"] == "/documents/"
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []
    assert AuditEntry.objects.filter(
        action="knowledge.document_deleted", actor=coordinator
    ).exists()


def test_who_may_upload_where(
    client, member, outsider, coordinator, section, association, slovenian, committed
):
    assert can_upload(member, section) and can_upload(member, association)
    assert not can_upload(member, slovenian) and not can_upload(outsider, section)
    assert can_upload(coordinator, section)

    response = client.get("/documents/new/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(outsider)
    assert client.get("/documents/new/").status_code == 403

    client.force_login(member)
    page = client.get("/documents/new/?network=sdruk-mk")
    form = page.context["form"]
    assert {n.slug for n in form.fields["network"].queryset} == {"sdruk-mk", "sdruk"}
    assert form.initial["network"] == "sdruk-mk"
    with committed():
        response = client.post(
            "/documents/new/",
            {
                "network": "ook",
                "title": "Standardi",
                "language": "sl",
                "category": "other",
                "visibility": "public",
                "file": SimpleUploadedFile("s.md", b"# Standardi"),
            },
        )
    assert response.status_code == 422
    assert "network" in response.context["form"].errors
    assert Document.objects.count() == 0
