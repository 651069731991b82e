"""Indicator rows for a batch of reports: one row per occurrence, and a units × indicators pivot.

The files are written by fazhi.exports.tables (the one indicator export schema).
"""

from __future__ import annotations

from collections import defaultdict

from .. import sources
from .taxonomy import taxonomy

RATE_UNIT = "%"


def report_rows(report, with_facts: bool = False) -> list[dict]:
    """The rows of one report: one per indicator (and per fact when asked)."""
    items = list(report.indicators) + (list(report.facts) if with_facts else [])
    items.sort(key=lambda i: i.start)
    unit = report.unit or sources.stem(report.source)
    return [
        {
            "unit": unit,
            "year": report.year,
            "id": i.id,
            "name": i.name,
            "value": i.value,
            "unit_of_measure": i.unit,
            "qualifier": str(i.qualifier),
            "quote": report.text[i.start : i.end],
            "section": i.section or "",
            "file": report.source,
        }
        for i in items
    ]


# Measure words that count the same thing (people): one column. Any other two measure words — 家 and 辆,
# 家 and 家次, 次 and 场 — get a column each: their figures are never added together.
SAME_MEASURE = {"名": "人", "位": "人"}


def aggregate(values: list, measure: str, stock: bool = False):
    """One cell of the pivot: every occurrence counts (rates listed in order, counts summed).

    Two equal figures are two occurrences (two activities of 8 sessions each are 16), never merged.
    Exceptions: a total stated with its parts (8 committees = 7 + 1), where the largest figure equals
    the sum of at least two others, is taken as the total; a standing number (`stock`: 10 villages
    named three times) is one count, the largest mentioned.
    """
    if len(values) == 1:
        return values[0]
    if measure == RATE_UNIT:
        return "/".join(str(v) for v in values)
    if stock:
        return max(values)
    top = max(values)
    rest = sum(values) - top
    return top if len(values) >= 3 and abs(top - rest) < 1e-9 else sum(values)


def pivot_measure(measure: str | None) -> str:
    """The measure word a pivot column is kept under (synonyms for people are one)."""
    m = measure or ""
    return SAME_MEASURE.get(m, m)


def _stock(id_: str) -> bool:
    spec = taxonomy().get(id_)
    return bool(spec and spec.stock)


def pivot(rows: list[dict]) -> tuple[list[str], list[list]]:
    """Header and body of the units × indicators table: a column per indicator and measure word
    (ids in taxonomy order), so that 40家 and 2000辆 are never one sum."""
    order = {id_: k for k, id_ in enumerate(taxonomy().ids)}
    cells: dict[tuple, dict[tuple[str, str], list]] = defaultdict(lambda: defaultdict(list))
    ids: set[tuple[str, str]] = set()
    for r in rows:
        key = (r["id"], pivot_measure(r["unit_of_measure"]))
        ids.add(key)
        cells[(r["unit"], r["year"], r["file"])][key].append(r["value"])
    cols = sorted(ids, key=lambda k: (order.get(k[0], len(order)), k[1]))
    header = ["单位", "年度", "文件"] + [taxonomy().name(i) + (f"（{m}）" if m else "") for i, m in cols]
    body = []
    for (unit, year, file), vals in cells.items():
        body.append(
            [unit, year, file] + [aggregate(vals[c], c[1], _stock(c[0])) if c in vals else None for c in cols]
        )
    return header, body
