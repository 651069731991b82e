"""Typed records of an analysis result and their JSON form (the contract in report-json.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# The closed sets and their labels live in vocab.py; imported here under the names every stage uses.
from .vocab import (  # noqa: F401
    LEVEL_ZH,
    PART_KEYS,
    PART_NAMES,
    PART_STATUS_ZH,
    Category,
    PartStatus,
    Qualifier,
    Severity,
    UnitLevel,
)

SCHEMA = "fazhi.report/1"


# Two-letter code prefix of each category (rule codes are grouped by category).
CATEGORY_PREFIX = {
    Category.TYPO: "TY",
    Category.TERMINOLOGY: "TE",
    Category.PUNCTUATION: "PU",
    Category.NUMBERING: "NU",
    Category.DUPLICATE: "DU",
    Category.NUMBER_CONSISTENCY: "NC",
    Category.PLAUSIBILITY: "PL",
    Category.STRUCTURE: "ST",
    Category.METADATA: "MD",
    Category.FORMAT: "FM",
    Category.COPY: "CP",
    Category.TIMELINESS: "TM",
}


# The title of an inline heading (`（一）提升普法宣传力度。加强…`) ends at the first of these (outline.py).
TITLE_END_MARKS = "。；;！!？?"


def _quote(text: str, start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    return text[start:end]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the span of its whole section (heading included)."""

    level: int
    number: str | None
    title: str
    start: int
    end: int
    heading_end: int
    style: str
    children: tuple[Section, ...] = ()
    marker: tuple[int, int] | None = None  # span of the number marker as written (`（4）`)

    def to_dict(self, text: str) -> dict[str, Any]:
        """JSON form (contract: Section)."""
        return {
            "level": self.level,
            "number": self.number,
            "title": self.title,
            "style": self.style,
            "start": self.start,
            "end": self.end,
            "quote": text[self.start : self.end],
            "children": [c.to_dict(text) for c in self.children],
        }

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in document order."""
        yield self
        for c in self.children:
            yield from c.walk()

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str) -> Section:
        """The section of its JSON form; `marker` (the rules' own detail) is not restored."""
        start, title, style = d["start"], d["title"], d["style"]
        return cls(
            level=d["level"],
            number=d["number"],
            title=title,
            start=start,
            end=d["end"],
            heading_end=heading_end(text, start, title, style),
            style=style,
            children=tuple(cls.from_dict(c, text) for c in d["children"]),
        )


def walk_outline(outline: Iterable[Section]) -> Iterator[Section]:
    """All sections of an outline in document order."""
    for s in outline:
        yield from s.walk()


def section_at(outline: Iterable[Section], pos: int) -> Section | None:
    """The innermost section of an outline containing position `pos`."""
    best = None
    for s in walk_outline(outline):
        if s.start <= pos < s.end:
            best = s
    return best


def heading_end(text: str, start: int, title: str, style: str) -> int:
    """Where the heading of a section starting at `start` ends, as outline.py cut it: the line's end for an
    unnumbered heading; else after its title and the mark that closed it (`。`), or at the comma or line's
    end that did."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    i = text.find(title, start, line_end) if title and style != "none" else -1
    if i < 0:
        return line_end
    pos = i + len(title)
    while pos < line_end and text[pos].isspace():  # the title was stripped
        pos += 1
    return pos + 1 if pos < line_end and text[pos] in TITLE_END_MARKS else pos


@dataclass(frozen=True, slots=True)
class Part:
    """Where one statutory part sits in the report."""

    key: str
    status: PartStatus
    heading: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self, text: str) -> dict[str, Any]:
        """JSON form (contract: parts value)."""
        return {
            "status": str(self.status),
            "heading": self.heading,
            "start": self.start,
            "end": self.end,
            "quote": _quote(text, self.start, self.end),
        }

    @classmethod
    def from_dict(cls, key: str, d: dict[str, Any]) -> Part:
        """The part of its JSON form."""
        return cls(key, PartStatus(d["status"]), d["heading"], d["start"], d["end"])


@dataclass(frozen=True, slots=True)
class Indicator:
    """A quantity found in the text, mapped to the taxonomy (or `other`)."""

    id: str
    name: str
    value: float | int
    unit: str
    qualifier: Qualifier
    start: int
    end: int
    section: str | None = None

    def to_dict(self, text: str) -> dict[str, Any]:
        """JSON form (contract: Indicator)."""
        return {
            "id": self.id,
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "qualifier": str(self.qualifier),
            "quote": text[self.start : self.end],
            "start": self.start,
            "end": self.end,
            "section": self.section,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Indicator:
        """The indicator of its JSON form."""
        return cls(
            d["id"],
            d["name"],
            d["value"],
            d["unit"],
            Qualifier(d["qualifier"]),
            d["start"],
            d["end"],
            d["section"],
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect: a rule's verdict on a span (or on the whole report when start is None)."""

    rule: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None

    def to_dict(self, text: str) -> dict[str, Any]:
        """JSON form (contract: Finding)."""
        return {
            "rule": self.rule,
            "name": self.name,
            "category": str(self.category),
            "severity": str(self.severity),
            "message": self.message,
            "quote": _quote(text, self.start, self.end),
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        """The finding of its JSON form."""
        return cls(
            d["rule"],
            d["name"],
            Category(d["category"]),
            Severity(d["severity"]),
            d["message"],
            d["start"],
            d["end"],
            d["suggestion"],
        )


@dataclass(frozen=True, slots=True)
class Report:
    """The result of analysing one report: the public contract (`to_dict`, report-json.md).

    The pipeline builds it from its working state (analysis.Analysis); `from_dict` reads the JSON back.
    """

    source: str
    text: str
    format: str = "txt"
    title: str | None = None
    title_inferred: bool = False  # true when the report has no title but `inferred_title` offers one
    inferred_title: str | None = None
    unit: str | None = None
    units: tuple[str, ...] = ()
    unit_level: UnitLevel = UnitLevel.UNKNOWN
    year: int | None = None
    addressee: str | None = None
    date: str | None = None
    published: str | None = None
    outline: tuple[Section, ...] = ()
    parts: dict[str, Part] = field(default_factory=dict)
    indicators: tuple[Indicator, ...] = ()
    facts: tuple[Indicator, ...] = ()
    findings: tuple[Finding, ...] = ()
    score: dict[str, Any] | None = None

    def sections(self) -> Iterator[Section]:
        """All sections of the outline in document order."""
        return walk_outline(self.outline)

    def section_at(self, pos: int) -> Section | None:
        """The innermost section containing position `pos`."""
        return section_at(self.outline, pos)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        """The report of its JSON form (`to_dict`'s inverse; quotes are derived, so not read)."""
        if d.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"unknown schema {d.get('schema')!r}")
        t = d["text"]
        return cls(
            source=d["source"],
            text=t,
            format=d["format"],
            title=d["title"],
            title_inferred=d["title_inferred"],
            inferred_title=d["inferred_title"],
            unit=d["unit"],
            units=tuple(d["units"]),
            unit_level=UnitLevel(d["unit_level"]),
            year=d["year"],
            addressee=d["addressee"],
            date=d["date"],
            published=d["published"],
            outline=tuple(Section.from_dict(s, t) for s in d["outline"]),
            parts={k: Part.from_dict(k, p) for k, p in d["parts"].items()},
            indicators=tuple(Indicator.from_dict(i) for i in d["indicators"]),
            facts=tuple(Indicator.from_dict(i) for i in d["facts"]),
            findings=tuple(Finding.from_dict(f) for f in d["findings"]),
            score=d["score"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The contract object."""
        t = self.text
        return {
            "schema": SCHEMA,
            "source": self.source,
            "format": self.format,
            "text": t,
            "title": self.title,
            "title_inferred": self.title_inferred,
            "inferred_title": self.inferred_title,
            "unit": self.unit,
            "units": list(self.units),
            "unit_level": str(self.unit_level),
            "year": self.year,
            "addressee": self.addressee,
            "date": self.date,
            "published": self.published,
            "outline": [s.to_dict(t) for s in self.outline],
            "parts": {k: self.parts[k].to_dict(t) for k in PART_KEYS if k in self.parts},
            "indicators": [i.to_dict(t) for i in self.indicators],
            "facts": [i.to_dict(t) for i in self.facts],
            "findings": [f.to_dict(t) for f in self.findings],
            "score": self.score,
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The contract as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
