"""ASGI middleware: the request size limit (413) and security headers on every response."""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store import common

# Room for the multipart envelope and form fields around the file(s) of one upload.
ENVELOPE_BYTES = 1024 * 1024


def upload_limit_mb(limit: int) -> str:
    """A byte count as whole MB for messages."""
    return f"{max(1, limit // 2**20)} MB"


def too_large_message(limit: int) -> str:
    """What the user is told when a request body is over the limit."""
    return (
        f"上传内容过大：单次上传（一个文件或一个压缩包）不能超过 {upload_limit_mb(limit)}，请拆分后分批上传"
    )


class BodyLimit:
    """Refuse request bodies over the upload limit: by Content-Length up front, else while streaming."""

    def __init__(self, app: ASGIApp, limit: Callable[[], int] | None = None):
        self.app = app
        self.limit = limit or common.upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        file_limit = self.limit()
        limit = file_limit + ENVELOPE_BYTES
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > limit
            except ValueError:
                too_big = False
            if too_big:
                await self._refuse(scope, send, file_limit)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise HTTPException(413, too_large_message(file_limit))
            return msg

        await self.app(scope, counted, send)

    async def _refuse(self, scope: Scope, send: Send, file_limit: int) -> None:
        msg = too_large_message(file_limit)
        path = scope.get("path", "")
        accept = dict(scope.get("headers") or []).get(b"accept", b"").decode("latin-1")
        if path.startswith("/api/") or "text/html" not in accept:
            body, ctype = json.dumps({"detail": msg}, ensure_ascii=False).encode("utf-8"), b"application/json"
        else:
            from html import escape

            body = (
                '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>上传内容过大</title>'
                '<link rel="stylesheet" href="/static/css/app.css">'
                f'<main class="container"><div class="panel error-panel"><h1>上传内容过大</h1><p>{escape(msg)}</p>'
                '<p><a class="btn" href="/upload">返回上传页面</a></p></div></main></html>'
            ).encode()
            ctype = b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", ctype),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy", CSP.encode("ascii")),
)


class HeadAsGet:
    """HEAD is answered like GET without the body (pages and API gave 405)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def no_body(msg: Message) -> None:
            if msg["type"] == "http.response.body":
                msg = {**msg, "body": b""}
            await send(msg)

        await self.app({**scope, "method": "GET"}, receive, no_body)


class SecurityHeaders:
    """No inline scripts, no framing, no MIME sniffing: report text can never run as code.

    Everything but the static files is `Cache-Control: no-store`: API answers and downloads hold
    reports that a shared or back-button cache must not keep.
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        static = scope.get("path", "").startswith("/static/")

        async def with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                present = {k.lower() for k, _ in msg.get("headers", [])}
                extra = [h for h in SECURITY_HEADERS if h[0] not in present]
                if not static and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                msg["headers"] = list(msg.get("headers", [])) + extra
            await send(msg)

        await self.app(scope, receive, with_headers)
