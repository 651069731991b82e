"""PDF text layer via pypdfium2's per-character data, in reading order, without page numbers and running lines."""

from __future__ import annotations

import ctypes

from .base import RawDocument, ReadError
from .layout import Glyph, reading_order, rows_from_glyphs
from .pagelines import Line, join_lines, line_from_row, strip_furniture

# Fewer non-blank characters than this per page on average means there is no real text layer (a scan
# with at most page numbers or a watermark in text); a printed report page holds hundreds.
MIN_CHARS_PER_PAGE = 20
# A page with fewer non-blank characters than this counts as a page without text (meta["pages_without_text"]).
EMPTY_PAGE_CHARS = 5

# pdfium leaves text objects narrower than 0.01 unit out of its text page (kSizeEpsilon); objects below
# this width get a stroke of HAIRLINE units, whose half widens their box past that limit.
GLYPHLESS_WIDTH = 0.01
HAIRLINE = 0.1
# A character box is never taken as smaller than this (an empty box from a damaged font).
MIN_GLYPH_SIZE = 1.0

ENCRYPTED = "PDF 已加密，无法读取"
CORRUPT = "PDF 文件已损坏或不完整"
NO_TEXT = "PDF 没有文字层（扫描件）"


def read_pdf(data: bytes, source: str) -> RawDocument:
    """Read the text layer of a PDF in reading order; each character keeps its page and box."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ReadError(source, ENCRYPTED) from e
        raise ReadError(source, CORRUPT) from e
    try:
        pages = _page_lines(pdf, source)
        if not pages:
            raise ReadError(source, "PDF 没有页面")
        chars = [sum(1 for ln in p for ch in ln.text if not ch.isspace()) for p in pages]
        if sum(chars) < MIN_CHARS_PER_PAGE * len(pages):
            return _ocr(pdf, source)
    finally:
        pdf.close()
    pages = strip_furniture(pages)
    text, boxes = join_lines([ln for p in pages for ln in p])
    meta = {
        "pages": len(pages),
        "pages_without_text": sum(1 for c in chars if c < EMPTY_PAGE_CHARS),
        "char_boxes": boxes,
    }
    return RawDocument(source=source, text=text, format="pdf", meta=meta)


def _ocr(pdf, source: str) -> RawDocument:
    """A PDF without a text layer (a scan): OCR its pages."""
    from .ocr import read_scanned_pdf

    try:
        return read_scanned_pdf(pdf, source)
    except ReadError as e:
        raise ReadError(source, f"{NO_TEXT}，{e.reason}") from e


def _page_lines(pdf, source: str) -> list[list[Line]]:
    import pypdfium2 as pdfium

    out = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                _widen_glyphless_text(page)
                textpage = page.get_textpage()
                try:
                    glyphs = _glyphs(textpage, page.get_height())
                finally:
                    textpage.close()
            finally:
                page.close()
            rows = reading_order(rows_from_glyphs(glyphs)) if glyphs else []
            out.append([line_from_row(row, i + 1) for row in rows])
    except pdfium.PdfiumError as e:
        raise ReadError(source, CORRUPT) from e
    return out


def _glyphs(textpage, page_height: float) -> list[Glyph]:
    """Every character pdfium found on the page, with its loose box, in page units from the top left.

    Line breaks pdfium generates are dropped (rows come from positions); the spaces it generates
    between words are kept. The loose box (advance width, font ascent and descent) does not depend on
    the glyph outlines, so it is the same with and without the fonts installed.
    """
    import pypdfium2.raw as c

    tp = textpage.raw
    rect = c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    out = []
    for i in range(c.FPDFText_CountChars(tp)):
        u = c.FPDFText_GetUnicode(tp, i)
        if u in (0, 0xFFFE, 0xFFFF) or (u in (10, 13) and c.FPDFText_IsGenerated(tp, i)):
            continue
        ch = chr(u)
        if ch in "\r\n\f\v":
            ch = " "
        if not c.FPDFText_GetLooseCharBox(tp, i, rect) or not c.FPDFText_GetCharOrigin(tp, i, x, y):
            continue
        top, bottom = page_height - rect.top, page_height - rect.bottom
        size = max(bottom - top, MIN_GLYPH_SIZE)
        out.append(Glyph(ch, rect.left, top, rect.right, bottom, page_height - y.value, size))
    return out


def _widen_glyphless_text(page) -> None:
    """Give zero-width text objects a hairline stroke so pdfium's text page does not skip them.

    pdfium measures a text object by its glyph outlines and leaves objects narrower than 0.01 out of
    the text page. A character whose font is neither embedded nor installed has no outline, so a
    one-character object (a lone `。` ending a paragraph, a PDF that places every character alone)
    vanished on machines without CJK fonts. In stroke mode the object's box grows by half the line
    width, which makes it count; only the in-memory page is changed.
    """
    import pypdfium2.raw as c

    def visit(count: int, get) -> None:
        for j in range(count):
            obj = get(j)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_FORM:
                visit(c.FPDFFormObj_CountObjects(obj), lambda k, o=obj: c.FPDFFormObj_GetObject(o, k))
            elif kind == c.FPDF_PAGEOBJ_TEXT:
                ok = c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
                if ok and abs(right.value - left.value) < GLYPHLESS_WIDTH:
                    c.FPDFPageObj_SetStrokeWidth(obj, HAIRLINE)
                    c.FPDFTextObj_SetTextRenderMode(obj, c.FPDF_TEXTRENDERMODE_FILL_STROKE)
                    c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 0, 0)  # recomputes the object's box

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw = page.raw
    visit(c.FPDFPage_CountObjects(raw), lambda k: c.FPDFPage_GetObject(raw, k))
