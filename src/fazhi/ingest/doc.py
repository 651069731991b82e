"""Old Word .doc, WPS .wps, RTF and ODT: converted to .docx by LibreOffice headless, then read as docx."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .base import RawDocument, ReadError
from .docx import read_docx
from .sniff import suffix_of

# LibreOffice needs a few seconds to start and convert a report; a file that takes longer than this
# is stuck (a damaged file can make it loop), and the whole batch must not wait for it.
CONVERT_TIMEOUT_S = 120
NEED_LIBREOFFICE = "读取 .doc/.wps 需要安装 LibreOffice"
_FORMATS = {"doc", "wps", "rtf", "odt"}


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, source: str) -> RawDocument:
    """Read a .doc/.wps (or RTF/ODT) file by converting it to .docx with LibreOffice."""
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(source, NEED_LIBREOFFICE)
    fmt = suffix_of(source).lstrip(".")
    suffix = _input_suffix(data)
    if fmt not in _FORMATS:
        fmt = suffix.lstrip(".")
    with tempfile.TemporaryDirectory(prefix="fazhi-doc-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        outdir = Path(tmp) / "out"
        cmd = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            # A private profile: a LibreOffice already running for the user would otherwise take the
            # job over and the conversion would silently produce nothing.
            f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(src),
        ]
        _run(cmd, source)
        out = outdir / "input.docx"
        if not out.is_file():
            raise ReadError(source, "LibreOffice 无法转换该文件（可能已损坏）")
        doc = read_docx(out.read_bytes(), source, fmt=fmt)
    return RawDocument(source=source, text=doc.text, format=fmt, meta={"converted_by": "libreoffice"})


def _input_suffix(data: bytes) -> str:
    """The input suffix LibreOffice is shown, chosen from the content."""
    # The name steers LibreOffice's choice of import filter, and `.wps` may be taken for Microsoft Works,
    # while a WPS 文字 .wps file is Word's binary format inside.
    if data.startswith(b"PK"):
        return ".odt"
    if data.lstrip().startswith(b"{\\rtf"):
        return ".rtf"
    return ".doc"


def _run(cmd: list[str], source: str) -> None:
    """Run LibreOffice in its own process group, so a timeout ends its helper processes too."""
    try:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as e:
        raise ReadError(source, f"无法启动 LibreOffice（{e.strerror or e}）") from e
    try:
        proc.wait(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired as e:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        raise ReadError(source, f"LibreOffice 转换超时（超过 {CONVERT_TIMEOUT_S} 秒）") from e
