"""Quality score of a report: statutory completeness, correctness and concreteness."""

from __future__ import annotations

from .analysis import Analysis
from .model import PartStatus, Severity

# Points per part status (the five parts weigh 40 of 100; `other` is optional in practice).
PART_POINTS = {"measures": 10, "shortcomings": 10, "first_responsible": 10, "next_year": 10}
EMBEDDED_SHARE = 0.6
# Deductions per finding. One rule costs at most RULE_CAP findings' worth: 240 ASCII commas are one
# mechanical slip to fix, not 240 defects, and must not outweigh a missing part or a wrong number.
SEVERITY_COST = {Severity.ERROR: 3.0, Severity.WARNING: 1.0, Severity.INFO: 0.0}
RULE_CAP = 3
MAX_FINDING_DEDUCTION = 40.0
# Concreteness: indicators stated, up to this many count.
INDICATORS_FOR_FULL = 20


def score(report: Analysis) -> dict:
    """A 0-100 score with its components."""
    parts = 0.0
    for key, pts in PART_POINTS.items():
        p = report.parts.get(key)
        if p and p.status == PartStatus.DEDICATED:
            parts += pts
        elif p and p.status == PartStatus.EMBEDDED:
            parts += pts * EMBEDDED_SHARE
    per_rule: dict[str, list[float]] = {}
    for f in report.findings:
        per_rule.setdefault(f.rule, []).append(SEVERITY_COST[f.severity])
    cost = min(MAX_FINDING_DEDUCTION, sum(sum(sorted(c, reverse=True)[:RULE_CAP]) for c in per_rule.values()))
    correctness = 40.0 - cost
    concrete = 20.0 * min(1.0, len(report.indicators) / INDICATORS_FOR_FULL)
    total = round(max(0.0, parts + correctness + concrete), 1)
    return {
        "total": total,
        "completeness": round(parts, 1),
        "correctness": round(max(0.0, correctness), 1),
        "concreteness": round(concrete, 1),
    }
