"""Quantities and indicators: stage 7 of the pipeline (issue 4).

`extract(report)` finds every quantity of the body (quantities.find), maps each to an indicator of
the taxonomy by its context (mapping.map_quantities) and returns (indicators, facts); everything
that is not clearly an indicator is a fact with id `other`.
"""

from __future__ import annotations

from ..analysis import Analysis
from ..model import Indicator
from .mapping import Mention, map_quantities
from .quantities import Quantity, find
from .taxonomy import OTHER_ID, taxonomy

__all__ = ["Mention", "Quantity", "extract", "find", "mentions", "taxonomy", "OTHER_ID"]


def mentions(report: Analysis) -> list[Mention]:
    """Every quantity of the report in its context (computed once per report, kept on it)."""
    if report.mentions is not None:
        return report.mentions
    lo, hi = (
        report.body_span
        if report.body_span and report.body_span[1] > report.body_span[0]
        else (0, len(report.text))
    )
    result = map_quantities(report, find(report.text, lo, hi))
    report.mentions = result
    return result


def to_indicator(m: Mention) -> Indicator:
    """The contract record of a mention."""
    return Indicator(
        id=m.id,
        name=taxonomy().name(m.id),
        value=m.q.value,
        unit=m.q.unit,
        qualifier=m.q.qualifier,
        start=m.start,
        end=m.end,
        section=m.section,
    )


def extract(report) -> tuple[list[Indicator], list[Indicator]]:
    """Return (indicators, facts) found in the report."""
    inds, facts = [], []
    for m in mentions(report):
        (facts if m.id == OTHER_ID else inds).append(to_indicator(m))
    return inds, facts
