"""Quantities and indicators (being built; see issue 4)."""

from __future__ import annotations


def extract(report):
    """Return (indicators, facts) found in the report."""
    return [], []
