"""Database connection: SQLite file by default, PostgreSQL when FAZHI_DATABASE_URL says so."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..settings import env

# SQLite waits this long for a competing writer before giving up (two reviewers at once).
SQLITE_BUSY_TIMEOUT_MS = 15000


def database_url() -> str:
    """FAZHI_DATABASE_URL, else a SQLite file under FAZHI_DATA_DIR (default ./fazhi-data)."""
    url = env("FAZHI_DATABASE_URL")
    if url:
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    data = Path(env("FAZHI_DATA_DIR"))
    data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(data / 'fazhi.db').resolve()}"


def make_engine(url: str) -> Engine:
    """An engine with the pragmas SQLite needs for concurrent use."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _rec):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (Alembic, run in-process)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@lru_cache(maxsize=8)
def _factory(url: str) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(url)
    upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)


def get_sessionmaker(url: str | None = None) -> sessionmaker[Session]:
    """The session factory for a database URL, migrated on first use."""
    return _factory(url or database_url())[1]


def get_engine(url: str | None = None) -> Engine:
    """The engine for a database URL, migrated on first use."""
    return _factory(url or database_url())[0]
