"""In a real browser: a member uploads a DOCX to the section, sees its preview and downloads it;
the upload form, the document page and the library pass axe-core without serious or critical
violations."""

from pathlib import Path

import pytest

from bibliohub.knowledge.models import Document
from conftest import axe_violations

from . import files
from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_uploads_a_docx_and_reads_its_preview(page, colleague, tmp_path):
    upload = tmp_path / "Smlouva o výpůjčce výstavy.docx"
    upload.write_bytes(
        files.docx(
            "Smlouva o výpůjčce výstavy",
            "Půjčitel přenechává vypůjčiteli putovní výstavu k bezplatnému užívání.",
        )
    )
    page.goto("/accounts/login/?next=/documents/new/%3Fnetwork%3Dsdruk-mk")
    page.get_by_label("Email", exact=True).fill(colleague.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/documents/new/?network=sdruk-mk")
    assert page.get_by_role("heading", name="Upload a document").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Upload the document").click()  # nothing filled in
    assert page.get_by_text("Please correct the errors below").is_visible()
    assert axe_violations(page) == []

    page.get_by_label("File").set_input_files(str(upload))
    page.get_by_label("Title").fill("Smlouva o výpůjčce výstavy")
    page.get_by_label("Language of the document").select_option("cs")
    page.get_by_label("Category").select_option("contract")
    page.get_by_label("Tags").fill("smlouvy, výstavy")
    page.get_by_label("Who can see it").select_option("members")
    page.get_by_role("button", name="Upload the document").click()
    document = Document.objects.get()
    page.wait_for_url(f"**/documents/{document.slug}/")
    assert page.get_by_role("heading", name="Smlouva o výpůjčce výstavy", level=1).is_visible()
    assert page.get_by_text("přenechává vypůjčiteli putovní výstavu").is_visible()
    assert axe_violations(page) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Smlouva o výpůjčce výstavy.docx").click()
    download = download_info.value
    assert download.suggested_filename == "Smlouva o výpůjčce výstavy.docx"
    assert Path(download.path()).read_bytes() == upload.read_bytes()

    page.goto("/documents/?tag=smlouvy")
    assert page.get_by_role("link", name="Smlouva o výpůjčce výstavy").is_visible()
    assert axe_violations(page) == []
