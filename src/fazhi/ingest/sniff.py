"""Format detection by content first (magic bytes, markup near the start), then by file suffix."""

from __future__ import annotations

import io
import re
import zipfile

from .. import sources

# Suffixes a directory walk or an archive picks up; content sniffing still decides how each is read.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"})
REPORT_SUFFIXES = (
    frozenset({".txt", ".htm", ".html", ".docx", ".pdf", ".doc", ".wps", ".zip"}) | IMAGE_SUFFIXES
)

# A PDF may carry junk before its header; readers accept `%PDF-` anywhere in the first kilobyte.
PDF_HEADER_WINDOW = 1024
# HTML markers and MIME headers are looked for this far into the file (pages start with long comments).
MARKUP_WINDOW = 2048

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # local file header; empty archive
# Scanned pages: JPEG, PNG, TIFF (both byte orders), BMP (its header's reserved bytes are zero).
IMAGE_MAGICS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")
BMP_RE = re.compile(rb"BM.{4}\x00\x00\x00\x00", re.S)
HTML_RE = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<meta\s[^>]*charset", re.I)
# Any start or end tag, or a comment: what an HTML fragment saved without <html> still has and plain
# text named .html (a report pasted into a file with the wrong suffix) has not. Text never holds ASCII
# `<` directly before a letter except in markup; Chinese text uses 《》 for titles.
TAG_RE = re.compile(rb"<(?:[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|/[a-z][a-z0-9]*\s*>|!--)", re.I)
# A saved web archive starts with MIME headers.
MIME_RE = re.compile(
    rb"^(?:mime-version|content-type|from|subject|date|snapshot-content-location)\s*:", re.I | re.M
)

# Formats the dispatcher knows. "office" is any other document LibreOffice can convert (OLE .doc/.wps,
# RTF, ODT); "text" is the default for everything else.
PDF, DOCX, ZIP, OFFICE, HTML, MHTML, IMAGE, TEXT = (
    "pdf",
    "docx",
    "zip",
    "office",
    "html",
    "mhtml",
    "image",
    "text",
)

_SUFFIX_FORMAT = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".zip": ZIP,
    ".doc": OFFICE,
    ".wps": OFFICE,
    ".rtf": OFFICE,
    ".odt": OFFICE,
    ".htm": HTML,
    ".html": HTML,
    ".xhtml": HTML,
    ".shtml": HTML,
    ".mht": MHTML,
    ".mhtml": MHTML,
    **dict.fromkeys(IMAGE_SUFFIXES, IMAGE),
}


def suffix_of(source: str) -> str:
    """The lower-cased suffix of the last path component of a source name (`a.zip!/b.PDF` → `.pdf`)."""
    return sources.suffix(source)


def suffix_format(source: str) -> str | None:
    """The format a file's suffix promises, or None for unknown suffixes (.txt included)."""
    return _SUFFIX_FORMAT.get(suffix_of(source))


def detect_format(data: bytes, source: str = "") -> str:
    """The format of a file from its content, falling back to its suffix for plain-looking content."""
    head = data[:MARKUP_WINDOW]
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return PDF
    if data.startswith(ZIP_MAGICS):
        return _zip_kind(data, source)
    if data.startswith(IMAGE_MAGICS) or BMP_RE.match(data[:10]):
        return IMAGE
    if data.startswith(OLE_MAGIC) or head.lstrip().startswith(b"{\\rtf"):
        return OFFICE
    text_head = _head_as_ascii(head)
    lowered = text_head.lower()
    if b"mime-version:" in lowered and b"multipart/related" in lowered:
        return MHTML
    if HTML_RE.search(text_head):
        return HTML
    # The suffix alone never makes a file HTML: a fragment saved without <html> still has tags, and a
    # saved web archive still has MIME headers; plain text named .html is read as text.
    by_suffix = suffix_format(source)
    if by_suffix == HTML and TAG_RE.search(text_head):
        return HTML
    if by_suffix == MHTML and MIME_RE.search(text_head):
        return MHTML
    return TEXT


def _zip_kind(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A truncated zip: judge by the suffix, or by the first member's name (in the first local
        # header), which is `[Content_Types].xml` in documents written by Word, WPS and python-docx.
        if suffix_format(source) == DOCX or b"[Content_Types].xml" in data[:64]:
            return DOCX
        return ZIP
    if "word/document.xml" in names:
        return DOCX
    if "content.xml" in names and "mimetype" in names:
        return OFFICE  # OpenDocument text
    return ZIP


def _head_as_ascii(head: bytes) -> bytes:
    """The start of a file with UTF-16 byte order undone, so markup can be matched as ASCII bytes."""
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, errors="ignore").encode("ascii", errors="ignore")
    return head
