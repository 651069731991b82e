"""Helpers of the web tests: accounts, the seed zip, a TestClient that keeps the CSRF token."""

from __future__ import annotations

import contextlib
import re
import warnings
from pathlib import Path

with warnings.catch_warnings():  # starlette's note about httpx2 is not ours to act on
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct-horse-42"
UNIT_A = "昌州街道"  # the unit of seed 000
UNIT_B = "吴家镇"  # the unit of seed 004
ACCOUNTS = (
    ("admin", "admin", None),
    ("reviewer", "reviewer", None),
    ("reviewer2", "reviewer", None),
    ("unit_a", "unit", UNIT_A),
    ("unit_b", "unit", UNIT_B),
)
shots_used: list[Path] = []  # screenshot directories written in this run (printed at the end)
CSRF_RE = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


class Client(TestClient):
    """A TestClient that remembers the session's CSRF token."""

    csrf: str = ""

    def refresh_csrf(self) -> str:
        """Read the CSRF token from a page (it changes at login)."""
        r = self.get("/login" if not self.cookies else "/search")
        m = CSRF_RE.search(r.text)
        assert m, r.text[:500]
        self.csrf = m.group(1)
        return self.csrf

    def form(self, url: str, data: dict | None = None, **kw):
        """POST a form with the CSRF token, as the page would."""
        return self.post(url, data={"csrf_token": self.csrf, **(data or {})}, follow_redirects=False, **kw)

    def api_post(self, url: str, json=None, **kw):
        """POST JSON with the X-CSRF-Token header (an API call from the browser session)."""
        return self.post(url, json=json, headers={"X-CSRF-Token": self.csrf}, **kw)


def login(app, username: str, password: str = PASSWORD) -> Client:
    """A client logged in as `username` through the login form."""
    c = Client(app)
    c.refresh_csrf()
    r = c.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": c.csrf, "next": "/reports"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:500]
    c.refresh_csrf()
    return c


def db_session(app):
    """A database session on the app's database (for checks behind the pages' back)."""
    return app.state.sessionmaker()


def wait_analysed(app, timeout: float = 120.0) -> None:
    """Wait until the app's analysis pool has no report left 分析中 (uploads are analysed in the background)."""
    assert app.state.analysis.wait_idle(timeout), "analysis did not finish in time"


@contextlib.contextmanager
def serving(app):
    """uvicorn serving `app` on a free loopback port in a thread; yields the base URL, stops on exit."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
