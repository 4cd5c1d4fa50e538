"""Read queries of the document library. Every list starts from `visible_documents`, so pages,
the API and downloads show a person only the documents the shared visibility check allows."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from bibliohub.core.visibility import coordinated_network_ids, filter_visible, member_network_ids
from bibliohub.directory.models import Network

from .models import Document, DocumentVersion, Follow, Tag


def visible_documents(user: Any) -> QuerySet[Document]:
    return filter_visible(Document.objects.all(), user)


def network_with_sections(network: Network) -> list[int]:
    ids, frontier = {network.pk}, {network.pk}
    while frontier:
        frontier = (
            set(Network.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - ids
        )
        ids |= frontier
    return sorted(ids)


def document_list(
    user: Any,
    network: Network | str | None = None,
    category: str | None = None,
    tag: Tag | str | None = None,
    language: str | None = None,
    q: str | None = None,
) -> QuerySet[Document]:
    """Documents a person may see, newest change first; `network` includes its sections, `tag`
    and `network` may be given by slug, `q` looks in titles only (the search page does the rest)."""
    documents = visible_documents(user)
    if isinstance(network, str):
        network = Network.objects.filter(slug=network).first() if network else None
        if network is None:
            return documents.none()
    if network is not None:
        documents = documents.filter(network_id__in=network_with_sections(network))
    if category:
        documents = documents.filter(category=category)
    if tag:
        documents = (
            documents.filter(tags__slug=tag) if isinstance(tag, str) else documents.filter(tags=tag)
        )
    if language:
        documents = documents.filter(language=language)
    for word in (q or "").split()[:8]:
        documents = documents.filter(title__icontains=word)
    return (
        documents.select_related("network", "current_version")
        .defer("current_version__text")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .order_by("-updated_at", "-id")
    )


def tag_counts(user: Any, network: Network | None = None, limit: int = 40) -> list[Tag]:
    """The tags most used on the documents a person may see, each with `n`, by name."""
    documents = visible_documents(user)
    if network is not None:
        documents = documents.filter(network_id__in=network_with_sections(network))
    tags = (
        Tag.objects.filter(documents__in=documents.values("id"))
        .annotate(n=Count("documents", filter=Q(documents__in=documents.values("id"))))
        .order_by("-n", "name")[:limit]
    )
    return sorted(tags, key=lambda t: t.name)


def document_for_page(slug: str) -> Document | None:
    return (
        Document.objects.select_related(
            "network", "audience", "current_version", "current_version__uploaded_by", "created_by"
        )
        .prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("name")),
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.select_related("uploaded_by")
                .defer("text")
                .order_by("-number"),
            ),
        )
        .defer("current_version__text")
        .filter(slug=slug)
        .first()
    )


def document_for_download(slug: str) -> Document | None:
    """A document with its current version, without what a page shows."""
    return (
        Document.objects.select_related("current_version")
        .defer("current_version__text")
        .filter(slug=slug)
        .first()
    )


def version_of(document: Document, number: int) -> DocumentVersion | None:
    return DocumentVersion.objects.filter(document=document, number=number).defer("text").first()


def is_following(user: Any, document: Document) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(user=user, document=document).exists()


def follower_count(document: Document) -> int:
    return Follow.objects.filter(document=document).count()


def uploadable_networks(user: Any) -> QuerySet[Network]:
    """The networks a person may upload to: those they are a member of, and those they
    coordinate (with their sections)."""
    if not getattr(user, "is_authenticated", False):
        return Network.objects.none()
    ids = set(member_network_ids(user)) | set(coordinated_network_ids(user))
    return Network.objects.filter(id__in=ids).select_related("parent").order_by("name")


def audience_choices(networks: QuerySet[Network]) -> QuerySet[Network]:
    """Sections and groups a document of one of `networks` may be limited to: the networks
    themselves and the sections directly below them."""
    ids = list(networks.values_list("id", flat=True))
    return (
        Network.objects.filter(Q(id__in=ids) | Q(parent_id__in=ids))
        .select_related("parent")
        .order_by("name")
    )


def preview_paragraphs(text: str, limit: int = 3000) -> tuple[list[str], bool]:
    """The start of a text as paragraphs for the preview, and whether it was cut."""
    text = text.strip()
    cut = len(text) > limit
    if cut:
        text = text[:limit]
        space = text.rfind(" ")
        if space > limit * 0.8:
            text = text[:space]
        text = text.rstrip() + " …"
    # Paragraphs are kept; the line breaks inside them are shown as they are.
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text)]
    return [p for p in paragraphs if p], cut
