"""The shared document library: directives, contracts, methodologies, templates, recommendations.

A document belongs to a network (or a section), has a visibility like every piece of content, a
language, a category and tags, and one or more versions. Each version is a file kept through
Django's storage API (so an object store can hold it) with the text extracted from it by the
background worker; the document points at its current version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bibliohub.core.models import Visibility


class Category(models.TextChoices):
    DIRECTIVE = "directive", _("Directive")
    CONTRACT = "contract", _("Contract")
    METHODOLOGY = "methodology", _("Methodology")
    TEMPLATE = "template", _("Template")
    RECOMMENDATION = "recommendation", _("Recommendation")
    ADVOCACY = "advocacy", _("Advocacy")
    MARKETING = "marketing", _("Marketing toolkit")
    STRATEGY = "strategy", _("Strategy")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    network = models.ForeignKey(
        "directory.Network",
        verbose_name=_("network"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    visibility = models.CharField(
        _("who can see it"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    audience = models.ForeignKey(
        "directory.Network",
        verbose_name=_("section or group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.CONTENT_LANGUAGES)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="documents")
    # The identifier a document had where it was imported from (`import-documents`).
    external_ref = models.CharField(_("external reference"), max_length=200, blank=True)
    current_version = models.ForeignKey(
        "DocumentVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "external_ref"],
                condition=~Q(external_ref=""),
                name="knowledge_one_external_ref_per_network",
            )
        ]
        indexes = [
            models.Index(fields=["network", "category"], name="knowledge_doc_net_cat"),
            models.Index(fields=["visibility", "updated_at"], name="knowledge_doc_vis_upd"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:document", kwargs={"slug": self.slug})


def version_path(instance: DocumentVersion, filename: str) -> str:
    return f"documents/{instance.document_id}/{instance.number}/{filename}"


class DocumentVersion(models.Model):
    class Extraction(models.TextChoices):
        PENDING = "pending", _("Waiting for text extraction")
        DONE = "done", _("Text extracted")
        FAILED = "failed", _("Text could not be extracted")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=version_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    note = models.TextField(_("what changed"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(blank=True)
    extraction = models.CharField(
        max_length=10, choices=Extraction.choices, default=Extraction.PENDING
    )
    extraction_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="knowledge_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Follow(models.Model):
    """A person who wants an e-mail when a document gets a new version."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="document_follows"
    )
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "document"], name="knowledge_one_follow")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.document_id}"
