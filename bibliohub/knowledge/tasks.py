"""Background work of the document library: text extraction and the followers' e-mails."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from bibliohub.core.mail import render_email
from bibliohub.core.visibility import can_view

from .extraction import extract_version
from .models import DocumentVersion, Follow


@task()
def extract_text(version_id: int) -> str:
    """Extract the text of a version once; returns what became of it (done, failed, gone)."""
    version = (
        DocumentVersion.objects.select_related("document", "document__network")
        .filter(pk=version_id)
        .first()
    )
    if version is None:
        return "gone"
    if version.extraction != DocumentVersion.Extraction.PENDING:
        # Already extracted (an import or the demo extracts at once).
        return version.extraction
    return extract_version(version).extraction


@task()
def send_version_notice(version_id: int) -> int:
    """Tell the document's followers, each in their language, that a new version is there.
    The person who uploaded it is not told, nor anyone who may no longer see the document."""
    version = (
        DocumentVersion.objects.select_related("document", "document__network", "uploaded_by")
        .filter(pk=version_id)
        .first()
    )
    if version is None:
        return 0
    document = version.document
    if document.current_version_id != version.pk:
        # A later version followed before this one was announced; it has its own notice.
        return 0
    follows = (
        Follow.objects.filter(document=document)
        .exclude(user_id=version.uploaded_by_id)
        .select_related("user")
        .order_by("pk")
    )
    context = {
        "document": document,
        "version": version,
        "network": document.network,
        "uploader": version.uploaded_by,
        "document_url": settings.SITE_URL.rstrip("/") + document.get_absolute_url(),
    }
    sent = 0
    for follow in follows:
        user = follow.user
        if not user.is_active or not user.email or not can_view(user, document):
            continue
        render_email(
            to=[user.email],
            template="knowledge/email/new_version",
            context={**context, "reader": user},
            language=user.language or settings.LANGUAGE_CODE,
        ).send()
        sent += 1
    return sent
