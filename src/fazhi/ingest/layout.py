"""Reading order from positioned characters: rows by baseline, segments split at wide gaps, columns.

Shared by the PDF text layer (pdfium's per-character data) and OCR (recognised lines). Coordinates are
page units with y growing downwards; a page's text comes back as lines, each character with its box,
so a span of the text can be mapped back to the page it was read from (`boxes_for_span`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

# Two characters sit on one row when their baselines differ by less than this share of the larger
# font size (sub- and superscripts and mixed font sizes on one line stay together).
ROW_TOLERANCE = 0.35
# Inside a row, a horizontal gap wider than this many font sizes starts a new segment (table cell,
# column): justified Chinese text has no gaps and Latin word spaces are about a third of that.
SEGMENT_GAP_EM = 2.0
# A vertical gutter makes columns only when at least this many rows have text on both sides of it...
MIN_SIDE_BY_SIDE_ROWS = 3
# ...and the segments on each side are at least this many font sizes wide on median: table cells are
# short (a number, a name); columns of a two-column page hold running text.
MIN_COLUMN_EM = 8.0


@dataclass(slots=True)
class Glyph:
    """One character on a page: its box (x0, top, x1, bottom), baseline y and font size."""

    ch: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float
    size: float

    def box(self, page: int) -> tuple[int, float, float, float, float]:
        """(page, x0, top, x1, bottom), rounded to a tenth of a unit."""
        return (page, round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1))


@dataclass(slots=True)
class Segment:
    """Characters of one row without a wide gap between them, left to right."""

    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def x0(self) -> float:
        """Left edge."""
        return min(g.x0 for g in self.glyphs)

    @property
    def x1(self) -> float:
        """Right edge."""
        return max(g.x1 for g in self.glyphs)

    @property
    def size(self) -> float:
        """The segment's (largest) font size."""
        return max(g.size for g in self.glyphs)

    @property
    def base(self) -> float:
        """The baseline of the segment's first glyph."""
        return self.glyphs[0].base


Row = list[Segment]


def rows_from_glyphs(glyphs: list[Glyph]) -> list[Row]:
    """Group glyphs into rows (top to bottom) and each row into segments (left to right)."""
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: g.base):
        if rows:
            last = rows[-1]
            ref = last[-1]
            if abs(g.base - ref.base) <= ROW_TOLERANCE * max(g.size, ref.size):
                last.append(g)
                continue
        rows.append([g])
    return [_split_row(sorted(r, key=lambda g: (g.x0, g.x1))) for r in rows]


def rows_from_segments(segments: list[Segment]) -> list[Row]:
    """Group ready-made segments (OCR lines) into rows by baseline, each row left to right."""
    rows: list[list[Segment]] = []
    for s in sorted(segments, key=lambda s: s.base):
        if rows and abs(s.base - rows[-1][-1].base) <= ROW_TOLERANCE * max(s.size, rows[-1][-1].size):
            rows[-1].append(s)
        else:
            rows.append([s])
    return [sorted(r, key=lambda s: s.x0) for r in rows]


def _split_row(glyphs: list[Glyph]) -> Row:
    segments = [Segment([glyphs[0]])]
    for g in glyphs[1:]:
        prev = segments[-1].glyphs[-1]
        if g.x0 - prev.x1 > SEGMENT_GAP_EM * max(g.size, prev.size) and not prev.ch.isspace():
            segments.append(Segment([g]))
        else:
            segments[-1].glyphs.append(g)
    return segments


def reading_order(rows: list[Row]) -> list[Row]:
    """Rows in reading order: side-by-side columns are read one after the other, left first."""
    out: list[Row] = []
    i = 0
    while i < len(rows):
        found = _column_run(rows, i)
        if found is None:
            out.append(rows[i])
            i += 1
            continue
        end, gutter = found
        left = [[s for s in r if s.x1 <= gutter] for r in rows[i:end]]
        right = [[s for s in r if s.x0 >= gutter] for r in rows[i:end]]
        out.extend(reading_order([r for r in left if r]))
        out.extend(reading_order([r for r in right if r]))
        i = end
    return out


def _column_run(rows: list[Row], start: int) -> tuple[int, float] | None:
    """(end, gutter x) when rows[start:end] form side-by-side columns split at the gutter."""
    row = rows[start]
    for a, b in zip(row, row[1:], strict=False):
        gutter = (a.x1 + b.x0) / 2
        end = start
        while end < len(rows) and not any(s.x0 < gutter < s.x1 for s in rows[end]):
            end += 1
        run = rows[start:end]
        both = sum(1 for r in run if r[0].x1 <= gutter <= r[-1].x0)
        if both < MIN_SIDE_BY_SIDE_ROWS:
            continue
        left = [(s.x1 - s.x0) / s.size for r in run for s in r if s.x1 <= gutter]
        right = [(s.x1 - s.x0) / s.size for r in run for s in r if s.x0 >= gutter]
        if median(left) >= MIN_COLUMN_EM and median(right) >= MIN_COLUMN_EM:
            return end, gutter
    return None


def row_text(row: Row) -> tuple[str, list[Glyph | None]]:
    """A row's text (segments joined by a space) and, for each of its characters, its glyph."""
    chars: list[str] = []
    glyphs: list[Glyph | None] = []
    for k, seg in enumerate(row):
        if k:
            chars.append(" ")
            glyphs.append(None)
        for g in seg.glyphs:
            chars.append(g.ch)
            glyphs.append(g)
    return "".join(chars), glyphs


def boxes_for_span(meta: dict, start: int, end: int) -> list[tuple[int, float, float, float, float]]:
    """The boxes (page, x0, top, x1, bottom) on the pages that raw text[start:end] was read from.

    One box per page and row: the union of the characters' boxes. Empty when the reader kept no boxes.
    """
    boxes = meta.get("char_boxes") or []
    out: dict[tuple[int, float], list[float]] = {}
    for b in boxes[start:end]:
        if b is None:
            continue
        page, x0, top, x1, bottom = b
        key = (page, bottom)
        cur = out.get(key)
        if cur is None:
            out[key] = [x0, top, x1, bottom]
        else:
            cur[0], cur[1], cur[2], cur[3] = (
                min(cur[0], x0),
                min(cur[1], top),
                max(cur[2], x1),
                max(cur[3], bottom),
            )
    return [(page, *box) for (page, _), box in out.items()]
