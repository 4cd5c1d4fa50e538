"""Versions: a new version becomes the current one, earlier ones stay downloadable, the page shows
who uploaded what, when and why; the people following a document get one e-mail in their
language, the uploader none."""

import hashlib

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from bibliohub.core.models import AuditEntry
from bibliohub.knowledge.models import DocumentVersion, Follow
from bibliohub.knowledge.services import follow, version_add

from . import files
from .conftest import download

pytestmark = pytest.mark.django_db

V1 = files.docx("Výpůjční řád", "Výpůjční lhůta je jeden měsíc.")
V2 = files.docx("Výpůjční řád", "Výpůjční lhůta je šest týdnů.")


@pytest.fixture
def lending_rules(upload, member):
    return upload(
        title="Výpůjční řád městské knihovny — vzor",
        file=SimpleUploadedFile("Výpůjční řád.docx", V1),
    )


def test_a_new_version_becomes_current_and_the_first_stays_downloadable(
    client, committed, lending_rules, coordinator, media_root
):
    client.force_login(coordinator)
    page = client.get(f"/documents/{lending_rules.slug}/versions/new/")
    assert page.status_code == 200
    with committed():
        response = client.post(
            f"/documents/{lending_rules.slug}/versions/new/",
            {
                "file": SimpleUploadedFile("Výpůjční řád 2025.docx", V2),
                "note": "Výpůjční lhůta prodloužena na šest týdnů.",
            },
        )
    assert response.status_code == 302
    lending_rules.refresh_from_db()
    v1, v2 = DocumentVersion.objects.order_by("number")
    assert lending_rules.current_version == v2 and v2.number == 2
    assert v2.extraction == "done" and "šest týdnů" in v2.text

    current, content = download(client, f"/documents/{lending_rules.slug}/download/")
    assert content == V2
    old, content = download(client, f"/documents/{lending_rules.slug}/v/1/download/")
    assert content == V1 and hashlib.sha256(content).hexdigest() == v1.sha256
    assert old["Content-Disposition"] == (
        "attachment; filename*=utf-8''V%C3%BDp%C5%AFj%C4%8Dn%C3%AD%20%C5%99%C3%A1d.docx"
    )
    assert old["X-Content-Type-Options"] == "nosniff"
    assert old["Cache-Control"] == "private"
    assert old["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    missing, _ = download(client, f"/documents/{lending_rules.slug}/v/3/download/")
    assert missing.status_code == 404

    html = client.get(lending_rules.get_absolute_url()).content.decode()
    history = html[html.index('id="history-heading"') :]
    assert history.index("Martina Wolna") < history.index("Jana Nováková")
    assert "Výpůjční lhůta prodloužena na šest týdnů." in history
    assert f"/documents/{lending_rules.slug}/v/1/download/" in history
    assert f"/documents/{lending_rules.slug}/v/2/download/" in history
    assert "<time datetime=" in history
    assert "šest týdnů" in html[: html.index('id="history-heading"')]  # the preview is v2's
    assert (
        AuditEntry.objects.filter(action="knowledge.version_added").get().data["note"]
        == "Výpůjční lhůta prodloužena na šest týdnů."
    )


def test_followers_get_one_email_in_their_language_and_the_uploader_none(
    committed, lending_rules, member, colleague, coordinator
):
    for person in (member, colleague, coordinator):
        follow(person, lending_rules)
    mail.outbox.clear()
    with committed():
        version_add(
            actor=member,
            document=lending_rules,
            file=SimpleUploadedFile("vypujcni-rad.docx", V2),
            note="Výpůjční lhůta prodloužena.",
        )
    by_address = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 2
    assert set(by_address) == {colleague.email, coordinator.email}
    english = by_address[colleague.email]
    assert english.extra_headers["Content-Language"] == "en"
    assert english.subject == "New version 2: Výpůjční řád městské knihovny — vzor"
    assert "Hello Petra Malá," in english.body
    assert "Výpůjční lhůta prodloužena." in english.body
    assert f"http://testserver/documents/{lending_rules.slug}/" in english.body
    assert by_address[coordinator.email].extra_headers["Content-Language"] == "cs"


def test_a_follower_who_may_no_longer_see_the_document_is_not_told(
    committed, upload, member, outsider
):
    document = upload(visibility="public")
    follow(outsider, document)
    from bibliohub.knowledge.services import document_update

    document_update(actor=member, document=document, visibility="members")
    with committed():
        version_add(
            actor=member,
            document=document,
            file=SimpleUploadedFile("rad.md", b"# Nove zneni"),
            note="Nové znění.",
        )
    assert mail.outbox == []


def test_following_and_unfollowing_from_the_page(client, lending_rules, colleague):
    client.force_login(colleague)
    url = f"/documents/{lending_rules.slug}/follow/"
    assert client.get(url).status_code == 405
    client.post(url)
    assert Follow.objects.filter(user=colleague, document=lending_rules).exists()
    assert "Stop following" in client.get(lending_rules.get_absolute_url()).content.decode()
    client.post(url)
    assert not Follow.objects.filter(user=colleague).exists()


def test_a_visitor_is_asked_to_sign_in_to_follow(client, upload):
    document = upload(visibility="public")
    response = client.post(f"/documents/{document.slug}/follow/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert Follow.objects.count() == 0


def test_the_next_number_is_taken_under_the_document_lock(committed, lending_rules, member):
    for note in ("druhá", "třetí"):
        with committed():
            version_add(
                actor=member,
                document=lending_rules,
                file=SimpleUploadedFile("r.md", note.encode()),
                note=note,
            )
    assert list(DocumentVersion.objects.order_by("number").values_list("number", "note")) == [
        (1, ""),
        (2, "druhá"),
        (3, "třetí"),
    ]
    lending_rules.refresh_from_db()
    assert lending_rules.current_version.number == 3
