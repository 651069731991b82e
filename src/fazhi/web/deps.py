"""Request dependencies: the database session, who is asking (session cookie or API token) and CSRF checks."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from ..store import accounts
from ..store.common import Actor
from ..store.models import User

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class LoginRequired(Exception):
    """A page was asked for without a login: the browser is sent to /login."""

    def __init__(self, next_url: str = "/"):
        super().__init__(next_url)
        self.next_url = next_url


class CsrfError(Exception):
    """A state-changing request without the session's CSRF token (HTTP 403)."""


@dataclass(frozen=True)
class Auth:
    """The signed-in user, the service Actor for them, and how they signed in (session or token)."""

    user: User
    actor: Actor
    via: str

    @property
    def is_staff(self) -> bool:
        """Admins and reviewers."""
        return self.actor.is_staff


def get_db(request: Request) -> Iterator[Session]:
    """One database session per request."""
    s = request.app.state.sessionmaker()
    try:
        yield s
    finally:
        s.close()


DB = Annotated[Session, Depends(get_db)]


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use)."""
    tok = request.session.get("csrf")
    if not tok:
        tok = secrets.token_urlsafe(32)
        request.session["csrf"] = tok
    return tok


def csrf_ok(request: Request, sent: str | None) -> bool:
    """Whether `sent` is the session's CSRF token."""
    expected = request.session.get("csrf")
    return bool(expected and sent) and secrets.compare_digest(str(expected), str(sent))


def password_stamp(user: User) -> str:
    """A digest of the password hash kept in the session: changing the password ends older sessions."""
    return hashlib.sha256(user.password_hash.encode("utf-8")).hexdigest()[:16]


def _session_user(request: Request, s: Session) -> User | None:
    uid = request.session.get("uid")
    if not isinstance(uid, int):
        return None
    u = s.get(User, uid)
    if u is None or not u.active or request.session.get("pw") != password_stamp(u):
        return None  # deleted, disabled, or the password changed since this login
    if request.session.get("sv") != u.session_version:
        return None  # logged out, disabled or reset since this login (every session of the user ends)
    return u


def bearer_token(request: Request) -> str | None:
    """The token of an `Authorization: Bearer …` header, if any."""
    h = request.headers.get("authorization", "")
    scheme, _, token = h.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def authenticate(request: Request, s: Session, allow_token: bool = True) -> Auth | None:
    """Who is asking: a Bearer token (scripts) or the session cookie (browsers); None if neither."""
    token = bearer_token(request) if allow_token else None
    if token is not None:
        u = accounts.user_by_token(s, token)
        return Auth(u, Actor.of(u), "token") if u else None
    u = _session_user(request, s)
    return Auth(u, Actor.of(u), "session") if u else None


def login_session(request: Request, user: User) -> None:
    """Start a fresh session for a user (a new CSRF token too: no session fixation)."""
    request.session.clear()
    request.session.update(
        uid=user.id,
        name=user.username,
        role=user.role,
        pw=password_stamp(user),
        sv=user.session_version,
        csrf=secrets.token_urlsafe(32),
    )


def page_auth(request: Request, s: DB) -> Auth:
    """Pages: the signed-in user, else a redirect to the login page."""
    auth = authenticate(request, s, allow_token=False)
    if auth is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(target)
    return auth


async def form_csrf(request: Request) -> None:
    """Every form POST carries the session's CSRF token in a hidden field (or the X-CSRF-Token header)."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not csrf_ok(request, sent):
        raise CsrfError()


def api_auth(request: Request, s: DB) -> Auth:
    """The API: a Bearer token or the browser session, else 401."""
    auth = authenticate(request, s)
    if auth is None:
        raise HTTPException(
            401,
            "需要登录或 API 令牌（Authorization: Bearer <token>）",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return auth


ApiUser = Annotated[Auth, Depends(api_auth)]


def api_write_auth(request: Request, auth: ApiUser) -> Auth:
    """API calls that change something: with the browser session they need the X-CSRF-Token header."""
    if auth.via == "session" and not csrf_ok(request, request.headers.get(CSRF_HEADER)):
        raise CsrfError()
    return auth


def clean(value: str | None) -> str:
    """User text as stored: without NUL characters (PostgreSQL text cannot hold them; no report has them)."""
    return (value or "").replace("\x00", "")


ApiWriter = Annotated[Auth, Depends(api_write_auth)]
PageUser = Annotated[Auth, Depends(page_auth)]


def safe_next(url: str | None) -> str:
    """A local path to go to after login (never another site)."""
    if not url or not url.startswith("/") or url.startswith(("//", "/\\")) or any(c in url for c in "\r\n"):
        return "/reports"
    return url


def login_url(next_url: str) -> str:
    """/login?next=… for a page the user wanted."""
    return "/login?next=" + quote(safe_next(next_url), safe="/")
