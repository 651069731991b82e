"""Shared fixtures: the five seed reports (bundled in samples/) and their analyses; PostgreSQL (tests/pg.py)."""

from __future__ import annotations

import pytest

from helpers import SEED_IDS, seed_report

pytest_plugins = ["pg"]  # PostgreSQL test server and database fixtures (tests/pg.py)


@pytest.fixture(params=SEED_IDS)
def seed(request):
    """Each seed's report in turn."""
    return seed_report(request.param)
