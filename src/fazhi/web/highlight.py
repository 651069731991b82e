"""The marked-up report text of the report page, built from the stored JSON result.

The web app stores the analysis as the JSON contract (report-json.md); this module turns that dict back
into a Report-like object so the page uses the very same marking as `fazhi analyze --format html`
(`fazhi.render.highlighted_html`): escaped text, headings, statutory parts, indicators and findings.
"""

from __future__ import annotations

from typing import Any

from ..model import (
    Category,
    Finding,
    Indicator,
    Part,
    PartStatus,
    Qualifier,
    Report,
    Section,
    Severity,
    UnitLevel,
)
from ..render import highlighted_html


def _enum(cls, value, default):
    try:
        return cls(value)
    except ValueError:
        return default


HEADING_TRAIL = "。．.：:；;！!"


def _heading_end(text: str, start: int, end: int, title: str) -> int:
    """Where a heading ends (the JSON has no heading_end): its title plus closing punctuation, else the line."""
    line_end = text.find("\n", start)
    line_end = line_end if line_end >= 0 else min(end, len(text))
    i = text.find(title, start, line_end) if title else -1
    if i < 0:
        return line_end
    pos = i + len(title)
    while pos < len(text) and text[pos] in HEADING_TRAIL:
        pos += 1
    return pos


def _section(d: dict[str, Any], text: str) -> Section:
    start = int(d["start"])
    heading_end = _heading_end(text, start, int(d["end"]), d.get("title") or "")
    return Section(
        level=int(d.get("level") or 1),
        number=d.get("number"),
        title=d.get("title") or "",
        start=start,
        end=int(d["end"]),
        heading_end=heading_end,
        style=d.get("style") or "",
        children=tuple(_section(c, text) for c in d.get("children") or ()),
    )


def _valid_span(text: str, start, end) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


def report_from_dict(result: dict[str, Any]) -> Report:
    """A Report holding what the page needs (text, outline, parts, indicators, findings) from the JSON."""
    text = result.get("text") or ""
    outline = tuple(
        _section(s, text) for s in result.get("outline") or () if _valid_span(text, s.get("start"), s.get("end"))
    )
    parts = {}
    for key, p in (result.get("parts") or {}).items():
        start, end = p.get("start"), p.get("end")
        ok = _valid_span(text, start, end)
        parts[key] = Part(key, _enum(PartStatus, p.get("status"), PartStatus.MISSING), p.get("heading"),
                          start if ok else None, end if ok else None)
    indicators = tuple(
        Indicator(i["id"], i.get("name") or i["id"], i.get("value") or 0, i.get("unit") or "",
                  _enum(Qualifier, i.get("qualifier"), Qualifier.EXACT), i["start"], i["end"], i.get("section"))
        for i in result.get("indicators") or ()
        if _valid_span(text, i.get("start"), i.get("end"))
    )
    findings = []
    for f in result.get("findings") or ():
        ok = _valid_span(text, f.get("start"), f.get("end"))
        findings.append(Finding(
            f.get("rule") or "", f.get("name") or "", _enum(Category, f.get("category"), Category.FORMAT),
            _enum(Severity, f.get("severity"), Severity.INFO), f.get("message") or "",
            f["start"] if ok else None, f["end"] if ok else None, f.get("suggestion"),
        ))
    return Report(
        source=result.get("source") or "", text=text, title=result.get("title"),
        unit=result.get("unit"), units=tuple(result.get("units") or ()),
        unit_level=_enum(UnitLevel, result.get("unit_level"), UnitLevel.UNKNOWN), year=result.get("year"),
        addressee=result.get("addressee"), date=result.get("date"), published=result.get("published"),
        outline=outline, parts=parts, indicators=indicators, findings=tuple(findings), score=result.get("score"),
    )


def body_html(result: dict[str, Any]) -> str:
    """The report text as escaped HTML with its marks (finding n is anchored `f{n}`, indicator n `i{n}`)."""
    return highlighted_html(report_from_dict(result))


# The report page shows the text in pieces of about this many characters (a typical report is one piece;
# a 1 MB text is ~6 pieces, each a page of reasonable weight instead of one 45 MB page).
TEXT_CHUNK = 60_000


def chunk_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Pieces of the text of about `size` (default TEXT_CHUNK) characters, cut at line ends where there is one."""
    size = size or TEXT_CHUNK
    if len(text) <= size:
        return [(0, len(text))]
    out, a = [], 0
    while a < len(text):
        b = min(len(text), a + size)
        if b < len(text):
            nl = text.rfind("\n", a + size // 2, b)
            b = nl + 1 if nl >= 0 else b
        out.append((a, b))
        a = b
    return out


def chunk_of(bounds: list[tuple[int, int]], pos: int | None) -> int:
    """The index of the piece holding offset `pos` (0 when it has none)."""
    if pos is None:
        return 0
    for k, (a, b) in enumerate(bounds):
        if a <= pos < b:
            return k
    return len(bounds) - 1


def _shift(span: dict, a: int, b: int) -> dict:
    s, e = span.get("start"), span.get("end")
    if isinstance(s, int) and isinstance(e, int) and a <= s and e <= b:
        return {**span, "start": s - a, "end": e - a}
    return {**span, "start": None, "end": None}


def chunk_result(result: dict[str, Any], a: int, b: int) -> dict[str, Any]:
    """The part of an analysis that falls in text[a:b], offsets shifted (finding numbers are kept)."""
    if a == 0 and b >= len(result.get("text") or ""):
        return result

    def sections(secs) -> list[dict]:  # a section starting here is kept (cut at b); others give their children
        out: list[dict] = []
        for sec in secs or ():
            if isinstance(sec.get("start"), int) and a <= sec["start"] < b:
                out.append({**sec, "start": sec["start"] - a, "end": min(sec["end"], b) - a,
                            "children": sections(sec.get("children"))})
            else:
                out.extend(sections(sec.get("children")))
        return out

    return {
        **result, "text": result["text"][a:b],
        "outline": sections(result.get("outline")),
        "parts": {k: _shift(p, a, b) for k, p in (result.get("parts") or {}).items()},
        "indicators": [_shift(i, a, b) for i in result.get("indicators") or ()],
        "findings": [_shift(f, a, b) for f in result.get("findings") or ()],
    }
