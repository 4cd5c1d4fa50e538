"""Pages of the document library: browsing, a document with its preview and history, upload,
new versions, editing, deletion, following, downloads. Thin: rules live in services.py, queries
in selectors.py. A document the person may not see does not exist for them (404), whatever the
address: page, download of any version, or any of the forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models.functions import Substr
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bibliohub.core.visibility import can_view
from bibliohub.directory.models import Network

from . import selectors, services
from .downloads import file_response
from .forms import DocumentEditForm, DocumentFilterForm, DocumentForm, VersionForm
from .models import Document, DocumentVersion, Tag

PAGE_SIZE = 20
PREVIEW_CHARS = 3000


def _document_or_404(request: HttpRequest, slug: str, *, light: bool = False) -> Document:
    if light:
        document = selectors.document_for_download(slug)
    else:
        document = selectors.document_for_page(slug)
    if document is None or not can_view(request.user, document):
        raise Http404
    return document


def _editable_or_denied(request: HttpRequest, slug: str) -> Document | HttpResponse:
    document = _document_or_404(request, slug)
    if not services.can_edit(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return render(request, "directory/forbidden.html", status=403)
    return document


def _apply_error(form: Any, error: services.DocumentError) -> None:
    if error.field and error.field in form.fields:
        form.add_error(error.field, str(error.message))
    else:
        form.add_error(None, str(error.message))


def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    filters = form.filters()
    documents = selectors.document_list(request.user, **filters)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    tag = Tag.objects.filter(slug=filters["tag"]).first() if filters["tag"] else None
    query = request.GET.copy()
    query.pop("page", None)
    without_tag = query.copy()
    without_tag.pop("tag", None)
    return render(
        request,
        "knowledge/list.html",
        {
            "form": form,
            "page": page,
            "network": filters["network"],
            "tag": tag,
            "tag_slug": filters["tag"],
            "tags": selectors.tag_counts(request.user, filters["network"]),
            "tag_query": without_tag.urlencode(),
            "can_upload": request.user.is_authenticated
            and selectors.uploadable_networks(request.user).exists(),
        },
    )


def _preview(document: Document) -> tuple[list[str], bool]:
    if document.current_version_id is None:
        return [], False
    start = (
        DocumentVersion.objects.filter(pk=document.current_version_id)
        .annotate(start=Substr("text", 1, PREVIEW_CHARS + 200))
        .values_list("start", flat=True)
        .first()
    )
    return selectors.preview_paragraphs(start or "", PREVIEW_CHARS)


def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    document = _document_or_404(request, slug)
    paragraphs, cut = _preview(document)
    return render(
        request,
        "knowledge/document.html",
        {
            "document": document,
            "current": document.current_version,
            "versions": list(document.versions.all()),
            "tags": list(document.tags.all()),
            "preview": paragraphs,
            "preview_cut": cut,
            "can_edit": services.can_edit(request.user, document),
            "following": selectors.is_following(request.user, document),
        },
    )


@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    networks = selectors.uploadable_networks(request.user)
    if not networks.exists():
        return render(request, "knowledge/cannot_upload.html", status=403)
    initial: dict[str, Any] = {"language": request.LANGUAGE_CODE}
    chosen = networks.filter(slug=request.GET.get("network", "")).first()
    if chosen is not None:
        initial.update(network=chosen.slug, language=chosen.language)
    elif networks.count() == 1:
        only = networks.get()
        initial.update(network=only.slug, language=only.language)
    form = DocumentForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        networks=networks,
        audiences=selectors.audience_choices(networks),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.document_create(
                actor=request.user,
                network=data["network"],
                file=data["file"],
                **form.document_fields(),
            )
        except services.DocumentError as error:
            _apply_error(form, error)
        else:
            messages.success(
                request,
                _("The document is uploaded. Its text is being read for the preview and search."),
            )
            return redirect(document)
    return render(
        request,
        "knowledge/document_form.html",
        {"form": form, "document": None},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, slug: str) -> HttpResponse:
    found = _editable_or_denied(request, slug)
    if isinstance(found, HttpResponse):
        return found
    document = found
    initial = {
        "title": document.title,
        "description": document.description,
        "language": document.language,
        "category": document.category,
        "tags": ", ".join(t.name for t in document.tags.all()),
        "visibility": document.visibility,
        "audience": document.audience_id,
    }
    form = DocumentEditForm(
        request.POST if request.method == "POST" else None,
        audiences=selectors.audience_choices(Network.objects.filter(pk=document.network_id)),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(
                actor=request.user, document=document, **form.document_fields()
            )
        except services.DocumentError as error:
            _apply_error(form, error)
        else:
            messages.success(request, _("The document is saved."))
            return redirect(document)
    return render(
        request,
        "knowledge/document_form.html",
        {"form": form, "document": document},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def version_add(request: HttpRequest, slug: str) -> HttpResponse:
    found = _editable_or_denied(request, slug)
    if isinstance(found, HttpResponse):
        return found
    document = found
    form = VersionForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            version = services.version_add(
                actor=request.user,
                document=document,
                file=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except services.DocumentError as error:
            _apply_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s is now the current one.") % {"number": version.number},
            )
            return redirect(document)
    return render(
        request,
        "knowledge/version_form.html",
        {"form": form, "document": document, "followers": selectors.follower_count(document)},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def document_delete(request: HttpRequest, slug: str) -> HttpResponse:
    found = _editable_or_denied(request, slug)
    if isinstance(found, HttpResponse):
        return found
    document = found
    if request.method == "POST":
        services.document_delete(actor=request.user, document=document)
        messages.success(
            request, _("“%(title)s” is deleted with all its versions.") % {"title": document.title}
        )
        return redirect("knowledge:list")
    return render(request, "knowledge/delete.html", {"document": document})


@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    document = _document_or_404(request, slug, light=True)
    if not request.user.is_authenticated:
        return redirect_to_login(document.get_absolute_url())
    if selectors.is_following(request.user, document):
        services.unfollow(request.user, document)
        messages.success(request, _("You no longer follow this document."))
    else:
        services.follow(request.user, document)
        messages.success(
            request, _("You follow this document: a new version will come to you by e-mail.")
        )
    return redirect(document)


def download(request: HttpRequest, slug: str) -> HttpResponse:
    document = _document_or_404(request, slug, light=True)
    if document.current_version is None:
        raise Http404
    return file_response(document.current_version)


def version_download(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    document = _document_or_404(request, slug, light=True)
    version = selectors.version_of(document, number)
    if version is None:
        raise Http404
    return file_response(version)
