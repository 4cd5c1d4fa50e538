"""Memberships of libraries in networks, and applications to join."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bibliohub.directory.models import Library, Network, Region


class Membership(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Member")
        SUSPENDED = "suspended", _("Suspended")
        ENDED = "ended", _("Former member")

    library = models.ForeignKey(
        Library, verbose_name=_("library"), on_delete=models.CASCADE, related_name="memberships"
    )
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    since = models.DateField(_("member since"))
    until = models.DateField(_("member until"), null=True, blank=True)
    suspended_on = models.DateField(_("suspended since"), null=True, blank=True)

    class Meta:
        ordering = ["network", "library"]
        constraints = [
            models.UniqueConstraint(fields=["library", "network"], name="one_membership")
        ]
        indexes = [models.Index(fields=["network", "status"])]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.library} – {self.network}"


class Application(models.Model):
    """An application to join a network, from a library that may not be in the directory yet."""

    class ContactRole(models.TextChoices):
        # The first two match LibraryRole.Role, which an approval gives the applicant.
        DIRECTOR = "director", _("Director")
        STAFF = "staff", _("Staff")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="applications"
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text=_("Pick your library if it is already in the directory."),
    )
    library_name = models.CharField(_("name of the library"), max_length=250, blank=True)
    library_type = models.CharField(
        _("type of library"), max_length=20, choices=Library.Type.choices, blank=True
    )
    town = models.CharField(_("town"), max_length=120, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("your name"), max_length=200)
    contact_role = models.CharField(
        _("your role in the library"), max_length=20, choices=ContactRole.choices
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    note = models.TextField(_("note for the coordinators"), blank=True, max_length=4000)
    consent = models.BooleanField(_("consent to processing of personal data"), default=False)
    consent_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["network", "status"])]
        verbose_name = _("application to join")
        verbose_name_plural = _("applications to join")

    def __str__(self) -> str:
        return f"{self.display_library_name} → {self.network}"

    @property
    def display_library_name(self) -> str:
        return self.library.name if self.library_id else self.library_name
