"""Accounts: argon2 password hashes, API tokens stored as hashes, roles."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .common import ROLES, BadInput, NotFound
from .models import Unit, User

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
    u = User(
        username=username, password_hash=hash_password(password), role=role, unit_id=unit.id if unit else None
    )
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


def end_sessions(s: Session, user_id: int) -> None:
    """End every browser session of a user (logout, password change, disabling)."""
    s.execute(update(User).where(User.id == user_id).values(session_version=User.session_version + 1))
    s.commit()


def get_user(s: Session, username: str) -> User:
    """The account with this name (404 if none)."""
    u = s.scalar(select(User).where(User.username == username))
    if u is None:
        raise NotFound(f"用户 {username} 不存在")
    return u


def set_password(s: Session, username: str, password: str) -> User:
    """A new password (reset by an admin or changed by the user); every session of the user ends."""
    if len(password) < MIN_PASSWORD:
        raise BadInput(f"密码至少 {MIN_PASSWORD} 位")
    u = get_user(s, username)
    u.password_hash = hash_password(password)
    u.session_version = (u.session_version or 0) + 1
    s.commit()
    return u


def change_own_password(s: Session, user_id: int, old: str, new: str) -> User:
    """The user changes their own password, proving the old one first."""
    u = s.get(User, user_id)
    if u is None or authenticate(s, u.username, old) is None:
        raise BadInput("原密码不正确")
    return set_password(s, u.username, new)


def set_active(s: Session, username: str, active: bool) -> User:
    """Disable (every session and the API token stop working) or enable an account."""
    u = get_user(s, username)
    if not active and u.role == "admin":
        others = s.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.active.is_(True), User.id != u.id)
        )
        if not others:
            raise BadInput("不能停用最后一个管理员账号")
    u.active = active
    u.session_version = (u.session_version or 0) + 1
    s.commit()
    return u


def set_role(s: Session, username: str, role: str, unit_name: str | None = None) -> User:
    """Change an account's role (and, for a unit account, its unit); its sessions end."""
    if role not in ROLES:
        raise BadInput(f"角色只能是 {'、'.join(ROLES)}")
    u = get_user(s, username)
    if u.role == "admin" and role != "admin":
        others = s.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.active.is_(True), User.id != u.id)
        )
        if not others:
            raise BadInput("不能取消最后一个管理员的管理员角色")
    unit_id = None
    if role == "unit":
        if not unit_name:
            raise BadInput("单位账号必须指定所属单位")
        unit = s.scalar(select(Unit).where(Unit.name == unit_name))
        if unit is None:
            unit = Unit(name=unit_name[:200], aliases="")
            s.add(unit)
            s.flush()
        unit_id = unit.id
    u.role, u.unit_id = role, unit_id
    u.session_version = (u.session_version or 0) + 1
    s.commit()
    return u


def list_users(s: Session) -> list[User]:
    """Every account, by name."""
    return list(s.scalars(select(User).order_by(User.username)))
