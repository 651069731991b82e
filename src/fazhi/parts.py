"""Map top-level sections and paragraphs to the five statutory parts, by meaning (data/parts.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from .analysis import Analysis
from .model import PART_KEYS, Part, PartStatus, Section
from .text import lines_with_offsets
from .vocab import HeadingStyle

# Order in which heading patterns are tried: specific parts before the catch-all `measures`.
MATCH_ORDER = ("first_responsible", "shortcomings", "next_year", "other", "measures")
YEAR_IN_HEADING = re.compile(r"(20\d{2})\s*年")
FUTURE_WORDS = re.compile(r"下一|下步|明年")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict[str, list[re.Pattern]]]:
    raw = tomllib.loads(resources.files("fazhi.data").joinpath("parts.toml").read_text(encoding="utf-8"))
    return {
        k: {kind: [re.compile(p) for p in v.get(kind, [])] for kind in ("heading", "cue")}
        for k, v in raw.items()
    }


def classify_heading(title: str, year: int | None) -> str | None:
    """The statutory part a top-level heading stands for, or None."""
    pats = _patterns()
    m = YEAR_IN_HEADING.search(title)
    heading_year = int(m.group(1)) if m else None
    for key in MATCH_ORDER:
        if (
            key == "next_year"
            and heading_year
            and year
            and heading_year <= year
            and not FUTURE_WORDS.search(title)
        ):
            continue
        if key == "measures" and heading_year and year and heading_year > year:
            continue
        if any(p.search(title) for p in pats[key]["heading"]):
            return key
    return None


def _top_sections(outline: tuple[Section, ...], year: int | None) -> list[Section]:
    roots = [s for s in outline if s.style != HeadingStyle.ORDINAL]
    # A single top-level heading that stands for no part (a wrapper such as `一、工作情况汇报`):
    # the parts are one level down.
    if len(roots) == 1 and classify_heading(roots[0].title, year) is None and len(roots[0].children) >= 2:
        return [c for c in roots[0].children if c.style != HeadingStyle.ORDINAL]
    return roots


def find_parts(report: Analysis) -> dict[str, Part]:
    """Each part's status and span: dedicated section, embedded content, or missing."""
    text = report.text
    dedicated: dict[str, list[Section]] = {}
    tops = _top_sections(report.outline, report.year)
    keys = [classify_heading(s.title, report.year) for s in tops]
    for s, key in zip(tops, keys, strict=True):
        if key:
            dedicated.setdefault(key, []).append(s)
    if "measures" not in dedicated:
        # Thematic headings (`一、坚持党的领导…` `二、依法全面履行政府职能…`) before the shortcomings or
        # next-year section are the account of measures, the way provincial and county reports write it.
        later = [i for i, k in enumerate(keys) if k in ("shortcomings", "next_year", "other")]
        cut = min(later, default=len(tops))
        themed = [s for s, k in zip(tops[:cut], keys[:cut], strict=True) if k is None]
        if len(themed) >= MIN_THEMED_SECTIONS:
            dedicated["measures"] = themed
    parts: dict[str, Part] = {}
    for key in PART_KEYS:
        secs = dedicated.get(key)
        if secs:
            heading = "；".join(text[s.start : s.heading_end].strip() for s in secs)
            parts[key] = Part(key, PartStatus.DEDICATED, heading, secs[0].start, secs[-1].end)
    b0, b1 = report.body_span
    for key in PART_KEYS:
        if key in parts:
            continue
        if key == "measures":
            span = _measures_embedded(report, parts)
        else:
            # Plans say `有待加强` too: shortcomings are not looked for inside the next-year section.
            nxt = parts.get("next_year")
            excluded = (
                [(nxt.start, nxt.end)] if key == "shortcomings" and nxt and nxt.start is not None else []
            )
            span = _find_cue(text, (b0, b1), _patterns()[key]["cue"], excluded)
        if span:
            parts[key] = Part(key, PartStatus.EMBEDDED, None, span[0], span[1])
        else:
            parts[key] = Part(key, PartStatus.MISSING)
    return parts


def _find_cue(text: str, body: tuple[int, int], cues: list[re.Pattern], excluded) -> tuple[int, int] | None:
    lines = [
        (s, e)
        for s, e in lines_with_offsets(text)
        if s >= body[0] and e <= body[1] and not any(a <= s < b for a, b in excluded)
    ]
    for p in cues:  # cues are ordered from the most specific
        for s, e in lines:
            if p.search(text, s, e):
                return s, e
    return None


def _measures_embedded(report: Analysis, parts: dict[str, Part]) -> tuple[int, int] | None:
    """Body text before the first other part's section counts as the measures, if substantial."""
    b0, b1 = report.body_span
    starts = [p.start for p in parts.values() if p.status == PartStatus.DEDICATED and p.start is not None]
    end = min(starts, default=b1)
    # The opening paragraph is an introduction, not the account of measures.
    first_nl = report.text.find("\n", b0, end)
    start = first_nl + 1 if first_nl >= 0 else b0
    if end - start >= MIN_EMBEDDED_MEASURES:
        return start, end
    return None


# At least this many unclassified top-level sections before the other parts make up the measures
# (one stray heading is not yet an account of the year's work).
MIN_THEMED_SECTIONS = 2
# Fewer characters than this before the first other part is an introduction, not an account of work.
MIN_EMBEDDED_MEASURES = 200
