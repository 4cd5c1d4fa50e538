"""`bibliohub import-documents`: folders and JSON Lines, a network created when missing, the
external reference kept, a second import updating instead of duplicating, bad files reported and
skipped while the rest go in, and the text extracted before the command ends."""

import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from bibliohub.core.models import Visibility
from bibliohub.directory.models import Network
from bibliohub.knowledge.models import Document, DocumentVersion

from . import files

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("import-documents", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "smernice"
    (root / "smlouvy").mkdir(parents=True)
    (root / "Vypujcni_rad_vzor.pdf").write_bytes(files.pdf("Výpůjční řád městské knihovny"))
    (root / "smlouvy" / "smlouva-o-vypujcce-vystavy.docx").write_bytes(
        files.docx("Smlouva o výpůjčce výstavy", "Půjčitel přenechává vypůjčiteli výstavu.")
    )
    (root / "smlouvy" / "dohoda.odt").write_bytes(files.odt("Dohoda o spolupráci", "Strany."))
    (root / "metodika.md").write_text("# Metodika VKIS\n\nHodnocení knihoven.", encoding="utf-8")
    (root / "poznamky.txt").write_bytes("Poznámky z jednání sekce.".encode("cp1250"))
    (root / "falesny.pdf").write_bytes(files.png())
    (root / "foto.png").write_bytes(files.png())
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    return root


def test_a_folder_is_imported_into_a_new_network(folder, media_root):
    out = run(folder, "--network", "sekce-mk", "--visibility", "members", "--lang", "cs")
    network = Network.objects.get(slug="sekce-mk")
    assert network.kind == Network.Kind.ASSOCIATION and network.name == "sekce-mk"
    assert network.language == "cs"
    titles = sorted(Document.objects.values_list("title", flat=True))
    assert titles == [
        "Dohoda",
        "Metodika",
        "Poznamky",
        "Smlouva o vypujcce vystavy",
        "Vypujcni rad vzor",
    ]
    assert set(Document.objects.values_list("network__slug", "visibility", "language")) == {
        ("sekce-mk", Visibility.MEMBERS, "cs")
    }
    # Searchable at once: every text is extracted when the command ends.
    assert set(DocumentVersion.objects.values_list("extraction", flat=True)) == {"done"}
    smlouva = DocumentVersion.objects.get(document__title="Smlouva o vypujcce vystavy")
    assert "přenechává vypůjčiteli výstavu" in smlouva.text
    assert (
        "Poznámky z jednání sekce."
        in DocumentVersion.objects.get(original_name="poznamky.txt").text
    )
    assert "Created the network “sekce-mk” (sekce-mk)." in out
    assert f"skipped    {folder / 'falesny.pdf'}: “falesny.pdf” is not really a PDF file" in out
    assert f"skipped    {folder / 'foto.png'}: not a supported type" in out
    assert ".DS_Store" not in out
    assert out.strip().endswith("Imported 5, updated 0, unchanged 0, skipped 2.")

    # The same folder again: the same files are recognised and not doubled.
    again = run(folder, "--network", "sekce-mk", "--visibility", "members")
    assert Document.objects.count() == 5
    assert "Imported 0, updated 0, unchanged 0, skipped 7." in again
    assert "the same file is already the document" in again


@pytest.fixture
def jsonl(tmp_path):
    (tmp_path / "prilohy").mkdir()
    (tmp_path / "prilohy" / "program.docx").write_bytes(
        files.docx("Програма розвитку ЦБС", "Бібліотеки+ — простір для громади.")
    )
    path = tmp_path / "export.jsonl"

    def write(*items):
        path.write_text(
            "\n".join(i if isinstance(i, str) else json.dumps(i, ensure_ascii=False) for i in items)
            + "\n",
            encoding="utf-8",
        )
        return path

    return write


FIRST = {
    "id": "biblionet-42",
    "title": "Партнерства библиотека са школама",
    "body": "# Партнерства\n\nБиблиотеке сарађују са школама у програмима описмењавања.",
    "lang": "sr",
    "category": "recommendation",
    "tags": ["партнерства", "школе"],
}
SECOND = {
    "id": 7,
    "title": "Програма розвитку ЦБС Солом'янського району 2016–2021",
    "file": "prilohy/program.docx",
    "lang": "uk",
    "category": "strategy",
}


def test_jsonl_keeps_ids_and_a_second_import_updates(jsonl, committed, django_user_model):
    path = jsonl(
        FIRST,
        SECOND,
        '{"title": "broken',
        {"title": "Bez obsahu"},
        {"title": "Neznámá kategorie", "body": "x", "category": "poetry"},
    )
    out = run(
        path, "--network", "biblionet", "--network-name", "Библионет", "--visibility", "public"
    )
    network = Network.objects.get(slug="biblionet")
    assert network.name == "Библионет"
    partnerships = Document.objects.get(external_ref="biblionet-42")
    assert partnerships.language == "sr" and partnerships.category == "recommendation"
    assert sorted(partnerships.tags.values_list("name", flat=True)) == ["партнерства", "школе"]
    assert "описмењавања" in partnerships.current_version.text
    programme = Document.objects.get(external_ref="7")
    assert programme.current_version.original_name == "program.docx"
    assert "простір для громади" in programme.current_version.text
    assert f"skipped    {path}:3: not valid JSON" in out
    assert f"skipped    {path}:4: give either `body` or `file`" in out
    assert f"skipped    {path}:5: unknown category “poetry”" in out
    assert "Imported 2, updated 0, unchanged 0, skipped 3." in out

    reader = django_user_model.objects.create_user(email="jovana@example.org", language="sr")
    from bibliohub.knowledge.services import follow

    follow(reader, partnerships)
    changed = {**FIRST, "body": FIRST["body"] + "\n\nНови пример: Врање.", "tags": ["школе"]}
    with committed():
        out = run(jsonl(changed, SECOND), "--network", "biblionet", "--visibility", "public")
    assert "Imported 0, updated 1, unchanged 1, skipped 0." in out
    assert Document.objects.filter(network=network).count() == 2
    partnerships.refresh_from_db()
    assert partnerships.current_version.number == 2
    assert "Врање" in partnerships.current_version.text
    assert list(partnerships.tags.values_list("name", flat=True)) == ["школе"]
    assert [m.to for m in mail.outbox] == [["jovana@example.org"]]
    assert Document.objects.get(external_ref="7").versions.count() == 1


def test_an_unknown_folder_is_reported(tmp_path, section):
    out = run(tmp_path / "missing", "--network", "sdruk-mk", "--visibility", "public")
    assert "does not exist" in out
    assert "Imported 0, updated 0, unchanged 0, skipped 1." in out


def test_imported_documents_are_searchable_when_the_command_ends(folder, section, member):
    from django.contrib.auth.models import AnonymousUser

    from bibliohub.search.query import search

    run(folder, "--network", "sdruk-mk", "--visibility", "members", "--lang", "cs")
    # A word from inside the DOCX, in another form and without diacritics.
    found = search(member, "vypujcitel", kind="document")
    assert [r.title for r in found.results] == ["Smlouva o vypujcce vystavy"]
    assert search(AnonymousUser(), "vypujcitel", kind="document").total == 0
