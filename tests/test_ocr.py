"""OCR of scanned reports (images, PDFs without a text layer): small pages, the engine loaded once."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from fazhi.ingest import iter_inputs, read_bytes
from fazhi.ingest.layout import boxes_for_span
from fazhi.ingest.sniff import detect_format
from typeset import EMBEDDED_FONT, text_image

# Our own two lines (characters the fixture font has), the second wrapped in the middle of a sentence.
LINES = ["全年办理行政复议案件12件，", "行政诉讼案件3件。"]


def png_bytes(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_fixture_font_has_the_test_characters():
    cmap = TTFont(str(EMBEDDED_FONT))["cmap"].getBestCmap()
    assert all(ord(ch) in cmap for ch in "".join(LINES))


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    """A folder with a broken JPEG and a good scan (PNG, upper-case suffix), walked: (folder, results)."""
    folder = tmp_path_factory.mktemp("scans")
    (folder / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(40))  # a JPEG header and nothing else
    (folder / "b扫描件.PNG").write_bytes(png_bytes(text_image(LINES)))
    return folder, list(iter_inputs([folder]))


def test_directory_walk_reads_images_and_reports_a_broken_one(walked):
    folder, results = walked
    assert len(results) == 2
    assert str(results[0]) == f"{folder / 'a.jpg'}: 图片无法读取（文件已损坏或格式不受支持）"
    assert results[1].source.endswith("b扫描件.PNG")


def test_scanned_image_is_read_in_order_with_boxes(walked):
    doc = walked[1][1]
    assert doc.format == "image"
    assert doc.text.split("\n") == LINES
    assert doc.meta["ocr"] and doc.meta["box_unit"] == "px" and doc.meta["pages"] == 1
    # Every character keeps its page and box; the second line's boxes lie below the first's.
    start = doc.text.index("行政诉讼")
    (first,) = boxes_for_span(doc.meta, 0, len(LINES[0]))
    (second,) = boxes_for_span(doc.meta, start, start + 4)
    assert first[0] == second[0] == 1
    assert second[2] > first[4] - 1  # top of the second line below the bottom of the first
    assert first[1] < second[3]


def test_pdf_without_text_layer_is_read_by_ocr():
    img = text_image(LINES)
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=96)
    doc = read_bytes(buf.getvalue(), "scan.pdf")
    assert doc.format == "pdf" and doc.meta["ocr"] and doc.meta["box_unit"] == "pt"
    assert "".join(doc.text.split()) == "".join(LINES)


def test_transparent_background_is_read_as_white():
    from fazhi.ingest.ocr import _flatten

    ink = text_image(LINES[:1])
    rgba = ink.convert("RGBA")
    rgba.putalpha(ink.point(lambda v: 255 - v))  # black ink on a fully transparent page
    page = _flatten(rgba)
    assert page.mode == "RGB" and page.getpixel((0, 0)) == (255, 255, 255)
    assert page.convert("L").getextrema()[0] < 64  # the ink is still there


def test_images_are_sniffed_by_content():
    data = png_bytes(text_image(LINES[:1]))
    assert detect_format(data, "报告.txt") == "image"
    assert detect_format(b"\xff\xd8\xff\xe0\x00\x10JFIF", "x") == "image"
    assert detect_format(b"II*\x00\x08\x00", "x") == "image"
    assert detect_format(b"BM" + bytes(4) + b"\x00\x00\x00\x00" + bytes(20), "x") == "image"
    assert detect_format("BM是某个缩写".encode(), "x.txt") == "text"
