"""Readers: one per format, chosen by content as well as suffix; directories and zips are walked.

Formats: plain text (UTF-8/UTF-16/GB18030), HTML and saved web archives (trafilatura), .docx
(python-docx), PDF text layers (pypdfium2), .doc/.wps/RTF via LibreOffice, and .zip archives read in
memory. Every failure is a ReadError whose str() is one line `source: 原因`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .archive import iter_zip, walk_dir
from .base import RawDocument, ReadError
from .dispatch import read_document, try_read
from .sniff import ZIP, detect_format

__all__ = ["RawDocument", "ReadError", "read_bytes", "read_path", "iter_inputs", "iter_bytes"]

# Files larger than this are refused before being read into memory: a report, even a scanned PDF or
# a zip of a year's reports, is far smaller; a bigger file is a mistake (a video, a disk image).
MAX_FILE_BYTES = 512 * 1024 * 1024
NOT_FOUND = "文件不存在"


def read_bytes(data: bytes, source: str) -> RawDocument:
    """Read one document from its bytes; `source` names it in messages."""
    if detect_format(data, source) != ZIP:
        return read_document(data, source)
    results = list(iter_zip(data, source))
    if len(results) == 1:
        if isinstance(results[0], ReadError):
            raise results[0]
        return results[0]
    if not results:
        raise ReadError(source, "压缩包中没有可读取的报告文件")
    raise ReadError(source, f"压缩包中有 {len(results)} 个文件，请用 iter_inputs 逐个读取")


def iter_bytes(data: bytes, source: str) -> Iterator[tuple[bytes, RawDocument | ReadError]]:
    """Every report in an uploaded file (a zip gives one per member), with the original bytes of each."""
    if detect_format(data, source) != ZIP:
        yield data, try_read(data, source)
        return
    for item in iter_zip(data, source):
        if isinstance(item, RawDocument):
            yield item.meta.get("original", b""), item
        else:
            yield b"", item


def read_path(path: str | Path) -> RawDocument:
    """Read one file from disk."""
    p = Path(path)
    if p.is_dir():
        raise ReadError(str(p), "这是一个目录，请用 iter_inputs 读取")
    return read_bytes(_load(p), str(p))


def iter_inputs(paths: Iterable[str | Path] | str | Path) -> Iterator[RawDocument | ReadError]:
    """Yield a RawDocument or a ReadError for every report under the given paths."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for item in walk_dir(p):
                if isinstance(item, ReadError):
                    yield item
                else:
                    yield from _iter_file(item)
        else:
            yield from _iter_file(p)


def _iter_file(p: Path) -> Iterator[RawDocument | ReadError]:
    source = str(p)
    try:
        data = _load(p)
    except ReadError as e:
        yield e
        return
    if detect_format(data, source) != ZIP:
        yield try_read(data, source)
        return
    try:
        yield from iter_zip(data, source)
    except Exception as e:  # iter_zip reports bad members itself; this is the last line of defence
        yield ReadError(source, f"读取压缩包失败（{type(e).__name__}: {e}）")


def _load(p: Path) -> bytes:
    """The bytes of a file, with missing, unreadable and oversized files as ReadError."""
    try:
        size = p.stat().st_size
    except (FileNotFoundError, NotADirectoryError) as e:
        raise ReadError(str(p), NOT_FOUND) from e
    except OSError as e:
        raise ReadError(str(p), f"无法读取文件（{e.strerror or e}）") from e
    if size > MAX_FILE_BYTES:
        raise ReadError(str(p), f"文件过大（{size // 2**20} MB，上限 {MAX_FILE_BYTES // 2**20} MB）")
    try:
        return p.read_bytes()
    except FileNotFoundError as e:
        raise ReadError(str(p), NOT_FOUND) from e
    except OSError as e:
        raise ReadError(str(p), f"无法读取文件（{e.strerror or e}）") from e
