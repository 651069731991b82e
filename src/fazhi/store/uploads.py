"""Splitting an upload into the files to store, cheaply and within limits (no reading, no analysis here).

A zip is opened, its report members are inflated in chunks up to the per-report size limit; a member
over the limit is not inflated further and is kept as a row with status 超出限制 whose original file is
the zip that carried it, so nothing the user uploaded is lost and nothing large is held in memory.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..ingest.archive import MAX_ZIP_MEMBERS, is_hidden, member_name
from ..ingest.sniff import REPORT_SUFFIXES, ZIP, detect_format
from ..sources import member_source
from .analysis import mb

READ_CHUNK = 1024 * 1024
# All members of one upload together: beyond this the rest are kept as 超出限制 without being inflated.
MAX_UPLOAD_INFLATED = 200 * 1024 * 1024


@dataclass
class Piece:
    """One file of an upload: its bytes to store (or the carrier's), or why it cannot be stored or analysed."""

    source: str
    data: bytes | None = None  # the file's own bytes; None when over the limit or unreadable
    error: str | None = None  # unreadable: one line, nothing stored
    too_large: str | None = None  # stored with the carrier's bytes, status 超出限制


def _unsafe(name: str) -> bool:
    path = name.replace("\\", "/")
    return path.startswith("/") or (len(path) > 1 and path[1] == ":") or ".." in path.split("/")


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_UPLOAD_INFLATED


def split_upload(
    data: bytes, filename: str, max_bytes: int, depth: int = 0, budget: _Budget | None = None
) -> Iterator[Piece]:
    """The report files of an upload (a zip gives its members, one nested zip level included)."""
    budget = budget or _Budget()
    if detect_format(data, filename) != ZIP:
        if not data.strip():
            yield Piece(filename, error=f"{filename}: 文件为空")
        elif len(data) > max_bytes:
            yield Piece(filename, too_large=f"文件 {mb(len(data))}，超过单份报告上限 {mb(max_bytes)}，未分析")
        else:
            yield Piece(filename, data)
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        yield Piece(filename, error=f"{filename}: 压缩包已损坏或不完整")
        return
    with zf:
        if len(infos) > MAX_ZIP_MEMBERS:
            yield Piece(
                filename,
                error=f"{filename}: 压缩包中有 {len(infos)} 个条目，超过上限 {MAX_ZIP_MEMBERS}，未读取",
            )
            return
        for info in sorted(infos, key=member_name):
            name = member_name(info)
            msource = member_source(filename, name)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if info.is_dir() or name.endswith(("/", "\\")) or not parts:
                continue
            if _unsafe(name):
                yield Piece(msource, error=f"{msource}: 压缩包成员路径不安全（绝对路径或含 ..），已拒绝")
                continue
            if (
                any(is_hidden(p) for p in parts)
                or PurePosixPath(parts[-1]).suffix.lower() not in REPORT_SUFFIXES
            ):
                continue
            if info.flag_bits & 0x1:
                yield Piece(msource, error=f"{msource}: 压缩包成员已加密，无法读取")
                continue
            yield from _member(zf, info, msource, max_bytes, depth, budget)


def _member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, msource: str, max_bytes: int, depth: int, budget: _Budget
) -> Iterator[Piece]:
    over = f"解压后超过单份报告上限 {mb(max_bytes)}（声明大小 {mb(info.file_size)}），未分析"
    if info.file_size > max_bytes:
        yield Piece(msource, too_large=over)
        return
    max_bytes = min(max_bytes, budget.left)
    if max_bytes <= 0 or info.file_size > max_bytes:
        yield Piece(msource, too_large=f"压缩包解压总量超过上限 {mb(MAX_UPLOAD_INFLATED)}，未分析")
        return
    chunks, count = [], 0
    try:
        with zf.open(info) as f:
            while chunk := f.read(READ_CHUNK):
                count += len(chunk)
                if count > max_bytes:  # the header lied about the size
                    yield Piece(msource, too_large=f"解压后超过单份报告上限 {mb(max_bytes)}，未分析")
                    return
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        yield Piece(msource, error=f"{msource}: 压缩包成员已损坏（校验失败或数据不完整）")
        return
    except NotImplementedError:
        yield Piece(msource, error=f"{msource}: 压缩包成员使用了不支持的压缩方式")
        return
    except RuntimeError:
        yield Piece(msource, error=f"{msource}: 压缩包成员已加密，无法读取")
        return
    budget.left -= count
    member = b"".join(chunks)
    if not member.strip():
        yield Piece(msource, error=f"{msource}: 文件为空")
        return
    if detect_format(member, msource) == ZIP:
        if depth >= 1:
            yield Piece(msource, error=f"{msource}: 压缩包嵌套过深（只读取一层内嵌压缩包），已跳过")
        else:
            yield from split_upload(member, msource, max_bytes, depth + 1, budget)
        return
    yield Piece(msource, member)
