"""Django admin for people and their API tokens."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, User


class PersonChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


class PersonCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class ApiTokenInline(admin.TabularInline):
    model = ApiToken
    extra = 0
    can_delete = True
    fields = ("name", "prefix", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PersonChangeForm
    add_form = PersonCreationForm
    ordering = ("email",)
    list_display = ("email", "full_name", "language", "is_staff", "is_active", "last_login")
    list_filter = ("is_staff", "is_superuser", "is_active", "language")
    search_fields = ("email", "full_name", "phone")
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal information"), {"fields": ("full_name", "phone", "language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
    inlines = [ApiTokenInline]

    def get_inlines(self, request, obj):  # type: ignore[no-untyped-def]
        # A person being added has no tokens yet.
        return self.inlines if obj is not None else []


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued by their owner; an administrator can only look and revoke (delete)."""

    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__email")
    fields = ("user", "name", "prefix", "digest", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
