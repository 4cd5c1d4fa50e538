"""Importing documents in bulk (`bibliohub import-documents`): every file of a folder, or the
items of a JSON Lines file, each through `document_create` so that the same checks apply as to an
upload. An item with an `id` keeps it as the document's external reference; importing it again
updates that document (and adds a version when the content changed) instead of duplicating it.
Text is extracted at once, so the documents are searchable when the import ends."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import DatabaseError

from bibliohub.directory.models import Network
from bibliohub.directory.services import network_create

from .extraction import extract_version
from .models import Category, Document, DocumentVersion
from .services import DocumentError, document_create, document_update, tag_names, version_add

SUPPORTED_EXTENSIONS = frozenset({".pdf", ".docx", ".odt", ".md", ".markdown", ".txt"})
REIMPORT_NOTE = "Imported again: the source has changed."


@dataclass
class Item:
    source: str
    title: str
    file: Path | None = None
    body: str | None = None
    language: str | None = None
    ref: str = ""
    category: str | None = None
    tags: list[str] | None = None
    description: str | None = None


@dataclass
class Skip:
    source: str
    reason: str


@dataclass
class ImportReport:
    network: Network | None = None
    network_created: bool = False
    imported: list[tuple[str, Document]] = field(default_factory=list)
    updated: list[tuple[str, Document]] = field(default_factory=list)
    unchanged: list[tuple[str, Document]] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)


def title_from_name(path: Path) -> str:
    title = " ".join(path.stem.replace("_", " ").replace("-", " ").split())
    return title[:1].upper() + title[1:] if title else path.name


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def items_from_folder(folder: Path) -> Iterator[Item | Skip]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if _is_hidden(path, folder):
            continue
        if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
            yield Skip(str(path), "not a supported type (PDF, DOCX, ODT, Markdown, plain text)")
            continue
        yield Item(source=str(path), title=title_from_name(path), file=path)


def _strings(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ValueError("tags must be a list of strings")


def items_from_jsonl(path: Path) -> Iterator[Item | Skip]:
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            source = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(source, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(data, dict):
                yield Skip(source, "not a JSON object")
                continue
            body, file = data.get("body"), data.get("file")
            if (body is None) == (file is None):
                yield Skip(source, "give either `body` or `file`")
                continue
            if body is not None and not isinstance(body, str):
                yield Skip(source, "`body` must be text")
                continue
            file_path = None
            if file is not None:
                file_path = (path.parent / str(file)).resolve()
                if not file_path.is_file():
                    yield Skip(source, f"file not found: {file}")
                    continue
            title = str(data.get("title") or "").strip()
            if not title:
                if file_path is None:
                    yield Skip(source, "no `title`")
                    continue
                title = title_from_name(file_path)
            try:
                tags = _strings(data.get("tags"))
            except ValueError as exc:
                yield Skip(source, str(exc))
                continue
            ref = data.get("id")
            yield Item(
                source=source,
                title=title,
                file=file_path,
                body=body,
                language=data.get("lang") or data.get("language") or None,
                ref="" if ref is None else str(ref).strip(),
                category=data.get("category") or None,
                tags=tags,
                description=data.get("description"),
            )


def items_from(paths: Iterable[Path]) -> Iterator[Item | Skip]:
    for path in paths:
        if path.is_dir():
            yield from items_from_folder(path)
        elif path.is_file() and path.suffix.lower() == ".jsonl":
            yield from items_from_jsonl(path)
        elif path.is_file() and path.suffix.lower() in SUPPORTED_EXTENSIONS:
            yield Item(source=str(path), title=title_from_name(path), file=path)
        elif path.exists():
            yield Skip(str(path), "not a folder, a .jsonl file or a supported document")
        else:
            yield Skip(str(path), "does not exist")


def network_for_import(
    slug: str, *, name: str | None, language: str | None
) -> tuple[Network, bool]:
    network = Network.objects.filter(slug=slug).first()
    if network is not None:
        return network, False
    network = network_create(
        actor=None,
        name=name or slug,
        kind=Network.Kind.ASSOCIATION,
        language=language or settings.LANGUAGE_CODE,
        slug=slug,
    )
    return network, True


def _content(item: Item) -> bytes:
    if item.body is not None:
        return item.body.encode("utf-8")
    assert item.file is not None
    return item.file.read_bytes()


def _extract(document: Document) -> None:
    version = DocumentVersion.objects.select_related("document", "document__network").get(
        pk=document.current_version_id
    )
    if version.extraction == DocumentVersion.Extraction.PENDING:
        extract_version(version)


def _reimport(item: Item, document: Document, category: str | None, report: ImportReport) -> None:
    fields: dict[str, Any] = {}
    if item.title and item.title != document.title:
        fields["title"] = item.title
    if item.language and item.language != document.language:
        fields["language"] = item.language
    wanted_category = item.category or category
    if wanted_category and wanted_category != document.category:
        fields["category"] = wanted_category
    if item.description is not None and item.description.strip() != document.description:
        fields["description"] = item.description
    if item.tags is not None:
        names = tag_names(item.tags)
        if sorted(names) != sorted(document.tags.values_list("name", flat=True)):
            fields["tags"] = names
    if fields:
        document = document_update(actor=None, document=document, **fields)
    content = _content(item)
    current = document.current_version
    new_content = current is None or hashlib.sha256(content).hexdigest() != current.sha256
    if new_content:
        if item.body is not None:
            upload: File = ContentFile(content, name=f"{document.slug}.md")
        else:
            assert item.file is not None
            upload = ContentFile(content, name=item.file.name)
        version_add(actor=None, document=document, file=upload, note=REIMPORT_NOTE)
        document.refresh_from_db()
        _extract(document)
    (report.updated if fields or new_content else report.unchanged).append((item.source, document))


def import_documents(
    paths: Iterable[Path],
    *,
    network: str,
    visibility: str,
    category: str | None = None,
    language: str | None = None,
    network_name: str | None = None,
) -> ImportReport:
    """Import every item of `paths` into the network `network` (created when missing)."""
    report = ImportReport()
    report.network, report.network_created = network_for_import(
        network, name=network_name, language=language
    )
    target = report.network
    for item in items_from(paths):
        if isinstance(item, Skip):
            report.skipped.append(item)
            continue
        wanted_category = item.category or category or Category.OTHER
        if wanted_category not in Category.values:
            report.skipped.append(Skip(item.source, f"unknown category “{wanted_category}”"))
            continue
        languages = [code for code, _name in settings.CONTENT_LANGUAGES]
        item_language = item.language or language
        if item_language and item_language not in languages:
            report.skipped.append(Skip(item.source, f"unknown language “{item_language}”"))
            continue
        item.language = item_language
        try:
            existing = (
                Document.objects.select_related("current_version", "network")
                .filter(network=target, external_ref=item.ref)
                .first()
                if item.ref
                else None
            )
            if existing is not None:
                _reimport(item, existing, category, report)
                continue
            content = _content(item)
            digest = hashlib.sha256(content).hexdigest()
            # Without an id, the file itself tells whether it was imported before.
            twin = (
                Document.objects.filter(network=target, current_version__sha256=digest).first()
                if not item.ref
                else None
            )
            if twin is not None:
                report.skipped.append(
                    Skip(item.source, f"the same file is already the document “{twin.slug}”")
                )
                continue
            if item.body is not None:
                file: File | None = None
            else:
                assert item.file is not None
                file = ContentFile(content, name=item.file.name)
            document = document_create(
                actor=None,
                network=target,
                title=item.title,
                file=file,
                body=item.body,
                language=item.language,
                category=wanted_category,
                tags=item.tags or (),
                visibility=visibility,
                description=item.description or "",
                external_ref=item.ref,
            )
            _extract(document)
            report.imported.append((item.source, document))
        except DocumentError as error:
            report.skipped.append(Skip(item.source, str(error.message)))
        except (ValidationError, DatabaseError, OSError) as error:
            report.skipped.append(Skip(item.source, f"{type(error).__name__}: {error}"))
    return report
