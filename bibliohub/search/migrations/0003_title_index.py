"""SQLite: a second FTS5 table, `search_fts_title`, over the titles' terms alone (with prefix
indexes for suggestions), filled from the entries there are; the triggers now keep both tables.
PostgreSQL has had its index of the titles since 0002. The statements live in
`bibliohub.search.backends.sqlite`; `install` is idempotent and replaces the older triggers."""

from django.db import migrations


def forwards(apps, schema_editor):
    from bibliohub.search.backends import backend_for

    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            backend_for("sqlite").install(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_index")]
    # Backwards leaves the titles' table and the triggers that keep it: the code before it does
    # not read the table, and the triggers keep both tables right.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
