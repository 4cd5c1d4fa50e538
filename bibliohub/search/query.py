"""Searching the index as a given person: ranked, permission-filtered pages with highlighted
snippets and counts per kind, and suggestions while they type.

The permission filter (`bibliohub.core.visibility.visible_q`) and the reader's filters are
compiled into the SQL of the full-text query itself (see `backends`), so results, totals and
counts only ever cover entries the person may see.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from bibliohub.core.text import fold, sr_cyrillic_to_latin
from bibliohub.core.visibility import visible_q

from .analysis import normalise, prefix_forms, query_forms, word_terms, words
from .backends import Hit, Where, get_backend
from .models import Kind, SearchEntry

MAX_QUERY = 200
MAX_WORDS = 12
MAX_PER_PAGE = 100
# Up to this many matches are all ranked; beyond, the newest RANK_POOL title matches and then
# the others among the newest RANK_POOL matches are (RANK_POOL more for each further RANK_POOL
# results a page goes into; see SearchBackend.search). Ranking a match reads its whole index
# entry (PostgreSQL unpacks a tsvector of a few thousand terms): a few hundred at most.
RANK_ALL = 200
RANK_POOL = 200
# Matches are counted up to this many, or as many as the page asked for needs; past that the
# total reads "more than" (SearchPage.exact is False), as the large search engines do: counting
# all 30,000 matches of a common word costs more than finding the best ten of them. Not below
# RANK_ALL, so that every page of one search is ranked the same way.
COUNT_LIMIT = 1000
SNIPPET = 220
SERBIAN = ("sr", "sr-latn")


@dataclass
class SearchResult:
    kind: str
    object_id: int
    title: str
    url: str
    ref: str
    language: str
    category: str
    network_name: str
    snippet_html: SafeString
    title_html: SafeString
    score: float

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)


@dataclass
class SearchPage:
    query: str
    total: int = 0
    page: int = 1
    per_page: int = 10
    results: list[SearchResult] = field(default_factory=list)
    # Matches per kind for the same query and filters, without the kind filter.
    counts: dict[str, int] = field(default_factory=dict)
    # True when no entry had every word and the results have any of them instead.
    any_word: bool = False
    # False when there were more matches than were counted: `total` is then a lower bound
    # ("more than 1,000"); the same for `counts` with `counts_exact`.
    exact: bool = True
    counts_exact: bool = True
    # Matches of every kind (the sum of `counts`, at most what was counted).
    matches: int = 0

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _network_ids(network: Any) -> set[int] | None:
    """The network and all its sections and groups; None if there is no such network."""
    from bibliohub.directory.models import Network

    if isinstance(network, Network):
        root = network.pk
    else:
        lookup = {"pk": network} if isinstance(network, int) else {"slug": str(network)}
        root = Network.objects.filter(**lookup).values_list("pk", flat=True).first()
        if root is None:
            return None
    found, frontier = {root}, {root}
    while frontier:
        frontier = (
            set(Network.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        )
        found |= frontier
    return found


def _visible(user: Any) -> QuerySet[SearchEntry]:
    return SearchEntry.objects.filter(visible_q(user))


def _filtered(
    user: Any, *, network: Any = None, language: str | None = None, category: str | None = None
) -> QuerySet[SearchEntry] | None:
    qs = _visible(user)
    if network:
        ids = _network_ids(network)
        if ids is None:
            return None
        # The network's own entry too (networks carry no network of their own).
        qs = qs.filter(Q(network_id__in=ids) | Q(kind=Kind.NETWORK, object_id__in=ids))
    if language:
        # Serbian is one language in two scripts, and the search reads both.
        qs = qs.filter(language__in=SERBIAN if language in SERBIAN else [language])
    if category:
        qs = qs.filter(category=category)
    return qs


@functools.lru_cache(maxsize=65536)
def _heads(word: str) -> frozenset[str]:
    """The first two letters of a word, without diacritics and in Latin if Serbian Cyrillic."""
    start = normalise(word[:3])
    return frozenset((fold(start)[:2], fold(sr_cyrillic_to_latin(start))[:2]))


@functools.lru_cache(maxsize=256)
def _heads_of(forms: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*map(_heads, forms))


def _highlight(text: str, language: str, forms: set[str], *, window: int | None) -> SafeString:
    """Escaped text with the words the query matched in <mark>; with `window`, only about that
    many characters around the first match."""

    heads = _heads_of(frozenset(forms))

    def matched(m: re.Match[str]) -> bool:
        # Only a word that starts as one of the forms does is analysed: analysing each of a
        # snippet's few hundred words would cost more than the search. (A form shares its
        # first two letters with the word it comes from; lemmas such as "je" → "být" are
        # the exception, and are left unmarked.)
        word = m.group()
        return not heads.isdisjoint(_heads(word)) and not forms.isdisjoint(
            word_terms(word, language)
        )

    found = words(text)
    first = next((m for m in found if matched(m)), None)
    start, end = 0, len(text)
    if window is not None and len(text) > window:
        if first is not None:
            start = max(0, first.start() - window // 3)
            if start:
                space = text.find(" ", start, first.start())
                start = space + 1 if space != -1 else start
        end = min(len(text), start + window)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    hits: list[re.Match[str]] = []
    if first is not None and first.end() <= end:
        hits.append(first)
        # The words after the first match, up to the end of the window.
        for m in found:
            if m.end() > end:
                break
            if matched(m):
                hits.append(m)
    out: list[str] = ["…" if start else ""]
    pos = start
    for m in hits:
        out.append(escape(text[pos : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        pos = m.end()
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above


def _result(hit: Hit, forms: set[str]) -> SearchResult:
    return SearchResult(
        kind=hit.kind,
        object_id=hit.object_id,
        title=hit.title,
        url=hit.url,
        ref=hit.ref,
        language=hit.language,
        category=hit.category,
        network_name=hit.network_name or "",
        snippet_html=_highlight(hit.text, hit.language, forms, window=SNIPPET),
        title_html=_highlight(hit.title, hit.language, forms, window=None),
        score=round(hit.score, 6),
    )


def search(
    user: Any,
    q: str,
    *,
    kind: str | None = None,
    network: Any = None,
    language: str | None = None,
    category: str | None = None,
    page: int = 1,
    per_page: int = 10,
) -> SearchPage:
    """One page of what `user` may see matching `q`, best first.

    Every word must match (in any of its forms); when nothing has them all, entries with any of
    them are listed instead (`any_word`). A given `language` both filters the results and is
    the language the query is read in.
    """
    page = max(1, int(page))
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    result = SearchPage(query=q, page=page, per_page=per_page)
    groups = query_forms(q[:MAX_QUERY], language or None)[:MAX_WORDS]
    qs = _filtered(user, network=network, language=language, category=category)
    if not groups or qs is None:
        return result
    backend = get_backend()
    where = Where(qs)
    offset = (page - 1) * per_page
    # One match more than the page needs tells whether there are more.
    limit = max(COUNT_LIMIT, offset + per_page)
    counts = backend.count(where, groups, any_word=False, limit=limit + 1)
    if not counts and len(groups) > 1:
        result.any_word = True
        counts = backend.count(where, groups, any_word=True, limit=limit + 1)
    result.counts_exact = sum(counts.values()) <= limit
    result.matches = min(sum(counts.values()), limit)
    result.counts = {k: counts[k] for k in Kind.values if counts.get(k)}
    if kind and kind not in Kind.values:
        return result
    if kind and not result.counts_exact:
        # The kind's own count: the first matches of all kinds may hold few of this one.
        of_kind = backend.count(
            Where(qs.filter(kind=kind)), groups, any_word=result.any_word, limit=limit + 1
        )
        found = of_kind.get(kind, 0)
    else:
        found = counts.get(kind, 0) if kind else sum(counts.values())
    result.total, result.exact = min(found, limit), found <= limit
    if result.total <= offset:
        return result
    hits = backend.search(
        Where(qs.filter(kind=kind)) if kind else where,
        groups,
        any_word=result.any_word,
        limit=per_page,
        offset=offset,
        # Pages within the first RANK_POOL results share one pool, those within the next another.
        pool=RANK_POOL * math.ceil((offset + per_page) / RANK_POOL) if found > RANK_ALL else None,
    )
    forms = set().union(*groups)
    result.results = [_result(hit, forms) for hit in hits]
    return result


def suggest(user: Any, prefix: str, *, limit: int = 8) -> list[dict[str, str]]:
    """Titles the person may see that start to match what they are typing: every finished word
    (in any form) and a word starting with the last, unfinished one."""
    typed = prefix[:MAX_QUERY]
    tokens = [m.group() for m in words(normalise(typed))][:MAX_WORDS]
    if not tokens or (len(tokens) == 1 and len(tokens[0]) < 2):
        return []
    groups = query_forms(" ".join(tokens[:-1])) if len(tokens) > 1 else []
    hits = get_backend().suggest(
        Where(_visible(user)), groups, prefix_forms(tokens[-1]), limit=limit * 4
    )
    start = fold(" ".join(tokens))
    seen: set[tuple[str, str]] = set()
    ranked = sorted(
        hits, key=lambda h: (not fold(h.title).startswith(start), len(h.title))
    )  # stable: newest first among equals
    out: list[dict[str, str]] = []
    for hit in ranked:
        if (hit.title, hit.url) in seen:
            continue
        seen.add((hit.title, hit.url))
        out.append({"title": hit.title, "url": hit.url, "kind": hit.kind})
        if len(out) == limit:
            break
    return out
