from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "bibliohub.events"
    label = "events"
    verbose_name = _("Events and learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from bibliohub.core.pagecache import content_changed

        # The public event pages (list, month view) show seats left and changes at once.
        for name in ("Event", "EventTranslation", "Session", "Registration", "Material"):
            model = self.get_model(name)
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-ev-{name}")
            post_delete.connect(
                content_changed, sender=model, dispatch_uid=f"pagecache-ev-d-{name}"
            )
