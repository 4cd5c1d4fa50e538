"""Reading the text out of a document's file: pypdf for PDF, python-docx for DOCX, odfpy for ODT,
Markdown and plain text as they are. The text feeds the preview and the search index."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

from django.db import transaction

from .models import Document, DocumentVersion
from .validators import DOCX, MARKDOWN, ODT, PDF, TEXT, decode_text, kind_of_content_type

logger = logging.getLogger(__name__)

# Enough for the preview and for search; a whole book's text is not needed to find it.
MAX_TEXT_CHARS = 2_000_000


class ExtractionError(Exception):
    pass


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    pages = []
    for page in reader.pages:
        pages.append((page.extract_text() or "").strip())
        if sum(len(p) for p in pages) > MAX_TEXT_CHARS:
            break
    return "\n\n".join(p for p in pages if p)


def _docx_blocks(container: Any) -> Iterator[str]:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    # A merged cell comes back once for every grid column it spans.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    text = " ".join(" / ".join(_docx_blocks(cell)).split())
                    if text:
                        cells.append(text)
                if cells:
                    yield " | ".join(cells)
        else:
            text = block.text.strip()
            if text:
                yield text


def _docx_text(data: bytes) -> str:
    import docx

    return "\n\n".join(_docx_blocks(docx.Document(io.BytesIO(data))))


def _odt_text(data: bytes) -> str:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    blocks: list[str] = []

    def walk(node: Any) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in ((TEXTNS, "p"), (TEXTNS, "h")):
                text = teletype.extractText(child).strip()
                if text:
                    blocks.append(text)
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(document.text)
    return "\n\n".join(blocks)


def text_of(data: bytes, content_type: str) -> str:
    """The text of a file of the given (checked) type."""
    kind = kind_of_content_type(content_type)
    if kind == PDF:
        text = _pdf_text(data)
    elif kind == DOCX:
        text = _docx_text(data)
    elif kind == ODT:
        text = _odt_text(data)
    elif kind in (MARKDOWN, TEXT):
        text = decode_text(data)[0]
    else:
        raise ExtractionError(f"no text extraction for {content_type}")
    text = text.replace("\x00", "").replace("\r\n", "\n").strip()
    return text[:MAX_TEXT_CHARS]


def detect_language(text: str) -> str | None:
    """The language of a text, when the search app can tell it (it owns the detector)."""
    try:
        from bibliohub.search.analysis import detect_language as detect
    except ImportError:
        return None
    try:
        return detect(text) or None
    except Exception:
        logger.exception("language detection failed")
        return None


def extract_version(version: DocumentVersion) -> DocumentVersion:
    """Read the text of a version's file and save it (the search index follows the save).
    A document whose language was left open gets the language of the text."""
    try:
        with version.file.open("rb") as handle:
            data = handle.read()
        text = text_of(data, version.content_type)
    except Exception as exc:
        logger.warning("text extraction of version %s failed: %s", version.pk, exc)
        version.text = ""
        version.extraction = DocumentVersion.Extraction.FAILED
        version.extraction_error = (f"{type(exc).__name__}: {exc}")[:300]
    else:
        version.text = text
        version.extraction = DocumentVersion.Extraction.DONE
        version.extraction_error = ""
    with transaction.atomic():
        version.save(update_fields=["text", "extraction", "extraction_error"])
        document = Document.objects.select_for_update().get(pk=version.document_id)
        if not document.language:
            sample = "\n".join(filter(None, [document.title, document.description, version.text]))
            document.language = detect_language(sample) or document.network.language
            document.save(update_fields=["language", "updated_at"])
    return version
