"""Source names: a file's path, or `outer.zip!/inner/path` for a report inside a zip (nested: `a.zip!/b.zip!/c.txt`)."""

from __future__ import annotations

from pathlib import PurePosixPath

MEMBER_SEP = "!/"


def member_source(outer: str, name: str) -> str:
    """The source name of the member `name` of the archive `outer`."""
    return f"{outer}{MEMBER_SEP}{name}"


def inner_path(source: str) -> str:
    """The innermost path of a source name (`a.zip!/x/b.txt` → `x/b.txt`)."""
    return source.split(MEMBER_SEP)[-1]


def base_name(source: str) -> str:
    """The file name of a source, without folders of either slash (`a.zip!/x\\b.txt` → `b.txt`)."""
    return inner_path(source).replace("\\", "/").split("/")[-1]


def stem(source: str) -> str:
    """The file name of a source without its suffix (`a.zip!/x/b.txt` → `b`)."""
    return PurePosixPath(inner_path(source).replace("\\", "/")).stem


def suffix(source: str) -> str:
    """The lower-cased suffix of a source's file name (`a.zip!/b.PDF` → `.pdf`)."""
    return PurePosixPath(inner_path(source).replace("\\", "/")).suffix.lower()
