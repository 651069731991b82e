"""The marked-up report text of the report page, built from the stored JSON result.

The web app stores the analysis as the JSON contract (report-json.md); this module reads that dict back
(`Report.from_dict`, which recovers where each heading ends) so the page uses the very same marking as `fazhi analyze --format html`
(`fazhi.render.highlighted_html`): escaped text, headings, statutory parts, indicators and findings.
"""

from __future__ import annotations

from typing import Any

from ..model import SCHEMA, Category, PartStatus, Qualifier, Report, Severity, UnitLevel
from ..render import highlighted_html


def _enum(cls, value, default) -> str:
    try:
        return str(cls(value))
    except ValueError:
        return str(default)


def _valid_span(text: str, start, end) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


def _section(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "level": int(d.get("level") or 1),
        "number": d.get("number"),
        "title": d.get("title") or "",
        "style": d.get("style") or "",
        "start": int(d["start"]),
        "end": int(d["end"]),
        "children": [_section(c) for c in d.get("children") or ()],
    }


def _span(text: str, d: dict[str, Any]) -> dict[str, Any]:
    ok = _valid_span(text, d.get("start"), d.get("end"))
    return {"start": d["start"] if ok else None, "end": d["end"] if ok else None}


def report_from_dict(result: dict[str, Any]) -> Report:
    """The Report of a stored JSON result (`Report.from_dict`), read leniently: a stored or cut-out
    result (`chunk_result`) may hold spans outside its text and values of older versions; those spans
    are dropped (an indicator without one is left out) and unknown values take a neutral default."""
    text = result.get("text") or ""
    indicators = [
        {
            "id": i["id"],
            "name": i.get("name") or i["id"],
            "value": i.get("value") or 0,
            "unit": i.get("unit") or "",
            "qualifier": _enum(Qualifier, i.get("qualifier"), Qualifier.EXACT),
            "start": i["start"],
            "end": i["end"],
            "section": i.get("section"),
        }
        for i in result.get("indicators") or ()
        if _valid_span(text, i.get("start"), i.get("end"))
    ]
    findings = [
        {
            "rule": f.get("rule") or "",
            "name": f.get("name") or "",
            "category": _enum(Category, f.get("category"), Category.FORMAT),
            "severity": _enum(Severity, f.get("severity"), Severity.INFO),
            "message": f.get("message") or "",
            "suggestion": f.get("suggestion"),
            **_span(text, f),
        }
        for f in result.get("findings") or ()
    ]
    parts = {
        key: {
            "status": _enum(PartStatus, p.get("status"), PartStatus.MISSING),
            "heading": p.get("heading"),
            **_span(text, p),
        }
        for key, p in (result.get("parts") or {}).items()
    }
    return Report.from_dict(
        {
            "schema": SCHEMA,
            "source": result.get("source") or "",
            "format": result.get("format") or "txt",
            "text": text,
            "title": result.get("title"),
            "title_inferred": bool(result.get("title_inferred")),
            "inferred_title": result.get("inferred_title"),
            "unit": result.get("unit"),
            "units": result.get("units") or [],
            "unit_level": _enum(UnitLevel, result.get("unit_level"), UnitLevel.UNKNOWN),
            "year": result.get("year"),
            "addressee": result.get("addressee"),
            "date": result.get("date"),
            "published": result.get("published"),
            "outline": [
                _section(s)
                for s in result.get("outline") or ()
                if _valid_span(text, s.get("start"), s.get("end"))
            ],
            "parts": parts,
            "indicators": indicators,
            "facts": [],
            "findings": findings,
            "score": result.get("score"),
        }
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

    def sections(
        secs,
    ) -> list[dict]:  # a section starting here is kept (cut at b); others give their children
        out: list[dict] = []
        for sec in secs or ():
            if isinstance(sec.get("start"), int) and a <= sec["start"] < b:
                out.append(
                    {
                        **sec,
                        "start": sec["start"] - a,
                        "end": min(sec["end"], b) - a,
                        "children": sections(sec.get("children")),
                    }
                )
            else:
                out.extend(sections(sec.get("children")))
        return out

    return {
        **result,
        "text": result["text"][a:b],
        "outline": sections(result.get("outline")),
        "parts": {k: _shift(p, a, b) for k, p in (result.get("parts") or {}).items()},
        "indicators": [_shift(i, a, b) for i in result.get("indicators") or ()],
        "findings": [_shift(f, a, b) for f in result.get("findings") or ()],
    }
