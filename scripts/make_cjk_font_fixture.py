"""Build tests/fixtures/cjk-subset.ttf: Noto Sans CJK SC cut down to the characters of samples/*.txt.

The PDF reader tests embed it (reportlab embeds TrueType only, so the CFF outlines are converted to
quadratic curves). Needs fonttools (dev extra) and the Debian package fonts-noto-cjk; run it again
after a sample changes: `python scripts/make_cjk_font_fixture.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_NAME = "Noto Sans CJK SC"
OUT = ROOT / "tests" / "fixtures" / "cjk-subset.ttf"
# Cubic-to-quadratic tolerance in font units (of 1000 per em): invisible at any test size.
MAX_ERR = 1.0
# Characters every rendering needs beyond the samples' own: ASCII, and the page-number furniture.
EXTRA = "".join(chr(c) for c in range(0x20, 0x7F)) + "—－第页共"


def sample_chars() -> str:
    """Every character of the samples, plus ASCII."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    return "".join(sorted(set(text + EXTRA) - set("\n\r\t")))


def main() -> int:
    """Write the subset font; print its size."""
    fonts = TTCollection(str(SOURCE)).fonts
    font = next(f for f in fonts if f["name"].getDebugName(1) == SOURCE_NAME)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep copyright and the OFL notice
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(text=sample_chars())
    sub.subset(font)
    _cff_to_glyf(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size // 1024} KB, {len(font.getGlyphOrder())} glyphs")
    return 0


def _cff_to_glyf(font) -> None:
    """Replace the CFF outlines with TrueType ones (what reportlab can embed)."""
    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphset)
        glyphset[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


if __name__ == "__main__":
    sys.exit(main())
