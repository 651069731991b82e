"""The HTML pages: views of the same service calls the API makes, with forms that POST back (CSRF-checked)."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile

from .. import sources
from ..exports import sheet as review_sheet
from ..exports import tables
from ..exports.labels import ACTION_ZH, VERDICT_ZH
from ..model import LEVEL_ZH, PART_KEYS, PART_NAMES, PART_STATUS_ZH
from ..store import accounts, common, lifecycle, service
from ..store import copies as copy_service
from ..store import corpus as corpus_service
from .deps import DB, Auth, LoginRequired, PageUser, authenticate, clean, form_csrf, login_session, safe_next
from .highlight import body_html, chunk_bounds, chunk_of, chunk_result
from .limits import ReportId, page_int, page_year
from .templating import flash, render
from .views import DOCX, XLSX, attachment, ingest_uploads, upload_limit, within

router = APIRouter(include_in_schema=False)
CSRF = [Depends(form_csrf)]

# ---------------------------------------------------------------- login


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, s: DB, next: str = "/reports"):
    """The login page."""
    if authenticate(request, s, allow_token=False) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", None, next=safe_next(next))


LOCKED = object()


def _check_password(app, name: str, password: str, keys: tuple[str, str]):
    """The active user with these credentials (runs on the login guard's own threads); LOCKED if a lock
    was set while this attempt waited for its turn (no hash is computed then)."""
    if app.state.login_guard.retry_after(*keys):
        return LOCKED
    with app.state.sessionmaker() as s:
        return accounts.authenticate(s, name, password)


def _too_many(request: Request, name: str, next_url: str, seconds: int, message: str):
    resp = render(
        request, "login.html", None, status=429, next=safe_next(next_url), username=name, error=message
    )
    resp.headers["Retry-After"] = str(max(1, seconds))
    return resp


def _bad_login(request: Request, name: str, next_url: str):
    """The login page again with the one message for an unknown user and a wrong password (401)."""
    return render(
        request,
        "login.html",
        None,
        status=401,
        next=safe_next(next_url),
        username=name,
        error="用户名或密码不正确",
    )


@router.post("/login", dependencies=CSRF)
async def login(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/reports",
):
    """Check the credentials and start a session; a locked account or address is refused at once (429)."""
    name = clean(username).strip()[:80]
    guard = request.app.state.login_guard
    account, address = guard.keys(name, request.client.host if request.client else "?")
    wait = guard.retry_after(account, address)
    if wait:
        return _too_many(
            request,
            name,
            next,
            wait,
            f"登录失败次数过多，已暂时锁定，请 {max(1, (wait + 59) // 60)} 分钟后再试（或请管理员重置密码）",
        )
    if not name or not password:
        return _bad_login(request, name, next)
    if not guard.try_enter():
        return _too_many(request, name, next, 5, "登录请求过多，请稍后再试")
    try:
        user = await asyncio.get_running_loop().run_in_executor(
            guard.executor, _check_password, request.app, name, clean(password), (account, address)
        )
    finally:
        guard.leave()
    if user is LOCKED:
        wait = guard.retry_after(account, address)
        return _too_many(
            request,
            name,
            next,
            wait,
            f"登录失败次数过多，已暂时锁定，请 {max(1, (wait + 59) // 60)} 分钟后再试",
        )
    if user is None:
        guard.failed(account, address)
        return _bad_login(request, name, next)
    guard.succeeded(account)
    login_session(request, user)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout", dependencies=CSRF)
def logout(request: Request, s: DB):
    """End the session, and every other session of the same user (a copied cookie stops working too)."""
    auth = authenticate(request, s, allow_token=False)
    if auth is not None:
        accounts.end_sessions(s, auth.user.id)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/")
def home(auth: PageUser):
    """Send the user to the report list."""
    return RedirectResponse("/reports", status_code=303)


# ---------------------------------------------------------------- upload and the report list


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request, auth: PageUser):
    """The upload page."""
    return render(
        request, "upload.html", auth, active="upload", results=None, limit_mb=upload_limit(request) // 2**20
    )


@router.post("/upload", response_class=HTMLResponse, dependencies=CSRF)
async def upload(request: Request, s: DB, auth: PageUser):
    form = await request.form()
    try:
        files = [f for f in form.getlist("files") if isinstance(f, StarletteUploadFile) and f.filename]
        return await run_in_threadpool(_upload_page, request, s, auth, files)
    finally:
        await form.close()


def _upload_page(request: Request, s: Session, auth: Auth, files: list[UploadFile]):
    limit_mb = upload_limit(request) // 2**20
    items = ingest_uploads(request, s, auth, files)
    if not items:
        return render(
            request,
            "upload.html",
            auth,
            status=400,
            active="upload",
            results=None,
            limit_mb=limit_mb,
            error="请选择要上传的报告文件（txt、docx、pdf、html 或 zip 压缩包）",
        )
    summaries = {}
    for i in items:
        if i.report_id and i.report_id not in summaries:
            summaries[i.report_id] = service.report_view(s, auth.actor, i.report_id)["report"]
    results = [
        {
            "source": i.source,
            "name": sources.inner_path(i.source),
            "report_id": i.report_id,
            "error": i.error,
            "duplicate": i.duplicate,
            "report": summaries.get(i.report_id),
        }
        for i in items
    ]
    return render(
        request,
        "upload.html",
        auth,
        active="upload",
        results=results,
        limit_mb=limit_mb,
        n_ok=sum(1 for r in results if r["report_id"]),
        n_bad=sum(1 for r in results if r["error"]),
    )


@router.get("/reports", response_class=HTMLResponse)
def reports(request: Request, s: DB, auth: PageUser, year: str | None = None, unit_id: str | None = None):
    """The list of reports the user may see."""
    y, u = page_year(year), page_int(unit_id, "单位（unit_id）")
    rows = service.list_reports(s, auth.actor, year=y, unit_id=u)
    units = service.list_units(s) if auth.is_staff else []
    all_years = sorted({r["year"] for r in service.list_reports(s, auth.actor) if r["year"]}, reverse=True)
    return render(
        request,
        "reports.html",
        auth,
        active="reports",
        rows=rows,
        year=y,
        unit_id=u,
        units=units,
        years=all_years,
        unit_name=next((x.name for x in units if x.id == u), None),
    )


# ---------------------------------------------------------------- one report


def _history_rows(events: list[dict], findings: list[dict], units: dict[int, str]) -> list[dict]:
    by_key = {f["key"]: (n, f) for n, f in enumerate(findings)}
    out = []
    for e in events:
        kind, text, link = e["kind"], "", None
        if kind == "analyse":
            text = f"自动分析（版本 {e.get('version', '')}）"
        elif kind == "finding":
            n, f = by_key.get(e.get("key"), (None, None))
            if "rule" in e and "key" not in e:
                what = f"{e['rule']} 的全部 {e.get('keys', '')} 个问题"
            elif f is None:
                what = e.get("key")
            else:
                what = f"{f['rule']} “{f['quote']}”" if f.get("quote") else f"{f['rule']} {f['message']}"
            text = f"{ACTION_ZH.get(e.get('action'), e.get('action'))}：{what}"
            link = f"?fpage={n // FINDINGS_PAGE + 1}#fk-{n}" if n is not None else None
        elif kind == "verdict":
            text = f"审查结论：{VERDICT_ZH.get(e.get('verdict'), e.get('verdict'))}"
        elif kind == "match":
            uid = e.get("unit_id")
            text = f"单位更正为：{units.get(uid, f'单位 {uid}') if uid else '（不对应任何单位）'}"
        elif kind == "publish":
            text = "标记为已公开" if e.get("published") else "取消已公开标记"
        else:
            text = kind
        who = e.get("user") or ("系统" if kind == "analyse" else "审查人员")
        out.append(
            {
                "at": e["at"],
                "user": who,
                "kind": kind,
                "text": text,
                "link": link,
                "comment": e.get("comment") or e.get("note") or "",
            }
        )
    return out


def _report_context(s: Session, auth: Auth, report_id: ReportId) -> dict[str, Any]:
    view = service.report_view(s, auth.actor, report_id)
    result = view["result"]
    units = service.list_units(s) if auth.is_staff else []
    unit_names = {u.id: u.name for u in units}
    findings = result["findings"]
    for n, f in enumerate(findings):
        f["n"] = n
        f["state"] = (f.get("review") or {}).get("action") or "open"
    parts = [
        {
            "key": k,
            "name": PART_NAMES[k],
            **result["parts"][k],
            "status_zh": PART_STATUS_ZH.get(result["parts"][k]["status"], result["parts"][k]["status"]),
        }
        for k in PART_KEYS
        if k in result.get("parts", {})
    ]
    return {
        "doc": view["report"],
        "result": result,
        "findings": findings,
        "parts": parts,
        "indicators": result.get("indicators", []),
        "units": units,
        "history": _history_rows(service.history(s, auth.actor, report_id), findings, unit_names),
        "counts": review_sheet.review_counts(view),
        "view": view,
        "bulk": _bulk_groups(findings),
    }


# A rule with at least this many findings in one report gets 全部采纳 / 全部排除 buttons.
BULK_MIN = 3


def _bulk_groups(findings: list[dict]) -> list[tuple[str, int, str]]:
    """(rule, count, first message) of the rules with many findings, most frequent first."""
    groups: dict[str, list[dict]] = {}
    for f in findings:
        groups.setdefault(f["rule"], []).append(f)
    many = [(r, len(fs), fs[0]["message"]) for r, fs in groups.items() if len(fs) >= BULK_MIN]
    return sorted(many, key=lambda g: -g[1])


# Findings shown per page of the report page (a long report can carry thousands).
FINDINGS_PAGE = 100


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(
    request: Request,
    report_id: ReportId,
    s: DB,
    auth: PageUser,
    part: str | None = None,
    fpage: str | None = None,
):
    """One report: marked text (in pieces for a long one), findings to review (paged), verdict."""
    summary = common.doc_summary(common.get_document(s, auth.actor, report_id))
    if summary["status"] != "done":
        return render(request, "report_status.html", auth, active="reports", doc=summary)
    ctx = _report_context(s, auth, report_id)
    bounds = chunk_bounds(ctx["result"].get("text") or "")
    k = (page_int(part, "分段（part）", 1, len(bounds)) or 1) - 1
    n_pages = max(1, -(-len(ctx["findings"]) // FINDINGS_PAGE))
    fp = page_int(fpage, "问题页（fpage）", 1, n_pages) or 1
    for f in ctx["findings"]:
        c = chunk_of(bounds, f.get("start"))
        f["href"] = f"#f{f['n']}" if c == k else f"?part={c + 1}&fpage={fp}#f{f['n']}"
    shown = ctx["findings"][(fp - 1) * FINDINGS_PAGE : fp * FINDINGS_PAGE]
    a, b = bounds[k]
    ctx["n_indicators"] = len(ctx["indicators"])
    ctx["indicators"] = [dict(i, n=n) for n, i in enumerate(ctx["indicators"]) if a <= i["start"] < b]
    return render(
        request,
        "report.html",
        auth,
        active="reports",
        body=body_html(chunk_result(ctx["result"], *bounds[k])),
        part=k + 1,
        n_parts=len(bounds),
        fpage=fp,
        n_fpages=n_pages,
        shown=shown,
        versions=lifecycle.versions(s, auth.actor, report_id),
        copies=copy_service.copies_of(s, auth.actor, report_id),
        **ctx,
    )


def _back(report_id: ReportId, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/reports/{report_id}{anchor}", status_code=303)


@router.post("/reports/{report_id}/findings/{key}", dependencies=CSRF)
def review(
    request: Request,
    s: DB,
    auth: PageUser,
    report_id: ReportId,
    key: str,
    action: Annotated[str, Form()],
    comment: Annotated[str, Form()] = "",
    n: Annotated[str, Form()] = "",
    seen: Annotated[str, Form()] = "",
):
    """Accept or dismiss one finding (a page older than the last decision gets 409 and a link to reload)."""
    expected = page_int(seen, "版本（seen）", 0) if seen else None
    service.review_finding(
        s,
        auth.actor,
        report_id,
        key,
        action,
        within(clean(comment).strip(), common.COMMENT_MAX, "处理意见"),
        expected,
    )
    flash(request, f"已{'采纳' if action == 'accepted' else '排除'}问题 {key.split(':')[0]}")
    anchor = f"?fpage={int(n) // FINDINGS_PAGE + 1}#fk-{int(n)}" if n.isdigit() and len(n) < 9 else ""
    return _back(report_id, anchor)


@router.post("/reports/{report_id}/rules/{rule}", dependencies=CSRF)
def review_all(
    request: Request, s: DB, auth: PageUser, report_id: ReportId, rule: str, action: Annotated[str, Form()]
):
    """Accept or dismiss every finding of one rule."""
    n = service.review_rule(s, auth.actor, report_id, rule, action)
    flash(request, f"已{'采纳' if action == 'accepted' else '排除'} {rule} 的全部 {n} 个问题")
    return _back(report_id)


@router.post("/reports/{report_id}/verdict", dependencies=CSRF)
def verdict(
    request: Request,
    s: DB,
    auth: PageUser,
    report_id: ReportId,
    verdict: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
):
    """Record the overall verdict."""
    service.set_verdict(
        s, auth.actor, report_id, verdict, within(clean(note).strip(), common.NOTE_MAX, "审查意见")
    )
    flash(request, f"审查结论已保存：{VERDICT_ZH.get(verdict, verdict)}")
    return _back(report_id)


@router.post("/reports/{report_id}/unit", dependencies=CSRF)
def unit(request: Request, s: DB, auth: PageUser, report_id: ReportId, unit_id: Annotated[str, Form()] = ""):
    """Correct the report's unit."""
    doc = service.set_unit(
        s, auth.actor, report_id, None if unit_id == "none" else page_int(unit_id, "单位编号")
    )
    flash(request, f"报告单位已更正为：{doc.unit.name if doc.unit else '（不对应任何单位）'}")
    return _back(report_id)


@router.post("/reports/{report_id}/published", dependencies=CSRF)
def published(
    request: Request, s: DB, auth: PageUser, report_id: ReportId, published: Annotated[str, Form()] = "1"
):
    """Mark the report as published (or not)."""
    on = published not in ("0", "false", "")
    lifecycle.set_published(s, auth.actor, report_id, on)
    flash(request, "已标记为已公开" if on else "已取消已公开标记")
    return _back(report_id)


@router.post("/reports/{report_id}/reanalyze", dependencies=CSRF)
def reanalyze(request: Request, report_id: ReportId, s: DB, auth: PageUser):
    """Queue the stored report for analysis again with the current rules (the page updates itself)."""
    service.requeue(s, auth.actor, report_id)
    request.app.state.analysis.submit(report_id)
    flash(request, "已加入重新分析队列；分析完成后本页自动刷新，原有的处理结果按问题保留")
    return _back(report_id)


@router.get("/reports/{report_id}/sheet", response_class=HTMLResponse)
def sheet(request: Request, report_id: ReportId, s: DB, auth: PageUser):
    """The printable review sheet."""
    view = service.report_view(s, auth.actor, report_id)
    service.analysed(view)
    return render(
        request,
        "sheet.html",
        auth,
        active="reports",
        doc=view["report"],
        fields=review_sheet.sheet_fields(view),
        todo=review_sheet.accepted_findings(view),
        counts=review_sheet.review_counts(view),
        today=date.today(),
    )


@router.get("/reports/{report_id}/sheet.docx")
def sheet_docx(report_id: ReportId, s: DB, auth: PageUser):
    """The review sheet as a Word file."""
    view = service.report_view(s, auth.actor, report_id)
    service.analysed(view)
    r = view["report"]
    name = f"审查意见-{r.get('unit') or r.get('detected_unit') or report_id}-{r.get('year') or ''}.docx"
    return Response(
        review_sheet.review_docx(view), media_type=DOCX, headers=attachment(name.replace("/", "_"))
    )


@router.get("/reports/{report_id}/original")
def original(report_id: ReportId, s: DB, auth: PageUser):
    """The uploaded file, unchanged."""
    name, data = service.original_file(s, auth.actor, report_id)
    return Response(data, media_type="application/octet-stream", headers=attachment(name.replace("/", "_")))


# ---------------------------------------------------------------- the season


def default_year(today: date | None = None) -> int:
    """The season being collected: last year's reports (due in the first months of this year)."""
    return (today or date.today()).year - 1


@router.get("/season", response_class=HTMLResponse)
def season(request: Request, s: DB, auth: PageUser, year: str | None = None):
    """The season table: expected units and their status."""
    y = page_year(year) or default_year()
    data = service.season(s, auth.actor, y, request.app.state.config)
    return render(request, "season.html", auth, active="season", year=y, data=data, level_zh=LEVEL_ZH)


@router.post("/season", dependencies=CSRF)
def season_register(
    request: Request,
    s: DB,
    auth: PageUser,
    year: Annotated[int, Form(ge=common.YEAR_MIN, le=common.YEAR_MAX)],
    listing: Annotated[str, Form()] = "",
):
    """Register the units expected to report."""
    units = service.register_units(
        s, auth.actor, year, within(clean(listing), common.LISTING_MAX, "单位名单")
    )
    flash(
        request,
        f"已登记 {len(units)} 个单位为 {year} 年度应报送单位"
        if units
        else "没有可登记的单位（每行一个：名称,层级,上级）",
        "ok" if units else "warn",
    )
    return RedirectResponse(f"/season?year={year}", status_code=303)


# ---------------------------------------------------------------- corpus


CORPUS_SORTS = {"unit": "单位", "year": "年度", "score": "评分", "errors": "错误数"}


def _corpus_filters(year, level, parent, status, sort) -> dict[str, Any]:
    return {
        "year": page_year(year),
        "level": clean(level) or None,
        "parent": clean(parent) or None,
        "status": status if status in VERDICT_ZH else None,
        "sort": sort if sort in CORPUS_SORTS else "unit",
    }


@router.get("/corpus", response_class=HTMLResponse)
def corpus(
    request: Request,
    s: DB,
    auth: PageUser,
    year: str | None = None,
    level: str | None = None,
    parent: str | None = None,
    status: str | None = None,
    sort: str = "unit",
):
    """Units × years with scores, findings and key indicators, with charts."""
    f = _corpus_filters(year, level, parent, status, sort)
    rows = corpus_service.corpus(s, auth.actor, **f)
    every_year = corpus_service.corpus(
        s, auth.actor, level=f["level"], parent=f["parent"], status=f["status"], sort="unit"
    )
    parents = sorted({u.parent for u in service.list_units(s) if u.parent}) if auth.is_staff else []
    keys = tables.key_indicator_columns()
    chart = {
        "indicators": [{"id": k, "name": n} for k, n in keys],
        "rows": [
            {
                "unit": r["unit_name"],
                "year": r["year"],
                "score": r["score"],
                "errors": r["errors"],
                "warnings": r["warnings"],
                "indicators": r["indicators"],
            }
            for r in rows
        ],
        "history": [
            {
                "unit": r["unit_name"],
                "year": r["year"],
                "score": r["score"],
                "errors": r["errors"],
                "indicators": r["indicators"],
            }
            for r in every_year
            if r["year"]
        ],
    }
    query = {k: v for k, v in f.items() if v is not None and k != "sort"}
    return render(
        request,
        "corpus.html",
        auth,
        active="corpus",
        rows=rows,
        f=f,
        keys=keys,
        parents=parents,
        years=sorted({r["year"] for r in every_year if r["year"]}, reverse=True),
        sorts=CORPUS_SORTS,
        chart=chart,
        base_query=urlencode(query),
        export_query=urlencode({**query, "sort": f["sort"]}),
    )


@router.get("/corpus.xlsx")
def corpus_xlsx(
    s: DB,
    auth: PageUser,
    year: str | None = None,
    level: str | None = None,
    parent: str | None = None,
    status: str | None = None,
    sort: str = "unit",
):
    """The corpus table as XLSX."""
    f = _corpus_filters(year, level, parent, status, sort)
    rows = corpus_service.corpus(s, auth.actor, **f)
    name = f"汇总{'-' + str(f['year']) if f['year'] else ''}.xlsx"
    return Response(tables.corpus_xlsx(rows), media_type=XLSX, headers=attachment(name))


# ---------------------------------------------------------------- search


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, s: DB, auth: PageUser, q: Annotated[str, Query(max_length=200)] = ""):
    """Full-text search with hits in context."""
    error, hits = None, []
    try:
        hits = corpus_service.search(s, auth.actor, clean(q))
    except common.BadInput as e:
        error = str(e)
    groups: dict[int, dict] = {}
    for h in hits:
        g = groups.setdefault(
            h["report_id"],
            {
                "report_id": h["report_id"],
                "title": h["title"],
                "unit": h["unit"],
                "year": h["year"],
                "hits": [],
            },
        )
        g["hits"].append(h)
    for g in groups.values():
        g["total"] = g["hits"][0]["report_hits"]
    return render(
        request,
        "search.html",
        auth,
        active="search",
        q=q,
        groups=list(groups.values()),
        n_hits=sum(g["total"] for g in groups.values()),
        error=error,
        limit=corpus_service.SEARCH_LIMIT,
    )


# ---------------------------------------------------------------- API docs, behind login


@router.get("/openapi.json")
def openapi(request: Request, s: DB):
    """The OpenAPI document (logged-in users only)."""
    if authenticate(request, s) is None:
        return JSONResponse(
            {"detail": "需要登录或 API 令牌"}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )
    return JSONResponse(request.app.openapi())


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request, s: DB):
    """The API documentation page (logged-in users only)."""
    auth = authenticate(request, s)
    if auth is None:
        raise LoginRequired("/docs")
    return render(request, "docs.html", auth, active="docs")
