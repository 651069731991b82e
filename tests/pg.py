"""A throwaway PostgreSQL server for the tests (pytest plugin; tests/conftest.py loads it).

Fixtures (usable from any test directory):

``pg_server``   session   The server (a ``PgServer``). Started on first use — ``initdb`` into a temp directory,
                          loopback only, trust auth, fsync off — and stopped and removed at session end.
                          While it runs, ``os.environ["FAZHI_TEST_PG_URL"]`` holds the URL of its base
                          database (``postgresql+psycopg://postgres@127.0.0.1:<port>/fazhi_test``).
``pg_url``      module    URL of a fresh, empty database (``CREATE DATABASE fz_<random>``) for one test
                          module, dropped after it. Give it to ``fazhi.store.db.get_sessionmaker(url)``
                          (which runs the migrations) or set it as ``FAZHI_DATABASE_URL``.
``pg_url_factory`` function  ``new() -> url``: as many fresh databases as a test wants, each dropped after it.
``db_url``      function  Parametrized over ``["sqlite", "postgresql"]``: a fresh SQLite file URL or a fresh
                          PostgreSQL database URL; the simplest way to run one test on both backends.
``module_db_url`` module  The same, one database for a whole test module (the web tests' app and the CLI
                          commands they run share it).

Rules:

- If ``FAZHI_TEST_PG_URL`` is already set, no server is started: fresh databases are created on the server it
  points to (the role needs CREATEDB).
- If the PostgreSQL server binaries are missing: with ``CI=true`` every PostgreSQL test FAILS (CI must install
  them: ``.ci/run`` does); otherwise they are skipped with the reason. Binaries are looked up in
  ``$FAZHI_PG_BINDIR``, ``/usr/lib/postgresql/<newest>/bin``, then ``PATH``.
- When the selected tests need PostgreSQL the server is started right after collection, so
  ``FAZHI_TEST_PG_URL`` is set before the first test runs; still, prefer requesting a fixture over reading
  the variable, since a run that selects no PostgreSQL test starts no server.
- Running as root, ``initdb``/``pg_ctl`` run as the ``postgres`` system user (created if absent).

Outside pytest: ``scripts/pg-test-server [command ...]`` starts the same server (see that script).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ENV_URL = "FAZHI_TEST_PG_URL"
ENV_BINDIR = "FAZHI_PG_BINDIR"
BASE_DB = "fazhi_test"
PG_FIXTURES = {"pg_server", "pg_url", "pg_url_factory", "db_url", "module_db_url"}
BACKEND_FIXTURES = ("db_url", "module_db_url")  # parametrized over BACKENDS
BACKENDS = ["sqlite", "postgresql"]


class PgUnavailable(RuntimeError):
    """PostgreSQL server binaries are not installed."""


# ---------------------------------------------------------------- URLs and databases


def sqlalchemy_url(url: str) -> str:
    """The URL with the psycopg 3 driver named (``postgresql://`` would pick psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _libpq_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(sqlalchemy_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(sqlalchemy_url(url)).set(database=name).render_as_string(hide_password=False)


def _admin(url: str):
    import psycopg

    return psycopg.connect(_libpq_url(url), autocommit=True, connect_timeout=10)


def create_database(base_url: str, prefix: str = "fz_") -> str:
    """Create an empty database on the server of base_url; its SQLAlchemy URL."""
    name = prefix + secrets.token_hex(6)
    with _admin(base_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return _with_database(base_url, name)


def drop_database(url: str) -> None:
    """Drop the database of url, closing its remaining connections (cached engines may hold some)."""
    from sqlalchemy.engine import make_url

    name = make_url(sqlalchemy_url(url)).database
    if not name or not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise ValueError(f"refusing to drop database {name!r}")
    with _admin(_with_database(url, "postgres")) as conn:
        if conn.info.server_version >= 130000:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:  # pragma: no cover - old servers
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


# ---------------------------------------------------------------- the server


def find_bindir() -> Path:
    """The directory holding initdb, pg_ctl and postgres."""
    tried = []

    def version(p: str) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", Path(p).parent.parent.name)) or (0,)

    if env := os.environ.get(ENV_BINDIR):  # given explicitly: that one or none
        candidates = [Path(env)]
    else:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)
        candidates = [Path(p).parent for p in found]
        if which := shutil.which("initdb"):
            candidates.append(Path(which).parent)
    for d in candidates:
        tried.append(str(d))
        if all(
            (d / exe).is_file() and os.access(d / exe, os.X_OK) for exe in ("initdb", "pg_ctl", "postgres")
        ):
            return d
    raise PgUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found"
        + (f" in {', '.join(tried)}" if tried else "")
        + "; install them with `apt-get install -y postgresql` (or set FAZHI_PG_BINDIR)"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_user(name: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--home-dir",
                "/var/lib/postgresql",
                "--no-create-home",
                "--shell",
                "/bin/sh",
                name,
            ],
            check=True,
            capture_output=True,
        )


class PgServer:
    """A private PostgreSQL cluster in a temp directory, listening on 127.0.0.1 only."""

    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.tmp: Path | None = None
        self.port: int | None = None
        self.url: str | None = None
        self._as: list[str] = []
        self._stopped = False
        self._watchdog: subprocess.Popen | None = None

    @property
    def data(self) -> Path:
        assert self.tmp is not None
        return self.tmp / "data"

    @property
    def log(self) -> Path:
        assert self.tmp is not None
        return self.tmp / "server.log"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        cmd = [*self._as, *args]
        return subprocess.run(
            cmd,
            cwd=self.tmp,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        )

    def _log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def start(self) -> PgServer:
        """initdb, start on a free port, create the base database; sets self.url."""
        # Under root, postgres refuses to run: use the postgres system user, and a directory it may enter.
        if os.geteuid() == 0:
            _ensure_user("postgres")
            if shutil.which("runuser"):
                self._as = ["runuser", "-u", "postgres", "--"]
            else:  # pragma: no cover - util-linux always has runuser on Debian
                self._as = ["su", "postgres", "-s", "/bin/sh", "-c", '"$0" "$@"']
            self.tmp = Path(tempfile.mkdtemp(prefix="fazhi-pg-", dir="/tmp"))
            pw = pwd.getpwnam("postgres")
            os.chown(self.tmp, pw.pw_uid, pw.pw_gid)
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="fazhi-pg-"))
        atexit.register(self.stop)
        try:
            self._initdb()
            self._start_on_free_port()
            with _admin(_with_database(self.base_url(), "postgres")) as conn:
                conn.execute(f'CREATE DATABASE "{BASE_DB}"')
        except BaseException:
            self.stop()
            raise
        self.url = _with_database(self.base_url(), BASE_DB)
        self._start_watchdog()
        return self

    def _start_watchdog(self) -> None:
        """If this process dies without cleaning up (SIGKILL, a timeout's SIGTERM), stop the server anyway."""
        script = (
            'while kill -0 "$1" 2>/dev/null; do sleep 2; done; pid=$(head -n1 "$2/data/postmaster.pid") '
            '&& kill -QUIT "$pid" 2>/dev/null; for _ in 1 2 3 4 5 6 7 8 9 10; do '
            'kill -0 "$pid" 2>/dev/null || break; sleep 1; done; rm -rf "$2"'
        )
        self._watchdog = subprocess.Popen(
            ["sh", "-c", script, "pg-watchdog", str(os.getpid()), str(self.tmp)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def base_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _initdb(self) -> None:
        common = [
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--no-instructions",
        ]
        r = self._run(*common, "--locale=C.UTF-8")
        if r.returncode != 0:  # no C.UTF-8 locale on this system: byte-order collation is fine for tests
            shutil.rmtree(self.data, ignore_errors=True)
            r = self._run(*common, "--no-locale")
        if r.returncode != 0:
            raise RuntimeError(f"initdb failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")

    def _start_on_free_port(self) -> None:
        last = ""
        for _attempt in range(5):
            self.port = _free_port()
            opts = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -c fsync=off -c synchronous_commit=off "
                f"-c full_page_writes=off -c timezone=UTC -c max_connections=200 -k {self.tmp}"
            )
            r = self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                opts,
                "start",
            )
            if r.returncode == 0:
                return
            last = f"{r.stdout}\n{r.stderr}\n{self._log_tail()}"
            if "could not bind" not in last and "already in use" not in last:
                break
        raise RuntimeError(f"pg_ctl start failed:\n{last}")

    def server_version(self) -> str:
        with _admin(self.url or self.base_url()) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]

    def stop(self) -> None:
        """Stop the server (immediate shutdown) and remove its directory. Safe to call twice."""
        if self._stopped or self.tmp is None:
            return
        self._stopped = True
        if self._watchdog is not None:
            self._watchdog.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._watchdog.wait(5)
        pidfile = self.data / "postmaster.pid"
        if pidfile.exists():
            r = self._run(
                str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60
            )
            if r.returncode != 0 and pidfile.exists():  # pragma: no cover - pg_ctl itself failed
                with contextlib.suppress(OSError, ValueError, IndexError):
                    os.kill(int(pidfile.read_text().split()[0]), signal.SIGQUIT)
                    time.sleep(1)
        shutil.rmtree(self.tmp, ignore_errors=True)


# ---------------------------------------------------------------- pytest plugin

_state: dict = {"server": None, "url": None, "error": None, "own": False, "saved_env": None}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def ensure_server() -> str:
    """The base URL of the test server: FAZHI_TEST_PG_URL if given, else a server started now (once)."""
    if _state["url"]:
        return _state["url"]
    if _state["error"] is not None:
        raise _state["error"]
    given = os.environ.get(ENV_URL)
    if given:
        _state["url"] = sqlalchemy_url(given)
        return _state["url"]
    try:
        server = PgServer().start()
    except Exception as e:
        _state["error"] = e
        raise
    _state.update(server=server, url=server.url, own=True, saved_env=os.environ.get(ENV_URL))
    os.environ[ENV_URL] = server.url
    return server.url


def stop_server() -> None:
    """Stop the server started by ensure_server (if any) and unset FAZHI_TEST_PG_URL."""
    server = _state["server"]
    if server is not None:
        server.stop()
        if _state["saved_env"] is None:
            os.environ.pop(ENV_URL, None)
        else:
            os.environ[ENV_URL] = _state["saved_env"]
    _state.update(server=None, url=None, own=False, saved_env=None)


def _require_server() -> str:
    try:
        return ensure_server()
    except Exception as e:
        err = e
    if not isinstance(err, PgUnavailable):
        pytest.fail(f"could not start the PostgreSQL test server: {type(err).__name__}: {err}", pytrace=False)
    if _in_ci():
        pytest.fail(f"CI=true but PostgreSQL is unavailable: {err}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {err}")


def _needs_pg(item: pytest.Item) -> bool:
    params = getattr(getattr(item, "callspec", None), "params", {})
    if any(f in params for f in BACKEND_FIXTURES):
        return "postgresql" in (params.get(f) for f in BACKEND_FIXTURES)
    return bool(PG_FIXTURES & set(getattr(item, "fixturenames", ()))) or "postgresql" in params.values()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the server before the first test when any selected test needs it (sets FAZHI_TEST_PG_URL)."""
    if any(_needs_pg(item) for item in session.items):
        with contextlib.suppress(Exception):  # the fixtures report the error (skip or fail) per test
            ensure_server()


def pytest_sessionfinish(session: pytest.Session) -> None:
    stop_server()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    err = _state["error"]
    if err is not None:
        verdict = "FAILED (CI=true)" if _in_ci() or not isinstance(err, PgUnavailable) else "skipped"
        terminalreporter.write_line(f"PostgreSQL tests {verdict}: {err}", yellow=True)


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The base URL of the session's PostgreSQL server (also in os.environ['FAZHI_TEST_PG_URL'])."""
    return _require_server()


@pytest.fixture(scope="module")
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh empty PostgreSQL database for this test module (dropped afterwards)."""
    url = create_database(pg_server)
    yield url
    drop_database(url)


@pytest.fixture
def pg_url_factory(pg_server: str) -> Iterator[Callable[[], str]]:
    """``new()`` makes another fresh database; all are dropped after the test."""
    made: list[str] = []

    def new() -> str:
        made.append(create_database(pg_server))
        return made[-1]

    yield new
    for url in made:
        drop_database(url)


def _backend_url(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """A fresh database on the backend of request.param: a SQLite file in folder, or a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{folder / 'fazhi.db'}"
        return
    url = create_database(request.getfixturevalue("pg_server"))
    yield url
    drop_database(url)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL on each backend in turn: a SQLite file, then a PostgreSQL database."""
    yield from _backend_url(request, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Like db_url, one database for the whole test module."""
    yield from _backend_url(request, tmp_path_factory.mktemp("db"))


# ---------------------------------------------------------------- command line (scripts/pg-test-server)


def main(argv: list[str]) -> int:
    """Start a server; run the command with FAZHI_TEST_PG_URL set, or wait for Ctrl-C; then stop it."""
    try:
        server = PgServer().start()
    except PgUnavailable as e:
        print(f"pg-test-server: {e}", file=sys.stderr)
        return 3
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        os.environ[ENV_URL] = server.url
        if argv:
            return subprocess.call(argv)
        print(f"{ENV_URL}={shlex.quote(server.url)}", flush=True)
        print(
            f"PostgreSQL {server.server_version()} in {server.tmp}; Ctrl-C stops it and removes it.",
            file=sys.stderr,
            flush=True,
        )
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
