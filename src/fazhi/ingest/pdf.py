"""PDF text layer via pypdfium2, page by page, without page-number lines and running headers/footers."""

from __future__ import annotations

import re
from collections import Counter

from .base import RawDocument, ReadError

# Fewer non-blank characters than this per page on average means there is no real text layer (a scan
# with at most page numbers or a watermark in text); a printed report page holds hundreds.
MIN_CHARS_PER_PAGE = 20
# A page with fewer non-blank characters than this counts as a page without text (meta["pages_without_text"]).
EMPTY_PAGE_CHARS = 5
# Running headers/footers are only looked for in documents with at least this many pages, and a line
# counts as one when it opens (or closes) at least this share of the pages.
RUNNING_MIN_PAGES = 3
RUNNING_SHARE = 0.5
# A bare number closing a page is taken for its page number when it lies between the page's index
# minus this much (covers and contents pages are often unnumbered) and the index itself.
PAGE_NUMBER_SLACK = 3

ENCRYPTED = "PDF 已加密，无法读取"
CORRUPT = "PDF 文件已损坏或不完整"
NO_TEXT = "PDF 没有文字层（可能是扫描件），需要先做 OCR"

_DASH = r"[-－—–‐‑―~～]"
# `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共10页`: page numbers standing alone on a line, dropped anywhere.
PAGE_NUMBER_RE = re.compile(
    rf"^\s*(?:{_DASH}+\s*\d{{1,4}}\s*{_DASH}+|第\s*\d{{1,4}}\s*页(?:\s*[,，、/]?\s*共\s*\d{{1,4}}\s*页)?)\s*$"
)
# `3` or `3/10` alone: a page number only as a page's first or last line (elsewhere it may be a table cell).
_EDGE_NUMBER_RE = re.compile(r"^\s*(\d{1,4})(?:\s*/\s*\d{1,4})?\s*$")
_DIGITS_RE = re.compile(r"\d+")


def read_pdf(data: bytes, source: str) -> RawDocument:
    """Read the text layer of a PDF."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ReadError(source, ENCRYPTED) from e
        raise ReadError(source, CORRUPT) from e
    try:
        pages = _page_texts(pdf, source)
    finally:
        pdf.close()
    if not pages:
        raise ReadError(source, "PDF 没有页面")
    chars = [sum(1 for ch in p if not ch.isspace()) for p in pages]
    if sum(chars) < MIN_CHARS_PER_PAGE * len(pages):
        raise ReadError(source, NO_TEXT)
    page_lines = [_strip_page_numbers(p.split("\n"), i + 1) for i, p in enumerate(pages)]
    page_lines = _strip_running_lines(page_lines)
    text = "\n".join("\n".join(lines) for lines in page_lines)
    meta = {"pages": len(pages), "pages_without_text": sum(1 for c in chars if c < EMPTY_PAGE_CHARS)}
    return RawDocument(source=source, text=text, format="pdf", meta=meta)


def _page_texts(pdf, source: str) -> list[str]:
    import pypdfium2 as pdfium

    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    raw = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            out.append(raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))
    except pdfium.PdfiumError as e:
        raise ReadError(source, CORRUPT) from e
    return out


def _strip_page_numbers(lines: list[str], page_no: int) -> list[str]:
    """Drop page-number lines; a bare number only as the page's first or last line."""
    lines = [ln for ln in lines if not PAGE_NUMBER_RE.match(ln)]
    for idx in (-1, 0):
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        if not nonblank:
            break
        i = nonblank[idx]
        m = _EDGE_NUMBER_RE.match(lines[i])
        if m and page_no - PAGE_NUMBER_SLACK <= int(m.group(1)) <= page_no:
            del lines[i]
    return lines


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop a header (footer) line that opens (closes) most pages, digits ignored when comparing."""
    if len(pages) < RUNNING_MIN_PAGES:
        return pages
    for edge in (0, -1):
        keys = Counter()
        for lines in pages:
            key = _edge_key(lines, edge)
            if key:
                keys[key] += 1
        if not keys:
            continue
        key, n = keys.most_common(1)[0]
        if n < max(2, RUNNING_SHARE * len(pages)):
            continue
        for lines in pages:
            nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
            if nonblank and _edge_key(lines, edge) == key:
                del lines[nonblank[edge]]
    return pages


def _edge_key(lines: list[str], edge: int) -> str | None:
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        return None
    return _DIGITS_RE.sub("#", "".join(nonblank[edge].split()))
