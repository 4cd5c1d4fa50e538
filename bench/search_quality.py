"""Search quality on the evaluation set in bench/search_eval/: recall@10 and MRR@10, overall and
per case, for BiblioHub's own analysis (through `bibliohub.search.query.search`, as a visitor) and
for a plain SQLite FTS5 `unicode61` baseline over the raw text.

By default the set is loaded into a fresh database of its own — a temporary SQLite file, or the
PostgreSQL database named by `--database-url` (created when missing) — by a child process whose
DATABASE_URL points there, so the database of this process is never touched. With
`--current-database` it runs in this process's database inside a transaction that is rolled back
at the end (what the tests do).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent / "search_eval"
CASES = ("inflection", "no_diacritics", "cross_script", "multi_word", "exact")
LANGUAGES = ("cs", "sl", "sr", "sr-latn", "uk", "en")
K = 10
EVAL_NETWORK_SLUG = "search-eval"
BASELINE = "baseline-unicode61"
TARGETS = {"recall@10": 0.95, "mrr@10": 0.85, "case_recall@10": 0.9}


# --- the data ------------------------------------------------------------------------------------
def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_documents(path: Path | None = None) -> list[dict[str, Any]]:
    return _read_jsonl(path or EVAL_DIR / "documents.jsonl")


def load_queries(path: Path | None = None) -> list[dict[str, Any]]:
    return _read_jsonl(path or EVAL_DIR / "queries.jsonl")


def select_queries(
    queries: list[dict[str, Any]], *, ids: Iterable[str] = (), cases: Iterable[str] = ()
) -> list[dict[str, Any]]:
    ids, cases = set(ids), set(cases)
    return [q for q in queries if (not ids or q["id"] in ids) and (not cases or q["case"] in cases)]


# --- the measures --------------------------------------------------------------------------------
def score(ranked: Sequence[str], relevant: Iterable[str], k: int = K) -> tuple[float, float]:
    """(recall@k, reciprocal rank@k) of one ranked list of document ids."""
    relevant = set(relevant)
    top = list(ranked)[:k]
    found = len(relevant.intersection(top))
    rr = next((1.0 / (i + 1) for i, doc in enumerate(top) if doc in relevant), 0.0)
    return (found / len(relevant) if relevant else 0.0), rr


def summarise(
    per_query: list[dict[str, Any]], *, engine: str, analysis: str
) -> list[dict[str, Any]]:
    """One line for all queries and one per case (macro averages)."""
    lines = []
    for case in ("all", *CASES):
        rows = [r for r in per_query if case == "all" or r["case"] == case]
        if not rows:
            continue
        lines.append(
            {
                "bench": "search-quality",
                "engine": engine,
                "analysis": analysis,
                "case": case,
                "queries": len(rows),
                "recall@10": round(sum(r["recall"] for r in rows) / len(rows), 4),
                "mrr@10": round(sum(r["rr"] for r in rows) / len(rows), 4),
            }
        )
    return lines


def targets_met(lines: list[dict[str, Any]]) -> bool:
    """Whether BiblioHub's lines reach the targets of issue 4 (the baseline is not held to them)."""
    for line in lines:
        if line.get("bench") != "search-quality" or line["analysis"] != "bibliohub":
            continue
        if line["case"] == "all":
            if line["recall@10"] < TARGETS["recall@10"] or line["mrr@10"] < TARGETS["mrr@10"]:
                return False
        elif line["recall@10"] < TARGETS["case_recall@10"]:
            return False
    return True


def _details(
    rows: list[dict[str, Any]], details: str, *, engine: str, analysis: str
) -> list[dict[str, Any]]:
    if details == "none":
        return []
    out = []
    for r in rows:
        if details == "misses" and r["recall"] == 1.0 and r["rr"] == 1.0:
            continue
        line = {"bench": "search-quality-query", "engine": engine, "analysis": analysis}
        line.update(r)
        out.append(line)
    return out


# --- the baseline: FTS5 unicode61 over the raw text ----------------------------------------------
def run_baseline(
    documents: list[dict[str, Any]], queries: list[dict[str, Any]], *, details: str = "none"
) -> list[dict[str, Any]]:
    """A plain FTS5 table, `tokenize='unicode61'` (diacritics removed, nothing else), queried
    with the raw words ANDed (ORed when nothing has them all) and ranked by bm25."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(ref UNINDEXED, title, body, tokenize='unicode61')"
    )
    db.executemany(
        "INSERT INTO docs (ref, title, body) VALUES (?, ?, ?)",
        [(d["id"], d["title"], d["body"]) for d in documents],
    )
    rows = []
    for q in queries:
        terms = ['"' + w.replace('"', '""') + '"' for w in re.findall(r"\w+", q["query"])]
        ranked: list[str] = []
        for joiner in (" AND ", " OR "):
            if not terms:
                break
            ranked = [
                ref
                for (ref,) in db.execute(
                    "SELECT ref FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                    (joiner.join(terms), K),
                )
            ]
            if ranked:
                break
        recall, rr = score(ranked, q["relevant"])
        rows.append(_row(q, ranked, recall, rr))
    db.close()
    return summarise(rows, engine="sqlite", analysis=BASELINE) + _details(
        rows, details, engine="sqlite", analysis=BASELINE
    )


def _row(q: dict[str, Any], ranked: list[str], recall: float, rr: float) -> dict[str, Any]:
    return {
        "id": q["id"],
        "query": q["query"],
        "case": q["case"],
        "recall": round(recall, 4),
        "rr": round(rr, 4),
        "relevant": q["relevant"],
        "missing": [d for d in q["relevant"] if d not in ranked[:K]],
        "top": ranked[:K],
    }


# --- BiblioHub's search, in the database of this process ------------------------------------------
def load_into_database(documents: list[dict[str, Any]]) -> tuple[Any, dict[int, str]]:
    """The documents as public Documents (with one extracted version each) of one network;
    returns the network and a map of Document id → evaluation id."""
    from django.db.models import OuterRef, Subquery

    from bibliohub.directory.models import Network
    from bibliohub.knowledge.models import Document, DocumentVersion

    network, _ = Network.objects.get_or_create(
        slug=EVAL_NETWORK_SLUG,
        defaults={
            "name": "Search evaluation",
            "kind": Network.Kind.ASSOCIATION,
            "language": "en",
        },
    )
    Document.objects.filter(network=network).delete()
    docs = Document.objects.bulk_create(
        [
            Document(
                network=network,
                visibility="public",
                slug=f"search-eval-{d['id']}",
                title=d["title"],
                language=d["lang"],
                category=d["category"],
                external_ref=d["id"],
            )
            for d in documents
        ]
    )
    if any(doc.pk is None for doc in docs):  # a database that returns no ids on bulk insert
        docs = list(Document.objects.filter(network=network))
    by_ref = {doc.external_ref: doc for doc in docs}
    DocumentVersion.objects.bulk_create(
        [
            DocumentVersion(
                document=by_ref[d["id"]],
                number=1,
                file="",
                original_name=f"{d['id']}.txt",
                content_type="text/plain",
                size=len(d["body"].encode()),
                sha256="",
                text=d["body"],
                extraction=DocumentVersion.Extraction.DONE,
            )
            for d in documents
        ]
    )
    latest = DocumentVersion.objects.filter(document=OuterRef("pk")).order_by("-number")
    Document.objects.filter(network=network).update(
        current_version=Subquery(latest.values("pk")[:1])
    )
    return network, {doc.pk: doc.external_ref for doc in docs}


def _near_terms(terms: str, query: str) -> list[str]:
    """The index terms of a document that start like a query word: what to look at when a
    relevant document is missed."""
    from bibliohub.core.text import fold

    starts = {fold(w)[:4] for w in re.findall(r"\w+", query) if len(w) >= 3}
    return sorted({t for t in terms.split() if fold(t)[:4] in starts})[:30]


def run_bibliohub(
    documents: list[dict[str, Any]],
    queries: list[dict[str, Any]],
    *,
    details: str = "none",
    only_eval_network: bool = False,
) -> list[dict[str, Any]]:
    """Load, index and query in this process's database; the caller decides about rollback."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from bibliohub.search import analysis, index, query
    from bibliohub.search.models import SearchEntry

    engine = connection.vendor
    started = time.perf_counter()
    network, refs = load_into_database(documents)
    index.reindex(kinds=["document"])
    indexed = time.perf_counter()
    visitor = AnonymousUser()
    rows = []
    for q in queries:
        page = query.search(
            visitor,
            q["query"],
            kind="document",
            network=network if only_eval_network else None,
            per_page=K,
        )
        ranked = [refs.get(r.object_id, f"?{r.object_id}") for r in page.results]
        recall, rr = score(ranked, q["relevant"])
        rows.append(_row(q, ranked, recall, rr))
    searched = time.perf_counter()
    lines = summarise(rows, engine=engine, analysis="bibliohub")
    lines[0]["index_seconds"] = round(indexed - started, 2)
    lines[0]["ms_per_query"] = round((searched - indexed) * 1000 / max(1, len(queries)), 2)
    detail_lines = _details(rows, details, engine=engine, analysis="bibliohub")
    if detail_lines:
        by_id = {ref: pk for pk, ref in refs.items()}
        entries = {
            e.object_id: e.title_terms + " " + e.body_terms
            for e in SearchEntry.objects.filter(kind="document", object_id__in=by_id.values())
        }
        for line in detail_lines:
            line["forms"] = [sorted(f) for f in analysis.query_forms(line["query"], None)]
            line["missing_terms"] = {
                ref: _near_terms(entries.get(by_id.get(ref, -1), ""), line["query"])
                for ref in line["missing"]
            }
    return lines + detail_lines


def run_here_rolled_back(options: dict[str, Any]) -> list[dict[str, Any]]:
    """The evaluation in this process's database, leaving nothing behind."""
    from django.db import transaction

    documents, queries = _data(options)
    with transaction.atomic():
        lines = run_bibliohub(
            documents, queries, details=options["details"], only_eval_network=True
        )
        transaction.set_rollback(True)
    return lines


def _data(options: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    documents = load_documents()
    queries = select_queries(load_queries(), ids=options["query"], cases=options["case"])
    if options["documents_limit"]:
        # A small subset (for tests): the relevant documents of the queries, then others.
        wanted = {d for q in queries for d in q["relevant"]}
        first = [d for d in documents if d["id"] in wanted]
        others = [d for d in documents if d["id"] not in wanted]
        documents = (first + others)[: max(options["documents_limit"], len(first))]
    return documents, queries


# --- a fresh database, in a child process ----------------------------------------------------------
def _create_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = conninfo_to_dict(url).get("dbname")
    if not name:
        raise ValueError(f"No database name in {url!r}.")
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def run_in_fresh_database(url: str | None, options: dict[str, Any]) -> list[dict[str, Any]]:
    """Migrate the database of `url` (a temporary SQLite file when None) and run the evaluation
    there in a child process, whose Django knows only that database."""
    tmp = None
    if url is None:
        tmp = tempfile.mkdtemp(prefix="bh-search-eval-")
        url = f"sqlite:///{Path(tmp) / 'eval.sqlite3'}"
    elif url.startswith(("postgres://", "postgresql://")):
        _create_postgres_database(url)
    env = dict(os.environ, DATABASE_URL=url)
    env.setdefault("DJANGO_SETTINGS_MODULE", "bibliohub.settings")
    root = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH", "")) if p)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.search_quality", "--child", json.dumps(options)],
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(f"The evaluation failed:\n{done.stderr[-4000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _child(options: dict[str, Any]) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # saving content touches the page cache
    for line in run_here_rolled_back(options):
        print(json.dumps(line, ensure_ascii=False), flush=True)


# --- the command ---------------------------------------------------------------------------------
def add_search_quality_arguments(parser: Any) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--database-url",
        default=None,
        help="Evaluate in this database (PostgreSQL: created when missing; what the evaluation "
        "writes is rolled back). Default: a temporary SQLite file.",
    )
    where.add_argument(
        "--current-database",
        action="store_true",
        help="Evaluate in this process's DATABASE_URL, inside a transaction rolled back at the end.",
    )
    parser.add_argument(
        "--case", action="append", default=[], choices=CASES, help="Only these cases (repeatable)."
    )
    parser.add_argument(
        "--query",
        action="append",
        default=[],
        metavar="ID",
        help="Only these queries (repeatable).",
    )
    parser.add_argument(
        "--details",
        choices=("none", "misses", "all"),
        default="misses",
        help="Per-query lines: none, the queries not answered perfectly (default), or all.",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="Evaluate in a temporary SQLite database and in --database-url, and print how often "
        "the two engines rank the same documents first.",
    )
    parser.add_argument("--no-baseline", action="store_true", help="Skip the FTS5 baseline.")
    parser.add_argument(
        "--documents-limit",
        type=int,
        default=0,
        help="Load only this many documents (the queries' relevant ones first); 0: all.",
    )


DEFAULTS = {
    "database_url": None,
    "current_database": False,
    "case": [],
    "query": [],
    "details": "misses",
    "no_baseline": False,
    "documents_limit": 0,
    "compare": False,
}


def _options(options: Any) -> dict[str, Any]:
    given = dict(vars(options)) if isinstance(options, argparse.Namespace) else dict(options)
    return {key: given.get(key, default) or default for key, default in DEFAULTS.items()}


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, Any]:
    """How often two runs (two engines) rank the same documents first: the issue asks for the
    same top results on both backends."""
    a = {line["id"]: line["top"] for line in first if line["bench"] == "search-quality-query"}
    b = {line["id"]: line["top"] for line in second if line["bench"] == "search-quality-query"}
    ids = sorted(set(a) & set(b))
    engines = [lines[0]["engine"] for lines in (first, second)]
    return {
        "bench": "search-quality-agreement",
        "engines": engines,
        "queries": len(ids),
        "same_first": sum(1 for i in ids if a[i][:1] == b[i][:1]),
        "same_top3_set": sum(1 for i in ids if set(a[i][:3]) == set(b[i][:3])),
        "same_top10_set": sum(1 for i in ids if set(a[i]) == set(b[i])),
        "different_first": [i for i in ids if a[i][:1] != b[i][:1]],
    }


def _keep(lines: list[dict[str, Any]], details: str) -> list[dict[str, Any]]:
    if details == "all":
        return lines
    return [
        line
        for line in lines
        if line["bench"] != "search-quality-query"
        or (details == "misses" and (line["recall"] < 1.0 or line["rr"] < 1.0))
    ]


def run_search_quality(options: Any) -> list[dict[str, Any]]:
    """The JSON lines of `bibliohub bench search-quality`: BiblioHub's search, then the baseline."""
    opts = _options(options)
    if opts["compare"] and not opts["database_url"]:
        raise ValueError("--compare needs --database-url (the second database).")
    if opts["current_database"]:
        lines = run_here_rolled_back(opts)
    elif opts["compare"]:
        child = {k: v for k, v in opts.items() if k != "database_url"}
        child["details"] = "all"  # the rankings are compared, then filtered
        first = run_in_fresh_database(None, child)
        second = run_in_fresh_database(opts["database_url"], child)
        lines = _keep(first, opts["details"]) + _keep(second, opts["details"])
        lines.append(agreement(first, second))
    else:
        child = {k: v for k, v in opts.items() if k != "database_url"}
        lines = run_in_fresh_database(opts["database_url"], child)
    if not opts["no_baseline"]:
        documents, queries = _data(opts)
        baseline_details = "none" if opts["details"] == "misses" else opts["details"]
        lines += run_baseline(documents, queries, details=baseline_details)
    return lines


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(json.loads(argv[1]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_search_quality_arguments(parser)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bibliohub.settings")
    if args.current_database:
        import django

        django.setup()
    for line in run_search_quality(args):
        print(json.dumps(line, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
