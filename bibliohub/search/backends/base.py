"""What a search engine does for BiblioHub, whichever database holds the index.

The rows are `SearchEntry`; each engine keeps its own full-text index of their `title_terms` and
`body_terms` in step with them by triggers its migration installs (an FTS5 table on SQLite, the
`vector` column on PostgreSQL), so any write to the rows — a save, a bulk upsert, a cascade
delete — updates the index in the same transaction. Queries take the permission filter as the
SQL of a SearchEntry queryset (`visible_q` and the filters the reader chose) and join it with
the full-text match, so counts and pages only ever cover what the reader may see.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import QuerySet

from ..models import SearchEntry

TABLE = SearchEntry._meta.db_table
# Fields an upsert rewrites when the entry exists (everything but its key).
ENTRY_FIELDS = [
    "network",
    "visibility",
    "audience",
    "language",
    "category",
    "title",
    "url",
    "ref",
    "text",
    "title_terms",
    "body_terms",
    "updated_at",
]
# The columns every result row carries, in this order (see `Hit`).
HIT_COLUMNS = (
    f"{TABLE}.id, {TABLE}.kind, {TABLE}.object_id, {TABLE}.title, {TABLE}.url, {TABLE}.ref, "
    f"{TABLE}.language, {TABLE}.category, {TABLE}.text, net.name"
)
NETWORK_JOIN = f"LEFT JOIN directory_network net ON net.id = {TABLE}.network_id"
# How much more a match in the title weighs than one in the body.
TITLE_WEIGHT = 10.0


@dataclass
class Hit:
    id: int
    kind: str
    object_id: int
    title: str
    url: str
    ref: str
    language: str
    category: str
    text: str
    network_name: str | None
    score: float


def _best_first(row: tuple[int, float]) -> tuple[float, int]:
    return (-row[1], row[0])


class Where:
    """The WHERE clause of a SearchEntry queryset, on the unaliased table `search_searchentry`:
    the permission filter and the reader's filters, compiled by Django."""

    def __init__(self, queryset: QuerySet[SearchEntry]) -> None:
        query = queryset.query
        compiler = query.get_compiler(connection=connection)
        self.empty = False
        try:
            sql, params = compiler.compile(query.where)
        except FullResultSet:
            sql, params = "1 = 1", ()
        except EmptyResultSet:
            sql, params, self.empty = "1 = 0", (), True
        joined = [a for a in query.alias_map if a != query.base_table and query.alias_refcount[a]]
        if joined:
            # A filter through a relation would need its join: use the queryset as a subquery.
            # (Joins Django set up and then trimmed, as for `network_id__in`, have no references
            # left: the filter reads the table's own columns, the fast way.)
            sub, sub_params = queryset.values("id").query.sql_with_params()
            sql, params = f"{TABLE}.id IN ({sub})", sub_params
        self.sql = f"({sql})"
        self.params = list(params)


# Told how many entries a batch of a rebuild has just committed (see SearchBackend.bulk).
Committed = Callable[[int], None]


def ignore_committed(entries: int) -> None:
    """A `Committed` for an engine that needs no word of a rebuild's progress."""


class SearchBackend:
    """One database's full-text search. `groups` are the query's words, each a set of terms
    any of which may match (`analysis.query_forms`); `any_word` asks for documents matching at
    least one word instead of all."""

    vendor = ""
    # What an entry written again changes (its kind and object stay).
    update_fields = ENTRY_FIELDS

    # Installation (called by the migration; idempotent).
    def install(self, cursor: Any) -> None:
        raise NotImplementedError

    def uninstall(self, cursor: Any) -> None:
        raise NotImplementedError

    def is_installed(self) -> bool:
        raise NotImplementedError

    def repair(self) -> None:
        """Install what is missing and rebuild the engine's index from the entries."""
        raise NotImplementedError

    def optimise(self) -> None:
        """Tidy the index after many writes (a rebuild): merge, refresh statistics."""

    def bulk(self, rows: int) -> contextlib.AbstractContextManager[Committed]:
        """Around writing `rows` entries in many transactions (a rebuild): an engine may build
        its index otherwise than entry by entry. Gives what the rebuild calls with the number
        of entries of each batch once the batch has committed."""
        return contextlib.nullcontext(ignore_committed)

    # Writing.
    def index(self, entries: Sequence[SearchEntry]) -> None:
        """Add or replace entries (by kind and object); the full-text index follows."""
        if not entries:
            return
        SearchEntry.objects.bulk_create(
            entries,
            batch_size=200,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=self.update_fields,
        )

    def delete(self, ids: Sequence[int]) -> None:
        SearchEntry.objects.filter(id__in=list(ids)).delete()

    # Reading.
    def count(
        self, where: Where, groups: list[set[str]], *, any_word: bool, limit: int | None = None
    ) -> dict[str, int]:
        """Matching entries per kind; with `limit`, among the first `limit` matches only (the
        engine stops there: a common word's tens of thousands need not all be counted)."""
        raise NotImplementedError

    def search(
        self,
        where: Where,
        groups: list[set[str]],
        *,
        any_word: bool,
        limit: int,
        offset: int,
        pool: int | None = None,
    ) -> list[Hit]:
        """Matching entries, best first (title matches weigh TITLE_WEIGHT times more).

        With `pool`, a bound on the work for a word found in tens of thousands of entries,
        where ranking every match would take too long: first the newest `pool` entries whose
        title has the words, best first by their title, then the others among the newest
        `pool` matches, best first. (With a title weighing ten times the body, a title match
        outranks the others anyway; this way the common case reads only the small index of
        titles.)"""
        if where.empty or not groups:
            return []
        if pool is None:
            return self._details(self._ranked(where, groups, any_word, limit, offset))
        titles = sorted(self._title_matches(where, groups, any_word, pool), key=_best_first)
        page = titles[offset : offset + limit]
        if len(page) < limit:
            seen = {id_ for id_, _score in titles}
            # (`pool` of them hold enough that are not title matches for the page: the caller
            # makes it at least offset + limit.)
            rest = sorted(
                (
                    row
                    for row in self._newest_matches(where, groups, any_word, pool)
                    if row[0] not in seen
                ),
                key=_best_first,
            )
            start = max(0, offset - len(titles))
            page += rest[start : start + limit - len(page)]
        return self._details(page)

    def _ranked(
        self, where: Where, groups: list[set[str]], any_word: bool, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """(id, score) of every match ranked, the page from `offset`."""
        raise NotImplementedError

    def _title_matches(
        self, where: Where, groups: list[set[str]], any_word: bool, pool: int
    ) -> list[tuple[int, float]]:
        """(id, score by the title alone) of the newest `pool` entries whose title matches."""
        raise NotImplementedError

    def _newest_matches(
        self, where: Where, groups: list[set[str]], any_word: bool, pool: int
    ) -> list[tuple[int, float]]:
        """(id, score) of the newest `pool` matches."""
        raise NotImplementedError

    def suggest(
        self, where: Where, groups: list[set[str]], prefixes: set[str], *, limit: int
    ) -> list[Hit]:
        """Entries whose title has every word of `groups` and a term starting with one of
        `prefixes`; newest first (the caller orders them)."""
        raise NotImplementedError

    # Helpers.
    @staticmethod
    def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _details(self, ranked: list[tuple[Any, ...]]) -> list[Hit]:
        """The rows of (id, score) pairs, in their order."""
        if not ranked:
            return []
        ids = [row[0] for row in ranked]
        marks = ", ".join(["%s"] * len(ids))
        sql = f"SELECT {HIT_COLUMNS}, 0 FROM {TABLE} {NETWORK_JOIN} WHERE {TABLE}.id IN ({marks})"  # noqa: S608
        by_id = {row[0]: row for row in self._rows(sql, ids)}
        return [Hit(*by_id[id_][:10], score=float(score)) for id_, score in ranked if id_ in by_id]
