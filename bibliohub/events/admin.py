from django.contrib import admin

from .models import Event, EventTranslation, Material, Question, Registration, Session


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


class TranslationInline(admin.StackedInline):
    model = EventTranslation
    extra = 0


class MaterialInline(admin.TabularInline):
    model = Material
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "kind", "mode", "starts_at", "status", "visibility"]
    list_filter = ["kind", "mode", "status", "visibility"]
    search_fields = ["title", "slug", "town"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["network", "audience", "host_library", "region", "created_by"]
    readonly_fields = ["starts_at", "ends_at", "sequence"]
    inlines = [SessionInline, QuestionInline, TranslationInline, MaterialInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "status", "attended", "created_at"]
    list_filter = ["status", "attended"]
    search_fields = ["name", "email", "event__title"]
    raw_id_fields = ["event", "user", "library"]
    readonly_fields = ["token", "created_at", "confirmed_at", "cancelled_at"]
