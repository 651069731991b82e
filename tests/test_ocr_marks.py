"""Half-width or full-width punctuation on scans, decided from the ink (fazhi.ingest.ocr_marks)."""

from __future__ import annotations

import io

import numpy as np
import pytest

from fazhi.ingest import read_bytes
from fazhi.ingest.ocr_marks import FULL_MIN_BLANK, HALF_MAX_BLANK, final_mark_end, ink_runs, mark_width
from typeset import text_image

EM = 30  # pixels: the height of the synthetic lines' ink
# The ink of one character: (top, bottom) rows within the line.
SHAPES = {"char": (0, EM), "low": (20, EM), "tall": (2, EM - 1), "mid": (8, 26)}


def line(*parts):
    """A synthetic scanned line: a page (gray array), its quad, the recognised text and a box per
    character. parts alternate ("char", ink width, shape) and blank widths in pixels."""
    x, y0 = 10, 10
    page = np.full((EM + 2 * y0, 400), 255, dtype=np.uint8)
    text, boxes = "", []
    for part in parts:
        if isinstance(part, int):
            x += part
            continue
        ch, width, shape = part
        top, bottom = SHAPES[shape]
        page[y0 + top : y0 + bottom, x : x + width] = 0
        text += ch
        boxes.append([[x, y0], [x + width, y0], [x + width, y0 + EM], [x, y0 + EM]])
        x += width
    quad = [[10, y0], [x, y0], [x, y0 + EM], [10, y0 + EM]]
    return page, quad, text, boxes


def corrected(*parts) -> str:
    from fazhi.ingest.ocr_marks import correct_marks

    page, quad, text, boxes = line(*parts)
    return correct_marks(page, quad, text, boxes)


HAN = 27  # ink width of a Chinese character, pixels


def test_mark_width_thresholds():
    assert mark_width(0.1, 0.12) == "half"
    assert mark_width(0.1, HALF_MAX_BLANK) == "half"
    assert mark_width(0.1, 0.7) == "full"
    assert mark_width(0.8, 0.1) == "full"  # an opening bracket: the blank is before its ink
    assert mark_width(0.1, (HALF_MAX_BLANK + FULL_MIN_BLANK) / 2) is None  # unclear: left as read
    assert mark_width(None, 0.1) is None and mark_width(0.1, None) is None  # line start or end


def test_ink_runs():
    assert ink_runs([False, True, True, False, True]) == [(1, 3), (4, 5)]
    assert ink_runs([]) == []


def test_narrow_comma_read_full_width_becomes_ascii():
    assert corrected(("件", HAN, "char"), 3, ("，", 5, "low"), 3, ("办", HAN, "char")) == "件,办"


def test_full_width_comma_stays():
    assert corrected(("件", HAN, "char"), 3, ("，", 6, "low"), 22, ("办", HAN, "char")) == "件，办"


def test_full_width_ink_read_as_ascii_becomes_full_width():
    assert corrected(("件", HAN, "char"), 3, (",", 6, "low"), 22, ("办", HAN, "char")) == "件，办"


def test_unclear_blank_is_left_as_read():
    # 0.4 em after the comma: a compressed full-width mark or an ASCII comma and a space
    assert corrected(("件", HAN, "char"), 3, ("，", 5, "low"), 12, ("办", HAN, "char")) == "件，办"
    assert corrected(("件", HAN, "char"), 3, (",", 5, "low"), 12, ("办", HAN, "char")) == "件,办"


def test_mark_next_to_punctuation_or_at_line_end_is_left_as_read():
    narrow = (("”", 6, "mid"), 3, ("，", 5, "low"), 3, ("办", HAN, "char"))
    assert corrected(("件", HAN, "char"), 3, *narrow) == "件”，办"
    assert corrected(("件", HAN, "char"), 3, ("，", 5, "low")) == "件，"


def test_ink_of_another_shape_is_not_taken_for_the_mark():
    # the narrow ink under the comma's place spans the whole line: a stroke, not a comma
    assert corrected(("件", HAN, "char"), 3, ("，", 5, "char"), 3, ("办", HAN, "char")) == "件，办"


def test_brackets_of_a_pair_take_one_form():
    # the opening bracket starts the line (no blank to measure): it follows its narrow partner
    parts = (("（", 6, "tall"), 3, ("一", HAN, "char"), 3, ("）", 6, "tall"), 3, ("法", HAN, "char"))
    assert corrected(*parts) == "(一)法"
    full = (("（", 6, "tall"), 3, ("一", HAN, "char"), 3, ("）", 6, "tall"), 24, ("法", HAN, "char"))
    assert corrected(*full) == "（一）法"


def test_tilted_or_blank_lines_are_left_as_read():
    from fazhi.ingest.ocr_marks import correct_marks

    page, quad, text, boxes = line(("件", HAN, "char"), 3, ("，", 5, "low"), 3, ("办", HAN, "char"))
    tilted = [[quad[0][0], quad[0][1]], [quad[1][0], quad[1][1] + 5], quad[2], quad[3]]
    assert correct_marks(page, tilted, text, boxes) == text
    assert correct_marks(np.full_like(page, 255), quad, text, boxes) == text
    assert correct_marks(page, quad, text, boxes[:-1]) == text  # boxes do not match the characters


def test_final_mark_outside_the_box_is_found():
    page, quad, text, _ = line(("件", HAN, "char"), 3, ("。", 9, "low"))
    box = [quad[0], [quad[1][0] - 9, quad[1][1]], [quad[2][0] - 9, quad[2][1]], quad[3]]  # stops short
    assert final_mark_end(page, box, "件") == quad[1][0]
    assert final_mark_end(page, quad, "件") == quad[1][0]  # inside the box, not read
    assert final_mark_end(page, quad, "件。") is None  # read: nothing to do


def test_last_character_is_not_taken_for_a_final_mark():
    page, quad, text, _ = line(("件", HAN, "char"), 3, ("办", HAN, "char"))
    assert final_mark_end(page, quad, text) is None
    # ink after the box but too far from it (a table cell), or too wide for a mark
    page, quad, _, _ = line(("件", HAN, "char"), 40, ("办", HAN, "char"))
    assert final_mark_end(page, [quad[0], [40, 10], [40, 40], quad[3]], "件") is None
    page, quad, _, _ = line(("件", HAN, "char"), 3, ("办", HAN, "char"))
    assert final_mark_end(page, [quad[0], [40, 10], [40, 40], quad[3]], "件") is None


# Our own lines: the first typed with ASCII `,` `;` `(` `)`, the second with their full-width forms,
# the third ends with a `。` that the recogniser leaves out when the line's crop ends at its ink.
MIXED = [
    "复议案件12件,办结10件;诉讼案件(含调解)3件。",
    "复议案件5件，办结2件；诉讼案件（含调解）1件。",
    "办结率99%。",
]


@pytest.mark.parametrize("lines", [MIXED])
def test_scanned_ascii_and_full_width_marks_are_read_as_typed(lines):
    # regressions: the recogniser reads ASCII `,` `;` `(` of Chinese text as `，` `；` `（`, and drops
    # the `。` after `99%`
    buf = io.BytesIO()
    text_image(lines).save(buf, "PNG")
    doc = read_bytes(buf.getvalue(), "扫描件.png")
    assert doc.text.split("\n") == lines
