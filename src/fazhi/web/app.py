"""The app factory: `create_app()` wires sessions, CSRF, the size limit, static files, pages and the API."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..config import Config, load_config
from ..store import common, db
from ..store.analysis import Limits
from ..store.worker import DEFAULT_WORKERS, AnalysisPool
from . import admin, api, copies, office, pages, settings
from .deps import CsrfError, LoginRequired, login_url
from .login_guard import LoginGuard
from .middleware import BodyLimit, HeadAsGet, SecurityHeaders
from .templating import render
from .views import TooLong

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

ERROR_TITLES = {
    400: "请求有误",
    401: "需要登录",
    403: "无权访问",
    404: "未找到",
    405: "不支持的操作",
    409: "内容已被他人修改",
    413: "上传内容过大",
    422: "请求有误",
    500: "服务器错误",
}
CSRF_MESSAGE = "页面已过期或请求来源无效（CSRF 校验失败），请刷新页面后重试"


def create_app(
    database_url: str | None = None,
    *,
    secret_key: str | None = None,
    secure_cookies: bool | None = None,
    config: Config | None = None,
    max_upload_bytes: int | None = None,
    analysis_workers: int = DEFAULT_WORKERS,
    analysis_limits: Limits | None = None,
) -> FastAPI:
    """The workspace app for a database (FAZHI_DATABASE_URL, else SQLite under FAZHI_DATA_DIR)."""
    url = database_url or db.database_url()
    app = FastAPI(
        title="fazhi 审查工作台 API",
        version=__version__,
        description="法治政府建设年度报告审查工作台的接口。脚本使用 `Authorization: Bearer <token>`"
        "（令牌由 `fazhi user token 用户名` 生成）；浏览器会话调用写操作时需在 `X-CSRF-Token` 头中带上页面的 CSRF 令牌。",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served by pages.py, behind login
    )
    app.state.database_url = url
    app.state.sessionmaker = db.get_sessionmaker(url)
    app.state.config = config or load_config()
    app.state.max_upload_bytes = max_upload_bytes
    app.state.analysis = AnalysisPool(
        app.state.sessionmaker, app.state.config, analysis_workers, analysis_limits
    )
    app.state.login_guard = LoginGuard()
    app.state.analysis.resume()  # reports a stopped server left 分析中

    def upload_limit() -> int:
        return common.upload_limit(app.state.max_upload_bytes)

    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or settings.secret_key(),
        session_cookie=settings.SESSION_COOKIE,
        max_age=settings.SESSION_MAX_AGE,
        same_site="lax",
        https_only=settings.secure_cookies() if secure_cookies is None else secure_cookies,
    )
    app.add_middleware(BodyLimit, limit=upload_limit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(office.api)
    app.include_router(pages.router)
    app.include_router(admin.router)
    app.include_router(office.pages)
    app.include_router(copies.api)
    app.include_router(copies.pages)
    _install_error_handlers(app)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, headers: dict | None = None):
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return render(
        request,
        "error.html",
        None,
        status=status,
        title=ERROR_TITLES.get(status, "出错了"),
        message=message,
        code=status,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired):
        return RedirectResponse(login_url(exc.next_url), status_code=303)

    @app.exception_handler(CsrfError)
    async def _csrf(request: Request, exc: CsrfError):
        if request.url.path == "/login":  # an old login page (session expired): show a fresh one
            return render(
                request,
                "login.html",
                None,
                status=403,
                next="/reports",
                error="页面已过期（CSRF 校验失败），请重新登录",
            )
        return _error(request, 403, CSRF_MESSAGE)

    @app.exception_handler(common.Forbidden)
    async def _forbidden(request: Request, exc: common.Forbidden):
        return _error(request, 403, str(exc) or "无权进行此操作")

    @app.exception_handler(common.Conflict)
    async def _conflict(request: Request, exc: common.Conflict):
        if _is_api(request):
            return _error(request, 409, str(exc))
        m = re.match(r"/reports/(\d+)/", request.url.path)
        return render(
            request,
            "error.html",
            None,
            status=409,
            title=ERROR_TITLES[409],
            message=str(exc),
            code=409,
            reload=f"/reports/{m.group(1)}" if m else None,
        )

    @app.exception_handler(common.NotFound)
    async def _not_found(request: Request, exc: common.NotFound):
        return _error(request, 404, str(exc) or "未找到")

    @app.exception_handler(TooLong)
    async def _too_long(request: Request, exc: TooLong):  # the status the API gives the same input
        return _error(request, 422, str(exc))

    @app.exception_handler(common.BadInput)
    async def _bad_input(request: Request, exc: common.BadInput):
        return _error(request, 400, str(exc) or "请求有误")

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError):
        return _error(request, 400, "提交的内容含有无法保存的字符或数值，请检查后重试")

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError):  # a number past what the database can hold
        return _error(request, 400, "参数中的数值超出范围")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if _is_api(request):
            # a bad path or query parameter is a bad request (400); a body that breaks its schema stays 422
            params = all(e.get("loc", ("",))[0] in ("path", "query") for e in exc.errors())
            return JSONResponse(
                {"detail": jsonable_encoder(exc.errors())}, status_code=400 if params else 422
            )
        return _error(request, 400, "提交的内容不完整或格式不对，请返回重试")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else ERROR_TITLES.get(exc.status_code, "出错了")
        if exc.status_code == 404 and not _is_api(request):
            detail = "没有这个页面"
        elif exc.status_code == 405 and not _is_api(request):
            detail = "不支持的操作"
        return _error(request, exc.status_code, detail, headers=getattr(exc, "headers", None))
