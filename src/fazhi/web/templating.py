"""The Jinja2 environment of the pages (autoescaped), their filters, and the render helper."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from fastapi import Request
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.templating import Jinja2Templates

from .. import __version__
from ..exports.labels import ACTION_ZH, ROLE_ZH, STATUS_ZH, VERDICT_ZH
from ..model import LEVEL_ZH
from ..rules.catalogue import CATEGORY_ZH, SEVERITY_ZH
from ..settings import env
from ..vocab import STAFF_ROLES
from .deps import Auth, csrf_token

NAV = (
    ("upload", "/upload", "上传", "all"),
    ("reports", "/reports", "报告", "all"),
    ("season", "/season", "报送进度", "staff"),
    ("corpus", "/corpus", "汇总", "all"),
    ("search", "/search", "检索", "all"),
    ("users", "/admin/users", "账号", "admin"),
)


@lru_cache(maxsize=1)
def local_tz() -> tzinfo:
    """FAZHI_TIMEZONE (default Asia/Shanghai): the times shown on pages."""
    name = env("FAZHI_TIMEZONE")
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # no tz database on the machine
        return timezone(timedelta(hours=8))


def fmt_time(value: Any, with_seconds: bool = False) -> str:
    """An ISO time or datetime (UTC if naive) as local `YYYY-MM-DD HH:MM`."""
    if not value:
        return ""
    try:
        dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(local_tz()).strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


def fmt_num(value: Any) -> str:
    """A number without a useless `.0`, with thousands separators; empty for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        if value.is_integer():
            value = int(value)
        else:
            return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def cn_date(value: Any) -> str:
    """`2025-03-01` → `2025年3月1日`."""
    try:
        y, m, d = (int(x) for x in str(value).split("-"))
    except ValueError:
        return str(value or "")
    return f"{y}年{m}月{d}日"


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("fazhi", "templates/web"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(time=fmt_time, num=fmt_num, cn_date=cn_date)
    env.globals.update(
        VERDICT_ZH=VERDICT_ZH,
        ACTION_ZH=ACTION_ZH,
        ROLE_ZH=ROLE_ZH,
        LEVEL_ZH=LEVEL_ZH,
        STATUS_ZH=STATUS_ZH,
        SEVERITY_ZH=SEVERITY_ZH,
        CATEGORY_ZH={str(k): v for k, v in CATEGORY_ZH.items()},
        NAV=NAV,
        version=__version__,
        quote_key=lambda k: quote(str(k), safe=""),
    )
    return env


templates = Jinja2Templates(env=_env())


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A one-line message shown on the next page (kind: ok, warn, error)."""
    request.session.setdefault("flash", [])
    request.session["flash"] = [*request.session["flash"], [kind, message]][-5:]


def render(request: Request, name: str, auth: Auth | None, status: int = 200, **ctx: Any):
    """A page: the template with the signed-in user, the CSRF token, flashed messages and the nav."""
    flashes = request.session.pop("flash", []) if "flash" in request.session else []
    me = None
    if auth is not None:
        me = {
            "name": auth.user.username,
            "role": auth.user.role,
            "is_staff": auth.is_staff,
            "unit": auth.user.unit.name if auth.user.unit else None,
        }
    elif request.session.get("uid"):
        me = {
            "name": request.session.get("name"),
            "role": request.session.get("role"),
            "is_staff": request.session.get("role") in STAFF_ROLES,
            "unit": None,
        }
    ctx.update(me=me, csrf=csrf_token(request), flashes=flashes)
    resp = templates.TemplateResponse(request, name, ctx, status_code=status)
    resp.headers["Cache-Control"] = "no-store"
    return resp
