"""Writing results to disk and to spreadsheets: atomic files, formula-safe XLSX and CSV.

Used by the CLI (analysis outputs, the indicator tables) and by the workspace's exports alike.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Characters that make a spreadsheet read a text cell as a formula (CSV/XLSX injection): a unit name
# or a quote from an uploaded report must never run as one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DEFAULT_WIDTH = 14
# Rows written between two progress callbacks (a callback per row would cost more than the row).
PROGRESS_EVERY = 500

Sheet = tuple[str, list[str], list[list[Any]], list[int] | None]  # title, header, body, column widths


# Chinese reasons for the errors a user meets when writing results (others keep the system's text).
OS_REASONS = {
    errno.EACCES: "权限不足",
    errno.EPERM: "权限不足",
    errno.ENOENT: "上级目录不存在",
    errno.ENOTDIR: "路径中有一段是文件而不是目录",
    errno.EROFS: "只读文件系统",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已满",
    errno.EISDIR: "这是一个目录",
    errno.EEXIST: "已有同名文件",
}


def os_reason(e: OSError) -> str:
    """A short Chinese reason for an OSError (the system's text when there is none)."""
    return OS_REASONS.get(e.errno, e.strerror or str(e))


def _umask() -> int:
    """The process's umask (read by setting it and putting it back: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that it is either complete or absent (temporary file, then rename).

    The file gets the permissions a plain open() would give (0666 less the umask), not mkstemp's 0600:
    others, and a web server, must be able to read the results.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            os.fchmod(f.fileno(), 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def safe_text(v: Any) -> Any:
    """A cell value that a spreadsheet will not run as a formula (text gets a leading apostrophe)."""
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def csv_text(header: list[str], body: list[list[Any]]) -> str:
    """CSV text, formula-safe, with Excel's line ends (callers add a BOM so Excel reads UTF-8)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for line in body:
        w.writerow(["" if v is None else safe_text(v) for v in line])
    return buf.getvalue()


def xlsx_bytes(sheets: list[Sheet], on_rows: Callable[[int], None] | None = None) -> bytes:
    """An XLSX workbook, one sheet per (title, header, body, widths); text is never read as a formula.

    Written in openpyxl's write-only mode: rows stream out in order, so the time grows with the number of
    rows (a normal worksheet re-measures itself on every row). on_rows(n) is called as rows are written.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="EDEFF3")
    head_align = Alignment(vertical="center")
    for title, header, body, widths in sheets:
        ws = wb.create_sheet(title[:31])
        for i, w in enumerate(widths or [DEFAULT_WIDTH] * len(header), start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "A2"
        if body:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(body) + 1}"
        heads = []
        for h in header:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.fill, cell.alignment = head_font, head_fill, head_align
            heads.append(cell)
        ws.append(heads)
        for n, line in enumerate(body, start=1):
            ws.append([_text_cell(ws, v, WriteOnlyCell) for v in line])
            if on_rows is not None and n % PROGRESS_EVERY == 0:
                on_rows(PROGRESS_EVERY)
        if on_rows is not None:
            on_rows(len(body) % PROGRESS_EVERY)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _text_cell(ws, v: Any, cell_type) -> Any:
    """A value for a write-only row: text that openpyxl would store as a formula ("=…") is forced to text."""
    if isinstance(v, str) and v.startswith("="):
        cell = cell_type(ws, value=v)
        cell.data_type = "s"
        return cell
    return v
