"""Read PDFs as on a machine without system fonts: `python tests/nofonts.py [--pdfium] FILE...`.

Installs an empty font list into pdfium (FPDF_SetSystemFontInfo) before anything is read, so fonts that
a PDF does not embed cannot be found, whatever the machine has installed; prints a JSON list with the
text of each file: fazhi's reader, or with --pdfium pdfium's own text page (the control showing that
the fonts are really hidden). Run as a subprocess: pdfium's font list is global to the process.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys

import pypdfium2 as pdfium
import pypdfium2.raw as c


def hide_system_fonts() -> object:
    """Give pdfium a system font interface that knows no fonts; keep the returned object alive."""
    fields = dict(c.FPDF_SYSFONTINFO._fields_)
    info = c.FPDF_SYSFONTINFO()
    info.version = 1
    callbacks = {
        "Release": lambda p: None,
        "EnumFonts": lambda p, mapper: None,
        "MapFont": lambda *args: None,
        "GetFont": lambda p, face: None,
        "GetFontData": lambda *args: 0,
        "GetFaceName": lambda *args: 0,
        "GetFontCharset": lambda p, font: 0,
        "DeleteFont": lambda p, font: None,
    }
    keep = []
    for name, fn in callbacks.items():
        cfn = fields[name](fn)
        keep.append(cfn)
        setattr(info, name, cfn)
    c.FPDF_SetSystemFontInfo(ctypes.byref(info))
    return info, keep


def main(argv: list[str]) -> int:
    """Print the texts of the PDFs named on the command line."""
    keep = hide_system_fonts()  # noqa: F841 - pdfium holds pointers into it
    raw = argv[:1] == ["--pdfium"]
    texts = []
    for path in argv[1:] if raw else argv:
        if raw:
            pdf = pdfium.PdfDocument(path)
            texts.append("".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
        else:
            from fazhi.ingest import read_path

            texts.append(read_path(path).text)
    json.dump(texts, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # Skip interpreter teardown: pdfium's exit hook calls back into the font interface after ctypes
    # may have freed the callbacks, which crashes the process now and then.
    os._exit(code)
