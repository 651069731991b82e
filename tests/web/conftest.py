"""Fixtures of the web tests: an app per test module on each database backend, accounts, logged-in clients.

The same test functions run on SQLite (a temporary file) and on PostgreSQL (a fresh database per test
module): the database is tests/pg.py's `module_db_url`.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from web_helpers import ACCOUNTS, PASSWORD, Client, login, shots_used, wait_analysed

from helpers import ROOT, SEED_FILES, seeds_zip


def pytest_terminal_summary(terminalreporter):
    for d in dict.fromkeys(shots_used):
        terminalreporter.write_line(f"browser screenshots: {d}")


@pytest.fixture(scope="module", autouse=True)
def cheap_password_hashes():
    """Argon2 with its production cost takes ~0.2 s a hash; the tests log in hundreds of times."""
    from argon2 import PasswordHasher

    from fazhi.store import accounts

    saved = accounts._hasher
    accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    accounts._hasher = saved


@pytest.fixture(scope="module")
def app(module_db_url):
    """The workspace app on the module's database, with one account of each kind."""
    from fazhi.store import accounts, db
    from fazhi.web import create_app

    web = create_app(module_db_url, secret_key="test-" + uuid.uuid4().hex, secure_cookies=False)
    with web.state.sessionmaker() as s:
        for name, role, unit in ACCOUNTS:
            accounts.create_user(s, name, PASSWORD, role, unit)
    yield web
    web.state.analysis.wait_idle(120)  # nothing left running against a database about to be dropped
    web.state.analysis.close()
    db.get_engine(module_db_url).dispose()  # no live connection left when the PostgreSQL database is dropped
    db._factory.cache_clear()


@pytest.fixture(scope="module")
def clients(app):
    """Logged-in clients by user name (created on first use, closed at the end of the module)."""
    made: dict[str, Client] = {}

    class _Clients(dict):
        def __missing__(self, name):
            made[name] = login(app, name)
            return made[name]

    yield _Clients()
    for c in made.values():
        c.close()


@pytest.fixture(scope="module")
def token(app):
    """API tokens by user name."""
    from sqlalchemy import select

    from fazhi.store import accounts
    from fazhi.store.models import User

    def issue(name: str) -> str:
        with app.state.sessionmaker() as s:
            return accounts.issue_token(s, s.scalar(select(User).where(User.username == name)))

    return issue


@pytest.fixture(scope="module")
def seeded(app, clients):
    """The five seed reports, uploaded as a zip by the admin: {file name prefix: report id}."""
    admin = clients["admin"]
    r = admin.post(
        "/api/reports",
        files={"files": ("seeds.zip", seeds_zip(), "application/zip")},
        headers={"X-CSRF-Token": admin.csrf},
    )
    assert r.status_code == 200, r.text
    wait_analysed(app)
    out = {}
    for item in r.json()["results"]:
        assert item["error"] is None, item
        out[item["source"].split("!/")[-1][:3]] = item["report_id"]
    assert len(out) == len(SEED_FILES)
    return out


@pytest.fixture(scope="module")
def shots():
    """Where the screenshots go; `shot(page, name)` takes one."""
    d = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or ROOT / "out" / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    shots_used.append(d)

    def shot(page, name: str, full: bool = True) -> Path:
        path = d / f"{name}.png"
        page.screenshot(path=str(path), full_page=full)
        print(f"screenshot: {path}")
        return path

    return shot
