"""The one text analysis of search, used for indexing and for queries alike.

A word becomes a few index terms: its surface form (Unicode NFKC, case-folded; Serbian Cyrillic
written in Latin), its lemma (simplemma for Czech, Slovenian, Serbian and English, pymorphy3 for
Ukrainian) and a light stem (inflectional endings cut off, for the words the lemmatisers do not
know); in Latin script each of them without diacritics only. A query word is analysed the same
way in every candidate language, so a query matches when any of its forms equals any term of the
text: `vypujcni rad` and `výpůjční řád` both find "výpůjčního řádu", `biblioteka` finds
"библиотека".
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import re
import sys
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

import simplemma

from bibliohub.core.text import fold, sr_cyrillic_to_latin

# Languages of the lemmatisers; "hbs" is simplemma's Serbo-Croatian (Serbian in Latin script).
CANDIDATES = ("cs", "sl", "hbs", "uk", "en")
_CONTENT_TO_LEMMA = {
    "cs": "cs",
    "sl": "sl",
    "sr": "hbs",
    "sr-latn": "hbs",
    "hbs": "hbs",
    "uk": "uk",
    "en": "en",
}

_WORD = re.compile(r"[^\W_]+")
# Longer words are not words but hashes, URLs' debris or chemistry: kept as they are.
_MAX_WORD = 40
_SERBIAN_ONLY = frozenset("ђћџљњј")
_UKRAINIAN_ONLY = frozenset("іїєґ")
# Letters of Ukrainian (and Russian) that Serbian Cyrillic does not have: a word with one of
# them is not Serbian, and written in Latin it would be half Latin, half Cyrillic.
_NOT_SERBIAN = _UKRAINIAN_ONLY | frozenset("яющьйъыэё")

# Inflectional endings per language, longest tried first, for the light stem. The stem is only
# a safety net for forms the lemmatisers miss (cs "výpůjčního", sl "knjižnicami"), so the lists
# are short and a stem keeps at least _MIN_STEM letters.
_MIN_STEM = 4
_ENDINGS = {
    "cs": (
        "atech ětem atům ech ěch ích ého ěmi emi ému ete eti ího ími ímu ách ata aty ých ama ami "
        "ové ovi ými em es ém ím ům at ám os us ým mi ou a e ě i í o u ů y ý á é"
    ),
    "sl": "ami ema emu ega ih im imi om em ov ev ah a e i o u",
    "hbs": "ama ima omu ega emu om em oj og ih im a e i o u",
    "uk": "ами ями ого ому ими ою ею єю ів їв ах ях ам ям ом ем ій ий их им ої а я і и у ю о е ь ї й",
    "en": "",
}


def _ending_table(endings: str) -> tuple[str, ...]:
    # Each ending also without its diacritics, so that a word typed without them ("vypujcniho")
    # loses the same ending as the word written with them ("výpůjčního").
    found = set(endings.split()) | {fold(e) for e in endings.split() if not _is_cyrillic(e)}
    return tuple(sorted(found, key=len, reverse=True))


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


_ENDING_TABLES = {lang: _ending_table(endings) for lang, endings in _ENDINGS.items()}

# Words a query is better off without when it has others ("knihovna v Brně" → knihovna Brně).
_STOPWORDS = frozenset(
    "a i o u v ve z ze k ke s se na do od za po pri pred pro při je in ali ter pa the of and "
    "or to for with by an at on is are sa и у в на од за по са із з та й і до що як а".split()
)


def normalise(text: str) -> str:
    """NFKC and case-folded: the form every comparison starts from."""
    return unicodedata.normalize("NFKC", text).casefold()


def _written(text: str) -> str:
    """NFKC, the case kept: what the words of a text are looked up as (a lemmatiser reads
    "Brně" as the city, Brno, and "brně" as a verb)."""
    return unicodedata.normalize("NFKC", text)


def lemma_language(language: str | None) -> str | None:
    """The lemmatiser's language for a content language ("sr-latn" → "hbs"); None if unknown."""
    if not language:
        return None
    return _CONTENT_TO_LEMMA.get(language.lower())


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text (runs of word characters), with their positions."""
    return _WORD.finditer(text)


@functools.cache
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def _lemmas(word: str, lang: str) -> tuple[str, ...]:
    """The lemmas of a word as written (case-folded)."""
    if lang == "uk":
        # pymorphy3 knows Ukrainian inflection better than simplemma (simplemma turns
        # "Дарницького" into "Дарницьхто"); an ambiguous form keeps its two likeliest lemmas
        # ("книгозбірні": книгозбірний, книгозбірня).
        found: list[str] = []
        for parse in _morph().parse(word.casefold()):
            if parse.normal_form not in found:
                found.append(parse.normal_form)
            if len(found) == 2:
                break
        return tuple(found)
    return (simplemma.lemmatize(word, lang=lang, greedy=True).casefold(),)


def _stem(word: str, lang: str) -> str:
    for ending in _ENDING_TABLES.get(lang, ()):
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _token_language(word: str, lang: str | None) -> str | None:
    """The lemmatiser for one word of a text in `lang`, by the word's script."""
    if _is_cyrillic(word):
        if _NOT_SERBIAN.intersection(word):
            return "uk"
        if lang == "hbs" or _SERBIAN_ONLY.intersection(word):
            return "hbs"
        return "uk"
    if lang == "uk":
        # Latin words in a Ukrainian text are mostly English names and terms.
        return "en"
    return lang


# The forms of each word met so far, per lemmatiser language: a national corpus repeats a few
# hundred thousand words, and lemmatising one costs 20-100 µs, a lookup well under one. About
# 500 bytes a word with the lemmatisers' own caches; emptied when it holds FORMS_CACHE_SIZE
# words in all (`index.reindex` allows more for its run, see `forms_cache_size`).
FORMS_CACHE_SIZE = 100_000
_forms_cache: dict[str | None, dict[str, tuple[str, ...]]] = {}
_forms_cached = 0


@contextlib.contextmanager
def forms_cache_size(size: int) -> Iterator[None]:
    """Let the cache of word forms hold at least `size` words for a while (a rebuild)."""
    global FORMS_CACHE_SIZE
    before = FORMS_CACHE_SIZE
    FORMS_CACHE_SIZE = max(before, size)
    try:
        yield
    finally:
        FORMS_CACHE_SIZE = before


def word_forms(word: str, lang: str | None) -> tuple[str, ...]:
    """The index terms of one word of a text in lemmatiser language `lang`, as written (NFKC,
    see `_written`)."""
    global _forms_cached
    cache = _forms_cache.get(lang)
    if cache is None:
        cache = _forms_cache[lang] = {}
    forms = cache.get(word)
    if forms is None:
        if _forms_cached >= FORMS_CACHE_SIZE:
            for known in _forms_cache.values():
                known.clear()
            _forms_cached = 0
        forms = cache[word] = _word_forms(word, lang)
        _forms_cached += 1
    return forms


def _word_forms(written: str, lang: str | None) -> tuple[str, ...]:
    word = written.casefold()
    if _WORD.fullmatch(word) is None:
        # Case folding made more than one word of it (a combining mark: "İ" → "i̇"): the
        # forms of each, as the text would have been split.
        return tuple(
            dict.fromkeys(chain.from_iterable(word_forms(w, lang) for w in _WORD.findall(word)))
        )
    lang = _token_language(word, lang)
    if lang == "hbs" and _is_cyrillic(word):
        word, written = sr_cyrillic_to_latin(word), sr_cyrillic_to_latin(written)
    derived: list[str] = []
    if len(word) > 2 and not word.isdigit() and len(word) <= _MAX_WORD and lang:
        # A lemma may hold an apostrophe or a full stop ("м'ята", "pribl."): its words, as
        # the engines' tokenizers split it, so that every term is one word for them.
        derived.extend(piece for lemma in _lemmas(written, lang) for piece in _WORD.findall(lemma))
        derived.append(_stem(word, lang))
    if _is_cyrillic(word):
        forms = [word, *derived]
    else:
        # A word in Latin script without diacritics only, its lemma and stem too: a query's
        # forms are folded the same way, so "výpůjční" and "vypujcni" meet there, and the
        # forms with diacritics would be some 12% more terms to index for no match they add.
        forms = [fold(word), *[fold(f) for f in derived]]
    # Deduplicated, in order: the word first; one string object per distinct term.
    return tuple(sys.intern(f) for f in dict.fromkeys(f for f in forms if f))


def analyse(text: str, language: str | None, *, max_repeats: int | None = None) -> list[str]:
    """Index terms for a text: for each word its forms (see `word_forms`), in text order.

    With `max_repeats`, a term is kept at most that many times (see `cap_repeats`)."""
    return analyse_parts([(language, text)], max_repeats=max_repeats)


def analyse_parts(
    parts: Iterable[tuple[str | None, str]], *, max_repeats: int | None = None
) -> list[str]:
    """The terms of several texts (language, text) one after the other, as `analyse`."""
    found: list[Iterable[str]] = []
    for language, text in parts:
        if not text:
            continue
        lang = lemma_language(language) or lemma_language(detect_language(text))
        # The forms met before straight from the cache (a call per word costs as much as the
        # lookup); `word_forms` for the others.
        known = _forms_cache.setdefault(lang, {}).get
        found.append([known(w) or word_forms(w, lang) for w in _WORD.findall(_written(text))])
    terms = list(chain.from_iterable(chain.from_iterable(found)))
    return terms if max_repeats is None else cap_repeats(terms, max_repeats)


def cap_repeats(terms: list[str], max_repeats: int) -> list[str]:
    """Each term at most `max_repeats` times: ranking gains little from the tenth "knihovna" of
    a document, and the index stays small. Every term once in the order it first appears, then
    the terms that appear a second time, then a third, and so on. (Whole-list operations: this
    runs on every page of every document.)"""
    counts = Counter(terms)
    out = list(counts)
    again = [term for term, n in counts.items() if n > 1]
    for times in range(2, max_repeats + 1):
        out.extend(again)
        if times < max_repeats:
            again = [term for term in again if counts[term] > times]
    return out


def terms_text(parts: Iterable[tuple[str | None, str]], *, max_repeats: int, limit: int) -> str:
    """The terms of the first `limit` characters of each (language, text) part, space-separated,
    each term at most `max_repeats` times in all: what an index entry stores."""
    cut = [(language, text[:limit]) for language, text in parts if text]
    return " ".join(analyse_parts(cut, max_repeats=max_repeats))


def start_worker(cache_size: int) -> None:
    """In a process that analyses for a rebuild (see `index.reindex`): keep more word forms,
    and end when the rebuild does, however it ends."""
    global FORMS_CACHE_SIZE
    FORMS_CACHE_SIZE = max(FORMS_CACHE_SIZE, cache_size)
    rebuild = multiprocessing.parent_process()
    if rebuild is not None:
        threading.Thread(
            target=_end_with, args=(rebuild,), name="end-with-rebuild", daemon=True
        ).start()


def _end_with(rebuild: multiprocessing.process.BaseProcess) -> None:
    """A worker waits for tasks from the rebuilding process. Should that process be killed, the
    worker (and the fork server, which stays while a worker does) would wait for ever, holding
    its cache of word forms (hundreds of MB)."""
    rebuild.join()
    os._exit(0)


def terms_texts(
    jobs: list[list[tuple[str | None, str]]], max_repeats: int, limit: int
) -> list[str]:
    """`terms_text` of each list of parts (one batch of a rebuild, in a worker process)."""
    return [terms_text(parts, max_repeats=max_repeats, limit=limit) for parts in jobs]


def word_terms(word: str, language: str | None) -> tuple[str, ...]:
    """The index terms of one word as written in a text of `language` (for highlighting the
    words a query matched)."""
    return word_forms(_written(word), lemma_language(language))


def _query_languages(language: str | None) -> tuple[str, ...]:
    lang = lemma_language(language)
    return (lang,) if lang else CANDIDATES


def query_forms(query: str, language: str | None = None) -> list[set[str]]:
    """For each word of a query the set of terms any of which may match it.

    Without a language the word is analysed as Czech, Slovenian, Serbian, Ukrainian and English
    at once (a query is too short to tell its language); with one, in that language only.
    Words such as "v" or "the" are left out when the query has other words.
    """
    groups: list[set[str]] = []
    languages = _query_languages(language)
    tokens = [m.group() for m in words(_written(query))]
    meaningful = [t for t in tokens if t.casefold() not in _STOPWORDS]
    for token in meaningful or tokens:
        forms: set[str] = set()
        for lang in languages:
            forms.update(word_forms(token, lang))
        if forms not in groups:
            groups.append(forms)
    return groups


def prefix_forms(prefix: str) -> set[str]:
    """The forms a word being typed may start with, as the index holds words: Cyrillic as
    typed, and in Latin without diacritics (Serbian Cyrillic written in Latin too)."""
    word = normalise(prefix)
    if not _is_cyrillic(word):
        forms = {fold(word)}
    elif _NOT_SERBIAN.intersection(word):
        forms = {word}
    else:
        forms = {word, fold(sr_cyrillic_to_latin(word))}
    return {f for f in forms if f}


def detect_language(text: str) -> str:
    """The content language of a text: cs, sl, sr (Cyrillic), sr-latn, uk or en."""
    sample = normalise(text[:4000])
    letters = [ch for ch in sample if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if letters and cyrillic * 2 > len(letters):
        serbian = sum(1 for ch in letters if ch in _SERBIAN_ONLY)
        ukrainian = sum(1 for ch in letters if ch in _UKRAINIAN_ONLY)
        if serbian > ukrainian:
            return "sr"
        if ukrainian > serbian:
            return "uk"
        best = _detect(sample, ("hbs", "uk"))
        return "sr" if best == "hbs" else "uk"
    best = _detect(sample, CANDIDATES)
    if best == "hbs":
        return "sr-latn"
    return best or "en"


def _detect(text: str, languages: Iterable[str]) -> str | None:
    scores = simplemma.langdetect(text, lang=tuple(languages))
    for lang, score in scores:
        if lang != "unk" and score > 0:
            return lang
    return None
