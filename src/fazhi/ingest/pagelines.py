"""Lines of text pages (a PDF's text layer or OCR'd page images): page furniture stripped, joined into text.

Shared by the PDF reader and the OCR reader; each character keeps its box on its page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .layout import row_text

# Running headers/footers are only looked for in documents with at least this many pages, and a line
# counts as one when it opens (or closes) at least this share of the pages.
RUNNING_MIN_PAGES = 3
RUNNING_SHARE = 0.5
# A bare number closing a page is taken for its page number when it lies between the page's index
# minus this much (covers and contents pages are often unnumbered) and the index itself.
PAGE_NUMBER_SLACK = 3

_DASH = r"[-－—–‐‑―~～]"
# `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共10页`: page numbers standing alone on a line, dropped anywhere.
PAGE_NUMBER_RE = re.compile(
    rf"^\s*(?:{_DASH}+\s*\d{{1,4}}\s*{_DASH}+|第\s*\d{{1,4}}\s*页(?:\s*[,，、/]?\s*共\s*\d{{1,4}}\s*页)?)\s*$"
)
# `3` or `3/10` alone: a page number only as a page's first or last line (elsewhere it may be a table cell).
_EDGE_NUMBER_RE = re.compile(r"^\s*(\d{1,4})(?:\s*/\s*\d{1,4})?\s*$")
_DIGITS_RE = re.compile(r"\d+")


@dataclass(slots=True)
class Line:
    """One line of a page: its text and, for each character, (page, x0, top, x1, bottom) or None."""

    text: str
    boxes: list


def _strip_page_numbers(lines: list[Line], page_no: int) -> list[Line]:
    """Drop page-number lines; a bare number only as the page's first or last line."""
    lines = [ln for ln in lines if not PAGE_NUMBER_RE.match(ln.text)]
    for idx in (-1, 0):
        nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()]
        if not nonblank:
            break
        i = nonblank[idx]
        m = _EDGE_NUMBER_RE.match(lines[i].text)
        if m and page_no - PAGE_NUMBER_SLACK <= int(m.group(1)) <= page_no:
            del lines[i]
    return lines


def _strip_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
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
            nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()]
            if nonblank and _edge_key(lines, edge) == key:
                del lines[nonblank[edge]]
    return pages


def _edge_key(lines: list[Line], edge: int) -> str | None:
    nonblank = [ln.text for ln in lines if ln.text.strip()]
    if not nonblank:
        return None
    return _DIGITS_RE.sub("#", "".join(nonblank[edge].split()))


def strip_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without their page-number lines and running headers and footers."""
    return _strip_running_lines([_strip_page_numbers(p, i + 1) for i, p in enumerate(pages)])


def join_lines(lines: list[Line]) -> tuple[str, list]:
    """The text of lines joined by newlines, with each character's box (None for the newlines)."""
    parts: list[str] = []
    boxes: list = []
    for k, ln in enumerate(lines):
        if k:
            parts.append("\n")
            boxes.append(None)
        parts.append(ln.text)
        boxes.extend(ln.boxes)
    return "".join(parts), boxes


def line_from_row(row, page_no: int) -> Line:
    """A row of glyphs as a Line, each character with its box on page page_no."""
    text, glyphs = row_text(row)
    return Line(text, [g.box(page_no) if g is not None else None for g in glyphs])
