"""Django admin for what the modules share: the audit log, which nobody may edit."""

from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "actor", "network", "object_repr")
    list_filter = ("action", "network", ("created_at", admin.DateFieldListFilter))
    list_select_related = ("actor", "network")
    search_fields = ("action", "object_repr", "object_id", "actor__email")
    date_hierarchy = "created_at"
    fields = (
        "created_at",
        "actor",
        "action",
        "network",
        "object_type",
        "object_id",
        "object_repr",
        "data",
    )
    readonly_fields = fields

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
