"""One document from its bytes: pick the reader by content (then suffix), and never let a reader crash a batch."""

from __future__ import annotations

from .base import RawDocument, ReadError
from .sniff import DOCX, HTML, IMAGE, MHTML, OFFICE, PDF, TEXT, ZIP, detect_format, suffix_format
from .txt import read_txt

EMPTY = "文件为空"
# What to say when a file's suffix promises a binary format but its bytes are neither that nor text.
_DAMAGED = {
    PDF: "PDF 文件已损坏或不完整",
    DOCX: "docx 文件已损坏或不完整",
    ZIP: "压缩包已损坏或不完整",
    OFFICE: "Word/WPS 文件已损坏或不是 Word 文档",
    IMAGE: "图片文件已损坏或格式不受支持",
}


def read_document(data: bytes, source: str, kind: str | None = None) -> RawDocument:
    """Read one document (not an archive); raises ReadError with a one-line Chinese reason."""
    if not data or data.isspace():
        raise ReadError(source, EMPTY)
    kind = kind or detect_format(data, source)
    if kind == PDF:
        from .pdf import read_pdf

        doc = read_pdf(data, source)
    elif kind == DOCX:
        from .docx import read_docx

        doc = read_docx(data, source)
    elif kind == OFFICE:
        from .doc import read_doc

        doc = read_doc(data, source)
    elif kind == HTML:
        from .html import read_html

        doc = read_html(data, source)
    elif kind == MHTML:
        from .html import read_mhtml

        doc = read_mhtml(data, source)
    elif kind == IMAGE:
        from .ocr import read_image

        doc = read_image(data, source)
    elif kind == ZIP:
        raise ReadError(source, "这是压缩包，请用 iter_inputs 逐个读取其中的文件")
    else:
        doc = _read_text(data, source)
    if not doc.text.strip():
        raise ReadError(source, EMPTY if kind == TEXT else "文件中没有文字")
    return doc


def _read_text(data: bytes, source: str) -> RawDocument:
    promised = suffix_format(source)
    try:
        return read_txt(data, source)
    except ReadError as e:
        if promised in _DAMAGED:  # e.g. a .pdf without its %PDF header: say what the file should have been
            raise ReadError(source, _DAMAGED[promised]) from e
        raise


def try_read(data: bytes, source: str, kind: str | None = None) -> RawDocument | ReadError:
    """read_document, returning the ReadError instead of raising; a reader's bug also becomes a ReadError."""
    try:
        return read_document(data, source, kind)
    except ReadError as e:
        return e
    except Exception as e:  # a damaged file can trip any library; one file must not stop the batch
        return ReadError(source, f"读取失败（{type(e).__name__}: {e}）")
