"""`bibliohub reindex` and `bibliohub search`: what an administrator sees on the command line."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bibliohub.core.models import Visibility
from bibliohub.search.models import SearchEntry

from .test_index import build_world, make_document


@pytest.fixture
def w(db, django_user_model):
    world = build_world(django_user_model)
    make_document(
        world.association,
        "Výpůjční řád městské knihovny",
        "Návrh výpůjčního řádu pro městské knihovny.",
        category="directive",
        ref="SDRUK-7",
    )
    make_document(
        world.association,
        "Interní výpůjční řád",
        "Návrh výpůjčního řádu jen pro členy.",
        visibility=Visibility.MEMBERS,
    )
    make_document(world.other_network, "Годишњи извештај", "Народна библиотека.", language="sr")
    return world


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_reindex_prints_counts_and_speed(w):
    SearchEntry.objects.all().delete()
    output = run("reindex")
    for line in ("library: 1 indexed", "network: 3 indexed", "document: 3 indexed"):
        assert line in output
    assert "/s)" in output
    assert output.strip().splitlines()[-1].startswith("Total: 7 indexed in ")
    assert SearchEntry.objects.count() == 7


def test_reindex_one_kind(w):
    output = run("reindex", "--kind", "document")
    assert output.splitlines()[0].startswith("document: 3 indexed")
    assert "library" not in output
    with pytest.raises(CommandError):
        run("reindex", "--kind", "nonsense")


def test_search_shows_what_a_visitor_sees(w):
    output = run("search", "vypujcni rad")
    assert output.splitlines()[0] == "1 result(s) (document 1)"
    assert "1. Výpůjční řád městské knihovny [SDRUK-7]  (document, cs) /documents/" in output
    assert "Návrh výpůjčního řádu pro městské knihovny." in output
    assert "Interní" not in output


def test_search_json(w):
    data = json.loads(run("search", "výpůjční řád", "--json"))
    assert (data["query"], data["total"], data["counts"]) == ("výpůjční řád", 1, {"document": 1})
    [result] = data["results"]
    assert result["type"] == "document"
    assert result["title"] == "Výpůjční řád městské knihovny"
    assert result["url"].startswith("/documents/")
    assert result["ref"] == "SDRUK-7"
    assert (result["language"], result["category"]) == ("cs", "directive")
    assert result["score"] > 0
    # The snippet is plain text (the site marks the matches; a terminal has no use for tags).
    assert result["snippet"] == "Návrh výpůjčního řádu pro městské knihovny."
    assert {"type", "title", "url", "ref", "language", "category", "score", "snippet"} <= set(
        result
    )


def test_search_across_scripts_with_type_and_language(w):
    data = json.loads(run("search", "biblioteka", "--json", "--type", "document"))
    assert [r["title"] for r in data["results"]] == ["Годишњи извештај"]
    data = json.loads(run("search", "biblioteka", "--json", "--lang", "cs"))
    assert data["total"] == 0
    data = json.loads(run("search", "biblioteka", "--json", "--lang", "sr"))
    assert [r["title"] for r in data["results"]] == ["Годишњи извештај"]


def test_search_pages(w):
    for n in range(3):
        make_document(w.association, f"Metodika {n}", "Metodika pro knihovny.")
    first = run("search", "metodika", "--per-page", "2")
    assert "1. Metodika" in first and "2. Metodika" in first
    assert "--page 2 for more" in first
    second = json.loads(run("search", "metodika", "--per-page", "2", "--page", "2", "--json"))
    assert (second["total"], second["page"], len(second["results"])) == (3, 2, 1)


def test_search_finds_nothing(w):
    assert run("search", "xylofon").splitlines() == ["0 result(s)"]
