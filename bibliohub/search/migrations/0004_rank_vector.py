"""PostgreSQL: `rank_vector`, the title and the opening of the body, set by the trigger from now
on. The entries there are get theirs from `bibliohub reindex` (computing them here would
rewrite every row and its GIN entries: some minutes for 200,000 documents); until then they
rank by `vector`, as before. On SQLite the column stays empty (its engine index is made again
should adding the column have rebuilt the table, as 0002 asks)."""

import django.contrib.postgres.search
from django.db import migrations


def forwards(apps, schema_editor):
    from bibliohub.search.backends import backend_for

    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        return
    with schema_editor.connection.cursor() as cursor:
        # (Should adding the column have rebuilt the table, its triggers come back too.)
        backend_for(vendor).install(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_index")]
    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(blank=True, null=True),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
