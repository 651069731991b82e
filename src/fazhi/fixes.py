"""Apply the certain fixes of findings to a report's text (`fazhi analyze --fix`).

Fixes are applied in rounds: the non-overlapping ones at once, then the text is analysed again and the
fixes found then are applied, until nothing is left to fix (at most MAX_ROUNDS rounds), so that one run
does what one run can. Words inside a quoted name (“…”) or a title (《…》) are the name as written: a
fix never rewrites them unless its rule is about that name or about punctuation marks.
"""

from __future__ import annotations

from .config import Config
from .ingest import RawDocument
from .model import Category, Finding, Report
from .rules.base import all_rules

# Rounds of fix and re-analysis: overlapping findings (a typo inside a paragraph of half-width marks)
# need two; a fix that reveals another (a completed year that makes a date rule fire) a third. More is
# a loop between two rules, which the bound stops.
MAX_ROUNDS = 5
# Quote marks and title marks whose content is a name as written (an event, a document, a law).
QUOTE_PAIRS = {"“": "”", "《": "》"}
# Fixable rules whose subject is the quoted name or title itself (a law's short name, an abolished
# document, a commemoration day, a plan's year range, the quotes around 八五, the 间隔号 of 12·4).
ABOUT_QUOTES = frozenset({"TE002", "TE004", "TE005", "TE006", "TE009", "FM002"})


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every “…” and 《…》 pair of a line, marks included (nested pairs too)."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    closers = {c: o for o, c in QUOTE_PAIRS.items()}
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
        elif ch in QUOTE_PAIRS:
            stack.append((ch, i))
        elif ch in closers:
            while stack and stack[-1][0] != closers[ch]:
                stack.pop()  # an unpaired mark inside: PU002's business, not a pair
            if stack:
                out.append((stack.pop()[1], i + 1))
    return out


def _changed(text: str, f: Finding) -> tuple[int, int]:
    """The part of a finding's span its suggestion actually changes (common head and tail left out)."""
    old, new = text[f.start : f.end], f.suggestion or ""
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    return f.start + a, f.end - b


def _inside_quote(span: tuple[int, int], quotes: list[tuple[int, int]]) -> bool:
    """Whether the span changes words of a quoted name without covering the whole pair."""
    s, e = span
    return any(qs < e and s < qe and not (s <= qs and qe <= e) for qs, qe in quotes)


def _edits(report: Report, fixable: dict[str, Category]) -> list[tuple[int, int, str]]:
    """The fixes of one round: certain, not inside a quoted name, not overlapping an earlier one."""
    text = report.text
    quotes = quoted_spans(text)
    edits: list[tuple[int, int, str]] = []
    last_end = -1
    for f in sorted(report.findings, key=lambda f: (f.start if f.start is not None else -1, f.end or 0)):
        if f.rule not in fixable or f.suggestion is None or f.start is None or f.end is None:
            continue
        if text[f.start : f.end] == f.suggestion or f.start < last_end:
            continue  # nothing to change; or overlapping: the next round sees it again
        protected = fixable[f.rule] is not Category.PUNCTUATION and f.rule not in ABOUT_QUOTES
        if protected and _inside_quote(_changed(text, f), quotes):
            continue
        edits.append((f.start, f.end, f.suggestion))
        last_end = f.end
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with non-overlapping edits (in order) applied."""
    out, pos = [], 0
    for s, e, rep in edits:
        out += [text[pos:s], rep]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def fixed_text(report: Report, config: Config | None = None) -> tuple[str, int]:
    """The text with every certain fix applied until none is left, and how many fixes were applied."""
    from .pipeline import analyze_raw

    fixable = {r.code: r.category for r in all_rules() if r.fixable}
    r, total = report, 0
    for _ in range(MAX_ROUNDS):
        edits = _edits(r, fixable)
        if not edits:
            break
        text = _apply(r.text, edits)
        total += len(edits)
        r = analyze_raw(RawDocument(source=report.source, text=text, format=report.format), config)
        if r.text != text:  # normalisation is idempotent on its own output; if not, stop safely
            return text, total
    return r.text, total
