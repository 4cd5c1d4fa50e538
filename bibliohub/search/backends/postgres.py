"""PostgreSQL full-text search: SearchEntry.vector (tsvector with GIN index).

`vector` is setweight(to_tsvector('simple', title_terms), 'A') || setweight(to_tsvector('simple',
body_terms), 'B'), and `rank_vector` the same of the title and the opening of the body. The
'simple' configuration only lower-cases and splits: the analysis has been done in Python, the
same as for SQLite, and each term is one word. So the backend writes both vectors itself from
the terms (`vector_texts`), which spares PostgreSQL parsing them; a trigger computes them as
above for a write that brings none (a repair, a term too long to index). Suggestions read a
second GIN index, on the title's terms alone. Ranking is ts_rank with the title (A) weighing
TITLE_WEIGHT times the body (B).

Three things keep queries fast on a large index. The long columns, the tsvector too, live out of
line (a low toast_tuple_target), so that reading the rows a match found for the permission
filter and the counts reads narrow rows; only a bounded number of candidates have their tsvector
unpacked for ranking (see SearchBackend.search; the title matches are ranked by their title
alone). The match always goes through a GIN index: PostgreSQL's planner does not count the cost
of unpacking each row's tsvector, and for a common word would rather read the whole table (or
every public row) and test each one — many times slower. The match therefore sits in a subquery
of its own (OFFSET 0 keeps the planner from merging the permission filter into it) with
sequential scans disabled for that statement. And the newest matches are looked for among the
newest ids, a window that widens until it holds enough (`_newest_ids`), so that a common
word's tens of thousands of rows are not all read to sort them by id.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from ..models import SearchEntry
from .base import (
    ENTRY_FIELDS,
    TABLE,
    TITLE_WEIGHT,
    Committed,
    Hit,
    SearchBackend,
    Where,
    ignore_committed,
)

logger = logging.getLogger(__name__)

FUNCTION = "search_entry_vector"
# The GIN indexes, by name: the match and the suggestions' title match.
GIN_INDEXES = {
    "search_entry_vector": f"CREATE INDEX IF NOT EXISTS search_entry_vector ON {TABLE} "
    "USING gin (vector)",
    "search_entry_title": f"CREATE INDEX IF NOT EXISTS search_entry_title ON {TABLE} "
    "USING gin (to_tsvector('simple', title_terms))",
}
# A rebuild that writes at least this many entries lets them gather in the GIN indexes' pending
# lists while a second connection merges those lists into the indexes, on another processor: the
# writing connection never merges itself, and the indexes are whole soon after the last batch is
# written, with no build at the end. Searches meanwhile read the pending lists through: correct,
# but slower. (Dropping the indexes and building them at the end, as PostgreSQL's manual
# suggests, builds on one processor after the writing: 165 documents/s for 200,000 documents on
# two processors, against 260-320 with gin_clean_pending_list and ~300+ this way.)
BULK_ROWS = 2_000
# The writing connection never merges (its pending lists' limit is as large as PostgreSQL
# allows, in kB); the merging one merges as soon as anything is pending (PostgreSQL's least
# limit, 64 kB) with up to BULK_MEMORY of entries at a time.
PENDING_LIMIT = str(2**31 - 1)
MERGING_LIMIT = "64"
BULK_MEMORY = "1GB"
# Entries written before the merging connection merges them, in one pass (see `_PendingMerger`).
MERGE_BATCH = 5_000
# Entries written and not yet merged at which the writing connection waits for the merging one
# (some 800 MB of pending entries for documents of a few pages).
MERGE_LIMIT = 20_000
# `rank_vector` holds the title and the opening of the body (this many characters of its terms,
# which come in the order the words first appear): what ranks the newest of very many matches
# (see `_newest_matches`) without unpacking each one's whole tsvector, ~50 KB for a long
# document.
RANK_OPENING = 2000


def vectors(row: str) -> tuple[str, str]:
    """SQL of `vector` and of `rank_vector` from the terms of `row` ("NEW" in the trigger)."""
    title = f"setweight(to_tsvector('simple', coalesce({row}.title_terms, '')), 'A')"
    body = f"coalesce({row}.body_terms, '')"
    return (
        f"{title} || setweight(to_tsvector('simple', {body}), 'B')",
        f"{title} || setweight(to_tsvector('simple', left({body}, {RANK_OPENING})), 'B')",
    )


# In the trigger: a write that brings its own vector keeps it (see `vector_texts`).
BROUGHT = (
    "IF NEW.vector IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.vector IS DISTINCT FROM OLD.vector) "
    "THEN RETURN NEW; END IF; "
)


def _function(*, rank_vector: bool) -> str:
    """The trigger's function; without `rank_vector` for a table of before migration 0004."""
    vector, ranked = vectors("NEW")
    sets = f"NEW.vector := {vector}; " + (f"NEW.rank_vector := {ranked}; " if rank_vector else "")
    return (
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"{BROUGHT if rank_vector else ''}{sets}RETURN NEW; END $$"
    )


# Positions in a tsvector stop at this one; to_tsvector leaves out a word of this many bytes or
# more (see `vector_texts`).
LAST_POSITION = 16383
TOO_LONG = 2048
# Each position's text, with what follows it: `term` + `':5B '` + `next term`...
_AT_A = [f"':{n}A '" for n in range(LAST_POSITION + 1)]
_AT_B = [f"':{n}B '" for n in range(LAST_POSITION + 1)]


def _positions(count: int, first: int, at: list[str]) -> list[str]:
    """The texts of `count` positions from `first` on (the last one repeated past it)."""
    ats = at[first : first + count]
    ats += [at[LAST_POSITION]] * (count - len(ats))
    return ats


def _tsvector_text(terms: list[str], ats: list[str]) -> str:
    """`'term':positionW` of each term, space-separated: one join of the terms and their
    positions' texts taken in turn."""
    if not terms:
        return ""
    parts: list[str] = [""] * (2 * len(terms))
    parts[::2] = terms
    parts[1::2] = ats
    return "'" + "".join(parts)[:-2]


def vector_texts(title_terms: str, body_terms: str) -> tuple[str | None, str | None]:
    """`vector` and `rank_vector` as tsvector text, the same as the trigger makes of these terms
    (`vectors`): the terms are words already, one token each for to_tsvector's parser, so
    writing their positions here spares PostgreSQL parsing them again (~1 ms a document of a
    few pages, of the ~2.5 a rebuild's writing costs). None for terms that hold a word too long
    for the index, which the trigger leaves out in its own way."""
    title, body = title_terms.split(), body_terms.split()
    longest = max(max(map(len, title), default=0), max(map(len, body), default=0))
    if longest * 4 >= TOO_LONG and any(len(t.encode()) >= TOO_LONG for t in (*title, *body)):
        return None, None
    # (The opening may end in part of a word, as `left` cuts it.)
    opening = body_terms[:RANK_OPENING].split()
    if any(c in t for c in "'\\" for t in (title_terms, body_terms)):
        title, body, opening = (
            [t.replace("\\", "\\\\").replace("'", "''") for t in terms]
            for terms in (title, body, opening)
        )
    # The body's positions follow the title's last one (as `||` numbers them).
    heading = _positions(len(title), 1, _AT_A)
    body_ats = _positions(len(body), min(len(title), LAST_POSITION) + 1, _AT_B)
    return (
        _tsvector_text(title + body, heading + body_ats),
        _tsvector_text(title + opening, heading + body_ats[: len(opening)]),
    )


# After the trigger's function (`_function`).
DDL = [
    f"DROP TRIGGER IF EXISTS {FUNCTION} ON {TABLE}",
    f"CREATE TRIGGER {FUNCTION} BEFORE INSERT OR UPDATE OF title_terms, body_terms ON {TABLE} "
    f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()",
    *GIN_INDEXES.values(),
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)",
    f"ALTER TABLE {TABLE} ALTER COLUMN body_terms SET STORAGE EXTERNAL, "
    "ALTER COLUMN title_terms SET STORAGE EXTERNAL, ALTER COLUMN text SET STORAGE EXTERNAL",
]
# lz4 unpacks several times faster than PostgreSQL's own compression (when the server has it).
LZ4 = "ALTER COLUMN {} SET COMPRESSION lz4"
# ts_rank's weights, in the order D, C, B, A.
WEIGHTS = f"'{{0.0, 0.0, {1.0 / TITLE_WEIGHT}, 1.0}}'"
# 1: the rank divided by 1 + the logarithm of the document's length, as bm25 favours short
# documents over long ones that mention a word in passing.
NORMALISATION = 1
# The match, on the GIN index of `vector`; the title's match, on the titles' GIN index.
TITLE_VECTOR = "to_tsvector('simple', title_terms)"
MATCH = "vector @@ to_tsquery('simple', %s)"
TITLE_MATCH = f"{TITLE_VECTOR} @@ to_tsquery('simple', %s)"
# The newest matches are looked for among this many newest ids first (see `_newest_matches`).
# Small: for a word found in a tenth of the documents or more, PostgreSQL tests the match on each
# row of the window (it reckons the GIN index's bitmap would spare no page), unpacking every
# row's tsvector; a window of 20,000 ids made one such search take half a second.
NEWEST_WINDOW = 4_000
BITMAPS_ONLY = ("enable_seqscan", "enable_indexscan")
# What the permission filter and the reader's filters read, besides the match.
FILTER_COLUMNS = "id, kind, object_id, visibility, network_id, audience_id, language, category"


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(groups: list[set[str]], *, any_word: bool = False) -> str:
    """to_tsquery text: per word an OR of its forms, the words joined by AND (or OR)."""
    parts = ["(" + " | ".join(_lexeme(t) for t in sorted(g)) + ")" for g in groups]
    return (" | " if any_word else " & ").join(parts)


def _matched(condition: str, extra: str = "") -> str:
    """Entries matching `condition` (on the GIN index alone), under the table's own name so
    that the compiled permission filter applies to them."""
    return f"(SELECT {FILTER_COLUMNS}{extra} FROM {TABLE} WHERE {condition} OFFSET 0) AS {TABLE}"  # noqa: S608


def _merge_pending(cursor: Any) -> int:
    """Move the entries in the GIN indexes' pending lists into the indexes; how many pages of
    pending entries there were."""
    merged = 0
    for name in GIN_INDEXES:
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
        merged += cursor.fetchone()[0]
    return merged


def _merge_written(using: str) -> None:
    """Merge what is pending in the GIN indexes now, in one pass, in connection `using`: the
    merge an insert makes when it finds the pending list longer than gin_pending_list_limit
    (set as low as it goes for it), by an entry inserted and rolled back at once. Unlike
    `gin_clean_pending_list`, it stops at the end the lists had when it began, whatever is
    written meanwhile; and it needs no ownership of the indexes, only the right to insert."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SELECT set_config('gin_pending_list_limit', %s, true)", [MERGING_LIMIT])
        cursor.execute("SELECT set_config('work_mem', %s, true)", [BULK_MEMORY])
        SearchEntry.objects.using(using).create(
            kind="", object_id=0, visibility="", title="", url="", title_terms="merge"
        )
        transaction.set_rollback(True, using=using)


class _PendingMerger(threading.Thread):
    """During a rebuild, merges the GIN indexes' pending lists from a connection of its own
    while the rebuilding connection writes (see BULK_ROWS).

    A merge updates each key of the index once for all the entries it takes in: 10,000
    documents at a time cost some 2 ms a document, 1,000 at a time 2.7 ms and 100 at a time
    7 ms. So the merger waits until MERGE_BATCH entries have been written, and merges those in
    one pass (`_merge_written`) while the writer goes on; `gin_clean_pending_list` would go on
    to merge what is written meanwhile, in passes ever smaller and dearer, until the writer
    stopped. The writer waits only when MERGE_LIMIT entries are waiting (`committed`)."""

    def __init__(self, alias: str) -> None:
        super().__init__(name="search-gin-merger", daemon=True)
        self.alias = alias
        self.stopped = False
        self.changed = threading.Condition()
        self.written = 0  # entries the writer has committed
        self.taken = 0  # of those, what the merge under way (or the last one) took in
        self.merged = 0  # of those, what the merges have finished with

    def run(self) -> None:
        own = connections[self.alias]  # this thread's own connection
        try:
            while True:
                with self.changed:
                    while not self.stopped and self.written - self.taken < MERGE_BATCH:
                        self.changed.wait()
                    if self.stopped:
                        return
                    self.taken = self.written
                _merge_written(self.alias)
                with self.changed:
                    self.merged = self.taken
                    self.changed.notify_all()
        except DatabaseError:
            # (The rebuilding connection merges what is left at the end; nothing is lost.)
            logger.exception("Merging the search index's pending entries failed")
        finally:
            own.close()
            with self.changed:
                self.stopped = True
                self.changed.notify_all()

    def committed(self, entries: int) -> None:
        """Count entries the writer has committed; wait while MERGE_LIMIT of them wait for a
        merge. This bounds the pending lists (and the index's file: PostgreSQL uses a page a
        merge emptied again only when that merge is over), and what searches read meanwhile."""
        with self.changed:
            self.written += entries
            if self.written - self.taken >= MERGE_BATCH:
                self.changed.notify_all()
            while self.written - self.merged >= MERGE_LIMIT and not self.stopped:
                self.changed.wait()

    def stop(self) -> None:
        with self.changed:
            self.stopped = True
            self.changed.notify_all()
        self.join()


# What an upsert writes: every column but the id; and, of an entry there is, what it rewrites.
UPSERT_FIELDS = [f for f in SearchEntry._meta.concrete_fields if not f.primary_key]
UPSERT_ROWS = 250


@functools.cache
def _upsert(rows: int) -> str:
    """INSERT … ON CONFLICT of `rows` entries (parameters in UPSERT_FIELDS' order)."""
    columns = ", ".join(field.column for field in UPSERT_FIELDS)
    row = "(" + ", ".join(["%s"] * len(UPSERT_FIELDS)) + ")"
    changed = [SearchEntry._meta.get_field(name).column for name in PostgresBackend.update_fields]
    return (
        f"INSERT INTO {TABLE} ({columns}) VALUES {', '.join([row] * rows)} "  # noqa: S608
        "ON CONFLICT (kind, object_id) DO UPDATE SET "
        + ", ".join(f"{column} = EXCLUDED.{column}" for column in changed)
    )


class PostgresBackend(SearchBackend):
    vendor = "postgresql"
    update_fields = [*ENTRY_FIELDS, "vector", "rank_vector"]

    def index(self, entries: Sequence[SearchEntry]) -> None:
        """Upsert the entries with their vectors, in statements of UPSERT_ROWS entries whose
        values travel as parameters of their own (server-side binding). Django's cursors bind
        on the client: they would quote some 150 KB of terms and vectors a document into the
        statement, and PostgreSQL's parser would read it all again."""
        if not entries:
            return
        now = timezone.now()
        for entry in entries:
            entry.vector, entry.rank_vector = vector_texts(entry.title_terms, entry.body_terms)
            entry.updated_at = now
        # (A cursor of Django's opens the connection and refuses a broken transaction.)
        with connection.cursor() as cursor, connection.wrap_database_errors:
            with psycopg.Cursor(cursor.connection) as bound:
                for start in range(0, len(entries), UPSERT_ROWS):
                    chunk = entries[start : start + UPSERT_ROWS]
                    values = [
                        field.get_db_prep_save(getattr(entry, field.attname), connection)
                        for entry in chunk
                        for field in UPSERT_FIELDS
                    ]
                    bound.execute(_upsert(len(chunk)), values)

    def install(self, cursor: Any) -> None:
        # (Migration 0002 installs with this code on a table that has no `rank_vector` yet;
        # 0004 adds it and installs again.)
        cursor.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_name = %s "
            "AND column_name = 'rank_vector' AND table_schema = current_schema()",
            [TABLE],
        )
        ranked = cursor.fetchone() is not None
        for statement in (_function(rank_vector=ranked), *DDL):
            cursor.execute(statement)
        cursor.execute(
            "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' "
            "AND 'lz4' = ANY(enumvals)"
        )
        if cursor.fetchone():
            columns = ("vector", "rank_vector") if ranked else ("vector",)
            cursor.execute(f"ALTER TABLE {TABLE} " + ", ".join(map(LZ4.format, columns)))
        if ranked:
            # Only ranked, never matched: its statistics would help no plan, and gathering them
            # unpacks 30,000 sampled vectors at each ANALYZE (a second and more of a rebuild).
            cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN rank_vector SET STATISTICS 0")

    def uninstall(self, cursor: Any) -> None:
        cursor.execute(f"DROP TRIGGER IF EXISTS {FUNCTION} ON {TABLE}")
        cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
        cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
        cursor.execute("DROP INDEX IF EXISTS search_entry_title")

    def is_installed(self) -> bool:
        rows = self._rows(
            "SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE t.tgname = %s AND NOT t.tgisinternal AND p.prosrc LIKE %s",
            (FUNCTION, "%IS DISTINCT FROM OLD.vector%"),
        )
        names = list(GIN_INDEXES)
        indexes = self._rows(
            "SELECT 1 FROM pg_indexes WHERE tablename = %s AND indexname = ANY(%s)", (TABLE, names)
        )
        return bool(rows) and len(indexes) == len(names)

    @contextlib.contextmanager
    def bulk(self, rows: int) -> Iterator[Committed]:
        if rows < BULK_ROWS or connection.in_atomic_block:
            yield ignore_committed
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('gin_pending_list_limit', %s, false)", [PENDING_LIMIT]
            )
            # A batch's commit does not wait for the disk: a server that stops loses at most
            # the last batches' entries, which the next reindex writes again.
            cursor.execute("SET synchronous_commit = off")
        merger = _PendingMerger(connection.alias)
        merger.start()
        try:
            yield merger.committed
        finally:
            merger.stop()
            with connection.cursor() as cursor:
                cursor.execute("RESET gin_pending_list_limit")
                cursor.execute("RESET synchronous_commit")
                # What the merger had not reached (all of it, if the merger failed): nothing is
                # written now, so gin_clean_pending_list has nothing to chase, and it waits for
                # an autovacuum merging just then, where an insert's merge leaves the lists to it.
                if self._owns_indexes():
                    cursor.execute(
                        "SELECT set_config('maintenance_work_mem', %s, false)", [BULK_MEMORY]
                    )
                    _merge_pending(cursor)
                    cursor.execute("RESET maintenance_work_mem")
                else:
                    _merge_written(connection.alias)

    def _owns_indexes(self) -> bool:
        """Whether this connection's role may call gin_clean_pending_list: only the indexes'
        owner may, as for VACUUM. (Another role's rebuild merges by inserts all the same, and
        leaves to autovacuum what its last merge found below the least limit, 64 kB.)"""
        rows = self._rows(
            "SELECT bool_and(pg_has_role(c.relowner, 'USAGE')), count(*) FROM pg_class c "
            "WHERE c.relname = ANY(%s) AND c.relkind = 'i' "
            "AND c.relnamespace = current_schema()::regnamespace",
            (list(GIN_INDEXES),),
        )
        owned, found = rows[0]
        return bool(owned) and found == len(GIN_INDEXES)

    def repair(self) -> None:
        """Recreate the trigger and indexes, and recompute every vector."""
        with connection.cursor() as cursor:
            self.install(cursor)
            cursor.execute(f"UPDATE {TABLE} SET title_terms = title_terms")  # noqa: S608

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                cursor.execute(f"ANALYZE {TABLE}")
            else:
                # Also marks the table's pages all-visible, which spares reading them for
                # counts. Not its TOAST table's: no query reads those pages for their
                # visibility, and after a rebuild they are the whole of the terms and vectors
                # (8 GB for 200,000 documents, some 20 s to go through); autovacuum sees to them.
                cursor.execute(f"VACUUM (ANALYZE, PROCESS_TOAST FALSE) {TABLE}")

    def _query(
        self, sql: str, params: Sequence[Any], *, off: Sequence[str] = ("enable_seqscan",)
    ) -> list[tuple[Any, ...]]:
        """Run a statement with the planner's settings `off` turned off for it."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(["current_setting(%s)"] * len(off)), off)
            before = cursor.fetchone()
            for name in off:
                cursor.execute(f"SET {name} = off")
            try:
                cursor.execute(sql, params)
                return cursor.fetchall()
            finally:
                # (In a transaction the query failed, the rollback undoes the SET.)
                with contextlib.suppress(DatabaseError):
                    for name, value in zip(off, before, strict=True):
                        cursor.execute("SELECT set_config(%s, %s, false)", [name, value])

    def count(
        self, where: Where, groups: list[set[str]], *, any_word: bool, limit: int | None = None
    ) -> dict[str, int]:
        if where.empty or not groups:
            return {}
        matched = _matched(MATCH)
        sql = f"SELECT kind FROM {matched} WHERE {where.sql}"  # noqa: S608
        params = [tsquery(groups, any_word=any_word), *where.params]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        sql = f"SELECT kind, COUNT(*) FROM ({sql}) AS found GROUP BY kind"  # noqa: S608
        return {kind: n for kind, n in self._query(sql, params)}

    def _ranked(
        self, where: Where, groups: list[set[str]], any_word: bool, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        query = tsquery(groups, any_word=any_word)
        rank = f"ts_rank({WEIGHTS}, vector, to_tsquery('simple', %s), {NORMALISATION}) AS score"
        matched = _matched(MATCH, f", {rank}")
        sql = (
            f"SELECT id, score FROM {matched} WHERE {where.sql} "  # noqa: S608
            "ORDER BY score DESC, id LIMIT %s OFFSET %s"
        )
        # The placeholders in order: the rank's query (select list), then the match's.
        return self._query(sql, [query, query, *where.params, limit, offset])

    def _title_matches(
        self, where: Where, groups: list[set[str]], any_word: bool, pool: int
    ) -> list[tuple[int, float]]:
        # The newest through the titles' own GIN index, then only their titles ranked.
        return self._newest_ranked(TITLE_MATCH, TITLE_VECTOR, groups, any_word, where, pool)

    def _newest_matches(
        self, where: Where, groups: list[set[str]], any_word: bool, pool: int
    ) -> list[tuple[int, float]]:
        # (Entries indexed before migration 0004 have no rank_vector until a reindex.)
        ranked = f"{WEIGHTS}, coalesce(rank_vector, vector)"
        return self._newest_ranked(MATCH, ranked, groups, any_word, where, pool)

    def _newest_ranked(
        self,
        condition: str,
        ranked: str,
        groups: list[set[str]],
        any_word: bool,
        where: Where,
        pool: int,
    ) -> list[tuple[int, float]]:
        """(id, ts_rank of `ranked`) of the newest `pool` entries matching `condition`."""
        query = tsquery(groups, any_word=any_word)
        ids = self._newest_ids(condition, query, where, pool)
        sql = (
            f"SELECT id, ts_rank({ranked}, to_tsquery('simple', %s), {NORMALISATION}) "  # noqa: S608
            f"FROM {TABLE} WHERE id = ANY(%s)"
        )
        return self._query(sql, [query, ids]) if ids else []

    def _newest_ids(self, condition: str, query: str, where: Where, pool: int) -> list[int]:
        """The ids of the newest `pool` entries matching `condition` (on `query`) that pass
        `where`: looked for in a window of the newest ids, widened until it holds enough.
        PostgreSQL intersects the GIN index's bitmap with the primary key's range (BitmapAnd)
        and reads only the window's matching rows, where sorting every match by id would read
        every match's row. (Index scans off: the planner would rather walk the primary key and
        unpack each row's tsvector to test it. It still does so, by a bitmap of the range,
        when the word is in so many rows that every page of the window holds one: the first
        window is small for that, and such a word fills it.)"""
        (top,) = self._rows(f"SELECT max(id) FROM {TABLE}", ())[0]  # noqa: S608
        if top is None:
            return []
        newest = (
            f"SELECT id FROM {_matched(condition + ' AND id > %s')} "  # noqa: S608
            f"WHERE {where.sql} ORDER BY id DESC LIMIT %s"
        )
        window = NEWEST_WINDOW
        while True:
            low = top - window
            params = [query, low, *where.params, pool]
            ids = [row[0] for row in self._query(newest, params, off=BITMAPS_ONLY)]
            if len(ids) >= pool or low <= 0:
                return ids
            # Widened by what this window held: enough at once for a word of middling
            # frequency, and in one or two steps to the whole table for a rare one.
            window *= min(16, max(4, math.ceil(pool * 1.5 / max(1, len(ids)))))

    def suggest(
        self, where: Where, groups: list[set[str]], prefixes: set[str], *, limit: int
    ) -> list[Hit]:
        if where.empty or not prefixes:
            return []
        words = [tsquery(groups)] if groups else []
        words.append("(" + " | ".join(_lexeme(p) + ":*" for p in sorted(prefixes)) + ")")
        matched = _matched(TITLE_MATCH)
        # No order: the first titles the index yields (the caller orders them), so that a
        # two-letter prefix does not sort thousands of titles.
        sql = f"SELECT id, 0 FROM {matched} WHERE {where.sql} LIMIT %s"  # noqa: S608
        return self._details(self._query(sql, [" & ".join(words), *where.params, limit]))
