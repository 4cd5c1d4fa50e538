"""Uploading: each accepted type is stored and its text extracted; a broken, disguised or too big
file gets a message that names the problem and leaves nothing behind — no document, no version,
no file in storage."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bibliohub.core.models import AuditEntry
from bibliohub.knowledge.models import Document, DocumentVersion, Tag
from bibliohub.knowledge.services import DocumentError, document_create

from . import files
from .conftest import download, stored_files

pytestmark = pytest.mark.django_db

SENTENCE = "Čtenář si může vypůjčit nejvýše deset knih na dobu jednoho měsíce."


def post_upload(client, name, content, **fields):
    data = {
        "network": "sdruk-mk",
        "title": "Výpůjční řád městské knihovny — vzor",
        "description": "Vzor pro **městské** knihovny.",
        "language": "cs",
        "category": "directive",
        "tags": "výpůjční řád, Vzory ,výpůjční řád",
        "visibility": "members",
        "file": SimpleUploadedFile(name, content),
    }
    data.update(fields)
    return client.post("/documents/new/", data)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("vypujcni-rad.pdf", files.pdf("Výpůjční řád", SENTENCE), "application/pdf"),
        (
            "vypujcni-rad.docx",
            files.docx("Výpůjční řád", SENTENCE, table=[["Lhůta", "Poplatek"], ["1 měsíc", "0"]]),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "vypujcni-rad.odt",
            files.odt("Výpůjční řád", SENTENCE),
            "application/vnd.oasis.opendocument.text",
        ),
        (
            "vypujcni-rad.md",
            files.markdown(f"# Výpůjční řád\n\n{SENTENCE}\n"),
            "text/markdown; charset=utf-8",
        ),
        ("vypujcni-rad.txt", SENTENCE.encode("cp1250"), "text/plain; charset=windows-1250"),
        ("vypujcni-rad.text", SENTENCE.encode("utf-16"), "text/plain; charset=utf-16"),
    ],
)
def test_member_uploads_each_type_and_its_text_is_extracted(
    client, committed, colleague, media_root, name, content, content_type
):
    client.force_login(colleague)
    with committed():
        response = post_upload(client, name, content)
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    version = document.current_version
    assert version.number == 1
    assert version.content_type == content_type
    assert version.original_name == name.replace(".text", ".txt")
    assert version.size == len(content)
    assert version.extraction == DocumentVersion.Extraction.DONE
    assert SENTENCE in " ".join(version.text.split())
    assert document.created_by == colleague and version.uploaded_by == colleague
    assert set(document.tags.values_list("name", flat=True)) == {"výpůjční řád", "vzory"}
    extension = version.original_name[version.original_name.rfind(".") :]
    assert [p.name for p in stored_files(media_root)] == [f"vypujcni-rad{extension}"]
    assert AuditEntry.objects.filter(action="knowledge.document_created").count() == 1

    page = client.get(document.get_absolute_url())
    html = page.content.decode()
    assert "nejvýše deset knih" in html
    assert "<strong>městské</strong>" in html
    if name.endswith(".docx"):
        assert "Lhůta | Poplatek" in html


def test_the_tables_of_a_docx_are_read_in_their_place(upload):
    content = files.docx("Před tabulkou", "Za tabulkou", table=[["A1", "B1"], ["A2", "B2"]])
    upload(file=SimpleUploadedFile("tabulka.docx", content))
    text = DocumentVersion.objects.get().text
    assert text.split("\n\n") == ["Před tabulkou", "Za tabulkou", "A1 | B1", "A2 | B2"]


def test_an_odt_gives_its_headings_and_paragraphs_in_order(upload):
    content = files.odt("Smlouva o výpůjčce výstavy", "Článek I. Předmět smlouvy", "Článek II.")
    upload(file=SimpleUploadedFile("smlouva.odt", content))
    assert DocumentVersion.objects.get().text.split("\n\n") == [
        "Smlouva o výpůjčce výstavy",
        "Článek I. Předmět smlouvy",
        "Článek II.",
    ]


def assert_nothing_saved(media_root):
    assert Document.objects.count() == 0
    assert DocumentVersion.objects.count() == 0
    assert Tag.objects.count() == 0
    assert stored_files(media_root) == []
    assert not AuditEntry.objects.filter(action__startswith="knowledge.").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "vypujcni-rad.pdf",
            files.png(),
            "“vypujcni-rad.pdf” is not really a PDF file: a PDF file starts with a PDF header"
            " and this one does not. It is a PNG image.",
        ),
        (
            "smlouva.docx",
            b"This is not a Word document at all, just some words.",
            "“smlouva.docx” is not really a DOCX file: a DOCX document is a ZIP package and"
            " this one is not.",
        ),
        (
            "metodika.pdf",
            b"%PDF-1.7\nthis is where a damaged PDF breaks off",
            "“metodika.pdf” looks like a PDF but is damaged: it cannot be opened.",
        ),
        (
            "obrazek.png",
            files.png(),
            "“obrazek.png” cannot be uploaded. It is a PNG image. Upload a PDF, DOCX, ODT,"
            " Markdown (.md) or plain text (.txt) file.",
        ),
        (
            "poznamky.txt",
            files.png(),
            "“poznamky.txt” cannot be uploaded. It is a PNG image.",
        ),
        (
            "rozpocet.docx",
            b"PK\x03\x04" + b"\x00" * 40,
            "“rozpocet.docx” is a damaged ZIP package: it cannot be opened.",
        ),
        (
            "tabulka.docx",
            files.spreadsheet(),
            "“tabulka.docx” is a ZIP package, not a DOCX or ODT document.",
        ),
        ("prazdny.md", b"", "The submitted file is empty."),
        (
            "export.txt",
            bytes(range(256)) * 4,
            "“export.txt” is not a text file: it contains binary data.",
        ),
    ],
)
def test_a_disguised_or_broken_file_gets_a_message_and_leaves_nothing(
    client, committed, colleague, media_root, name, content, message
):
    client.force_login(colleague)
    with committed():
        response = post_upload(client, name, content)
    assert response.status_code == 422
    assert "Please correct the errors below" in response.content.decode()
    form_errors = response.context["form"].errors["file"]
    assert len(form_errors) == 1 and form_errors[0].startswith(message)
    assert_nothing_saved(media_root)


def test_an_oversized_file_is_refused_with_the_limit(
    client, committed, colleague, media_root, settings
):
    settings.DOCUMENT_MAX_UPLOAD_MB = 0.01  # about 10 kB
    client.force_login(colleague)
    with committed():
        response = post_upload(client, "velky.md", b"# Velmi dlouhy text\n\n" + b"slovo " * 3000)
    assert response.status_code == 422
    [error] = response.context["form"].errors["file"]
    assert error == "“velky.md” is 17.6 KB; files of at most 10.2 KB can be uploaded."
    assert_nothing_saved(media_root)


def test_a_zip_bomb_is_refused_before_it_is_opened(member, media_root, settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1  # a package may unpack to at most 10 MB
    bomb = files.zip_bomb(unpacked_mb=12)
    assert len(bomb) < 100_000
    from bibliohub.directory.models import Network

    with pytest.raises(DocumentError) as caught:
        document_create(
            actor=member,
            network=Network.objects.get(slug="sdruk-mk"),
            title="Zpráva",
            file=SimpleUploadedFile("zprava.docx", bomb),
            language="cs",
            category="report",
            visibility="members",
        )
    assert caught.value.field == "file"
    assert "it is refused as a possible “zip bomb”" in str(caught.value.message)
    assert_nothing_saved(media_root)


def test_a_failure_after_the_file_was_written_removes_it(member, section, media_root, monkeypatch):
    """The database refuses the version (here: the audit log fails); the file already written to
    storage is removed and nothing of the document stays."""
    import bibliohub.knowledge.services as services

    def broken_audit(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "audit_record", broken_audit)
    with pytest.raises(RuntimeError):
        document_create(
            actor=member,
            network=section,
            title="Metodika hodnocení knihoven",
            file=SimpleUploadedFile("metodika.pdf", files.pdf("Metodika VKIS")),
            language="cs",
            category="methodology",
            visibility="public",
        )
    assert Document.objects.count() == 0 and DocumentVersion.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_pdf_renamed_to_docx_is_kept_as_the_pdf_it_is(upload, media_root):
    upload(file=SimpleUploadedFile("smlouva.docx", files.pdf("Smlouva o výpůjčce výstavy")))
    version = DocumentVersion.objects.get()
    assert version.content_type == "application/pdf"
    assert version.original_name == "smlouva.pdf"
    assert [p.name for p in stored_files(media_root)] == ["smlouva.pdf"]
    assert "Smlouva o výpůjčce výstavy" in version.text


def test_body_text_is_kept_as_a_markdown_file(committed, section, media_root):
    with committed():
        document = document_create(
            actor=None,
            network=section,
            title="Standardi za splošne knjižnice",
            body="# Standardi\n\nKnjižnica zagotavlja dostop do gradiva.",
            language="sl",
            category="recommendation",
            visibility="public",
        )
    version = document.current_version
    assert version.original_name == "standardi-za-splosne-knjiznice.md"
    assert version.content_type == "text/markdown; charset=utf-8"
    version.refresh_from_db()
    assert version.text == "# Standardi\n\nKnjižnica zagotavlja dostop do gradiva."
    assert version.uploaded_by is None and document.created_by is None


def test_a_file_whose_text_cannot_be_read_says_so_on_its_page(client, upload, monkeypatch):
    import bibliohub.knowledge.extraction as extraction

    def broken(data):
        raise ValueError("no text layer")

    monkeypatch.setattr(extraction, "_pdf_text", broken)
    document = upload(file=SimpleUploadedFile("sken.pdf", files.pdf("Sken")), visibility="public")
    version = DocumentVersion.objects.get()
    assert version.extraction == DocumentVersion.Extraction.FAILED
    assert version.extraction_error == "ValueError: no text layer"
    html = client.get(document.get_absolute_url()).content.decode()
    assert "The text of this file could not be read" in html
    response, content = download(client, f"/documents/{document.slug}/download/")
    assert response.status_code == 200 and content.startswith(b"%PDF-")


def test_while_the_text_is_extracted_the_page_says_so(client, section, member):
    # Outside `committed()`: the extraction waits for a commit that the test never makes.
    document = document_create(
        actor=member,
        network=section,
        title="Zpráva o činnosti sekce 2024",
        body="Sekce se sešla čtyřikrát.",
        language="cs",
        category="report",
        visibility="public",
    )
    assert document.current_version.extraction == DocumentVersion.Extraction.PENDING
    html = client.get(document.get_absolute_url()).content.decode()
    assert "The text is being extracted from the file" in html


def test_the_language_left_open_is_taken_from_the_text(committed, section, member, monkeypatch):
    import bibliohub.knowledge.extraction as extraction

    monkeypatch.setattr(extraction, "detect_language", lambda text: "sl")
    with committed():
        document = document_create(
            actor=member,
            network=section,
            title="Standardi",
            file=SimpleUploadedFile("standardi.docx", files.docx("Knjižnica je odprta.")),
            category="recommendation",
            visibility="public",
        )
    document.refresh_from_db()
    assert document.language == "sl"
