"""The search engines behind one interface: SQLite FTS5 and PostgreSQL full-text search."""

from __future__ import annotations

from django.db import connection

from .base import Hit, SearchBackend, Where

__all__ = ["Hit", "SearchBackend", "Where", "get_backend", "backend_for"]


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
