"""The same seed saved as .txt (UTF-8, GB18030), .docx and .pdf gives the same title, outline and parts."""

from __future__ import annotations

import pytest

import fazhi
from helpers import SEED_FILES

# Characters per PDF line: hard wraps as a PDF made from a Word file has them.
PDF_LINE = 40
PDF_LINES_PER_PAGE = 45


def _skeleton(r):
    return (
        None if r.title_inferred else r.title,  # an inferred title is the file name, which differs
        r.unit,
        r.year,
        [(s.level, s.number, s.title) for s in r.sections() if s.style != "ordinal"],
        {k: p.status for k, p in r.parts.items()},
    )


def _make_docx(text: str, path):
    import docx

    d = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            d.add_paragraph(line)
    d.save(path)


def _make_pdf(text: str, path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 11)
    y, n = 800, 0
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        for i in range(0, len(para), PDF_LINE):
            c.drawString(40, y, para[i : i + PDF_LINE])
            y -= 16
            n += 1
            if n % PDF_LINES_PER_PAGE == 0:
                c.showPage()
                c.setFont("STSong-Light", 11)
                y = 800
    c.save()


@pytest.mark.parametrize("seed_path", SEED_FILES, ids=lambda p: p.name[:3])
def test_same_skeleton_in_every_format(seed_path, tmp_path):
    text = seed_path.read_text(encoding="utf-8")
    ref = _skeleton(fazhi.analyze(seed_path))
    variants = {}
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    variants["gb18030"] = tmp_path / "gb.txt"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    variants["utf8-bom"] = tmp_path / "bom.txt"
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    variants["utf16"] = tmp_path / "u16.txt"
    _make_docx(text, tmp_path / "r.docx")
    variants["docx"] = tmp_path / "r.docx"
    _make_pdf(text, tmp_path / "r.pdf")
    variants["pdf"] = tmp_path / "r.pdf"
    for name, path in variants.items():
        got = _skeleton(fazhi.analyze(path))
        assert got == ref, f"{name} differs from the .txt"
