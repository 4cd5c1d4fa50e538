"""Admin pages for memberships and applications to join."""

from django.contrib import admin

from .models import Application, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["library", "network", "status", "since", "suspended_on", "until"]
    list_filter = ["status", "network"]
    search_fields = ["library__name", "library__town", "network__name"]
    list_select_related = ["library", "network"]
    raw_id_fields = ["library"]
    date_hierarchy = "since"


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = [
        "display_library_name",
        "network",
        "contact_name",
        "email",
        "contact_role",
        "status",
        "created_at",
        "decided_at",
    ]
    list_filter = ["status", "network", "contact_role", "language"]
    search_fields = ["library_name", "library__name", "town", "contact_name", "email"]
    list_select_related = ["library", "network"]
    raw_id_fields = ["library", "applicant", "decided_by"]
    readonly_fields = ["created_at", "consent", "consent_at", "language"]
    date_hierarchy = "created_at"

    @admin.display(description=Application._meta.get_field("library").verbose_name)
    def display_library_name(self, obj: Application) -> str:
        return obj.display_library_name
