"""One row per searchable thing (a library, branch, network, document or event), carrying the
visibility fields of the thing it stands for so that permission filtering happens inside the
search query, and the analysed terms the backends index (SQLite FTS5 table `search_fts`, created
by a migration; on PostgreSQL the `vector` column with a GIN index)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from bibliohub.core.models import Visibility


class Kind(models.TextChoices):
    LIBRARY = "library", _("Library")
    BRANCH = "branch", _("Branch")
    NETWORK = "network", _("Network")
    DOCUMENT = "document", _("Document")
    EVENT = "event", _("Event")


class SearchEntry(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField()
    # Visibility of the thing, as `bibliohub.core.visibility.visible_q` expects it.
    network = models.ForeignKey(
        "directory.Network", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    audience = models.ForeignKey(
        "directory.Network", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=10, blank=True)
    category = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    ref = models.CharField(max_length=200, blank=True)
    # Plain text kept for snippets (the start of the body, the description).
    text = models.TextField(blank=True)
    # Analysed terms (space-separated), what the backends index.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    vector = SearchVectorField(null=True, blank=True)
    # PostgreSQL: the title and the opening of the body, for ranking the newest of very many
    # matches without unpacking their whole `vector` (set by the same trigger).
    rank_vector = SearchVectorField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_one_entry")
        ]
        indexes = [
            models.Index(fields=["visibility", "network"], name="search_entry_vis"),
        ]
        # The GIN index on `vector` (PostgreSQL) and the FTS5 table (SQLite) are made by the
        # migration 0002, each on its own engine.

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
