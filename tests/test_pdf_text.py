"""The PDF reader loses nothing: every sample typeset as a PDF reads back character for character.

Each sample is typeset with reportlab's STSong-Light (a CID font that is not embedded: pdfium must find
a system font or do without) and with an embedded subset of Noto Sans CJK, and read with the machine's
fonts and again with pdfium's font list emptied (tests/nofonts.py), as on a machine without CJK fonts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fazhi.ingest import read_path
from helpers import SAMPLES, SEED_FILES, squash
from typeset import HEADER, pdf_bytes, sample_paras

TESTS = Path(__file__).resolve().parent
FONTS = {"not-embedded": False, "embedded": True}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """(sample name, font) → the typeset PDF."""
    out = {}
    folder = tmp_path_factory.mktemp("typeset")
    for sample in SEED_FILES:
        paras = sample_paras(sample)
        for font, embed in FONTS.items():
            path = folder / f"{sample.stem}-{font}.pdf"
            path.write_bytes(pdf_bytes(paras, embed=embed))
            out[sample.name, font] = path
    return out


def expected(sample_name: str) -> str:
    return squash((SAMPLES / sample_name).read_text(encoding="utf-8"))


def run_without_fonts(paths: list[Path], *args: str) -> list[str]:
    cmd = [sys.executable, str(TESTS / "nofonts.py"), *args, *map(str, paths)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("sample", [p.name for p in SEED_FILES])
def test_every_character_read_back_in_order(pdfs, sample, font):
    doc = read_path(pdfs[sample, font])
    assert squash(doc.text) == expected(sample)
    assert HEADER not in doc.text and "- 1 -" not in doc.text
    boxes = doc.meta["char_boxes"]
    assert len(boxes) == len(doc.text)
    pairs = list(zip(doc.text, boxes, strict=True))
    assert all(b is not None for ch, b in pairs if not ch.isspace())  # every character keeps its box
    assert all(b is None for ch, b in pairs if ch == "\n")


def test_every_character_read_back_without_system_fonts(pdfs):
    # Regression: on a machine without CJK fonts a lone `。` ending a paragraph (a one-character text
    # object whose glyph pdfium could not measure) was dropped from the text layer.
    keys = sorted(pdfs)
    texts = run_without_fonts([pdfs[k] for k in keys])
    for (sample, font), text in zip(keys, texts, strict=True):
        assert squash(text) == expected(sample), (sample, font)


def test_pdf_placing_every_character_alone_without_system_fonts(tmp_path):
    # pdfium's own text page, with the fonts hidden, loses every CJK character drawn as a text object of
    # its own (the control: the fonts really are hidden); the reader keeps all of them, in order.
    paras = sample_paras(SEED_FILES[0])[:8]
    path = tmp_path / "per-char.pdf"
    path.write_bytes(pdf_bytes(paras, embed=False, per_char=True))
    (pdfium_text,) = run_without_fonts([path], "--pdfium")
    (reader_text,) = run_without_fonts([path])
    assert len(squash(pdfium_text)) < len(squash("".join(paras))) / 2
    # One page: the header is not a running header yet; the page number goes.
    assert squash(reader_text) == squash(HEADER + "".join(paras))
    assert read_path(path).text == reader_text  # with the machine's fonts: the same lines
