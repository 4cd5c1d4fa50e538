"""In a real browser: a member uploads a DOCX for the members of the section; a second member
finds it by an inflected word typed without diacritics and downloads it; a visitor searching the
same words does not see it."""

from pathlib import Path
from urllib.parse import quote

import pytest

from bibliohub.directory.models import LibraryRole
from bibliohub.knowledge.models import Document

from . import files
from .conftest import PASSWORD, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Pravidla pro čtenáře městské knihovny"


def _sign_in(tab, user, next_url):
    tab.goto(f"/accounts/login/?next={quote(next_url)}")
    tab.get_by_label("Email", exact=True).fill(user.email)
    tab.get_by_label("Password", exact=True).fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"**{next_url}")


def test_members_find_an_uploaded_docx_by_an_inflected_word_and_visitors_do_not(
    new_page, colleague, django_user_model, trinec, tmp_path
):
    second = person(django_user_model, "jan@trinec.example", language="en", full_name="Jan Dvořák")
    LibraryRole.objects.create(user=second, library=trinec, role=LibraryRole.Role.STAFF)
    upload = tmp_path / "pravidla.docx"
    upload.write_bytes(
        files.docx(
            TITLE,
            "Změny výpůjčního řádu platí od ledna. Čtenáři vracejí knihy do třiceti dnů.",
        )
    )

    uploader = new_page()
    _sign_in(uploader, colleague, "/documents/new/?network=sdruk-mk")
    uploader.get_by_label("File").set_input_files(str(upload))
    uploader.get_by_label("Title").fill(TITLE)
    uploader.get_by_label("Language of the document").select_option("cs")
    uploader.get_by_label("Category").select_option("directive")
    uploader.get_by_label("Who can see it").select_option("members")
    uploader.get_by_role("button", name="Upload the document").click()
    document = Document.objects.get()
    uploader.wait_for_url(f"**/documents/{document.slug}/")

    reader = new_page()
    _sign_in(reader, second, "/accounts/me/")
    box = reader.get_by_label("Search", exact=True)
    box.fill("vypujcni rad")
    box.press("Enter")
    reader.wait_for_url("**/search/?q=vypujcni+rad*")
    reader.get_by_role("link", name=TITLE).click()
    reader.wait_for_url(f"**/documents/{document.slug}/")
    with reader.expect_download() as download_info:
        reader.get_by_role("link", name="Download pravidla.docx").click()
    assert Path(download_info.value.path()).read_bytes() == upload.read_bytes()

    visitor = new_page()
    visitor.goto("/search/?q=vypujcni+rad")
    assert visitor.get_by_role("link", name=TITLE).count() == 0
    assert visitor.get_by_text("Nothing matches").first.is_visible()
    assert visitor.get_by_text("výpůjčního").count() == 0
