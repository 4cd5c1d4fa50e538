"""The search evaluation set is well-formed, and the quality measurement runs on this engine."""

from collections import Counter

import pytest

from bench.search_quality import (
    CASES,
    LANGUAGES,
    load_documents,
    load_queries,
    run_search_quality,
    score,
    targets_met,
)
from bibliohub.knowledge.models import Category, Document


def test_documents_are_well_formed():
    documents = load_documents()
    assert len(documents) >= 200
    ids = [d["id"] for d in documents]
    assert len(ids) == len(set(ids))
    for d in documents:
        assert set(d) == {"id", "title", "body", "lang", "category"}, d["id"]
        assert d["title"].strip() and len(d["body"].split()) >= 30, d["id"]
        assert d["lang"] in LANGUAGES, d["id"]
        assert d["category"] in Category.values, d["id"]
    assert set(Counter(d["lang"] for d in documents)) == set(LANGUAGES)


def test_queries_are_well_formed_and_judged():
    ids = {d["id"] for d in load_documents()}
    queries = load_queries()
    assert len(queries) >= 80
    assert len({q["id"] for q in queries}) == len(queries)
    for q in queries:
        assert set(q) == {"id", "query", "lang", "case", "relevant"}, q["id"]
        assert q["case"] in CASES, q["id"]
        assert q["lang"] is None or q["lang"] in LANGUAGES, q["id"]
        assert 1 <= len(q["relevant"]) <= 6, q["id"]
        assert len(set(q["relevant"])) == len(q["relevant"]), q["id"]
        assert set(q["relevant"]) <= ids, q["id"]
    per_case = Counter(q["case"] for q in queries)
    assert all(per_case[case] >= 15 for case in CASES), per_case
    multi = [q for q in queries if q["case"] == "multi_word"]
    assert all(2 <= len(q["query"].split()) <= 4 for q in multi)


def test_score():
    assert score(["a", "b", "c"], ["b"]) == (1.0, 0.5)
    assert score(["a", "b"], ["b", "z"]) == (0.5, 0.5)
    assert score(["a"] * 10 + ["b"], ["b"]) == (0.0, 0.0)


def test_targets_are_ours_only():
    def line(analysis, case, recall, mrr):
        return {
            "bench": "search-quality",
            "analysis": analysis,
            "case": case,
            "recall@10": recall,
            "mrr@10": mrr,
        }

    good = [line("bibliohub", "all", 0.96, 0.9), line("bibliohub", "exact", 0.91, 0.5)]
    assert targets_met(good + [line("baseline-unicode61", "all", 0.2, 0.1)])
    assert not targets_met(good + [line("bibliohub", "inflection", 0.89, 1.0)])
    assert not targets_met([line("bibliohub", "all", 0.99, 0.84)])


@pytest.mark.django_db
def test_a_small_run_in_the_current_database_leaves_nothing_behind():
    from django.db import connection

    lines = run_search_quality(
        {
            "current_database": True,
            "query": ["inf-01", "nod-01", "xs-01", "ex-05"],
            "documents_limit": 30,
            "details": "all",
        }
    )
    summary = {
        (line["analysis"], line["case"]): line
        for line in lines
        if line["bench"] == "search-quality"
    }
    ours = summary[("bibliohub", "all")]
    assert ours["engine"] == connection.vendor
    assert ours["queries"] == 4
    assert summary[("baseline-unicode61", "all")]["queries"] == 4
    assert {case for analysis, case in summary if analysis == "bibliohub"} == {
        "all",
        "inflection",
        "no_diacritics",
        "cross_script",
        "exact",
    }
    per_query = {
        line["id"]: line
        for line in lines
        if line["bench"] == "search-quality-query" and line["analysis"] == "bibliohub"
    }
    # `výpůjční řád` finds the documents on "výpůjčního řádu", `vypujcni rad` too.
    assert per_query["inf-01"]["recall"] == 1.0
    assert per_query["nod-01"]["recall"] == 1.0
    assert per_query["inf-01"]["forms"]
    assert not Document.objects.filter(network__slug="search-eval").exists()
