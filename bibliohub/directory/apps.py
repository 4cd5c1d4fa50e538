from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "bibliohub.directory"
    label = "directory"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from bibliohub.core.pagecache import content_changed

        # Any change, through a service or the admin, shows on the public pages at once.
        for name in (
            "Region",
            "Network",
            "Library",
            "Branch",
            "OpeningHours",
            "HoursException",
            "NetworkRole",
            "LibraryRole",
        ):
            model = self.get_model(name)
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-{name}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-d-{name}")
        from bibliohub.core.models import AuditEntry
        from bibliohub.membership.models import Membership

        post_save.connect(content_changed, sender=Membership, dispatch_uid="pagecache-m")
        post_delete.connect(content_changed, sender=Membership, dispatch_uid="pagecache-dm")
        # Services record every change in the audit log, bulk changes of hours included.
        post_save.connect(content_changed, sender=AuditEntry, dispatch_uid="pagecache-audit")
