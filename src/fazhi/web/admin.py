"""Account pages: the administrator's user list (add, disable, reset password, role, unit) and one's own password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store import accounts, common, service
from .deps import DB, PageUser, clean, form_csrf, login_session
from .templating import flash, render

router = APIRouter(include_in_schema=False)


CSRF = [Depends(form_csrf)]


def _require_admin(auth) -> None:
    if auth.user.role != "admin":
        raise common.Forbidden("只有管理员可以管理账号")


@router.get("/admin/users", response_class=HTMLResponse)
def users(request: Request, s: DB, auth: PageUser):
    """Every account, with forms to add one and to change each."""
    _require_admin(auth)
    return render(
        request,
        "users.html",
        auth,
        active="users",
        users=accounts.list_users(s),
        units=service.list_units(s),
        roles=common.ROLES,
        min_password=accounts.MIN_PASSWORD,
    )


def _done(request: Request, message: str) -> RedirectResponse:
    flash(request, message)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users", dependencies=CSRF)
def add_user(
    request: Request,
    s: DB,
    auth: PageUser,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=200)],
    role: Annotated[str, Form()],
    unit: Annotated[str, Form(max_length=200)] = "",
):
    """Add an account."""
    _require_admin(auth)
    u = accounts.create_user(s, clean(username).strip(), clean(password), role, clean(unit).strip() or None)
    return _done(request, f"已创建账号 {u.username}")


@router.post("/admin/users/{username}/active", dependencies=CSRF)
def set_active(request: Request, s: DB, auth: PageUser, username: str, active: Annotated[str, Form()] = "0"):
    """Disable or enable an account (disabling ends its sessions and its API token at once)."""
    _require_admin(auth)
    on = active == "1"
    accounts.set_active(s, username, on)
    return _done(request, f"已{'启用' if on else '停用'}账号 {username}")


@router.post("/admin/users/{username}/password", dependencies=CSRF)
def reset_password(
    request: Request, s: DB, auth: PageUser, username: str, password: Annotated[str, Form(max_length=200)]
):
    """Reset an account's password; its sessions end and a login lockout is lifted."""
    _require_admin(auth)
    accounts.set_password(s, username, clean(password))
    request.app.state.login_guard.unlock(username)
    return _done(request, f"已重置 {username} 的密码，其所有会话已失效")


@router.post("/admin/users/{username}/role", dependencies=CSRF)
def set_role(
    request: Request,
    s: DB,
    auth: PageUser,
    username: str,
    role: Annotated[str, Form()],
    unit: Annotated[str, Form(max_length=200)] = "",
):
    """Change an account's role and unit."""
    _require_admin(auth)
    accounts.set_role(s, username, role, clean(unit).strip() or None)
    return _done(request, f"已更改 {username} 的角色")


@router.get("/account/password", response_class=HTMLResponse)
def password_form(request: Request, auth: PageUser):
    """Change one's own password."""
    return render(request, "password.html", auth, active="", min_password=accounts.MIN_PASSWORD)


@router.post("/account/password", dependencies=CSRF)
def change_password(
    request: Request,
    s: DB,
    auth: PageUser,
    old: Annotated[str, Form(max_length=200)],
    new: Annotated[str, Form(max_length=200)],
):
    """Change one's own password: every other session ends, this one goes on with a fresh login."""
    user = accounts.change_own_password(s, auth.user.id, clean(old), clean(new))
    login_session(request, user)
    flash(request, "密码已修改，其他设备上的登录已失效")
    return RedirectResponse("/reports", status_code=303)
