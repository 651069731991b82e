"""OCR of scanned reports: images and PDF pages without a text layer, read by RapidOCR (PP-OCR, ONNX).

The detection, orientation and recognition models ship inside the rapidocr-onnxruntime wheel: nothing
is downloaded. The engine is loaded once per process, on first use. Recognised lines are put in
reading order and cleaned like a PDF text layer (page numbers, running headers); every character keeps
its page and box (meta["char_boxes"], in `meta["box_unit"]`: points for PDF pages, pixels for images).
"""

from __future__ import annotations

import io
import threading
import unicodedata
from statistics import fmean

from .base import RawDocument, ReadError
from .layout import Glyph, Segment, reading_order, rows_from_segments
from .ocr_marks import correct_marks, final_mark_end
from .pagelines import join_lines, line_from_row, strip_furniture

# PDF pages are rendered at this resolution for OCR: 12-point text is then 33 pixels high, well above
# what the recogniser needs (it scales lines to 48 pixels), and an A4 page (1654 x 2339) stays below
# the engine's own limit on the longer side (2000 after its resize), so nothing is shrunk twice.
PDF_OCR_DPI = 200
# The engine's long-side limit: larger images are scaled down before detection.
MAX_SIDE = 2339
# Scans larger than this many pixels are refused (Pillow's bomb guard is at about 89 million):
# an A0 poster at 300 dpi, not a page of a report.
MAX_PIXELS = 120_000_000
# Recognised lines with a lower confidence are dropped: below it PP-OCR mostly reads stains and seals.
MIN_LINE_SCORE = 0.5

# PP-OCR's per-line orientation classifier turns lines it takes for upside down (photos of signs).
# On scanned pages the lines are upright, and it flipped a line dense with ASCII commas, which was
# then lost (bench_ocr, sample 003): it stays off.
USE_LINE_CLASSIFIER = False

# A line read again for a final mark gets this much blank paper (in line heights) after it: the
# recogniser reads a last mark only with some margin after its ink.
FINAL_MARK_PAD = 0.5

UNREADABLE_IMAGE = "图片无法读取（文件已损坏或格式不受支持）"
NO_TEXT = "OCR 未识别出文字"
NO_ENGINE = "无法进行文字识别（OCR 组件 rapidocr-onnxruntime 未安装）"

_engine = None
_engine_lock = threading.Lock()


def engine():
    """The OCR engine, created on first use and shared (creating it loads three models: about a second)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR(max_side_len=MAX_SIDE)
        return _engine


def read_image(data: bytes, source: str) -> RawDocument:
    """OCR a scanned page (JPEG, PNG, BMP) or every page of a TIFF."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
        if img.width * img.height > MAX_PIXELS:
            raise ReadError(source, f"图片过大（{img.width}×{img.height} 像素）")
        pages = [_flatten(frame) for frame in ImageSequence.Iterator(img)]
    except ReadError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as e:
        raise ReadError(source, UNREADABLE_IMAGE) from e
    doc = ocr_pages(pages, source, scale=1.0, fmt="image")
    doc.meta["box_unit"] = "px"
    return doc


def _flatten(frame):
    """A page as RGB: turned upright by its EXIF orientation (phone photos), transparency on white."""
    from PIL import Image, ImageOps

    frame = ImageOps.exif_transpose(frame)
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        page = Image.new("RGB", rgba.size, "white")
        page.paste(rgba, mask=rgba.getchannel("A"))
        return page
    return frame.convert("RGB")


def read_scanned_pdf(pdf, source: str) -> RawDocument:
    """OCR every page of an open pypdfium2 document rendered at PDF_OCR_DPI."""
    scale = PDF_OCR_DPI / 72
    pages = []
    for i in range(len(pdf)):
        page = pdf[i]
        try:
            pages.append(page.render(scale=scale, grayscale=True).to_pil().convert("RGB"))
        finally:
            page.close()
    doc = ocr_pages(pages, source, scale=scale, fmt="pdf")
    doc.meta["box_unit"] = "pt"
    return doc


def ocr_pages(images: list, source: str, *, scale: float, fmt: str) -> RawDocument:
    """OCR page images (PIL) into one document; boxes are divided by scale (pixels per unit)."""
    try:
        ocr = engine()
    except ImportError as e:
        raise ReadError(source, NO_ENGINE) from e
    pages, scores = [], []
    for n, img in enumerate(images, 1):
        segments, page_scores = _page_segments(ocr, img, scale)
        scores += page_scores
        rows = reading_order(rows_from_segments(segments))
        pages.append([line_from_row(row, n) for row in rows])
    chars = [sum(1 for ln in p for ch in ln.text if not ch.isspace()) for p in pages]
    if not sum(chars):
        raise ReadError(source, NO_TEXT)
    text, boxes = join_lines([ln for p in strip_furniture(pages) for ln in p])
    meta = {
        "pages": len(pages),
        "pages_without_text": sum(1 for c in chars if c == 0),
        "ocr": True,
        "ocr_confidence": round(fmean(scores), 4) if scores else None,
        "char_boxes": boxes,
    }
    return RawDocument(source=source, text=text, format=fmt, meta=meta)


def _page_segments(ocr, img, scale: float) -> tuple[list[Segment], list[float]]:
    import numpy as np

    pixels = np.asarray(img)
    result, _ = ocr(pixels, use_cls=USE_LINE_CLASSIFIER, return_word_box=True)
    gray = np.asarray(img.convert("L"))
    segments, scores = [], []
    for item in result or []:
        quad, text, score = item[0], item[1], float(item[2])
        if score < MIN_LINE_SCORE or not text.strip():
            continue
        word_boxes = item[3] if len(item) > 3 else None
        end = final_mark_end(gray, quad, text)
        if end is not None:
            quad, text, word_boxes = _with_final_mark(ocr, pixels, quad, text, word_boxes, end)
        text = correct_marks(gray, quad, text, word_boxes)
        glyphs = _glyphs(quad, text, word_boxes, scale)
        if glyphs:
            segments.append(Segment(glyphs))
            scores.append(score)
    return segments, scores


def _with_final_mark(ocr, pixels, quad, text: str, word_boxes, end: int):
    """The line read again up to x = end with blank paper after it, when the recogniser may have left
    out a final mark: (quad, text, word boxes) with the mark added; as they were unless the new reading
    is the old one followed by punctuation only."""
    import numpy as np

    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    x0, x1, y0, y1 = int(min(xs)), int(max(xs)), int(min(ys)), int(max(ys)) + 1
    crop = pixels[max(y0, 0) : y1, max(x0, 0) : end]
    pad = [(0, 0), (0, max(1, round(FINAL_MARK_PAD * (y1 - y0))))] + [(0, 0)] * (crop.ndim - 2)
    result, _ = ocr(np.pad(crop, pad, constant_values=255), use_det=False, use_cls=False, use_rec=True)
    if not result:
        return quad, text, word_boxes
    new, score = result[0][0], float(result[0][1])
    added = new[len(text) :] if new.startswith(text) else ""
    if not added or score < MIN_LINE_SCORE or not all(unicodedata.category(ch)[0] == "P" for ch in added):
        return quad, text, word_boxes
    right = max(end, x1)
    quad = [[x0, y0], [right, y0], [right, y1 - 1], [x0, y1 - 1]]
    if word_boxes:
        # the added marks share the last half line height before end (their ink is there)
        left = max(end - (y1 - y0) / 2, x0)
        step = (end - left) / len(added)
        word_boxes = list(word_boxes) + [
            [
                [left + k * step, y0],
                [left + (k + 1) * step, y0],
                [left + (k + 1) * step, y1 - 1],
                [left + k * step, y1 - 1],
            ]
            for k in range(len(added))
        ]
    return quad, new, word_boxes


def _glyphs(quad, text: str, word_boxes, scale: float) -> list[Glyph]:
    """A recognised line's characters, each with its box: the engine's per-character boxes when it
    gives one per non-blank character, else the line's box divided evenly."""
    xs = [p[0] for p in quad]
    ys = [p[1] for p in quad]
    x0, x1, top, bottom = min(xs) / scale, max(xs) / scale, min(ys) / scale, max(ys) / scale
    size = max(bottom - top, 1.0)
    visible = [i for i, ch in enumerate(text) if not ch.isspace()]
    per_char = None
    if word_boxes and len(word_boxes) == len(visible):
        per_char = {i: b for i, b in zip(visible, word_boxes, strict=True)}
    step = (x1 - x0) / max(len(text), 1)
    out = []
    for i, ch in enumerate(text):
        if per_char and i in per_char:
            bx = [p[0] / scale for p in per_char[i]]
            cx0, cx1 = min(bx), max(bx)
        else:
            cx0, cx1 = x0 + i * step, x0 + (i + 1) * step
        out.append(Glyph(ch, cx0, top, cx1, bottom, bottom, size))
    return out
