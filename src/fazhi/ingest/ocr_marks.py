"""Half-width or full-width punctuation of a scanned line, decided from the ink of the page.

PP-OCR's recogniser reads most ASCII commas, brackets and semicolons of Chinese text as their
full-width forms (`,` → `，`), so a report typed with ASCII punctuation looks clean on a scan. The page
image still shows the difference: a full-width mark fills a whole em cell, its ink in one part of the
cell and a blank of about half an em or more beside it before the next character's ink; an ASCII mark
is narrow, with a small blank on both sides. For each mark the recogniser returned, the column
projection of the line's dark pixels gives the blanks on its left and right, in ems (the height of the
line's ink); the mark is then set to the form its width shows, or left as read when the evidence is
unclear (precision first: a comma wrongly made ASCII is a false PU001 finding on a correct report).
"""

from __future__ import annotations

import unicodedata

# Marks decided here, full-width → ASCII (and back).
FULL_TO_HALF = {"，": ",", "（": "(", "）": ")", "；": ";", "：": ":", "！": "!", "？": "?"}
HALF_TO_FULL = {v: k for k, v in FULL_TO_HALF.items()}
OPENING, CLOSING = "（(", "）)"
# Shapes, checked so that the ink found is the mark's and not a narrow stroke of a neighbour.
LOW_MARKS = "，,"  # ink in the lower part of the line
TALL_MARKS = "（）()"  # ink over most of the line's height

# A mark is ASCII when the blanks on both sides of its ink are at most this many ems. Measured on
# Noto Sans CJK pages scanned at 200 dpi (bench_ocr): blanks beside ASCII `, ( ) ;` between Chinese
# characters are 0.08–0.31 em (the larger ones beside characters with wide side bearings, such as 日);
# a full-width mark has 0.61–1.5 em on its open side. A full-width mark compressed to half an em by a
# typesetter would leave about 0.3–0.4 em: such marks stand next to other punctuation, which is
# excluded below, and the limit stays under them.
HALF_MAX_BLANK = 0.32
# A mark is full-width when the blank on one side is at least this many ems. An ASCII comma followed
# by a space leaves about 0.4–0.45 em (from the glyph widths, not measured), below this limit; in
# between the mark is left as read.
FULL_MIN_BLANK = 0.55
# The mark's ink is at most this wide (a full-width comma's ink is about 0.2 em, a bracket's 0.25):
# wider ink is a character, or a mark touching its neighbour.
MAX_MARK_INK = 0.4
# The ink taken for the mark lies within this many ems of where the recogniser placed the character.
MAX_OFFSET = 0.45
# A comma's ink starts below this share of the line's ink height; a bracket's covers at least
# TALL_SHARE of it, any other mark at least MID_SHARE (colon, semicolon, ! and ? are not dots).
LOW_TOP_SHARE = 0.4
TALL_SHARE = 0.6
MID_SHARE = 0.3
# A column (or row) holds ink when at least this many of its pixels are dark: lone specks of a
# scan do not split a blank in two.
MIN_DARK_PIXELS = 2
# A line whose darkest and lightest pixels differ by less than this (of 255) has no ink to measure.
MIN_CONTRAST = 64
# The recogniser drops a small final mark (`。` `、` `，`) when the line's crop ends at its ink, and
# the detector's box sometimes stops short of it. Such a line is read again up to the mark with blank
# paper after it (ocr._with_final_mark). Ink to the right of the box that starts within TRAIL_MAX_GAP
# ems of its end, no wider than a mark (MAX_MARK_INK), with no more ink for TRAIL_CLEAR ems after it,
# is a mark left out (a table cell or the next column stands further away)...
TRAIL_MAX_GAP = 0.5
TRAIL_CLEAR = 1.0
# ...and so is a last piece of ink inside the box, set apart from the rest, no wider than a mark
# (MAX_MARK_INK) and lower than this share of the line's ink height, when the text read does not end
# with punctuation (every Chinese character's last column of strokes is taller).
FINAL_MARK_HEIGHT = 0.5
# Marks that end a line of running text: a line read as ending with one has lost nothing.
END_MARKS = "。，、；：！？.,;:!?"
# Lines whose ink is fewer pixels high than this are too small to measure blanks in ems.
MIN_EM_PIXELS = 8
# Lines tilted by more than this slope (about 1.1 degrees) are left as read: their columns mix.
MAX_SLOPE = 0.02


def mark_width(left: float | None, right: float | None) -> str | None:
    """The width a mark shows: "half", "full" or None (unclear), from the blanks (ems) beside its ink."""
    if left is None or right is None:
        return None
    if max(left, right) <= HALF_MAX_BLANK:
        return "half"
    if max(left, right) >= FULL_MIN_BLANK:
        return "full"
    return None


def ink_runs(columns) -> list[tuple[int, int]]:
    """The (start, end) of each run of True in a sequence of booleans."""
    runs, start = [], None
    for x, v in enumerate(columns):
        if v and start is None:
            start = x
        elif not v and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, len(columns)))
    return runs


def _plain(ch: str) -> bool:
    """A letter or digit (Chinese characters included): not punctuation, not a space."""
    return bool(ch) and unicodedata.category(ch)[0] in "LN"


def _shape_fits(mark: str, dark, start: int, end: int, top: int, em: int) -> bool:
    """Whether the ink between columns start and end has the shape of the mark."""
    import numpy as np

    rows = np.flatnonzero(dark[:, start:end].sum(axis=1) > 0)
    if rows.size == 0:
        return False
    ink_top, height = rows[0] - top, rows[-1] + 1 - rows[0]
    if mark in LOW_MARKS:
        return ink_top >= LOW_TOP_SHARE * em
    return height >= (TALL_SHARE if mark in TALL_MARKS else MID_SHARE) * em


def _decide(text, visible, word_boxes, dark, x0, top, em, runs) -> dict[int, str | None]:
    """Each mark's decision by index in text (None: unclear)."""
    out = {}
    for k, i in enumerate(visible):
        mark = text[i]
        if mark not in FULL_TO_HALF and mark not in HALF_TO_FULL:
            continue
        out[i] = None
        neighbours = (text[i - 1] if i else "", text[i + 1] if i + 1 < len(text) else "")
        if not all(_plain(ch) for ch in neighbours):
            continue  # line end, or next to punctuation (where typesetters compress full-width marks)
        center = sum(p[0] for p in word_boxes[k]) / len(word_boxes[k]) - x0
        r = min(range(len(runs)), key=lambda j: abs(sum(runs[j]) / 2 - center))
        start, end = runs[r]
        if (
            not 0 < r < len(runs) - 1
            or abs((start + end) / 2 - center) > MAX_OFFSET * em
            or end - start > MAX_MARK_INK * em
            or not _shape_fits(mark, dark, start, end, top, em)
        ):
            continue
        out[i] = mark_width((start - runs[r - 1][1]) / em, (runs[r + 1][0] - end) / em)
    return out


def _pair_brackets(text: str, decided: dict[int, str | None]) -> None:
    """A bracket pair of one line takes one form: an unclear bracket follows its decided partner;
    partners decided differently are both left as read."""
    stack = []
    for i, ch in enumerate(text):
        if ch in OPENING:
            stack.append(i)
        elif ch in CLOSING and stack:
            o = stack.pop()
            a, b = decided.get(o), decided.get(i)
            if a is None or b is None:
                decided[o] = decided[i] = a or b
            elif a != b:
                decided[o] = decided[i] = None


def _line_ink(page, quad):
    """The line's box on the page, its dark pixels and ink: (x0, x1, y0, y1, dark, threshold, top, em),
    or None for a tilted, blank or tiny line."""
    import numpy as np

    (ax, ay), (bx, by) = quad[0][:2], quad[1][:2]
    if bx <= ax or abs(by - ay) > MAX_SLOPE * (bx - ax):
        return None
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    x0, x1 = max(int(min(xs)), 0), min(int(max(xs)) + 1, page.shape[1])
    y0, y1 = max(int(min(ys)), 0), min(int(max(ys)) + 1, page.shape[0])
    crop = page[y0:y1, x0:x1]
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < MIN_CONTRAST:
        return None
    threshold = (int(crop.max()) + int(crop.min())) / 2
    dark = crop < threshold
    rows = np.flatnonzero(dark.sum(axis=1) >= MIN_DARK_PIXELS)
    if rows.size == 0 or rows[-1] + 1 - rows[0] < MIN_EM_PIXELS:
        return None
    return x0, x1, y0, y1, dark, threshold, int(rows[0]), int(rows[-1] + 1 - rows[0])


def final_mark_end(page, quad, text: str) -> int | None:
    """The right end (page x) of a final mark the recogniser may have left out of the line, or None."""
    import numpy as np

    line = _line_ink(page, quad)
    if line is None or not text or text[-1] in END_MARKS:
        return None
    x0, x1, y0, y1, dark, threshold, _, em = line
    window = page[y0:y1, x1 : x1 + int((TRAIL_MAX_GAP + MAX_MARK_INK + TRAIL_CLEAR) * em)] < threshold
    ink = np.flatnonzero(window.sum(axis=0) >= MIN_DARK_PIXELS)
    if ink.size:
        if ink[0] > TRAIL_MAX_GAP * em or ink[-1] - ink[0] > MAX_MARK_INK * em:
            return None
        return x1 + int(ink[-1]) + 1
    runs = ink_runs(dark.sum(axis=0) >= MIN_DARK_PIXELS)
    if len(runs) < 2:
        return None
    start, end = runs[-1]
    rows = np.flatnonzero(dark[:, start:end].sum(axis=1) > 0)
    if end - start > MAX_MARK_INK * em or rows[-1] + 1 - rows[0] > FINAL_MARK_HEIGHT * em:
        return None
    return x0 + end


def correct_marks(page, quad, text: str, word_boxes) -> str:
    """The recognised line with each punctuation mark in the width its ink shows (page: grayscale
    array; quad: the line's corners; word_boxes: one box per non-blank character, or None)."""
    visible = [i for i, ch in enumerate(text) if not ch.isspace()]
    if not word_boxes or len(word_boxes) != len(visible):
        return text
    if not any(ch in FULL_TO_HALF or ch in HALF_TO_FULL for ch in text):
        return text
    line = _line_ink(page, quad)
    if line is None:
        return text
    x0, _, _, _, dark, _, top, em = line
    runs = ink_runs(dark.sum(axis=0) >= MIN_DARK_PIXELS)
    if len(runs) < 3:
        return text
    decided = _decide(text, visible, word_boxes, dark, x0, top, em, runs)
    _pair_brackets(text, decided)
    chars = list(text)
    for i, width in decided.items():
        if width == "half":
            chars[i] = FULL_TO_HALF.get(chars[i], chars[i])
        elif width == "full":
            chars[i] = HALF_TO_FULL.get(chars[i], chars[i])
    return "".join(chars)
