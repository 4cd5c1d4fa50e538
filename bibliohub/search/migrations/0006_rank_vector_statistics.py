"""PostgreSQL: no statistics for `rank_vector`, which is only ranked, never matched (ANALYZE
spent a second and more of a rebuild unpacking its sampled vectors). Nothing to do on SQLite."""

from django.db import migrations

from bibliohub.search.backends import install_postgresql


class Migration(migrations.Migration):
    dependencies = [("search", "0005_vectors_from_python")]
    operations = [migrations.RunPython(install_postgresql, migrations.RunPython.noop)]
