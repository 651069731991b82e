"""What a reader produces, and the one error type every reader raises."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A decoded document: its text (paragraphs separated by newlines) and what the file said about itself."""

    source: str
    text: str
    format: str
    html_title: str | None = None
    published: str | None = None
    meta: dict = field(default_factory=dict)


class ReadError(Exception):
    """An input that cannot be read; str() is the one-line message `source: reason`."""

    def __init__(self, source: str, reason: str):
        source, reason = _one_line(source), _one_line(reason)
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def _one_line(s: str) -> str:
    """Messages are printed one per line: line breaks in a file name or a library's message become spaces."""
    return " ".join(s.splitlines()) if ("\n" in s or "\r" in s) else s
