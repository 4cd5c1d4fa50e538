"""API endpoints of the document library: the list and one document as the caller may see them,
and the download of its file (the current version or an earlier one)."""

import datetime
from typing import Any

from django.conf import settings
from django.db.models.functions import Substr
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from bibliohub.core.visibility import can_view
from bibliohub.directory.models import Network
from bibliohub.knowledge import selectors
from bibliohub.knowledge.downloads import file_response
from bibliohub.knowledge.models import Category, Document, DocumentVersion, Tag

from .auth import PUBLIC
from .schemas import ErrorOut

router = Router(tags=["documents"])

MAX_LIMIT = 100
PREVIEW_CHARS = 3000


class DocumentNetworkOut(Schema):
    slug: str
    name: str


class DocumentOut(Schema):
    slug: str
    url: str
    title: str
    description: str
    language: str
    category: str
    tags: list[str]
    visibility: str
    network: DocumentNetworkOut
    external_ref: str
    current_version: int | None
    download_url: str | None
    updated_at: datetime.datetime


class DocumentPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DocumentOut]


class VersionOut(Schema):
    number: int
    file_name: str
    content_type: str
    size: int
    sha256: str
    note: str
    uploaded_by: str | None
    created_at: datetime.datetime
    download_url: str


class DocumentDetailOut(DocumentOut):
    versions: list[VersionOut]
    extraction: str | None
    preview: str


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _download_url(request: HttpRequest, document: Document) -> str:
    return request.build_absolute_uri(f"/api/v1/documents/{document.slug}/download")


def _document(request: HttpRequest, document: Document) -> dict[str, Any]:
    return {
        "slug": document.slug,
        "url": request.build_absolute_uri(document.get_absolute_url()),
        "title": document.title,
        "description": document.description,
        "language": document.language,
        "category": document.category,
        "tags": [tag.name for tag in document.tags.all()],
        "visibility": document.visibility,
        "network": {"slug": document.network.slug, "name": document.network.name},
        "external_ref": document.external_ref,
        "current_version": document.current_version.number if document.current_version else None,
        "download_url": _download_url(request, document) if document.current_version_id else None,
        "updated_at": _utc(document.updated_at),
    }


def _visible_document(user: Any, slug: str) -> Document:
    """A document the caller may not see does not exist for them."""
    document = selectors.document_for_page(slug)
    if document is None or not can_view(user, document):
        raise HttpError(404, _("Not found."))
    return document


def _filters(network: str, category: str, tag: str, lang: str) -> dict[str, Any]:
    """The list's filters from the query string; an unknown value gets a clear 400."""
    found: dict[str, Any] = {}
    if network:
        found["network"] = Network.objects.filter(slug=network).first()
        if found["network"] is None:
            raise HttpError(400, _("There is no network “%(slug)s”.") % {"slug": network})
    if category:
        if category not in Category.values:
            raise HttpError(
                400,
                _("Unknown category “%(category)s”; use one of: %(categories)s.")
                % {"category": category, "categories": ", ".join(Category.values)},
            )
        found["category"] = category
    if tag:
        found["tag"] = Tag.objects.filter(slug=tag).first() or Tag.objects.filter(name=tag).first()
        if found["tag"] is None:
            raise HttpError(400, _("There is no tag “%(tag)s”.") % {"tag": tag})
    if lang:
        languages = [code for code, _name in settings.CONTENT_LANGUAGES]
        if lang not in languages:
            raise HttpError(
                400,
                _("Unknown language “%(lang)s”; use one of: %(languages)s.")
                % {"lang": lang, "languages": ", ".join(languages)},
            )
        found["language"] = lang
    return found


@router.get(
    "/documents",
    response={200: DocumentPage, 400: ErrorOut},
    auth=PUBLIC,
    summary="Documents the caller may see",
)
def documents(
    request: HttpRequest,
    network: str = "",
    category: str = "",
    tag: str = "",
    lang: str = "",
    q: str = "",
    limit: int = Query(25, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """The shared documents, latest change first. Filter by network slug (with its sections),
    category, tag (slug or name), language (`lang`) and words in the title (`q`; the search
    endpoint looks inside the files too)."""
    queryset = selectors.document_list(request.auth, **_filters(network, category, tag, lang), q=q)
    count = queryset.count()
    items = [_document(request, d) for d in queryset[offset : offset + limit]]
    return {"count": count, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/documents/{slug}",
    response={200: DocumentDetailOut, 404: ErrorOut},
    auth=PUBLIC,
    summary="One document with its versions and the start of its text",
)
def document_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    """`preview` is the beginning of the text read from the current version (empty while it is
    being extracted: `extraction` is then `pending`)."""
    document = _visible_document(request.auth, slug)
    preview = ""
    extraction = None
    if document.current_version_id:
        extraction = document.current_version.extraction
        preview = (
            DocumentVersion.objects.filter(pk=document.current_version_id)
            .annotate(start=Substr("text", 1, PREVIEW_CHARS))
            .values_list("start", flat=True)
            .first()
        ) or ""
    base = f"/api/v1/documents/{document.slug}/download"
    return {
        **_document(request, document),
        "extraction": extraction,
        "preview": preview,
        "versions": [
            {
                "number": v.number,
                "file_name": v.original_name,
                "content_type": v.content_type,
                "size": v.size,
                "sha256": v.sha256,
                "note": v.note,
                "uploaded_by": (v.uploaded_by.full_name or None) if v.uploaded_by else None,
                "created_at": _utc(v.created_at),
                "download_url": request.build_absolute_uri(f"{base}?version={v.number}"),
            }
            for v in document.versions.all()
        ],
    }


@router.get(
    "/documents/{slug}/download",
    response={200: None, 404: ErrorOut},
    auth=PUBLIC,
    summary="The file of a document (the current version, or `version=N`)",
)
def document_download(request: HttpRequest, slug: str, version: int | None = None) -> HttpResponse:
    """Streams the file as an attachment under its original name; visibility is checked on
    every call."""
    document = selectors.document_for_download(slug)
    if document is None or not can_view(request.auth, document):
        raise HttpError(404, _("Not found."))
    if version is None:
        chosen = document.current_version
    else:
        chosen = selectors.version_of(document, version)
    if chosen is None:
        raise HttpError(404, _("Not found."))
    return file_response(chosen)
