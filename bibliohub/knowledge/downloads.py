"""Sending a version's file: streamed from storage, always as an attachment under its original
name, never cached by shared caches and never sniffed into something the browser would run."""

from __future__ import annotations

import logging

from django.http import FileResponse, Http404

from .models import DocumentVersion

logger = logging.getLogger(__name__)


def file_response(version: DocumentVersion) -> FileResponse:
    """The caller has checked that the person may see the document, for this very request."""
    try:
        handle = version.file.storage.open(version.file.name, "rb")
    except (FileNotFoundError, OSError) as exc:
        logger.error("file of %s (%s) is missing from storage", version, version.file.name)
        raise Http404 from exc
    # FileResponse writes the name as RFC 5987 `filename*=utf-8''…` when it is not ASCII.
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
