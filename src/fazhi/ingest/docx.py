"""Word .docx via python-docx: body paragraphs and tables in document order, list numbers rendered."""

from __future__ import annotations

import io
import zipfile

from .base import RawDocument, ReadError
from .docxnum import Numbering

# A .docx whose parts unpack to more than this is refused before python-docx loads it into memory
# (real reports with photos stay well under 50 MB; zipfile never inflates past the declared sizes).
MAX_DOCX_UNPACKED = 256 * 1024 * 1024
# Separator between the cells of a table row; normalization keeps lines containing it unjoined.
CELL_SEP = " | "

CORRUPT = "docx 文件已损坏或不完整"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
SDT, SDT_CONTENT, TXBX = _W + "sdt", _W + "sdtContent", _W + "txbxContent"
_BREAKS = {_W + "br", _W + "cr"}
_TABS = {_W + "tab", _W + "ptab"}
# Subtrees whose text is not part of the visible document: properties (their w:tab are tab stops),
# tracked deletions, the old place of moved text, and the fallback copy of alternate content.
_SKIP = {_W + "pPr", _W + "rPr", _W + "del", _W + "moveFrom", _W + "sectPr", _MC + "Fallback"}
# Block-level wrappers whose children are paragraphs and tables.
_BLOCK_WRAPPERS = {_W + "customXml", _W + "ins", _W + "moveTo", SDT_CONTENT}


def read_docx(data: bytes, source: str, fmt: str = "docx") -> RawDocument:
    """Read a .docx file: paragraphs and table rows in document order."""
    import docx

    _check_size(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = Numbering.from_document(document)
    except ValueError as e:
        if "not a Word file" in str(e):
            raise ReadError(source, "不是 Word 文档（docx 内容类型不符）") from e
        raise ReadError(source, CORRUPT) from e
    except Exception as e:  # zipfile, lxml and python-docx raise many kinds for damaged packages
        raise ReadError(source, CORRUPT) from e
    lines: list[str] = []
    _blocks(body, lines, numbering)
    return RawDocument(source=source, text="\n".join(lines), format=fmt)


def _check_size(data: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except Exception as e:
        raise ReadError(source, CORRUPT) from e
    if unpacked > MAX_DOCX_UNPACKED:
        raise ReadError(source, f"docx 解压后超过 {MAX_DOCX_UNPACKED // 2**20} MB，疑似压缩炸弹，已拒绝")


def _blocks(container, out: list[str], numbering: Numbering | None) -> None:
    """Append the lines of the paragraphs and tables in a block container, in order."""
    for el in container:
        tag = el.tag
        if tag == P:
            _paragraph(el, out, numbering)
        elif tag == TBL:
            _table(el, out, numbering)
        elif tag == SDT:
            content = el.find(SDT_CONTENT)
            if content is not None:
                _blocks(content, out, numbering)
        elif tag in _BLOCK_WRAPPERS:
            _blocks(el, out, numbering)


def _paragraph(p, out: list[str], numbering: Numbering | None) -> None:
    buf: list[str] = []
    boxes: list[str] = []
    _inline(p, buf, boxes, numbering)
    text = "".join(buf)
    if numbering is not None and text.strip():
        text = numbering.label(p) + text
    out.extend(text.split("\n"))
    out.extend(boxes)


def _inline(el, buf: list[str], boxes: list[str], numbering: Numbering | None) -> None:
    """Collect the run text under a paragraph; text boxes go to `boxes` as lines of their own."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == T:
            buf.append(child.text or "")
        elif tag in _TABS:
            buf.append("\t")
        elif tag in _BREAKS:
            buf.append("\n")
        elif tag == _W + "noBreakHyphen":
            buf.append("-")
        elif tag == TXBX:
            _blocks(child, boxes, numbering)
        else:
            _inline(child, buf, boxes, numbering)


def _table(tbl, out: list[str], numbering: Numbering | None) -> None:
    """One line per row, cells joined by CELL_SEP; a cell's paragraphs (and nested tables) joined by spaces."""
    for tr in _children(tbl, TR):
        cells = []
        for tc in _children(tr, TC):
            lines: list[str] = []
            _blocks(tc, lines, numbering)
            cells.append(" ".join(ln.strip() for ln in lines if ln.strip()))
        if any(cells):
            out.append(CELL_SEP.join(cells))


def _children(el, tag: str):
    """Direct children with the tag, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, _W + "customXml"):
            yield from _children(child, tag)
