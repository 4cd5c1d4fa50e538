"""PostgreSQL: no statistics for `rank_vector`, which is only ranked, never matched (ANALYZE
spent a second and more of a rebuild unpacking its sampled vectors). Nothing to do on SQLite."""

from django.db import migrations


def forwards(apps, schema_editor):
    from bibliohub.search.backends import backend_for

    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        backend_for("postgresql").install(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_vectors_from_python")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
