"""The search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search."""

from __future__ import annotations

from typing import Any

from django.db import connection

from .base import Hit, SearchBackend, Where

__all__ = ["Hit", "SearchBackend", "Where", "get_backend", "backend_for", "install_postgresql"]


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
