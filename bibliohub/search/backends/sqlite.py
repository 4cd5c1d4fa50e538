"""SQLite FTS5: an external-content table `search_fts` over SearchEntry's terms.

The FTS table stores only the index (the terms live once, in `search_searchentry`); three
triggers keep it in step with the rows. Queries drive from the FTS match (CROSS JOIN keeps that
order) and look each hit up in a covering index of the filter columns, where the permission
filter applies; only the page's rows are read in full. Ranking is FTS5's bm25 with the title
weighing TITLE_WEIGHT times the body.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from .base import TABLE, TITLE_WEIGHT, Hit, SearchBackend, Where

FTS = "search_fts"
# Our analysis has made the terms already: the tokenizer only splits on spaces and keeps
# diacritics (their folded forms are terms of their own).
DDL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
    f"title_terms, body_terms, content='{TABLE}', content_rowid='id', "
    "tokenize = 'unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {FTS}(rowid, title_terms, body_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms); END",
    f"CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {FTS}({FTS}, rowid, title_terms, body_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms); END",
    f"CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE OF title_terms, body_terms "  # noqa: S608
    f"ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, title_terms, body_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms); "
    f"INSERT INTO {FTS}(rowid, title_terms, body_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms); END",
]
# Every hit is looked up by id to apply the permission filter; this index holds what the filter
# reads, so the lookup does not wade through the row's long text columns.
FILTER_INDEX = "search_entry_filter"
DDL.append(
    f"CREATE INDEX IF NOT EXISTS {FILTER_INDEX} ON {TABLE} "
    "(id, kind, visibility, network_id, audience_id, language, category)"
)
TRIGGERS = ("search_fts_insert", "search_fts_delete", "search_fts_update")
MATCHED = (
    f"FROM {FTS} CROSS JOIN {TABLE} INDEXED BY {FILTER_INDEX} ON {TABLE}.id = {FTS}.rowid "
    f"WHERE {FTS} MATCH %s AND "
)
RANK = f"bm25({FTS}, {TITLE_WEIGHT}, 1.0)"


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(groups: list[set[str]], *, any_word: bool = False) -> str:
    """FTS5 query: per word an OR of its forms, the words joined by AND (or OR)."""
    parts = ["(" + " OR ".join(_phrase(t) for t in sorted(g)) + ")" for g in groups]
    return (" OR " if any_word else " AND ").join(parts)


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    def install(self, cursor: Any) -> None:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS])
        row = cursor.fetchone()
        if row and f"content='{TABLE}'" not in row[0]:
            # An FTS table of another shape (an earlier version of this index): replace it.
            self.uninstall(cursor)
        for statement in DDL:
            cursor.execute(statement)

    def uninstall(self, cursor: Any) -> None:
        for trigger in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        cursor.execute(f"DROP TABLE IF EXISTS {FTS}")

    def is_installed(self) -> bool:
        names = (FTS, FILTER_INDEX, *TRIGGERS)
        marks = ", ".join(["%s"] * len(names))
        rows = self._rows(f"SELECT name, sql FROM sqlite_master WHERE name IN ({marks})", names)  # noqa: S608
        shape = {name: sql for name, sql in rows}
        return len(shape) == len(names) and f"content='{TABLE}'" in shape[FTS]

    def repair(self) -> None:
        """Recreate what a table rebuild may have dropped, and rebuild the index from the rows."""
        with connection.cursor() as cursor:
            self.install(cursor)
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")  # noqa: S608

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            # One b-tree instead of one per batch written: fewer seeks per query.
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")  # noqa: S608
            cursor.execute("PRAGMA optimize")

    def count(self, where: Where, groups: list[set[str]], *, any_word: bool) -> dict[str, int]:
        if where.empty or not groups:
            return {}
        sql = f"SELECT {TABLE}.kind, COUNT(*) {MATCHED}{where.sql} GROUP BY {TABLE}.kind"
        params = [match_expression(groups, any_word=any_word), *where.params]
        return {kind: n for kind, n in self._rows(sql, params)}

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
        if where.empty or not groups:
            return []
        expression = match_expression(groups, any_word=any_word)
        if pool is None:
            # The page's ids first (ranking reads only the FTS index and the filter index),
            # then their rows.
            sql = (
                f"SELECT {TABLE}.id, -{RANK} AS score {MATCHED}{where.sql} "
                f"ORDER BY score DESC, {TABLE}.id LIMIT %s OFFSET %s"
            )
            params = [expression, *where.params, limit, offset]
            return self._details(self._rows(sql, params))
        # Ranked among the newest `pool` matches and the newest `pool` title matches. ("+rowid":
        # FTS5 would otherwise run the whole match once for each candidate.)
        newest = (
            f"SELECT id FROM (SELECT {FTS}.rowid AS id {MATCHED}{where.sql} "  # noqa: S608
            f"ORDER BY {FTS}.rowid DESC LIMIT %s)"
        )
        sql = (
            f"WITH candidates(id) AS MATERIALIZED ({newest} UNION {newest}) "  # noqa: S608
            f"SELECT {FTS}.rowid, -{RANK} AS score FROM {FTS} "
            f"WHERE {FTS} MATCH %s AND +{FTS}.rowid IN candidates "
            f"ORDER BY score DESC, {FTS}.rowid LIMIT %s OFFSET %s"
        )
        params = [
            expression,
            *where.params,
            pool,
            f"title_terms : ({expression})",
            *where.params,
            pool,
            expression,
            limit,
            offset,
        ]
        return self._details(self._rows(sql, params))

    def suggest(
        self, where: Where, groups: list[set[str]], prefixes: set[str], *, limit: int
    ) -> list[Hit]:
        if where.empty or not prefixes:
            return []
        words = [match_expression(groups)] if groups else []
        words.append("(" + " OR ".join(_phrase(p) + "*" for p in sorted(prefixes)) + ")")
        expression = "title_terms : (" + " AND ".join(words) + ")"
        # Newest first, read straight off the index: no ranking of every title that matches a
        # two-letter prefix.
        sql = f"SELECT {TABLE}.id, 0 {MATCHED}{where.sql} ORDER BY {FTS}.rowid DESC LIMIT %s"
        return self._details(self._rows(sql, [expression, *where.params, limit]))
