"""`bench search` at a tiny scale: documents generated in every language with the visibilities
of a network, all indexed, and a line of timings per kind of search and person whose figures
agree with what the searches found."""

from collections import Counter

from bench.search_bench import KINDS, LANGUAGE_SHARE, bench_documents, run_search_bench
from bibliohub.search.models import SearchEntry


def test_generate_index_and_time_searches(db):
    lines = run_search_bench({"documents": 60, "pages_mean": 1.5, "queries": 3, "log": print})
    generated, indexed, *timed = lines
    assert generated["bench"] == "search-generate" and generated["documents"] == 60
    assert bench_documents().count() == 60
    languages = Counter(bench_documents().values_list("language", flat=True))
    assert set(languages) <= set(LANGUAGE_SHARE) and len(languages) >= 4
    assert set(generated["visibility"]) <= {"public", "members", "section"}
    assert indexed["bench"] == "search-index" and indexed["documents"] == 60
    assert SearchEntry.objects.filter(kind="document").count() == 60
    kinds = {(line["as"], line["what"]) for line in timed}
    assert kinds == {(who, what) for who in ("visitor", "member") for what in KINDS}
    for line in timed:
        assert line["n"] == 3 and 0 < line["p50_ms"] <= line["p95_ms"] <= line["max_ms"]
    # The generated words are the domain's: its most frequent word is found.
    frequent = next(
        line for line in timed if line["what"] == "frequent-word" and line["as"] == "visitor"
    )
    assert frequent["hits_median"] > 0 and frequent["more"] == 0
    # Run again on the same database: the documents are reused, not made twice.
    again = run_search_bench({"queries": 1, "if_empty": True, "skip_index": True, "log": print})
    assert again[0]["bench"] == "search" and bench_documents().count() == 60
