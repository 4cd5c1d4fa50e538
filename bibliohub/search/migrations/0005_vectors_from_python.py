"""PostgreSQL: the trigger keeps a `vector` (and `rank_vector`) the write brings, which the
backend now writes itself from the terms (`postgres.vector_texts`), and computes them as before
for a write that brings none. Nothing to do on SQLite."""

from django.db import migrations

from bibliohub.search.backends import install_postgresql


class Migration(migrations.Migration):
    dependencies = [("search", "0004_rank_vector")]
    operations = [migrations.RunPython(install_postgresql, migrations.RunPython.noop)]
