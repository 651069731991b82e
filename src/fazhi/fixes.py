"""Apply the certain fixes of findings to a report's text (`fazhi analyze --fix`)."""

from __future__ import annotations

from .model import Report
from .rules.base import all_rules


def fixed_text(report: Report) -> tuple[str, int]:
    """The text with every single-certain fix applied, and how many fixes were applied."""
    fixable = {r.code for r in all_rules() if r.fixable}
    edits = []
    last_end = -1
    for f in sorted(report.findings, key=lambda f: (f.start if f.start is not None else -1, f.end or 0)):
        if f.rule not in fixable or f.suggestion is None or f.start is None or f.end is None:
            continue
        if f.start < last_end:  # overlapping fixes: keep the first, the next run will see the rest
            continue
        edits.append((f.start, f.end, f.suggestion))
        last_end = f.end
    t = report.text
    out, pos = [], 0
    for s, e, rep in edits:
        out.append(t[pos:s])
        out.append(rep)
        pos = e
    out.append(t[pos:])
    return "".join(out), len(edits)
