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
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
