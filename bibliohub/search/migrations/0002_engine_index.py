"""The full-text index of each engine: on SQLite an external-content FTS5 table `search_fts` over
the entries' terms, kept in step by triggers; on PostgreSQL a trigger that sets `vector` from the
terms, a GIN index on it and one on the title's terms (suggestions). The statements live in
`bibliohub.search.backends` (`DDL` of each engine).

Beware: on SQLite, Django rebuilds a table to alter it, which drops its triggers. A later
migration that alters `search_searchentry` must end with this migration's `forwards` again
(`bibliohub reindex` also recreates whatever is missing).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from bibliohub.search.backends import backend_for

    vendor = schema_editor.connection.vendor
    if vendor in ("sqlite", "postgresql"):
        with schema_editor.connection.cursor() as cursor:
            backend_for(vendor).install(cursor)


def backwards(apps, schema_editor):
    from bibliohub.search.backends import backend_for

    vendor = schema_editor.connection.vendor
    if vendor in ("sqlite", "postgresql"):
        with schema_editor.connection.cursor() as cursor:
            backend_for(vendor).uninstall(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
