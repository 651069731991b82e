"""Accounts: argon2 password hashes, API tokens stored as hashes, roles."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Unit, User
from .service import ROLES, BadInput

_hasher = PasswordHasher()
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def create_user(s: Session, username: str, password: str, role: str, unit_name: str | None = None) -> User:
    """Create an account (a unit account is tied to its unit, created if new)."""
    if role not in ROLES:
        raise BadInput(f"角色只能是 {'、'.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise BadInput(f"密码至少 {MIN_PASSWORD} 位")
    if not username.strip():
        raise BadInput("用户名不能为空")
    if s.scalar(select(User).where(User.username == username)) is not None:
        raise BadInput(f"用户 {username} 已存在")
    unit = None
    if role == "unit":
        if not unit_name:
            raise BadInput("单位账号必须指定所属单位")
        unit = s.scalar(select(Unit).where(Unit.name == unit_name))
        if unit is None:
            unit = Unit(name=unit_name, aliases="")
            s.add(unit)
            s.flush()
    u = User(username=username, password_hash=hash_password(password), role=role, unit_id=unit.id if unit else None)
    s.add(u)
    s.commit()
    return u


def authenticate(s: Session, username: str, password: str) -> User | None:
    """The active user with these credentials, else None (same cost whether or not the user exists)."""
    u = s.scalar(select(User).where(User.username == username, User.active.is_(True)))
    if u is None:
        try:
            _hasher.verify(_DUMMY, password)
        except VerificationError:
            pass
        return None
    try:
        _hasher.verify(u.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(u.password_hash):
        u.password_hash = hash_password(password)
        s.commit()
    return u


_DUMMY = _hasher.hash("dummy-password-for-timing")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(s: Session, user: User) -> str:
    """A new API token for the user (only its hash is stored; the old token stops working)."""
    token = "fz_" + secrets.token_urlsafe(32)
    user.token_hash = _token_hash(token)
    s.commit()
    return token


def user_by_token(s: Session, token: str) -> User | None:
    """The active user an API token belongs to."""
    if not token:
        return None
    return s.scalar(select(User).where(User.token_hash == _token_hash(token), User.active.is_(True)))
