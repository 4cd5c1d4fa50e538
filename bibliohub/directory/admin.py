"""The directory in Django's admin: networks, libraries with their branches, hours and roles."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    Branch,
    HoursException,
    Library,
    LibraryRole,
    Network,
    NetworkRole,
    OpeningHours,
    Region,
)
from .services import library_search_text


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "slug"]
    list_filter = ["country"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class NetworkRoleInline(admin.TabularInline):
    model = NetworkRole
    extra = 0
    autocomplete_fields = ["user"]


class ChildNetworkInline(admin.TabularInline):
    model = Network
    fk_name = "parent"
    fields = ["name", "slug", "kind", "language"]
    extra = 0
    show_change_link = True
    verbose_name = _("section or working group")
    verbose_name_plural = _("sections and working groups")


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "country", "accepts_applications"]
    list_filter = ["kind", "country", "accepts_applications", "language"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "region"]
    inlines = [ChildNetworkInline, NetworkRoleInline]


class BranchInline(admin.StackedInline):
    model = Branch
    extra = 0
    show_change_link = True


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0
    fields = ["branch", "service", "weekday", "opens", "closes"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        # Only this library's branches are offered.
        if db_field.name == "branch":
            library_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Branch.objects.filter(library_id=library_id or 0)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class HoursExceptionInline(OpeningHoursInline):
    model = HoursException
    fields = ["branch", "service", "start_date", "end_date", "closed", "opens", "closes", "reason"]


class LibraryRoleInline(admin.TabularInline):
    model = LibraryRole
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ["name", "library_type", "town", "region", "country", "updated_at"]
    list_filter = ["library_type", "country", "region", "language"]
    search_fields = ["name", "town", "search_text", "slug", "email"]
    list_select_related = ["region"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["region"]
    readonly_fields = ["search_text", "created_at", "updated_at"]
    inlines = [BranchInline, OpeningHoursInline, HoursExceptionInline, LibraryRoleInline]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        obj.search_text = library_search_text(obj)
        super().save_model(request, obj, form, change)


@admin.register(Branch)
class BranchAdmin(admin.ModelAdmin):
    list_display = ["name", "library", "town"]
    search_fields = ["name", "town", "library__name"]
    list_select_related = ["library"]
    autocomplete_fields = ["library"]


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ["library", "branch", "service", "weekday", "opens", "closes"]
    list_filter = ["service", "weekday"]
    search_fields = ["library__name", "branch__name"]
    list_select_related = ["library", "branch"]
    autocomplete_fields = ["library", "branch"]


@admin.register(HoursException)
class HoursExceptionAdmin(admin.ModelAdmin):
    list_display = ["library", "branch", "service", "start_date", "end_date", "closed", "reason"]
    list_filter = ["closed", "service"]
    search_fields = ["library__name", "reason"]
    date_hierarchy = "start_date"
    list_select_related = ["library", "branch"]
    autocomplete_fields = ["library", "branch"]


@admin.register(LibraryRole)
class LibraryRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "library", "role", "title"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__full_name", "library__name"]
    list_select_related = ["user", "library"]
    autocomplete_fields = ["user", "library"]


@admin.register(NetworkRole)
class NetworkRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "role", "title"]
    list_filter = ["role", "network"]
    search_fields = ["user__email", "user__full_name", "network__name"]
    list_select_related = ["user", "network"]
    autocomplete_fields = ["user", "network"]
