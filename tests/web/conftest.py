"""Fixtures of the web tests: an app per test module on each database backend, accounts, logged-in clients.

The same test functions run on SQLite (a temporary file, always) and on PostgreSQL when
FAZHI_TEST_PG_URL is set (a fresh schema per test module, dropped afterwards).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from web_helpers import (
    ACCOUNTS,
    PASSWORD,
    ROOT,
    SEED_FILES,
    Client,
    login,
    seeds_zip,
    shots_used,
    wait_analysed,
)

PG_ENV = "FAZHI_TEST_PG_URL"


def _pg_url(base: str, schema: str) -> str:
    from sqlalchemy.engine import make_url

    if base.startswith("postgresql://"):
        base = "postgresql+psycopg://" + base[len("postgresql://") :]
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema},public"})
    return url.render_as_string(hide_password=False)


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


def _dispose(url: str) -> None:
    from fazhi.store import db

    db.get_engine(url).dispose()
    db._factory.cache_clear()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory):
    """A fresh, empty database for the test module: a SQLite file, or a new PostgreSQL database.

    PostgreSQL comes from the `pg_url` fixture of tests/pg.py (a fresh database per module) when that
    plugin is loaded; otherwise from FAZHI_TEST_PG_URL (a fresh schema per module), skipped when unset.
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'fazhi.db'}"
        return
    try:
        url = request.getfixturevalue("pg_url")
    except pytest.FixtureLookupError:
        url = None
    if url is not None:
        yield url
        _dispose(url)
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} 未设置：跳过 PostgreSQL")
    from sqlalchemy import create_engine, text

    schema = f"fazhi_web_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_url(base, "public"))
    with admin.begin() as conn:
        # pg_trgm lives in public (on the search path of every test schema), so a schema's drop keeps it
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = _pg_url(base, schema)
    try:
        yield url
    finally:
        _dispose(url)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def app(db_url):
    """The workspace app on the module's database, with one account of each kind."""
    from fazhi.store import accounts
    from fazhi.web import create_app

    web = create_app(db_url, secret_key="test-" + uuid.uuid4().hex, secure_cookies=False)
    with web.state.sessionmaker() as s:
        for name, role, unit in ACCOUNTS:
            accounts.create_user(s, name, PASSWORD, role, unit)
    yield web
    web.state.analysis.wait_idle(120)  # nothing left running against a database about to be dropped
    web.state.analysis.close()


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
    r = admin.post("/api/reports", files={"files": ("seeds.zip", seeds_zip(), "application/zip")},
                   headers={"X-CSRF-Token": admin.csrf})
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
