"""The working state of one analysis: what the stages of the pipeline build and the rules read.

`Analysis` holds the configuration, the normalized text with its offset map, the frame of the report
(title block, addressee, signature, body), the results of every stage, and the named caches that
several stages and rules share (the quantity mentions, the term scans). It is mutable while the
pipeline runs; `report()` freezes the result into the public `Report` (model.py, the JSON contract).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .config import Config
from .meta import Frame
from .model import Finding, Indicator, Part, Report, Section, UnitLevel, section_at, walk_outline
from .text import OffsetMap

# Fields filled on demand by the first stage or rule that asks (indicators.mentions, rules.kinds.scan):
# any stage may read them, none declares them.
CACHES = ("mentions", "term_scans", "typo_masks")

if TYPE_CHECKING:  # types of the caches, owned by higher layers (never imported at run time)
    from .indicators.mapping import Mention
    from .rules.kinds import Scan, UserLexicon


@dataclass(slots=True)
class Analysis:
    """One report being analysed: the contract fields as they are filled, and the stages' own state."""

    source: str
    text: str
    format: str = "txt"
    config: Config = field(default_factory=Config)
    offset_map: OffsetMap | None = None
    # stage frame
    frame: Frame | None = None
    title_span: tuple[int, int] | None = None
    addressee_span: tuple[int, int] | None = None
    signature_span: tuple[int, int] | None = None
    date_span: tuple[int, int] | None = None
    body_span: tuple[int, int] = (0, 0)
    # stage outline
    outline: tuple[Section, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()  # spans of the body's non-empty lines
    # stage metadata
    title: str | None = None
    title_inferred: bool = False  # true when the report has no title but `inferred_title` offers one
    inferred_title: str | None = None
    title_from_page: bool = False  # the page itself shows the title (its <title>, a `标题` row)
    unit: str | None = None
    units: tuple[str, ...] = ()
    unit_level: UnitLevel = UnitLevel.UNKNOWN
    year: int | None = None
    addressee: str | None = None
    date: str | None = None
    published: str | None = None
    # later stages
    parts: dict[str, Part] = field(default_factory=dict)
    indicators: tuple[Indicator, ...] = ()
    facts: tuple[Indicator, ...] = ()
    findings: tuple[Finding, ...] = ()
    score: dict[str, Any] | None = None
    # shared caches: every quantity in its context (indicators.mentions), one term scan per user
    # lexicon (rules.kinds.scan), one protected mask per user lexicon (rules.typo_stat.protected_mask)
    mentions: list[Mention] | None = None
    term_scans: dict[UserLexicon, Scan] = field(default_factory=dict)
    # where the language-model rules (TY101, TY102) must not change a character, per user lexicon
    typo_masks: dict[tuple[str, ...], Any] = field(default_factory=dict)

    def sections(self) -> Iterator[Section]:
        """All sections of the outline in document order."""
        return walk_outline(self.outline)

    def section_at(self, pos: int) -> Section | None:
        """The innermost section containing position `pos`."""
        return section_at(self.outline, pos)

    def report(self) -> Report:
        """The frozen result (the contract)."""
        return Report(
            source=self.source,
            text=self.text,
            format=self.format,
            title=self.title,
            title_inferred=self.title_inferred,
            inferred_title=self.inferred_title,
            unit=self.unit,
            units=self.units,
            unit_level=self.unit_level,
            year=self.year,
            addressee=self.addressee,
            date=self.date,
            published=self.published,
            outline=self.outline,
            parts=dict(self.parts),
            indicators=self.indicators,
            facts=self.facts,
            findings=self.findings,
            score=self.score,
        )
