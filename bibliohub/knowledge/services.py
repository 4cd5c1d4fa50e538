"""Business rules of the document library: uploading a document, new versions, changes, deletion,
following; who may upload and who may edit.

Every upload is checked (size, and type by content: validators.py) before anything is written.
A document, its first version and its tags are saved in one transaction; if that fails, the file
already written to storage is removed again, so nothing is left half-saved. Text extraction and
the followers' e-mails run in the background worker once the transaction has committed.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from bibliohub.core.audit import audit_record
from bibliohub.core.models import Visibility
from bibliohub.core.visibility import can_view, coordinated_network_ids, member_network_ids
from bibliohub.directory.models import Network
from bibliohub.directory.services import normalise_for_search, unique_slug

from .models import Category, Document, DocumentVersion, Follow, Tag
from .validators import CheckedFile, check_document_file


class DocumentError(Exception):
    """A change that cannot be made; `message` says why in the reader's language."""

    def __init__(self, message: Any, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


DOCUMENT_FIELDS = frozenset(
    {"title", "description", "language", "category", "tags", "visibility", "audience"}
)
MAX_TAGS = 20


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_upload(user: Any, network: Network) -> bool:
    """Members of a network (through their library or a role) and its coordinators upload."""
    if not _authenticated(user):
        return False
    return network.pk in member_network_ids(user) or network.pk in coordinated_network_ids(user)


def can_edit(user: Any, document: Document) -> bool:
    """The person who uploaded a document (while they may still see it) and the coordinators of
    its network edit it, add versions and delete it."""
    if not _authenticated(user):
        return False
    if document.network_id in coordinated_network_ids(user):
        return True
    return document.created_by_id == user.pk and can_view(user, document)


def _check_actor(actor: Any, allowed: bool) -> None:
    # `actor=None` is the system itself: an import by an administrator, the demo.
    if actor is not None and not allowed:
        raise DocumentError(_("You may not make this change."))


# --- Tags, audience, files ---------------------------------------------------------------------


def tag_names(tags: Iterable[str] | str) -> list[str]:
    """Tags as people type them ("Výpůjční řád, smlouvy") made into clean, distinct names."""
    if isinstance(tags, str):
        tags = tags.split(",")
    names: list[str] = []
    for raw in tags:
        name = " ".join(unicodedata.normalize("NFC", str(raw)).split()).strip(" #").lower()[:60]
        if name and name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise DocumentError(
            _("Give at most %(count)s tags.") % {"count": MAX_TAGS},
            "tags",
        )
    return names


def _tags(names: Iterable[str]) -> list[Tag]:
    found = []
    for name in names:
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            tag, _created = Tag.objects.get_or_create(
                name=name, defaults={"slug": unique_slug(Tag, name)}
            )
        found.append(tag)
    return found


def _check_visibility(document: Document) -> None:
    if document.visibility not in Visibility.values:
        raise DocumentError(_("Choose who can see the document."), "visibility")
    if document.visibility in (Visibility.SECTION, Visibility.GROUP):
        if document.audience_id is None:
            raise DocumentError(
                _("Choose the section that may see the document."),
                "audience",
            )
        parent = Network.objects.filter(pk=document.audience_id).values_list("parent_id", flat=True)
        if document.audience_id != document.network_id and list(parent) != [document.network_id]:
            raise DocumentError(_("The section must belong to the document's network."), "audience")
    else:
        document.audience = None


def _check_fields(document: Document) -> None:
    document.title = " ".join(document.title.split())
    if not document.title:
        raise DocumentError(_("Give the document a title."), "title")
    if len(document.title) > Document._meta.get_field("title").max_length:
        raise DocumentError(_("The title is too long."), "title")
    if document.category not in Category.values:
        raise DocumentError(_("Choose one of the categories."), "category")
    if document.language and document.language not in dict(settings.CONTENT_LANGUAGES):
        raise DocumentError(_("Choose one of the languages."), "language")
    _check_visibility(document)


def _checked(file: IO[bytes], name: str) -> CheckedFile:
    try:
        return check_document_file(file, name)
    except ValidationError as error:
        raise DocumentError(error.messages[0], "file") from error


def _storage_name(original: str, checked: CheckedFile) -> str:
    """A plain ASCII file name for storage, with the extension of what the file really is."""
    stem = slugify(normalise_for_search(PurePath(original).stem))[:80].strip("-") or "document"
    return f"{stem}{checked.kind.extension}"


def _download_name(original: str, checked: CheckedFile) -> str:
    """The name people get when downloading: theirs, with an extension that matches the content
    (a PDF that was named .docx downloads as .pdf)."""
    path = PurePath(original.replace("\\", "/").split("/")[-1] or "document")
    stem = path.stem if path.suffix else path.name
    known = {".markdown"} if checked.kind.code == "markdown" else set()
    extension = path.suffix if path.suffix.lower() in known else checked.kind.extension
    return f"{stem[:200]}{extension}"


def _upload(file: Any, body: str | None, title: str) -> tuple[File, str]:
    if body is not None:
        name = f"{slugify(normalise_for_search(title))[:80] or 'document'}.md"
        return ContentFile(body.encode("utf-8"), name=name), name
    if file is None:
        raise DocumentError(_("Choose a file to upload."), "file")
    if not isinstance(file, File):
        file = File(file)
    name = str(getattr(file, "name", "") or "document")
    return file, PurePath(name.replace("\\", "/")).name


def _save_version(
    *,
    document: Document,
    number: int,
    file: File,
    original: str,
    checked: CheckedFile,
    note: str,
    actor: Any,
    saved: list[str],
) -> DocumentVersion:
    version = DocumentVersion(
        document=document,
        number=number,
        original_name=_download_name(original, checked)[:255],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        note=note.strip(),
        uploaded_by=actor if _authenticated(actor) else None,
    )
    file.seek(0)
    version.file.save(_storage_name(original, checked), file, save=False)
    saved.append(version.file.name)
    version.save()
    return version


def _remove_files(names: Iterable[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            pass
        _remove_empty_folders(name)


def _remove_empty_folders(name: str) -> None:
    """documents/<id>/<n>/ folders left empty on a file system (object stores have none)."""
    from django.core.files.storage import default_storage

    parts = PurePath(name).parts[:-1]
    while len(parts) > 1:
        try:
            path = default_storage.path("/".join(parts))
        except NotImplementedError:
            return
        try:
            os.rmdir(path)
        except OSError:
            return
        parts = parts[:-1]


def _after_commit_extract(version: DocumentVersion) -> None:
    from .tasks import extract_text

    pk = version.pk
    transaction.on_commit(lambda: extract_text.enqueue(pk))


# --- Documents ---------------------------------------------------------------------------------


def document_create(
    *,
    actor: Any,
    network: Network,
    title: str,
    file: Any = None,
    body: str | None = None,
    language: str | None = None,
    category: str,
    tags: Iterable[str] | str = (),
    visibility: str,
    audience: Network | None = None,
    description: str = "",
    external_ref: str = "",
    note: str = "",
) -> Document:
    """Upload a document to a network: its first version is `file` (an upload or any File) or,
    for imports, `body` (Markdown text kept as a .md file). Nothing is saved when the file is
    not accepted; the language, when not given, is read from the text once it is extracted."""
    _check_actor(actor, can_upload(actor, network))
    document = Document(
        network=network,
        title=title or "",
        description=(description or "").strip(),
        language=language or "",
        category=category or Category.OTHER,
        visibility=visibility,
        audience=audience,
        external_ref=(external_ref or "").strip()[:200],
        created_by=actor if _authenticated(actor) else None,
    )
    _check_fields(document)
    names = tag_names(tags)
    upload, original = _upload(file, body, document.title)
    checked = _checked(upload, original)
    if not document.language and body:
        from .extraction import detect_language

        document.language = detect_language(f"{document.title}\n{body}") or ""
    if (
        document.external_ref
        and Document.objects.filter(network=network, external_ref=document.external_ref).exists()
    ):
        raise DocumentError(
            _("The network already has a document with this external reference."),
            "external_ref",
        )
    saved: list[str] = []
    try:
        with transaction.atomic():
            document.slug = unique_slug(Document, document.title)
            document.save()
            document.tags.set(_tags(names))
            version = _save_version(
                document=document,
                number=1,
                file=upload,
                original=original,
                checked=checked,
                note=note,
                actor=actor,
                saved=saved,
            )
            document.current_version = version
            document.save(update_fields=["current_version", "updated_at"])
            audit_record(
                actor=actor,
                action="knowledge.document_created",
                obj=document,
                network=network,
                version=1,
                file=version.original_name,
                visibility=document.visibility,
            )
            _after_commit_extract(version)
    except BaseException:
        _remove_files(saved)
        raise
    return document


def version_add(*, actor: Any, document: Document, file: Any, note: str = "") -> DocumentVersion:
    """A new version becomes the current one; earlier versions stay downloadable. The people
    following the document (not the uploader) get an e-mail once it is saved."""
    _check_actor(actor, can_edit(actor, document))
    upload, original = _upload(file, None, document.title)
    checked = _checked(upload, original)
    saved: list[str] = []
    try:
        with transaction.atomic():
            locked = Document.objects.select_for_update().get(pk=document.pk)
            number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
            version = _save_version(
                document=locked,
                number=number,
                file=upload,
                original=original,
                checked=checked,
                note=note,
                actor=actor,
                saved=saved,
            )
            locked.current_version = version
            locked.save(update_fields=["current_version", "updated_at"])
            audit_record(
                actor=actor,
                action="knowledge.version_added",
                obj=locked,
                network=locked.network,
                version=number,
                file=version.original_name,
                note=version.note,
            )
            _after_commit_extract(version)
            _notify_followers(version)
    except BaseException:
        _remove_files(saved)
        raise
    document.current_version = version
    document.current_version_id = version.pk
    return version


def _notify_followers(version: DocumentVersion) -> None:
    from .tasks import send_version_notice

    if Follow.objects.filter(document_id=version.document_id).exists():
        pk = version.pk
        transaction.on_commit(lambda: send_version_notice.enqueue(pk))


@transaction.atomic
def document_update(*, actor: Any, document: Document, **fields: Any) -> Document:
    """Change what is said about a document: title, description, language, category, tags,
    visibility and audience (the section that may see it)."""
    unknown = set(fields) - DOCUMENT_FIELDS
    if unknown:
        raise TypeError(f"not fields of a document: {', '.join(sorted(unknown))}")
    _check_actor(actor, can_edit(actor, document))
    locked = Document.objects.select_for_update().get(pk=document.pk)
    tags = fields.pop("tags", None)
    before = {name: getattr(locked, name) for name in fields}
    for name, value in fields.items():
        setattr(locked, name, value if value is not None or name == "audience" else "")
    _check_fields(locked)
    changes: dict[str, list[str]] = {
        name: [str(before[name] or ""), str(getattr(locked, name) or "")]
        for name in fields
        if before[name] != getattr(locked, name)
    }
    if tags is not None:
        names = tag_names(tags)
        old = sorted(locked.tags.values_list("name", flat=True))
        if sorted(names) != old:
            locked.tags.set(_tags(names))
            changes["tags"] = [", ".join(old), ", ".join(sorted(names))]
    if changes:
        locked.save()
        audit_record(
            actor=actor,
            action="knowledge.document_changed",
            obj=locked,
            network=locked.network,
            changes=changes,
        )
    return locked


def document_delete(*, actor: Any, document: Document) -> None:
    """Delete a document with all its versions; the files leave storage once that is committed."""
    _check_actor(actor, can_edit(actor, document))
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        names = [n for n in locked.versions.values_list("file", flat=True) if n]
        audit_record(
            actor=actor,
            action="knowledge.document_deleted",
            obj=locked,
            network=locked.network,
            versions=len(names),
            title=locked.title,
        )
        # The document points at its current version and the versions at the document.
        Document.objects.filter(pk=locked.pk).update(current_version=None)
        locked.delete()
        transaction.on_commit(lambda: _remove_files(names))


# --- Following ---------------------------------------------------------------------------------


def follow(user: Any, document: Document) -> Follow:
    """Get an e-mail when the document gets a new version."""
    if not _authenticated(user) or not can_view(user, document):
        raise DocumentError(_("You may not follow this document."))
    with transaction.atomic():
        found, created = Follow.objects.get_or_create(user=user, document=document)
        if created:
            audit_record(actor=user, action="knowledge.followed", obj=document)
    return found


def unfollow(user: Any, document: Document) -> None:
    if not _authenticated(user):
        return
    with transaction.atomic():
        deleted, _rows = Follow.objects.filter(user=user, document=document).delete()
        if deleted:
            audit_record(actor=user, action="knowledge.unfollowed", obj=document)
