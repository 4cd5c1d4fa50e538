from typing import Any

from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "bibliohub.search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The index follows every change of the searchable things (see signals.py).
        from . import signals

        signals.connect()
        post_migrate.connect(_repair_engine, sender=self, dispatch_uid="search-repair-engine")


def _repair_engine(sender: AppConfig, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """After every `migrate`: a later migration that altered the entries' table may have taken
    the engine's triggers with it (see backends.repair_if_needed)."""
    from .backends import repair_if_needed

    repair_if_needed(using)
