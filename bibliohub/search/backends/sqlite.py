"""SQLite FTS5: external-content tables over SearchEntry's terms, `search_fts` (title and body)
and `search_fts_title` (the title alone, for suggestions and the first tier of ranking).

The FTS tables store only the index (the terms live once, in `search_searchentry`); three
triggers keep them in step with the rows. Queries drive from the FTS match (CROSS JOIN keeps that
order) and look each hit up in a covering index of the filter columns, where the permission
filter applies; only the page's rows are read in full. Ranking is FTS5's bm25 with the title
weighing TITLE_WEIGHT times the body.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django.db import connection

from .base import TABLE, TITLE_WEIGHT, Committed, Hit, SearchBackend, Where, ignore_committed

FTS = "search_fts"
# The titles' terms alone, with prefix indexes of two and three letters: what suggestions read,
# and the first tier of ranking among very many matches (see SearchBackend.search) — a common
# word's title matches without wading through its every mention in a body.
TITLES = "search_fts_title"
# Our analysis has made the terms already: the tokenizer only splits on spaces and keeps
# diacritics (their folded forms are terms of their own).
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"
CONTENT = f"content='{TABLE}', content_rowid='id'"
TABLES = {
    FTS: f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
    f"title_terms, body_terms, {CONTENT}, {TOKENIZE})",
    TITLES: f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLES} USING fts5("
    f"title_terms, {CONTENT}, prefix = '2 3', {TOKENIZE})",
}
_ADD = (
    f"INSERT INTO {FTS}(rowid, title_terms, body_terms) "  # noqa: S608
    "VALUES (new.id, new.title_terms, new.body_terms); "
    f"INSERT INTO {TITLES}(rowid, title_terms) VALUES (new.id, new.title_terms);"
)
_REMOVE = (
    f"INSERT INTO {FTS}({FTS}, rowid, title_terms, body_terms) "  # noqa: S608
    "VALUES ('delete', old.id, old.title_terms, old.body_terms); "
    f"INSERT INTO {TITLES}({TITLES}, rowid, title_terms) "
    "VALUES ('delete', old.id, old.title_terms);"
)
TRIGGERS = {
    "search_fts_insert": f"CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON {TABLE} "
    f"BEGIN {_ADD} END",
    "search_fts_delete": f"CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {TABLE} "
    f"BEGIN {_REMOVE} END",
    "search_fts_update": "CREATE TRIGGER IF NOT EXISTS search_fts_update "
    f"AFTER UPDATE OF title_terms, body_terms ON {TABLE} BEGIN {_REMOVE} {_ADD} END",
}
# Every hit is looked up by id to apply the permission filter; this index holds what the filter
# reads, so the lookup does not wade through the row's long text columns.
FILTER_INDEX = "search_entry_filter"
INDEXES = {
    FILTER_INDEX: f"CREATE INDEX IF NOT EXISTS {FILTER_INDEX} ON {TABLE} "
    "(id, kind, visibility, network_id, audience_id, language, category)"
}
DDL = [*TABLES.values(), *TRIGGERS.values(), *INDEXES.values()]
RANK = f"bm25({FTS}, {TITLE_WEIGHT}, 1.0)"
# A rebuild of at least this many entries writes them with FTS5 merging nothing on the way and
# holding up to 64 MB of terms before it writes a segment, then merges once at the end
# (`optimise`): some 30% faster than merging as it goes. The settings are FTS5's own
# ("automerge", "crisismerge", "hashsize"), put back to their defaults afterwards.
BULK_ROWS = 2000
BULK_SETTINGS = {"automerge": 0, "crisismerge": 64, "hashsize": 64 * 1024 * 1024}
DEFAULT_SETTINGS = {"automerge": 4, "crisismerge": 16, "hashsize": 1024 * 1024}


def _matched(fts: str) -> str:
    """FROM and WHERE of the entries matching `fts`'s MATCH %s, to be followed by the filter."""
    return (
        f"FROM {fts} CROSS JOIN {TABLE} INDEXED BY {FILTER_INDEX} ON {TABLE}.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND "
    )


MATCHED = _matched(FTS)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(groups: list[set[str]], *, any_word: bool = False) -> str:
    """FTS5 query: per word an OR of its forms, the words joined by AND (or OR)."""
    parts = ["(" + " OR ".join(_phrase(t) for t in sorted(g)) + ")" for g in groups]
    return (" OR " if any_word else " AND ").join(parts)


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    @staticmethod
    def _shape(cursor: Any) -> dict[str, str]:
        names = (*TABLES, *TRIGGERS, *INDEXES)
        marks = ", ".join(["%s"] * len(names))
        cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({marks})", names)  # noqa: S608
        return {name: sql for name, sql in cursor.fetchall()}

    def install(self, cursor: Any) -> None:
        self._install(cursor)

    def _install(self, cursor: Any) -> set[str]:
        """Install what is missing or of an older shape; returns the FTS tables made (and
        filled from the entries there are)."""
        shape = self._shape(cursor)
        if FTS in shape and f"content='{TABLE}'" not in shape[FTS]:
            # An FTS table of another shape (an earlier version of this index): replace it.
            self.uninstall(cursor)
            shape = {}
        for trigger in TRIGGERS:
            if trigger in shape and TITLES not in shape[trigger]:
                # Triggers of the time before the titles' index: replaced by the current ones.
                cursor.execute(f"DROP TRIGGER {trigger}")
        for statement in DDL:
            cursor.execute(statement)
        made = {table for table in TABLES if table not in shape}
        for table in made:
            # A new index over entries that may exist already.
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")  # noqa: S608
        return made

    def uninstall(self, cursor: Any) -> None:
        for trigger in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for table in TABLES:
            cursor.execute(f"DROP TABLE IF EXISTS {table}")

    def is_installed(self) -> bool:
        with connection.cursor() as cursor:
            shape = self._shape(cursor)
        return (
            len(shape) == len(TABLES) + len(TRIGGERS) + len(INDEXES)
            and f"content='{TABLE}'" in shape[FTS]
            and all(TITLES in shape[trigger] for trigger in TRIGGERS)
        )

    def repair(self) -> None:
        """Recreate what a table rebuild may have dropped, and rebuild the index from the rows."""
        with connection.cursor() as cursor:
            made = self._install(cursor)
            for table in TABLES.keys() - made:
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")  # noqa: S608

    @contextlib.contextmanager
    def bulk(self, rows: int) -> Iterator[Committed]:
        if rows < BULK_ROWS:
            yield ignore_committed
            return
        self._configure(BULK_SETTINGS)
        try:
            yield ignore_committed
        finally:
            self._configure(DEFAULT_SETTINGS)

    @staticmethod
    def _configure(settings: dict[str, int]) -> None:
        with connection.cursor() as cursor:
            for name, value in settings.items():
                cursor.execute(f"INSERT INTO {FTS}({FTS}, rank) VALUES (%s, %s)", [name, value])  # noqa: S608

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            # One b-tree instead of one per batch written: fewer seeks per query.
            for table in TABLES:
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608
            cursor.execute("PRAGMA optimize")

    def count(
        self, where: Where, groups: list[set[str]], *, any_word: bool, limit: int | None = None
    ) -> dict[str, int]:
        if where.empty or not groups:
            return {}
        sql = f"SELECT {TABLE}.kind AS kind {MATCHED}{where.sql}"
        params = [match_expression(groups, any_word=any_word), *where.params]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        sql = f"SELECT kind, COUNT(*) FROM ({sql}) GROUP BY kind"  # noqa: S608
        return {kind: n for kind, n in self._rows(sql, params)}

    def _ranked(
        self, where: Where, groups: list[set[str]], any_word: bool, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        # The page's ids first (ranking reads only the FTS index and the filter index), then
        # their rows.
        sql = (
            f"SELECT {TABLE}.id, -{RANK} AS score {MATCHED}{where.sql} "
            f"ORDER BY score DESC, {TABLE}.id LIMIT %s OFFSET %s"
        )
        params = [match_expression(groups, any_word=any_word), *where.params, limit, offset]
        return self._rows(sql, params)

    def _title_matches(
        self, where: Where, groups: list[set[str]], any_word: bool, pool: int
    ) -> list[tuple[int, float]]:
        # Newest first straight off the index, bm25 worked out for these rows only.
        sql = (
            f"SELECT {TITLES}.rowid, -bm25({TITLES}) {_matched(TITLES)}{where.sql} "
            f"ORDER BY {TITLES}.rowid DESC LIMIT %s"
        )
        params = [match_expression(groups, any_word=any_word), *where.params, pool]
        return self._rows(sql, params)

    def _newest_matches(
        self, where: Where, groups: list[set[str]], any_word: bool, pool: int
    ) -> list[tuple[int, float]]:
        sql = f"SELECT {FTS}.rowid, -{RANK} {MATCHED}{where.sql} ORDER BY {FTS}.rowid DESC LIMIT %s"
        params = [match_expression(groups, any_word=any_word), *where.params, pool]
        return self._rows(sql, params)

    def suggest(
        self, where: Where, groups: list[set[str]], prefixes: set[str], *, limit: int
    ) -> list[Hit]:
        if where.empty or not prefixes:
            return []
        words = [match_expression(groups)] if groups else []
        words.append("(" + " OR ".join(_phrase(p) + "*" for p in sorted(prefixes)) + ")")
        # Newest first, read straight off the titles' index: no ranking of every title that
        # matches a two-letter prefix.
        sql = (
            f"SELECT {TABLE}.id, 0 {_matched(TITLES)}{where.sql} "
            f"ORDER BY {TITLES}.rowid DESC LIMIT %s"
        )
        return self._details(self._rows(sql, [" AND ".join(words), *where.params, limit]))
