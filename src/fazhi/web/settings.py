"""Settings of the web app, from FAZHI_* environment variables and the data directory."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from ..settings import env

SECRET_FILE = "secret.key"
SESSION_COOKIE = "fazhi_session"
SESSION_MAX_AGE = 12 * 60 * 60  # a working day; then log in again
TRUE_WORDS = ("1", "true", "yes", "on")


def data_dir() -> Path:
    """FAZHI_DATA_DIR, else ./fazhi-data (the same directory the SQLite file lives in)."""
    return Path(env("FAZHI_DATA_DIR"))


def secret_key(directory: Path | None = None) -> str:
    """FAZHI_SECRET_KEY, else a random key generated once and kept in `<data dir>/secret.key` (mode 600)."""
    given = env("FAZHI_SECRET_KEY").strip()
    if given:
        return given
    d = directory or data_dir()
    d.mkdir(parents=True, exist_ok=True)
    path = d / SECRET_FILE
    if path.is_file():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
        path.unlink()
    key = secrets.token_urlsafe(48)
    try:  # O_EXCL: two workers starting at once end up with the same key
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(key + "\n")
    return key


def secure_cookies() -> bool:
    """FAZHI_SECURE_COOKIES=1: the session cookie is sent over HTTPS only (set it behind a TLS proxy)."""
    return env("FAZHI_SECURE_COOKIES").strip().lower() in TRUE_WORDS
