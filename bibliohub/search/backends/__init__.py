"""The search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search."""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection

from .base import TABLE, Hit, SearchBackend, Where

__all__ = [
    "Hit",
    "SearchBackend",
    "Where",
    "backend_for",
    "get_backend",
    "install_postgresql",
    "repair_if_needed",
]


def backend_for(vendor: str) -> SearchBackend:
    if vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    if vendor == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend()
    raise NotImplementedError(f"No search backend for {vendor}.")


def get_backend() -> SearchBackend:
    """The engine of the default database."""
    return backend_for(connection.vendor)


def install_postgresql(apps: Any, schema_editor: Any) -> None:
    """A migration's step after a change to what the PostgreSQL engine installs (its trigger,
    indexes and column settings): install it again. Nothing to do on SQLite."""
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            backend_for("postgresql").install(cursor)


def repair_if_needed(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Repair the default database's engine if part of what its migrations installed is missing;
    whether it had to. (On SQLite, Django alters a table by making a new one and copying the
    rows into it: the triggers and index on the old table go with it, and the full-text index
    would no longer follow the entries.)"""
    if using != DEFAULT_DB_ALIAS or connection.vendor not in ("sqlite", "postgresql"):
        return False
    if TABLE not in connection.introspection.table_names():
        return False  # (Not migrated this far, or migrated back.)
    backend = get_backend()
    if backend.is_installed():
        return False
    backend.repair()
    return True
