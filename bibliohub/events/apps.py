from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "bibliohub.events"
    label = "events"
    verbose_name = _("Events and learning")
    default_auto_field = "django.db.models.BigAutoField"
