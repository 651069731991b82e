"""Typeset text as a printed report: PDFs (with a CJK font embedded or not) and scanned page images.

Used by the reader tests and by bench/bench_ocr.py. Paragraphs are wrapped by measured width, as a
word processor does, with a running header and `- n -` page numbers on every A4 page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Noto Sans CJK SC cut down to the characters of samples/ (scripts/make_cjk_font_fixture.py; OFL).
EMBEDDED_FONT = FIXTURES / "cjk-subset.ttf"
# The installed Noto CJK font (Debian fonts-noto-cjk): only the OCR benchmark's page images need it.
SYSTEM_CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SYSTEM_CJK_INDEX = 2  # Noto Sans CJK SC in the collection (JP, KR, SC, TC, HK)

A4 = (595.0, 842.0)  # points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72.0, 90.0, 80.0
BODY_SIZE, FURNITURE_SIZE, LEADING = 12.0, 9.0, 20.0
HEADER = "法治政府建设年度报告"


def wrap(paras: list[str], width: float, measure: Callable[[str], float]) -> list[str]:
    """Paragraphs broken into lines no wider than width; an empty list item is a blank line."""
    lines: list[str] = []
    for para in paras:
        line = ""
        for ch in para:
            if line and measure(line + ch) > width:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    return lines


def paginate(lines: list[str]) -> list[list[str]]:
    """Lines split into pages of the body height."""
    per_page = int((A4[1] - MARGIN_TOP - MARGIN_BOTTOM) // LEADING)
    return [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]


def pdf_bytes(paras: list[str], *, embed: bool, per_char: bool = False, encrypt: str | None = None) -> bytes:
    """A PDF of the paragraphs: reportlab's non-embedded STSong-Light, or the embedded subset font.

    per_char draws every character as a text object of its own, as some PDF writers do.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    if embed:
        from reportlab.pdfbase.ttfonts import TTFont

        font = "CJKSubset"
        if font not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font, str(EMBEDDED_FONT)))
    else:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        font = "STSong-Light"
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    width = A4[0] - 2 * MARGIN_X
    lines = wrap(paras, width, lambda s: pdfmetrics.stringWidth(s, font, BODY_SIZE))
    pages = paginate(lines)
    for n, page in enumerate(pages, 1):
        c.setFont(font, FURNITURE_SIZE)
        c.drawString(MARGIN_X, A4[1] - 50, HEADER)
        c.drawCentredString(A4[0] / 2, 40, f"- {n} -")
        c.setFont(font, BODY_SIZE)
        y = A4[1] - MARGIN_TOP
        for line in page:
            if per_char:
                x = MARGIN_X
                for ch in line:
                    c.drawString(x, y, ch)
                    x += pdfmetrics.stringWidth(ch, font, BODY_SIZE)
            else:
                c.drawString(MARGIN_X, y, line)
            y -= LEADING
        c.showPage()
    c.save()
    return buf.getvalue()


def page_images(
    paras: list[str], *, dpi: int = 200, font_path: Path = SYSTEM_CJK_FONT, index: int = SYSTEM_CJK_INDEX
):
    """The paragraphs printed on A4 pages and scanned at dpi: one grayscale PIL image per page.

    The font defaults to the installed Noto Sans CJK SC; tests pass EMBEDDED_FONT (index 0), which
    needs no system font.
    """
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    font = ImageFont.truetype(str(font_path), round(BODY_SIZE * scale), index=index)
    small = ImageFont.truetype(str(font_path), round(FURNITURE_SIZE * scale), index=index)
    width = (A4[0] - 2 * MARGIN_X) * scale
    lines = wrap(paras, width, font.getlength)
    images = []
    for n, page in enumerate(paginate(lines), 1):
        img = Image.new("L", (round(A4[0] * scale), round(A4[1] * scale)), 255)
        draw = ImageDraw.Draw(img)
        draw.text((MARGIN_X * scale, 50 * scale), HEADER, font=small, fill=0, anchor="ls")
        draw.text((A4[0] / 2 * scale, (A4[1] - 40) * scale), f"- {n} -", font=small, fill=0, anchor="ms")
        y = MARGIN_TOP
        for line in page:
            draw.text((MARGIN_X * scale, y * scale), line, font=font, fill=0, anchor="ls")
            y += LEADING
        images.append(img)
    return images


def text_image(lines: list[str], *, size: float = 24.0, font_path: Path = EMBEDDED_FONT, index: int = 0):
    """A small white image with the lines printed in black, one under the other (a scanned slip)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), round(size), index=index)
    width = round(max(font.getlength(ln) for ln in lines) + 4 * size)
    # Near-square: the detector scales the shorter side up to 736 pixels, so a wide strip costs more.
    height = max(round((len(lines) + 1) * size * 1.8), width * 3 // 4)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    for k, ln in enumerate(lines):
        draw.text((2 * size, (k + 1) * size * 1.8), ln, font=font, fill=0, anchor="ls")
    return img


def sample_paras(path: Path) -> list[str]:
    """A sample's non-empty lines, stripped: its paragraphs."""
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
