"""The document library in the admin: for looking things up. Uploads, versions and deletion go
through the site's pages, which check the files and keep the storage and the history in order."""

from django.contrib import admin

from .models import Document, DocumentVersion, Follow, Tag


class VersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    can_delete = False
    fields = ["number", "original_name", "size", "uploaded_by", "created_at", "extraction"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "category", "language", "visibility", "updated_at"]
    list_filter = ["category", "language", "visibility"]
    search_fields = ["title", "slug", "external_ref"]
    raw_id_fields = ["network", "audience", "created_by", "current_version"]
    filter_horizontal = ["tags"]
    inlines = [VersionInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "document", "created_at"]
    raw_id_fields = ["user", "document"]
