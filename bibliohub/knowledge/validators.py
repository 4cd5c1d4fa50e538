"""Checking an uploaded file before anything is saved: its size, and its type by its content.

The name of a file says little (a PNG renamed to .pdf is still a PNG), so the type is read from
the bytes: a PDF starts with "%PDF-" and must open with pypdf; a DOCX is a ZIP package with
word/document.xml that python-docx opens; an ODT is a ZIP package whose "mimetype" names an
OpenDocument text and that odfpy opens; Markdown and plain text must decode as UTF-8 (or UTF-16
with its byte order mark, or, for older Czech files, Windows-1250) and hold no binary data.
A ZIP package that would unpack to far more than a document needs (a "zip bomb") is refused
before anything opens it.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    code: str
    content_type: str
    extension: str
    label: str


PDF = FileKind("pdf", "application/pdf", ".pdf", "PDF")
DOCX = FileKind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
    "DOCX",
)
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", ".odt", "ODT")
MARKDOWN = FileKind("markdown", "text/markdown", ".md", "Markdown")
TEXT = FileKind("text", "text/plain", ".txt", "text")
KINDS = (PDF, DOCX, ODT, MARKDOWN, TEXT)

# What a name may claim; the content must then agree.
CLAIMED = {".pdf": PDF, ".docx": DOCX, ".odt": ODT}
TEXT_EXTENSIONS = {".md": MARKDOWN, ".markdown": MARKDOWN, ".txt": TEXT, ".text": TEXT, "": TEXT}
ACCEPT = ".pdf,.docx,.odt,.md,.markdown,.txt," + ",".join(k.content_type for k in KINDS)

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Signatures of files people upload by mistake, to say what the file really is.
OTHER_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", _("It is a PNG image.")),
    (b"\xff\xd8\xff", _("It is a JPEG image.")),
    (b"GIF8", _("It is a GIF image.")),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        _("It is an old Microsoft Office file (such as .doc); save it as DOCX or PDF first."),
    ),
    (b"Rar!", _("It is a RAR archive.")),
    (b"7z\xbc\xaf\x27\x1c", _("It is a 7-Zip archive.")),
    (b"\x1f\x8b", _("It is a gzip archive.")),
    (b"{\\rtf", _("It is an RTF file; save it as DOCX, ODT or PDF first.")),
)
SUPPORTED = _("Upload a PDF, DOCX, ODT, Markdown (.md) or plain text (.txt) file.")
# A ZIP package may unpack to at most this many times the upload limit, and hold this many files.
UNPACK_FACTOR = 10
MAX_ZIP_ENTRIES = 5000


def max_upload_bytes() -> int:
    return int(getattr(settings, "DOCUMENT_MAX_UPLOAD_MB", 25) * 1024 * 1024)


@dataclass(frozen=True)
class CheckedFile:
    """What the checks found: the kind, the text encoding (text files), size and checksum."""

    kind: FileKind
    size: int
    sha256: str
    encoding: str = ""

    @property
    def content_type(self) -> str:
        if self.kind in (MARKDOWN, TEXT):
            charset = {"cp1250": "windows-1250", "utf-16": "utf-16"}.get(self.encoding, "utf-8")
            return f"{self.kind.content_type}; charset={charset}"
        return self.kind.content_type


def kind_of_content_type(content_type: str) -> FileKind | None:
    base = content_type.split(";", 1)[0].strip().lower()
    return next((k for k in KINDS if k.content_type == base), None)


def _error(message: Any, code: str, **params: Any) -> ValidationError:
    text = str(message % params if params else message)
    # A part left empty (nothing more to say about the file) leaves no double space behind.
    return ValidationError(" ".join(text.split()), code=code)


def _size_of(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    return int(size)


def _sha256(file: IO[bytes]) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _what_it_is(head: bytes) -> str:
    for signature, message in OTHER_SIGNATURES:
        if head.startswith(signature):
            return str(message)
    return ""


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a text file and the encoding it was in: UTF-8, UTF-16 with its byte order
    mark (Windows Notepad's "Unicode"), else Windows-1250 (older Czech files)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1250"), "cp1250"


def _check_text(file: IO[bytes], name: str, kind: FileKind) -> str:
    file.seek(0)
    data = file.read()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data and not utf16:
        raise _error(
            _("“%(name)s” is not a text file: it contains binary data. %(supported)s"),
            "binary",
            name=name,
            supported=SUPPORTED,
        )
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        raise _error(
            _("“%(name)s” is not readable text: save it in UTF-8 and upload it again."),
            "encoding",
            name=name,
        ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise _error(
            _("“%(name)s” is not a text file: it contains binary data. %(supported)s"),
            "binary",
            name=name,
            supported=SUPPORTED,
        )
    return encoding


def _check_pdf(file: IO[bytes], name: str) -> None:
    from pypdf import PdfReader

    file.seek(0)
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _error(
                _("“%(name)s” is protected by a password; upload a copy without the password."),
                "encrypted",
                name=name,
            )
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as exc:
        raise _error(
            _("“%(name)s” looks like a PDF but is damaged: it cannot be opened."),
            "broken",
            name=name,
        ) from exc
    if pages == 0:
        raise _error(_("“%(name)s” is a PDF without any pages."), "broken", name=name)


def _check_zip(file: IO[bytes], name: str) -> FileKind:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            entries = package.infolist()
            unpacked = sum(entry.file_size for entry in entries)
            names = {entry.filename for entry in entries}
            limit = max_upload_bytes() * UNPACK_FACTOR
            if len(entries) > MAX_ZIP_ENTRIES or unpacked > limit:
                raise _error(
                    _(
                        "“%(name)s” would unpack to %(size)s, far more than any document needs;"
                        " it is refused as a possible “zip bomb”."
                    ),
                    "zip_bomb",
                    name=name,
                    size=filesizeformat(unpacked),
                )
            mimetype = package.read("mimetype").strip() if "mimetype" in names else b""
    except ValidationError:
        raise
    except Exception as exc:  # a damaged package fails in many ways (CRC, zlib, headers)
        raise _error(
            _("“%(name)s” is a damaged ZIP package: it cannot be opened."), "broken", name=name
        ) from exc
    if "word/document.xml" in names:
        _open_docx(file, name)
        return DOCX
    if mimetype == ODT_MIMETYPE:
        _open_odt(file, name)
        return ODT
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise _error(
            _("“%(name)s” is an OpenDocument file but not a text document (ODT). %(supported)s"),
            "unsupported",
            name=name,
            supported=SUPPORTED,
        )
    raise _error(
        _("“%(name)s” is a ZIP package, not a DOCX or ODT document. %(supported)s"),
        "unsupported",
        name=name,
        supported=SUPPORTED,
    )


def _open_docx(file: IO[bytes], name: str) -> None:
    import docx

    file.seek(0)
    try:
        docx.Document(file)
    except Exception as exc:
        raise _error(
            _("“%(name)s” looks like a DOCX document but is damaged: it cannot be opened."),
            "broken",
            name=name,
        ) from exc


def _open_odt(file: IO[bytes], name: str) -> None:
    from odf.opendocument import load

    file.seek(0)
    try:
        load(file)
    except Exception as exc:
        raise _error(
            _("“%(name)s” looks like an ODT document but is damaged: it cannot be opened."),
            "broken",
            name=name,
        ) from exc


def check_document_file(file: IO[bytes], name: str) -> CheckedFile:
    """Check an uploaded file; raise a ValidationError that names the problem, else say what
    the file is. `name` is the name the person gave the file (only its extension is used)."""
    size = _size_of(file)
    if size == 0:
        raise _error(_("“%(name)s” is empty."), "empty", name=name)
    limit = max_upload_bytes()
    if size > limit:
        raise _error(
            _("“%(name)s” is %(size)s; files of at most %(limit)s can be uploaded."),
            "too_big",
            name=name,
            size=filesizeformat(size),
            limit=filesizeformat(limit),
        )
    file.seek(0)
    head = file.read(16)
    extension = PurePath(name).suffix.lower()
    encoding = ""
    if head.startswith(b"%PDF-"):
        _check_pdf(file, name)
        kind = PDF
    elif head.startswith(b"PK\x03\x04"):
        kind = _check_zip(file, name)
    elif extension in CLAIMED:
        claimed = CLAIMED[extension]
        reason = {
            PDF: _("a PDF file starts with a PDF header and this one does not."),
            DOCX: _("a DOCX document is a ZIP package and this one is not."),
            ODT: _("an ODT document is a ZIP package and this one is not."),
        }[claimed]
        raise _error(
            _("“%(name)s” is not really a %(kind)s file: %(reason)s %(what)s"),
            "disguised",
            name=name,
            kind=claimed.label,
            reason=reason,
            what=_what_it_is(head),
        )
    elif extension in TEXT_EXTENSIONS and not _what_it_is(head):
        kind = TEXT_EXTENSIONS[extension]
        encoding = _check_text(file, name, kind)
    else:
        raise _error(
            _("“%(name)s” cannot be uploaded. %(what)s %(supported)s"),
            "unsupported",
            name=name,
            what=_what_it_is(head),
            supported=SUPPORTED,
        )
    return CheckedFile(kind=kind, size=size, sha256=_sha256(file), encoding=encoding)
