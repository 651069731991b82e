"""Directories (walked recursively) and .zip archives (read in memory, never extracted to disk)."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..sources import member_source
from .base import RawDocument, ReadError
from .dispatch import try_read
from .sniff import REPORT_SUFFIXES, ZIP, detect_format

# Limits against zip bombs and runaway archives. A batch of reports is tens of files of at most tens of
# MB (a scanned PDF); anything far beyond is an attack or a mistake, and must cost one error line only.
MAX_ZIP_MEMBERS = 1000  # entries in one archive, directories included
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one member, uncompressed
MAX_ARCHIVE_BYTES = 512 * 1024 * 1024  # all members of one archive together, nested archives included
MAX_ZIP_DEPTH = 1  # a zip inside a zip is read; a zip inside that is not
READ_CHUNK = 1024 * 1024  # members are inflated in chunks of this size, counting as they come

_HIDDEN_NAMES = {"__MACOSX", "Thumbs.db", "desktop.ini", ".DS_Store"}
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1


def is_hidden(name: str) -> bool:
    """Hidden files and folders, OS droppings and Office lock files (`~$报告.docx`)."""
    return name.startswith((".", "~$")) or name in _HIDDEN_NAMES


def walk_dir(root: Path) -> Iterator[Path | ReadError]:
    """Report files under a directory, sorted, skipping hidden entries and unsupported suffixes."""
    found: list[Path] = []
    errors: list[ReadError] = []

    def onerror(e: OSError) -> None:
        errors.append(ReadError(str(e.filename or root), f"无法读取目录（{e.strerror or e}）"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = [d for d in dirnames if not is_hidden(d)]
        for name in filenames:
            if not is_hidden(name) and Path(name).suffix.lower() in REPORT_SUFFIXES:
                found.append(Path(dirpath) / name)
    yield from errors
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)


class _Budget:
    """Bytes still allowed to be inflated from one top-level archive."""

    def __init__(self) -> None:
        self.left = MAX_ARCHIVE_BYTES


class _TooBig(Exception):
    pass


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; names without the UTF-8 flag are often GBK (Chinese Windows), not CP437."""
    name = info.filename
    if info.flag_bits & _UTF8_FLAG:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    if raw.isascii():
        return name
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return name


def _unsafe(name: str) -> bool:
    path = name.replace("\\", "/")
    return path.startswith("/") or bool(_DRIVE_RE.match(path)) or ".." in path.split("/")


def iter_zip(
    data: bytes, source: str, depth: int = 0, budget: _Budget | None = None
) -> Iterator[RawDocument | ReadError]:
    """Read the report files in a zip archive held in memory; one result per member, never raises."""
    budget = budget or _Budget()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        yield ReadError(source, "压缩包已损坏或不完整")
        return
    with zf:
        if len(infos) > MAX_ZIP_MEMBERS:
            yield ReadError(source, f"压缩包中有 {len(infos)} 个条目，超过上限 {MAX_ZIP_MEMBERS}，未读取")
            return
        for info in sorted(infos, key=lambda i: member_name(i)):
            name = member_name(info)
            msource = member_source(source, name)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if info.is_dir() or name.endswith(("/", "\\")) or not parts:
                continue
            if _unsafe(name):
                yield ReadError(msource, "压缩包成员路径不安全（绝对路径或含 ..），已拒绝")
                continue
            if (
                any(is_hidden(p) for p in parts)
                or PurePosixPath(parts[-1]).suffix.lower() not in REPORT_SUFFIXES
            ):
                continue
            if info.flag_bits & _ENCRYPTED_FLAG:
                yield ReadError(msource, "压缩包成员已加密，无法读取")
                continue
            try:
                member = _read_member(zf, info, msource, budget)
            except ReadError as e:
                if budget.left <= 0:
                    yield ReadError(source, f"压缩包解压总量超过 {_mb(MAX_ARCHIVE_BYTES)}，其余文件未读取")
                    return
                yield e
                continue
            if detect_format(member, msource) == ZIP:
                if depth >= MAX_ZIP_DEPTH:
                    yield ReadError(msource, "压缩包嵌套过深（只读取一层内嵌压缩包），已跳过")
                else:
                    yield from iter_zip(member, msource, depth + 1, budget)
                continue
            doc = try_read(member, msource)
            if isinstance(doc, RawDocument):
                doc.meta["original"] = member  # the member's own bytes, for storing the original file
            yield doc


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, msource: str, budget: _Budget) -> bytes:
    """Inflate one member, refusing it by its declared size and again by the bytes actually produced."""
    too_big = f"解压后超过 {_mb(MAX_MEMBER_BYTES)}（疑似压缩炸弹），已跳过"
    if info.file_size > MAX_MEMBER_BYTES:
        raise ReadError(msource, too_big)
    if info.file_size > budget.left:
        budget.left = 0
        raise ReadError(msource, "压缩包解压总量超过上限")
    limit = min(MAX_MEMBER_BYTES, budget.left)
    chunks: list[bytes] = []
    count = 0
    try:
        with zf.open(info) as f:
            while chunk := f.read(READ_CHUNK):
                count += len(chunk)
                if count > limit:
                    raise _TooBig
                chunks.append(chunk)
    except _TooBig:
        # The header lied about the size. Over the member limit: skip it; over the archive's: stop.
        budget.left = budget.left - count if count > MAX_MEMBER_BYTES else 0
        raise ReadError(msource, too_big) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        raise ReadError(msource, "压缩包成员已损坏（校验失败或数据不完整）") from e
    except NotImplementedError as e:
        raise ReadError(msource, "压缩包成员使用了不支持的压缩方式") from e
    except RuntimeError as e:  # zipfile's "password required"
        raise ReadError(msource, "压缩包成员已加密，无法读取") from e
    budget.left -= count
    return b"".join(chunks)


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"
