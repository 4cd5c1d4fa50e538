"""Searching: the issue's language cases end to end, ranking, permissions in results, counts and
suggestions, paging, filters and snippets — the same on SQLite and PostgreSQL."""

import pytest

from bibliohub.core.models import Visibility
from bibliohub.directory.services import library_create
from bibliohub.search import query as query_module
from bibliohub.search.query import search, suggest

from .test_index import VISITOR, build_world, make_document, titles


@pytest.fixture
def w(db, django_user_model):
    return build_world(django_user_model)


@pytest.fixture
def languages(w):
    """One document per language of the issue, each with the inflected forms it names."""
    return {
        "cs": make_document(
            w.association,
            "Návrh pro městské knihovny",
            "Návrh výpůjčního řádu pro městské knihovny a jejich pobočky.",
            language="cs",
        ),
        "sl": make_document(
            w.association,
            "Sodelovanje v regiji",
            "Sodelovanje z drugimi knjižnicami v regiji.",
            language="sl",
        ),
        "sr": make_document(
            w.other_network,
            "Годишњи извештај",
            "Народна библиотека развија партнерство са школама.",
            language="sr",
        ),
        "uk": make_document(
            w.association,
            "Звіт району",
            "Мережа публічних бібліотек району.",
            language="uk",
        ),
    }


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("výpůjční řád", "cs"),
        ("vypujcni rad", "cs"),
        ("Výpůjční Řád", "cs"),
        ("knjižnica", "sl"),
        ("knjiznica", "sl"),
        ("biblioteka", "sr"),
        ("partnerstvo", "sr"),
        ("библиотека", "sr"),
        ("бібліотека", "uk"),
    ],
)
def test_the_issues_language_cases(languages, query, language):
    page = search(VISITOR, query)
    assert [r.title for r in page.results] == [languages[language].title]
    assert page.total == 1
    assert page.any_word is False


def test_query_language_given(languages):
    assert titles(VISITOR, "knjižnica", language="sl") == ["Sodelovanje v regiji"]
    assert titles(VISITOR, "knjižnica", language="cs") == []
    # Serbian is one language in two scripts.
    assert titles(VISITOR, "biblioteka", language="sr-latn") == ["Годишњи извештај"]


def test_a_title_match_ranks_above_a_body_match(w):
    make_document(w.association, "Výroční zpráva", "Naše strategie a strategie kraje. " * 3)
    make_document(w.association, "Strategie rozvoje", "Dokument schválila valná hromada.")
    assert titles(VISITOR, "strategie") == ["Strategie rozvoje", "Výroční zpráva"]


@pytest.fixture
def ranked(w):
    body = "Dokument schválila valná hromada svazu v dubnu."
    for title, text in [
        ("Komunitní knihovna", body),
        ("Knihovna jako komunitní centrum obce a regionu", body),
        ("Zpráva o činnosti", "Knihovna, knihovna a ještě jednou knihovna."),
        ("Výroční zpráva", body + " Knihovna se zapojila. " + "Další text o činnosti. " * 20),
        ("Metodika", "Komunitní práce s dětmi a mládeží."),
    ]:
        make_document(w.association, title, text)


@pytest.mark.parametrize(
    ("query", "top"),
    [
        (
            "knihovna",
            [
                "Komunitní knihovna",
                "Knihovna jako komunitní centrum obce a regionu",
                "Zpráva o činnosti",
            ],
        ),
        (
            "knihovny",
            [
                "Komunitní knihovna",
                "Knihovna jako komunitní centrum obce a regionu",
                "Zpráva o činnosti",
            ],
        ),
        (
            "komunitní",
            ["Komunitní knihovna", "Knihovna jako komunitní centrum obce a regionu", "Metodika"],
        ),
        (
            "komunitni knihovna",
            ["Komunitní knihovna", "Knihovna jako komunitní centrum obce a regionu"],
        ),
        ("činnost", ["Zpráva o činnosti", "Výroční zpráva"]),
    ],
)
def test_both_engines_rank_alike(ranked, query, top):
    # The suite runs on SQLite and on PostgreSQL: the same expected order holds for both.
    assert titles(VISITOR, query, kind="document")[:3] == top


def test_members_content_never_reaches_a_visitor(w):
    make_document(w.association, "Veřejný dokument", "Dotace na knihovny.")
    make_document(
        w.association, "Interní dokument", "Dotace pro členy.", visibility=Visibility.MEMBERS
    )
    make_document(
        w.association,
        "Dokument sekce",
        "Dotace pro sekci.",
        visibility=Visibility.SECTION,
        audience=w.section,
    )
    for person in (VISITOR, w.outsider):
        page = search(person, "dotace")
        assert [r.title for r in page.results] == ["Veřejný dokument"]
        assert (page.total, page.counts) == (1, {"document": 1})
        assert [s["title"] for s in suggest(person, "dokum")] == ["Veřejný dokument"]
        assert [s["title"] for s in suggest(person, "Interní")] == []
        assert [s["title"] for s in suggest(person, "Veřej")] == ["Veřejný dokument"]
    page = search(w.member, "dotace")
    assert page.total == 3 and page.counts == {"document": 3}
    assert sorted(s["title"] for s in suggest(w.member, "dokum")) == [
        "Dokument sekce",
        "Interní dokument",
        "Veřejný dokument",
    ]


def test_a_superuser_sees_everything(w, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="admin@example.org", password="Quite-Long-Secret-42"
    )
    make_document(w.association, "Interní", "Dotace pro členy.", visibility=Visibility.MEMBERS)
    assert titles(admin, "dotace") == ["Interní"]


def test_paging_and_totals_count_only_what_one_may_see(w):
    for n in range(5):
        make_document(w.association, f"Veřejná dotace {n}", "Grant.")
    for n in range(3):
        make_document(w.association, f"Interní dotace {n}", "Grant.", visibility="members")

    pages = [search(VISITOR, "dotace", page=p, per_page=2) for p in (1, 2, 3, 4)]
    assert [p.total for p in pages] == [5, 5, 5, 5]
    assert [len(p.results) for p in pages] == [2, 2, 1, 0]
    assert [p.num_pages for p in pages] == [3, 3, 3, 3]
    assert (pages[0].has_previous, pages[0].has_next, pages[2].has_next) == (False, True, False)
    seen = [r.title for p in pages for r in p.results]
    assert sorted(seen) == [f"Veřejná dotace {n}" for n in range(5)]

    member_pages = [search(w.member, "dotace", page=p, per_page=3) for p in (1, 2, 3)]
    assert [p.total for p in member_pages] == [8, 8, 8]
    assert len({r.title for p in member_pages for r in p.results}) == 8


def test_counting_stops_past_the_limit_and_says_so(w, monkeypatch):
    # A common word's tens of thousands of matches are not all counted: past COUNT_LIMIT (or
    # what the page asked for needs) the total is a lower bound, and pages still work.
    monkeypatch.setattr(query_module, "COUNT_LIMIT", 4)
    monkeypatch.setattr(query_module, "RANK_ALL", 4)
    monkeypatch.setattr(query_module, "RANK_POOL", 4)
    for n in range(6):
        make_document(w.association, f"Veřejná dotace {n}", "Grant.")
    for n in range(5):
        make_document(w.association, f"Interní dotace {n}", "Grant.", visibility="members")
    library_create(
        name="Knihovna Dotace",
        town="Dotace",
        library_type="public",
        country="CZ",
        language="cs",
        region=w.region,
    )

    first = search(VISITOR, "dotace", per_page=2)
    assert (first.total, first.exact, first.counts_exact, first.matches) == (4, False, False, 4)
    assert len(first.results) == 2 and first.num_pages == 2
    # Further pages count as far as they need.
    third = search(VISITOR, "dotace", page=3, per_page=2)
    assert (third.total, third.exact, len(third.results)) == (6, False, 2)
    fourth = search(VISITOR, "dotace", page=4, per_page=2)
    assert (fourth.total, fourth.exact, len(fourth.results)) == (7, True, 1)
    # The pages within one pool of ranked matches (RANK_ALL) follow on from one another.
    second = search(VISITOR, "dotace", page=2, per_page=2)
    seen = [r.title for p in (first, second) for r in p.results]
    assert len(set(seen)) == 4 and not any(t.startswith("Interní") for t in seen)
    # A kind is counted on its own: the first matches of every kind may hold few of it.
    libraries = search(VISITOR, "dotace", kind="library")
    assert (libraries.total, libraries.exact) == (1, True)
    assert [r.title for r in libraries.results] == ["Knihovna Dotace"]
    # What one may not see is never counted: with a page of 10 (so a limit of 10), the
    # visitor's 7 are exact, the member's 12 are more than 10.
    exact = search(VISITOR, "dotace")
    assert (exact.total, exact.exact, exact.counts) == (7, True, {"library": 1, "document": 6})
    member = search(w.member, "dotace")
    assert (member.total, member.exact, member.matches) == (10, False, 10)


def test_counts_per_kind_ignore_the_kind_filter(w):
    make_document(w.association, "Pobočky", "Seznam poboček, Brno.")
    page = search(VISITOR, "Brno")
    assert page.counts == {"library": 1, "document": 1}
    assert page.total == 2
    only = search(VISITOR, "Brno", kind="document")
    assert [r.kind for r in only.results] == ["document"]
    assert (only.total, only.counts) == (1, {"library": 1, "document": 1})
    assert search(VISITOR, "Brno", kind="nonsense").results == []


def test_filters(w):
    make_document(w.association, "Směrnice svazu", "Pravidla.", category="directive")
    make_document(w.section, "Směrnice sekce", "Pravidla.", category="directive")
    make_document(w.section, "Zpráva sekce", "Pravidla.", category="report", language="cs")
    make_document(w.other_network, "Pravila", "Pravidla.", language="sr-latn")

    assert sorted(titles(VISITOR, "pravidla", network=w.association)) == [
        "Směrnice sekce",
        "Směrnice svazu",
        "Zpráva sekce",
    ]
    assert sorted(titles(VISITOR, "pravidla", network="sdruk-mk")) == [
        "Směrnice sekce",
        "Zpráva sekce",
    ]
    assert titles(VISITOR, "pravidla", network="no-such-network") == []
    assert sorted(titles(VISITOR, "pravidla", category="directive")) == [
        "Směrnice sekce",
        "Směrnice svazu",
    ]
    assert titles(VISITOR, "pravidla", language="sr") == ["Pravila"]
    assert titles(VISITOR, "pravidla", language="sr-latn") == ["Pravila"]
    # The network filter keeps the network's own entry.
    assert "Svaz knihoven ČR" in titles(VISITOR, "svaz", network="sdruk")


def test_when_no_entry_has_every_word_any_word_will_do(w):
    make_document(w.association, "Výpůjční řád", "Pravidla půjčování.")
    page = search(VISITOR, "výpůjční xylofon")
    assert page.any_word is True
    assert [r.title for r in page.results] == ["Výpůjční řád"]
    assert search(VISITOR, "výpůjční řád").any_word is False


def test_nothing_to_search_for(w):
    make_document(w.association, "Výpůjční řád", "Pravidla.")
    for q in ("", "   ", "!!!"):
        page = search(VISITOR, q)
        assert (page.total, page.results, page.counts) == (0, [], {})


def test_results_carry_what_the_page_shows(w):
    make_document(
        w.association,
        "Výpůjční řád",
        "Pravidla.",
        category="directive",
        ref="SDRUK-7",
    )
    result = search(VISITOR, "řád").results[0]
    assert (result.kind, result.ref, result.category, result.language) == (
        "document",
        "SDRUK-7",
        "directive",
        "cs",
    )
    assert result.network_name == "Svaz knihoven ČR"
    assert result.url.startswith("/documents/")
    assert result.score > 0
    assert str(result.kind_label) == "Document"


def test_snippets_mark_the_matches_and_escape_the_rest(w):
    make_document(
        w.association,
        "Řád <b>knihovny</b>",
        "<script>alert(1)</script> Výpůjční řád platí od ledna & déle.",
    )
    result = search(VISITOR, "vypujcni rad").results[0]
    assert result.snippet_html == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Výpůjční</mark> <mark>řád</mark> "
        "platí od ledna &amp; déle."
    )
    assert result.title_html == "<mark>Řád</mark> &lt;b&gt;knihovny&lt;/b&gt;"


def test_snippet_is_a_window_around_the_first_match(w):
    text = "Úvodní slovo předsedy. " * 30 + "Návrh výpůjčního řádu. " + "Závěr. " * 30
    make_document(w.association, "Zpráva", text)
    snippet = search(VISITOR, "výpůjční").results[0].snippet_html
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>výpůjčního</mark>" in snippet
    assert len(snippet) < 300


def test_snippets_mark_serbian_in_either_script(languages):
    result = search(VISITOR, "biblioteka").results[0]
    assert "<mark>библиотека</mark>" in result.snippet_html


def test_suggestions(w, languages):
    make_document(w.association, "Výpůjční řád městské knihovny", "Text.")
    make_document(w.association, "Vzor výpůjčního řádu", "Text.")
    assert [s["title"] for s in suggest(VISITOR, "výpů")] == [
        "Výpůjční řád městské knihovny",
        "Vzor výpůjčního řádu",
    ]
    assert [s["title"] for s in suggest(VISITOR, "vypu")][:1] == ["Výpůjční řád městské knihovny"]
    # Finished words match in any form, the last one by its start.
    assert [s["title"] for s in suggest(VISITOR, "výpůjční ř")] == [
        "Výpůjční řád městské knihovny",
        "Vzor výpůjčního řádu",
    ]
    assert [s["title"] for s in suggest(VISITOR, "Vzor výp")] == ["Vzor výpůjčního řádu"]
    # Serbian titles in Cyrillic from either script.
    assert [s["title"] for s in suggest(VISITOR, "Годиш")] == ["Годишњи извештај"]
    assert [s["title"] for s in suggest(VISITOR, "godis")] == ["Годишњи извештај"]
    # The body does not make suggestions; one letter is not enough.
    assert suggest(VISITOR, "pobočk") == []
    assert suggest(VISITOR, "v") == []
    first = suggest(VISITOR, "výpů")[0]
    assert set(first) == {"title", "url", "kind"} and first["kind"] == "document"


def test_suggestions_stop_at_the_limit(w):
    for n in range(12):
        make_document(w.association, f"Metodika {n}", "Text.")
    assert len(suggest(VISITOR, "meto")) == 8
    assert len(suggest(VISITOR, "meto", limit=3)) == 3


def test_libraries_and_branches_by_town(w):
    library_create(
        name="Městská knihovna Třinec",
        town="Třinec",
        library_type="public",
        country="CZ",
        language="cs",
        region=w.region,
    )
    assert titles(VISITOR, "trinec") == ["Městská knihovna Třinec"]
    assert [s["title"] for s in suggest(VISITOR, "trin")] == ["Městská knihovna Třinec"]


def test_ranking_among_very_many_matches(w, monkeypatch):
    # Beyond RANK_ALL matches, the newest matches and the newest title matches are ranked:
    # a document with the word in its title still comes first, however old it is.
    from bibliohub.search.backends import postgres

    monkeypatch.setattr(query_module, "RANK_ALL", 4)
    monkeypatch.setattr(query_module, "RANK_POOL", 4)
    # (PostgreSQL looks for the newest matches among the newest ids, widening the window
    # until it holds enough: here from one id.)
    monkeypatch.setattr(postgres, "NEWEST_WINDOW", 1)
    make_document(w.association, "Strategie kraje", "Schváleno.")
    for n in range(6):
        make_document(w.association, f"Zpráva {n}", f"Strategie a plán číslo {n}.")
    for n in range(2):
        make_document(w.association, f"Interní {n}", "Strategie.", visibility="members")

    pages = [search(VISITOR, "strategie", page=p, per_page=2) for p in (1, 2)]
    assert [p.total for p in pages] == [7, 7]
    assert pages[0].counts == {"document": 7}
    seen = [r.title for p in pages for r in p.results]
    assert seen[0] == "Strategie kraje"
    assert len(set(seen)) == 4
    assert not any(t.startswith("Interní") for t in seen)

    member = search(w.member, "strategie", per_page=4)
    assert member.total == 9
    assert member.results[0].title == "Strategie kraje"
    assert any(r.title.startswith("Interní") for r in member.results)


def test_the_engine_filter_reads_the_entries_own_columns_or_a_subquery(w):
    from bibliohub.search.backends import Where, get_backend
    from bibliohub.search.models import SearchEntry

    make_document(w.association, "Strategie svazu", "Plán.")
    make_document(w.section, "Strategie sekce", "Plán.", visibility="members")
    groups = [{"strategie"}]
    # A member's filter names networks by id: the entries' own columns, no subquery.
    member = Where(query_module._visible(w.member))
    assert "SELECT" not in member.sql and "network_id" in member.sql
    # A filter through a relation (the network's name) needs a join: a subquery does it.
    joined = Where(SearchEntry.objects.filter(network__name=w.section.name))
    assert "SELECT" in joined.sql
    backend = get_backend()
    assert backend.count(member, groups, any_word=False) == {"document": 2}
    assert backend.count(joined, groups, any_word=False) == {"document": 1}
