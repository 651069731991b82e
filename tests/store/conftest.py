"""The `store` fixture of the store tests: a fresh migrated database (SQLite, then PostgreSQL) with two users."""

from __future__ import annotations

import pytest
from store_helpers import Store

from fazhi.store.db import get_engine


@pytest.fixture
def store(db_url: str):
    """A fresh migrated database with an admin and a reviewer, on each backend in turn."""
    st = Store(db_url)
    yield st
    get_engine(db_url).dispose()  # let the PostgreSQL database be dropped without killing live connections
