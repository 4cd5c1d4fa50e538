"""The analysis pipeline: inflected forms, diacritics and scripts meet between a query and a text."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bibliohub.search.analysis import (
    analyse,
    analyse_parts,
    cap_repeats,
    detect_language,
    normalise,
    prefix_forms,
    query_forms,
)


def finds(query: str, text: str, language: str | None, query_language: str | None = None) -> bool:
    """Whether every word of the query matches a term of the text (as the engines decide)."""
    terms = set(analyse(text, language))
    groups = query_forms(query, query_language)
    return bool(groups) and all(group & terms for group in groups)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("výpůjční řád", "Návrh výpůjčního řádu městské knihovny"),
        ("výpůjční řád", "Podle výpůjčním řádem"),
        ("knihovna", "Spolupráce s knihovnami kraje"),
        ("knihovna", "Setkání knihoven"),
        ("smlouva", "Vzor smlouvy o dílo"),
        ("čtenář", "Služby čtenářům"),
        ("metodika", "Podle metodiky SDRUK"),
    ],
)
def test_czech_inflection(query, text):
    assert finds(query, text, "cs")


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("knjižnica", "Sodelovanje s knjižnicami v regiji"),
        ("knjižnica", "Pravilnik o izposoji v splošnih knjižnicah"),
        ("knjižnica", "Mreža splošnih knjižnic"),
        ("pogodba", "Vzorec pogodbe o sodelovanju"),
        ("gradivo", "Izposoja gradiva na dom"),
        ("izposoja", "Pravila izposoje"),
    ],
)
def test_slovenian_inflection(query, text):
    assert finds(query, text, "sl")


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        ("biblioteka", "Saradnja sa bibliotekama", "sr-latn"),
        ("partnerstvo", "Ugovor o partnerstvu", "sr-latn"),
        ("udruženje", "Skupština udruženja", "sr-latn"),
        ("biblioteka", "Сарадња са библиотекама", "sr"),
        ("partnerstvo", "Развој партнерства", "sr"),
    ],
)
def test_serbian_inflection(query, text, language):
    assert finds(query, text, language)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("бібліотека", "Мережа публічних бібліотек"),
        ("бібліотека", "Співпраця з бібліотеками району"),
        ("бібліотека", "Керівництво бібліотекою"),
        ("партнерство", "Програма партнерства"),
        ("мережа", "Разом із мережею"),
        ("читач", "Послуги для читачів"),
        ("Дарницький", "Бібліотеки Дарницького району"),
    ],
)
def test_ukrainian_inflection(query, text):
    assert finds(query, text, "uk")


def test_english_inflection():
    assert finds("library partnership", "Partnerships between libraries", "en")


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        ("vypujcni rad", "Návrh výpůjčního řádu", "cs"),
        ("Vypujcni Rad", "VÝPŮJČNÍ ŘÁD", "cs"),
        ("výpůjční řád", "vypujcni rad (bez diakritiky)", "cs"),
        ("knjiznica", "Sodelovanje s knjižnicami", "sl"),
        ("brne", "Knihovna v Brně", "cs"),
        ("cacak", "Gradska biblioteka Čačak", "sr-latn"),
    ],
)
def test_diacritics_do_not_matter(query, text, language):
    assert finds(query, text, language)


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        ("biblioteka", "Народна библиотека Србије", "sr"),
        ("partnerstvo", "партнерство са школама", "sr"),
        ("библиотека", "Narodna biblioteka Srbije", "sr-latn"),
        ("партнерство", "Partnerstvo sa školama", "sr-latn"),
        ("Čačak", "Градска библиотека Чачак", "sr"),
        ("ljubljana", "Љубљана", None),
        ("đorđević", "Ђорђевић", "cs"),
    ],
)
def test_serbian_scripts_find_each_other(query, text, language):
    assert finds(query, text, language)


def test_serbian_only_letters_make_a_word_serbian_in_any_text():
    # A Serbian name in a Czech text is written in Latin too.
    assert "njegos" in analyse("Петар II Петровић Његош", "cs")


def test_ukrainian_stays_cyrillic():
    terms = analyse("Бібліотеки Києва", "uk")
    assert "бібліотека" in terms
    assert all(not t.isascii() for t in terms)
    # A Ukrainian word does not turn into a Serbian transliteration.
    assert not any(t.startswith("bіbl") or t.startswith("bibl") for t in terms)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("Brno", "Knihovna Jiřího Mahena v Brně"),
        ("brno", "Setkání v Brně"),
        ("Praha", "Metodika z Prahy"),
        ("Plzeň", "Studijní a vědecká knihovna v Plzni"),
    ],
)
def test_a_city_is_found_in_any_case(query, text):
    # A lemmatiser reads a word as written: "Brně" is the city (Brno), "brně" a verb.
    assert finds(query, text, "cs")


def test_a_capitalised_word_keeps_its_lemma_and_a_shouting_one_too():
    assert "knihovna" in analyse("KNIHOVNY A Knihovny", "cs")
    assert analyse("Knihovny", "cs") == analyse("knihovny", "cs")


def test_a_ukrainian_query_word_gets_no_half_latin_form():
    # Analysed as Serbian too (a query's language is unknown), "користування" became
    # "koristuvannя": a term no text has, which only made the search slower.
    (forms,) = query_forms("користування")
    assert "користування" in forms
    assert all("\u0400" <= ch <= "\u04ff" for form in forms for ch in form)
    assert prefix_forms("бюдж") == {"бюдж"}
    # Serbian Cyrillic still meets its Latin spelling.
    assert "biblioteka" in query_forms("библиотека")[0]


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        ("knihovna", "Kniha měsíce", "cs"),
        ("partnerstvo", "Partizanska biblioteka", "sr-latn"),
        ("бібліотека", "Народна библиотека", "sr"),
    ],
)
def test_different_words_do_not_match(query, text, language):
    assert not finds(query, text, language)


def test_unicode_normalisation_and_case():
    assert normalise("ＫＮＩＨＯＶＮＡ ﬁlm") == "knihovna film"
    assert finds("KNIHOVNA", "knihovna", "cs")
    assert finds("ﬁlm", "Film", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Výpůjční řád městské knihovny a pravidla pro čtenáře", "cs"),
        ("Pravilnik o izposoji gradiva v splošnih knjižnicah", "sl"),
        ("Библиотека града Београда организује партнерство са школама", "sr"),
        ("Narodna biblioteka organizuje partnerstvo sa školama i udruženjima", "sr-latn"),
        ("Бібліотеки Дарницького району Києва запрошують читачів", "uk"),
        ("Annual report of the network of public libraries", "en"),
        ("Његош", "sr"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_language_is_detected_when_missing():
    assert finds("knjižnica", "Sodelovanje s knjižnicami v regiji in izposoja gradiva", None)
    assert finds("biblioteka", "Библиотека града Београда организује партнерство", None)


def test_query_forms_are_compact():
    groups = query_forms("výpůjční řád", None)
    assert len(groups) == 2
    assert "vypujcni" in groups[0]
    assert "rad" in groups[1]
    # A handful of forms per word, not one per language and rule.
    assert all(len(g) <= 8 for g in groups)
    # Each term of a text word appears once.
    terms = analyse("knihovna", "cs")
    assert len(terms) == len(set(terms))


def test_latin_terms_are_kept_without_diacritics_only():
    # "Výpůjční" and "vypujcni" meet as "vypujcni"; Cyrillic keeps its letters.
    terms = analyse_parts(
        [("cs", "Výpůjční řád knihoven"), ("sl", "Ljubljanske knjižnice"), ("uk", "Їжак")]
    )
    latin = [t for t in terms if not any("\u0400" <= c <= "\u04ff" for c in t)]
    assert latin and all(t.isascii() for t in latin)
    assert {"vypujcni", "knjiznica", "їжак"} <= set(terms)
    assert finds("výpůjční řád", "Výpůjční řád", "cs")
    assert finds("vypujcni rad", "Výpůjční řád", "cs")


def test_query_words_without_meaning_are_left_out():
    assert query_forms("knihovna v Brně", None) == query_forms("knihovna Brně", None)
    # ... unless they are all the query has.
    assert query_forms("v", None) == [{"v"}]
    assert query_forms("  ", None) == []


def test_query_in_a_given_language():
    assert finds("knjižnica", "Sodelovanje s knjižnicami", "sl", query_language="sl")
    assert finds("библиотека", "Narodna biblioteka", "sr-latn", query_language="sr")


def test_prefix_forms():
    assert prefix_forms("Výpů") == {"vypu"}
    assert prefix_forms("библ") == {"библ", "bibl"}
    assert prefix_forms("Годиш") == {"годиш", "godis"}
    assert prefix_forms("бібл") == {"бібл"}


def test_repeats_are_capped_without_losing_a_term():
    text = "Knihovna a knihovny. Knihovna! Knihovna, knihovna; čtenáři knihovny."
    everything = analyse(text, "cs")
    capped = analyse(text, "cs", max_repeats=3)
    assert set(capped) == set(everything)
    assert max(capped.count(t) for t in capped) == 3
    for term in set(everything):
        assert capped.count(term) == min(everything.count(term), 3)
    # Every term once first, in the order the words come, then the repeats.
    firsts = capped[: len(set(capped))]
    assert firsts == list(dict.fromkeys(everything))
    assert cap_repeats(["a", "b", "a", "a", "c", "a"], 2) == ["a", "b", "c", "a"]


def test_parts_in_different_languages_are_analysed_each_in_its_own():
    terms = analyse_parts([("cs", "Výpůjční řád"), ("uk", "Правила користування бібліотекою")])
    assert {"rad", "бібліотека"} <= set(terms)
    assert analyse_parts([("cs", ""), ("uk", "")]) == []


_KILLED_REBUILD = """
import multiprocessing, os
from concurrent.futures import ProcessPoolExecutor
from bibliohub.search import analysis

if __name__ == "__main__":
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(1, mp_context=context, initializer=analysis.start_worker, initargs=(10,))
    print(pool.submit(os.getpid).result(), flush=True)
    os._exit(0)  # as if killed: the pool is never shut down
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_rebuilds_worker_ends_when_the_rebuild_is_killed(tmp_path):
    # A worker process that analyses for `reindex` does not outlive a rebuild that was killed
    # (it would wait for work for ever, holding hundreds of MB of word forms).
    script = tmp_path / "killed_rebuild.py"
    script.write_text(_KILLED_REBUILD)
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(  # noqa: S603 (this interpreter, a script the test wrote)
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=True,
    )
    worker = int(done.stdout)
    deadline = time.monotonic() + 20
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _running(worker)
