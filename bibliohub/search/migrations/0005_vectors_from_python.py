"""PostgreSQL: the trigger keeps a `vector` (and `rank_vector`) the write brings, which the
backend now writes itself from the terms (`postgres.vector_texts`), and computes them as before
for a write that brings none. Nothing to do on SQLite."""

from django.db import migrations


def forwards(apps, schema_editor):
    from bibliohub.search.backends import backend_for

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        backend_for("postgresql").install(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_rank_vector")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
