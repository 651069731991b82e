"""Shared fixtures: the five seed reports (bundled in samples/) and their analyses."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

pytest_plugins = ["pg"]  # PostgreSQL test server and database fixtures (tests/pg.py)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED_FILES = sorted(SAMPLES.glob("*.txt"))


@cache
def seed_report(prefix: str):
    """The analysis of the seed whose file name starts with prefix (cached across tests)."""
    import fazhi

    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return fazhi.analyze(path)


@pytest.fixture(params=[p.name[:3] for p in SEED_FILES])
def seed(request):
    """Each seed's report in turn."""
    return seed_report(request.param)
