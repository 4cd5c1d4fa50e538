"""`bibliohub bench search`: documents generated at national scale (200,000 by default) in six
languages, the indexing throughput of `index.reindex`, and the latency of searches and
suggestions as a member and as a visitor.

Searches and suggestions are timed in this process (`query.search`, `query.suggest`), not over
HTTP: the figures are the search itself (analysis, permission filter, full-text query, snippets),
without the web server and templates. The database is the one of DATABASE_URL.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SLUG_PREFIX = "sb-"
NETWORK_PREFIX = "search-bench-"
MEMBER_EMAIL = "search-bench-member@bench.bibliohub.test"
WORDS_PER_PAGE = 300
BATCH = 2000
# Share of the documents per language (Czech networks are the largest).
LANGUAGE_SHARE = {"cs": 0.28, "sl": 0.16, "sr": 0.10, "sr-latn": 0.10, "uk": 0.20, "en": 0.16}
CATEGORIES = (
    "directive",
    "contract",
    "methodology",
    "template",
    "recommendation",
    "advocacy",
    "marketing",
    "strategy",
    "report",
    "other",
)
# Words of the domain (from the evaluation set) come first, then a long tail of inflected forms
# from the lemmatisers' dictionaries, so that the vocabulary keeps growing with the corpus as a
# real one does and the analysis meets words it has not seen before.
TAIL_WORDS = 60_000
DOMAIN_RANKS = 3000
# What is timed, in this order, for a visitor and for a member.
KINDS = ("one-word", "three-word", "no-diacritics", "cross-script", "frequent-word", "suggest")
# Queries of each kind run before the timing (others than the timed ones).
WARMUP_QUERIES = 20
TARGETS = {"p95_ms": 50.0, "suggest_p95_ms": 30.0, "docs_per_second": 300.0}
EVAL_DOCUMENTS = Path(__file__).resolve().parent / "search_eval" / "documents.jsonl"

_WORD = re.compile(r"[^\W\d_]+")
_LAT_TO_CYR = {
    "lj": "љ",
    "nj": "њ",
    "dž": "џ",
    "a": "а",
    "b": "б",
    "c": "ц",
    "č": "ч",
    "ć": "ћ",
    "d": "д",
    "đ": "ђ",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "и",
    "j": "ј",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "š": "ш",
    "t": "т",
    "u": "у",
    "v": "в",
    "z": "з",
    "ž": "ж",
}


def latin_to_cyrillic(word: str) -> str:
    """Serbian Latin (lower case) to Cyrillic, digraphs first."""
    out, i = [], 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in ("lj", "nj", "dž"):
            out.append(_LAT_TO_CYR[pair])
            i += 2
            continue
        out.append(_LAT_TO_CYR.get(word[i], word[i]))
        i += 1
    return "".join(out)


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _has_diacritics(word: str) -> bool:
    return unicodedata.normalize("NFKD", word) != word


# --- the vocabularies ------------------------------------------------------------------------------
@dataclass
class Vocabulary:
    language: str
    words: list[str]
    cum_weights: list[float]

    def sample(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=n)

    def domain_word(self, rng: random.Random, *, min_length: int = 4) -> str:
        """A frequent word of the domain (not a function word): what people search for."""
        top = self.words[: min(DOMAIN_RANKS, len(self.words))]
        while True:
            # Mostly the commoner words of the domain, past the first few dozen (function words
            # and the like), now and then a rare one.
            rank = 20 + int(rng.expovariate(1 / 400))
            word = top[rank % len(top)]
            if len(word) >= min_length:
                return word

    def frequent_word(self, rng: random.Random) -> str:
        """One of the most frequent words of the domain ("knihovna", "бібліотеки", "library"),
        found in a large share of the documents: the worst case of ranking."""
        top = [w for w in self.words[:80] if len(w) >= 6]
        return rng.choice(top)

    def text(self, rng: random.Random, n: int) -> str:
        words = self.sample(rng, n)
        sentences, pos = [], 0
        while pos < n:
            length = rng.randint(7, 18)
            chunk = words[pos : pos + length]
            pos += length
            sentences.append(chunk[0][:1].upper() + chunk[0][1:] + " " + " ".join(chunk[1:]) + ".")
        return " ".join(sentences)

    def title(self, rng: random.Random) -> str:
        words = [self.domain_word(rng, min_length=3) for _ in range(rng.randint(3, 8))]
        return (words[0][:1].upper() + words[0][1:] + " " + " ".join(words[1:]))[:300]


def _dictionary_forms(language: str) -> list[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    lemma_language = {"sr": "hbs", "sr-latn": "hbs"}.get(language, language)
    forms = DefaultDictionaryFactory().get_dictionary(lemma_language).keys()
    cyrillic = language in ("sr", "uk")
    return sorted(
        w
        for w in forms
        if 3 <= len(w) <= 16 and w.isalpha() and w.islower() and _is_cyrillic(w) == cyrillic
    )


def build_vocabularies(seed: int = 1, tail: int = TAIL_WORDS) -> dict[str, Vocabulary]:
    """Per language: the evaluation set's words by frequency, then `tail` dictionary forms, with
    Zipf weights (the r-th word about 1/r as frequent as the first)."""
    counts: dict[str, Counter[str]] = {lang: Counter() for lang in LANGUAGE_SHARE}
    with EVAL_DOCUMENTS.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = doc["title"] + " " + doc["body"]
            counts[doc["lang"]].update(w.lower() for w in _WORD.findall(text))
    rng = random.Random(seed)
    vocabularies = {}
    for language, counter in counts.items():
        head = [w for w, _ in counter.most_common()]
        known = set(head)
        pool = [w for w in _dictionary_forms(language) if w not in known]
        words = head + rng.sample(pool, min(tail, len(pool)))
        cum, total = [], 0.0
        for rank in range(len(words)):
            total += 1.0 / (rank + 8)
            cum.append(total)
        vocabularies[language] = Vocabulary(language, words, cum)
    return vocabularies


# --- generating the documents ----------------------------------------------------------------------
def _log(options: dict[str, Any]) -> Callable[[str], None]:
    return options.get("log") or (lambda message: print(message, file=sys.stderr, flush=True))


def bench_documents() -> Any:
    from bibliohub.knowledge.models import Document

    return Document.objects.filter(slug__startswith=SLUG_PREFIX)


def _networks() -> tuple[list[Any], dict[int, list[Any]]]:
    """Networks to own the documents: those of `bench generate` when present, else a few of our
    own (four associations with two sections each). Returns them and sections per network."""
    from bibliohub.directory.models import Network

    networks = list(Network.objects.order_by("pk")[:60])
    if len(networks) < 4:
        networks = []
        for i in range(1, 5):
            association, _ = Network.objects.get_or_create(
                slug=f"{NETWORK_PREFIX}{i}",
                defaults={
                    "name": f"Search bench association {i}",
                    "kind": Network.Kind.ASSOCIATION,
                    "language": "cs",
                },
            )
            networks.append(association)
            for j in (1, 2):
                section, _ = Network.objects.get_or_create(
                    slug=f"{NETWORK_PREFIX}{i}-{j}",
                    defaults={
                        "name": f"Search bench section {i}.{j}",
                        "kind": Network.Kind.SECTION,
                        "parent": association,
                        "language": "cs",
                    },
                )
                networks.append(section)
    sections: dict[int, list[Any]] = {}
    for network in networks:
        if network.parent_id:
            sections.setdefault(network.parent_id, []).append(network)
    return networks, sections


def _pages(rng: random.Random, pages_max: int, pages_mean: float) -> int:
    """1 to pages_max pages, most documents short (a directive, a contract), a few long."""
    return max(1, min(pages_max, 1 + int(rng.expovariate(1.0 / max(0.01, pages_mean - 0.5)))))


def generate_documents(
    *,
    documents: int,
    pages_max: int = 20,
    pages_mean: float = 3.0,
    seed: int = 1,
    vocabularies: dict[str, Vocabulary] | None = None,
    log: Callable[[str], None] = lambda m: None,
) -> dict[str, Any]:
    """Write `documents` Documents, each with one version whose text is extracted, by
    bulk_create (no signals: the index is built afterwards by `index.reindex`)."""
    from django.db import transaction
    from django.db.models import OuterRef, Subquery

    from bibliohub.knowledge.models import Document, DocumentVersion

    started = time.perf_counter()
    rng = random.Random(seed)
    vocabularies = vocabularies or build_vocabularies(seed)
    networks, sections = _networks()
    languages = list(LANGUAGE_SHARE)
    shares = list(LANGUAGE_SHARE.values())
    start = bench_documents().count()
    pages_total = 0
    text_bytes = 0
    visibility_counts: Counter[str] = Counter()
    for batch_start in range(start, start + documents, BATCH):
        batch_end = min(start + documents, batch_start + BATCH)
        docs, texts = [], []
        for n in range(batch_start, batch_end):
            language = rng.choices(languages, weights=shares)[0]
            vocabulary = vocabularies[language]
            network = rng.choice(networks)
            roll = rng.random()
            audience = None
            if roll < 0.80:
                visibility = "public"
            elif roll < 0.95 or not sections.get(network.pk):
                visibility = "members"
            else:
                visibility = "section"
                audience = rng.choice(sections[network.pk])
            visibility_counts[visibility] += 1
            pages = _pages(rng, pages_max, pages_mean)
            pages_total += pages
            text = "\n\n".join(vocabulary.text(rng, WORDS_PER_PAGE) for _ in range(pages))
            text_bytes += len(text.encode())
            texts.append(text)
            docs.append(
                Document(
                    network=network,
                    visibility=visibility,
                    audience=audience,
                    slug=f"{SLUG_PREFIX}{n + 1}",
                    title=vocabulary.title(rng),
                    description=vocabulary.text(rng, rng.randint(8, 30)) if n % 2 else "",
                    language=language,
                    category=rng.choice(CATEGORIES),
                )
            )
        with transaction.atomic():
            created = Document.objects.bulk_create(docs)
            if any(d.pk is None for d in created):
                by_slug = dict(
                    bench_documents()
                    .filter(slug__in=[d.slug for d in docs])
                    .values_list("slug", "pk")
                )
                for d in created:
                    d.pk = by_slug[d.slug]
            DocumentVersion.objects.bulk_create(
                [
                    DocumentVersion(
                        document_id=d.pk,
                        number=1,
                        file=f"documents/{d.pk}/1/{d.slug}.txt",
                        original_name=f"{d.slug}.txt",
                        content_type="text/plain",
                        size=len(text.encode()),
                        sha256="",
                        text=text,
                        extraction=DocumentVersion.Extraction.DONE,
                    )
                    for d, text in zip(created, texts, strict=True)
                ]
            )
            ids = [d.pk for d in created]
            version = DocumentVersion.objects.filter(document=OuterRef("pk")).order_by("-number")
            Document.objects.filter(pk__gte=min(ids), pk__lte=max(ids)).update(
                current_version=Subquery(version.values("pk")[:1])
            )
        done = batch_end - start
        if done % 20000 == 0 or batch_end == start + documents:
            elapsed = time.perf_counter() - started
            log(f"  {done} documents generated ({elapsed:.0f} s)")
    _analyze()
    return {
        "bench": "search-generate",
        "documents": documents,
        "pages_mean": round(pages_total / max(1, documents), 2),
        "mb_text": round(text_bytes / 1e6, 1),
        "visibility": dict(visibility_counts),
        "networks": len(networks),
        "seconds": round(time.perf_counter() - started, 1),
    }


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def remove_generated() -> int:
    """Delete the generated documents, their versions and their index entries."""
    from django.db import transaction

    from bibliohub.knowledge.models import DocumentVersion
    from bibliohub.search.models import SearchEntry

    qs = bench_documents()
    count = qs.count()
    with transaction.atomic():
        SearchEntry.objects.filter(kind="document", object_id__in=qs.values("pk")).delete()
        qs.update(current_version=None)
        versions = DocumentVersion.objects.filter(document__in=qs.values("pk"))
        versions._raw_delete(versions.db)
        qs._raw_delete(qs.db)
    return count


def _text_megabytes() -> float:
    """MB (UTF-8) of the current versions' text."""
    from django.db import connection

    size = (
        "octet_length(v.text)"
        if connection.vendor == "postgresql"
        else "length(CAST(v.text AS BLOB))"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(SUM({size}), 0) FROM knowledge_documentversion v "  # noqa: S608
            "JOIN knowledge_document d ON d.current_version_id = v.id"
        )
        return float(cursor.fetchone()[0]) / 1e6


def measure_indexing(log: Callable[[str], None]) -> dict[str, Any]:
    from django.db import connection

    from bibliohub.knowledge.models import Document
    from bibliohub.search import index

    documents = Document.objects.count()
    mb_text = _text_megabytes()
    step = max(1, documents // 10)

    def progress(kind: str, done: int, total: int) -> None:
        if done % step < index.BATCH or done == total:
            log(f"  {done}/{total} indexed ({time.perf_counter() - started:.0f} s)")

    started, cpu_started = time.perf_counter(), time.process_time()
    written = index.reindex(kinds=["document"], progress=progress, jobs=index.default_jobs())
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    _analyze()
    return {
        "bench": "search-index",
        "engine": connection.vendor,
        "documents": written,
        "seconds": round(seconds, 1),
        "docs_per_second": round(written / seconds, 1) if seconds else None,
        "mb_text": round(mb_text, 1),
        "mb_per_second": round(mb_text / seconds, 2) if seconds else None,
        "cpu_seconds": round(cpu_seconds, 1),
        "jobs": index.default_jobs(),
        "load_1m": round(os.getloadavg()[0], 2),
    }


# --- the queries -----------------------------------------------------------------------------------
def make_queries(
    vocabularies: dict[str, Vocabulary], n: int, seed: int = 2
) -> dict[str, list[str]]:
    """`n` varied queries of each kind, from the domain words of the vocabularies."""
    from bibliohub.core.text import fold, sr_cyrillic_to_latin

    rng = random.Random(seed)
    languages = list(LANGUAGE_SHARE)
    shares = list(LANGUAGE_SHARE.values())

    def language() -> Vocabulary:
        return vocabularies[rng.choices(languages, weights=shares)[0]]

    def accented(vocabulary: Vocabulary) -> str:
        for _ in range(1000):
            word = vocabulary.domain_word(rng)
            if _has_diacritics(word):
                return word
        return vocabulary.domain_word(rng)

    one = [language().domain_word(rng) for _ in range(n)]
    frequent = [language().frequent_word(rng) for _ in range(n)]
    three = []
    for _ in range(n):
        vocabulary = language()
        three.append(" ".join(vocabulary.domain_word(rng) for _ in range(3)))
    no_diacritics = []
    for _ in range(n):
        vocabulary = vocabularies[rng.choice(("cs", "sl"))]
        count = rng.choice((1, 2))
        no_diacritics.append(" ".join(fold(accented(vocabulary)) for _ in range(count)))
    cross = []
    for i in range(n):
        count = rng.choice((1, 2))
        if i % 2:  # Cyrillic words typed in Latin
            words = [
                sr_cyrillic_to_latin(vocabularies["sr"].domain_word(rng)) for _ in range(count)
            ]
        else:  # and Latin words typed in Cyrillic
            words = [
                latin_to_cyrillic(vocabularies["sr-latn"].domain_word(rng)) for _ in range(count)
            ]
        cross.append(" ".join(words))
    suggestions = []
    for _ in range(n):
        vocabulary = language()
        word = vocabulary.domain_word(rng, min_length=5)
        prefix = word[: rng.randint(3, min(6, len(word)))]
        if rng.random() < 0.3:
            prefix = vocabulary.domain_word(rng) + " " + prefix
        suggestions.append(prefix)
    return {
        "one-word": one,
        "frequent-word": frequent,
        "three-word": three,
        "no-diacritics": no_diacritics,
        "cross-script": cross,
        "suggest": suggestions,
    }


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def member_user() -> Any:
    """A person with a role in three networks that have members-only documents and in one of
    their sections: they see those documents too."""
    from django.contrib.auth import get_user_model

    from bibliohub.directory.models import Network, NetworkRole

    user, created = get_user_model().objects.get_or_create(
        email=MEMBER_EMAIL, defaults={"username": MEMBER_EMAIL, "full_name": "Search Bench"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if not NetworkRole.objects.filter(user=user).exists():
        restricted = (
            bench_documents()
            .exclude(visibility="public")
            .values_list("network_id", flat=True)
            .distinct()[:3]
        )
        networks = list(Network.objects.filter(pk__in=list(restricted)))
        sections = list(Network.objects.filter(parent__in=networks)[:1])
        for network in networks + sections:
            NetworkRole.objects.get_or_create(
                user=user, network=network, role=NetworkRole.Role.MEMBER
            )
    return user


def _timed(calls: list[Callable[[], Any]]) -> tuple[list[float], list[float], list[Any]]:
    """Wall-clock and CPU milliseconds of this process per call (the CPU time is steadier on a
    busy machine; on PostgreSQL it leaves out the database server's share)."""
    latencies, cpu, results = [], [], []
    for call in calls:
        started, cpu_started = time.perf_counter(), time.process_time()
        results.append(call())
        latencies.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return latencies, cpu, results


def measure_queries(
    queries: dict[str, list[str]],
    log: Callable[[str], None],
    warmup: dict[str, list[str]] | None = None,
) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from bibliohub.knowledge.models import Document
    from bibliohub.search import query

    member_pk = member_user().pk
    user_model = get_user_model()
    documents = Document.objects.count()
    # Warm up, with other queries of every kind: the lemmatisers' dictionaries, the database's
    # caches (a site that serves searches has the index in memory; the first searches after a
    # restart, or after another database filled the memory, read it from the disk).
    warmup = warmup or {"one-word": queries["one-word"][:20]}
    for what, texts in warmup.items():
        for q in texts:
            if what == "suggest":
                query.suggest(AnonymousUser(), q)
            else:
                query.search(AnonymousUser(), q)
    lines = []
    for who in ("visitor", "member"):

        def person(who: str = who) -> Any:
            # A fresh person per request, as the web does: their networks are looked up again.
            return AnonymousUser() if who == "visitor" else user_model.objects.get(pk=member_pk)

        for what in KINDS:
            if what == "suggest":
                calls = [lambda q=q: query.suggest(person(), q) for q in queries[what]]
            else:
                calls = [lambda q=q: query.search(person(), q) for q in queries[what]]
            latencies, cpu, results = _timed(calls)
            line: dict[str, Any] = {
                "bench": "search-suggest" if what == "suggest" else "search",
                "engine": connection.vendor,
                "what": what,
                "as": who,
                "p50_ms": round(percentile(latencies, 50), 2),
                "p95_ms": round(percentile(latencies, 95), 2),
                "max_ms": round(max(latencies), 2),
                "cpu_p50_ms": round(percentile(cpu, 50), 2),
                "cpu_p95_ms": round(percentile(cpu, 95), 2),
                "n": len(latencies),
                "documents": documents,
                "mode": "in-process",
                "load_1m": round(os.getloadavg()[0], 2),
            }
            if what == "suggest":
                line["empty"] = sum(1 for r in results if not r)
            else:
                totals = [r.total for r in results]
                # (Counting stops at query.COUNT_LIMIT: "more" counts those that had more.)
                line["hits_median"] = int(percentile(totals, 50))
                line["more"] = sum(1 for r in results if not r.exact)
                line["no_hits"] = sum(1 for t in totals if t == 0)
                line["any_word"] = sum(1 for r in results if r.any_word)
            log(f"  {who} {what}: p50 {line['p50_ms']} ms, p95 {line['p95_ms']} ms")
            lines.append(line)
    return lines


# --- the command -----------------------------------------------------------------------------------
def add_search_bench_arguments(parser: Any) -> None:
    parser.add_argument("--documents", type=int, default=200_000, help="Documents to generate.")
    parser.add_argument("--pages-max", type=int, default=20, help="Most pages a document has.")
    parser.add_argument(
        "--pages-mean",
        type=float,
        default=3.0,
        help="Mean pages per document (~300 words a page; most documents are short).",
    )
    parser.add_argument(
        "--queries", type=int, default=200, help="Queries timed per kind and per person."
    )
    parser.add_argument("--seed", type=int, default=1)
    existing = parser.add_mutually_exclusive_group()
    existing.add_argument(
        "--if-empty",
        action="store_true",
        help="Generate only when the database holds no generated documents; else reuse them.",
    )
    existing.add_argument(
        "--force", action="store_true", help="Replace the generated documents already there."
    )
    parser.add_argument(
        "--skip-index",
        action="store_true",
        help="Do not rebuild the index (and do not measure indexing) when it is complete.",
    )


DEFAULTS = {
    "documents": 200_000,
    "pages_max": 20,
    "pages_mean": 3.0,
    "queries": 200,
    "seed": 1,
    "if_empty": False,
    "force": False,
    "skip_index": False,
    "log": None,
}


class GeneratedDocumentsExist(Exception):
    pass


def run_search_bench(options: Any) -> list[dict[str, Any]]:
    """Generate (unless there already), index, and time searches; returns the JSON lines."""
    from bibliohub.knowledge.models import Document
    from bibliohub.search.models import SearchEntry

    given = dict(vars(options)) if not isinstance(options, dict) else dict(options)
    opts = {key: given.get(key, default) for key, default in DEFAULTS.items()}
    log = _log(opts)
    lines: list[dict[str, Any]] = []
    vocabularies = build_vocabularies(opts["seed"])
    existing = bench_documents().count()
    if existing and opts["force"]:
        log(f"Removing {remove_generated()} generated documents…")
        existing = 0
    if existing and not opts["if_empty"]:
        raise GeneratedDocumentsExist(
            f"The database already holds {existing} generated documents; "
            "use --if-empty to measure them, or --force to replace them."
        )
    if not existing:
        log(f"Generating {opts['documents']} documents…")
        lines.append(
            generate_documents(
                documents=opts["documents"],
                pages_max=opts["pages_max"],
                pages_mean=opts["pages_mean"],
                seed=opts["seed"],
                vocabularies=vocabularies,
                log=log,
            )
        )
    else:
        log(f"Reusing the {existing} generated documents in the database.")
    complete = SearchEntry.objects.filter(kind="document").count() == Document.objects.count()
    if not (opts["skip_index"] and complete):
        log("Indexing…")
        lines.append(measure_indexing(log))
    log("Timing searches and suggestions…")
    queries = make_queries(vocabularies, opts["queries"], seed=opts["seed"] + 1)
    warmup = make_queries(vocabularies, WARMUP_QUERIES, seed=opts["seed"] + 101)
    lines.extend(measure_queries(queries, log, warmup))
    return lines


def main(argv: list[str] | None = None) -> None:
    """`python -m bench.search_bench` until the `bench` command has a `search` sub-command."""
    import argparse

    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_search_bench_arguments(parser)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bibliohub.settings")
    django.setup()
    for line in run_search_bench(args):
        print(json.dumps(line, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
