"""The JSON API under /api/: the same service calls as the pages, for scripts (Bearer token) and browsers."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field, model_validator

from ..exports import tables
from ..store import common, lifecycle, service
from ..store import corpus as corpus_service
from .deps import DB, ApiUser, ApiWriter, clean
from .limits import IdQuery, ReportId, YearPath, YearQuery
from .views import XLSX, attachment, ingest_uploads

router = APIRouter(prefix="/api", tags=["审查工作台"])


def _strip_nul(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_strip_nul(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_nul(v) for k, v in value.items()}
    return value


class Body(BaseModel):
    """Request bodies: NUL characters are dropped from every string (the database cannot store them)."""

    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, data: Any) -> Any:
        return _strip_nul(data)


class ReviewIn(Body):
    """A decision on one finding."""

    action: str = Field(description="accepted（采纳，需修改）或 dismissed（排除）")
    comment: str = Field("", max_length=common.COMMENT_MAX)
    expected_revision: int | None = Field(
        None,
        ge=0,
        le=common.MAX_ID,
        description="页面所见的处理版本（0 表示尚未处理）；已被他人修改时返回 409",
    )


class VerdictIn(Body):
    """The overall verdict."""

    verdict: str = Field(description="pass（通过）、return（退回修改）或 pending（待审查）")
    note: str = Field("", max_length=common.NOTE_MAX)


class UnitIn(Body):
    """The registered unit a report belongs to (null: none)."""

    unit_id: int | None = Field(ge=1, le=common.MAX_ID)


class PublishedIn(Body):
    """Whether the report has been published."""

    published: bool = True


class UnitRow(Body):
    """One unit expected to report."""

    name: str = Field(max_length=200)
    level: str | None = None
    parent: str | None = None


class SeasonIn(Body):
    """Units expected to report: a pasted list (`名称,层级,上级` a line) and/or rows."""

    listing: str = Field("", max_length=common.LISTING_MAX)
    units: list[UnitRow] = []


class UnitsIn(SeasonIn):
    """Units to register for a year."""

    year: int = Field(ge=common.YEAR_MIN, le=common.YEAR_MAX)


def _listing(body: SeasonIn) -> str:
    lines = [body.listing] if body.listing else []
    for u in body.units:
        cells = [u.name, u.level or "", u.parent or ""]
        lines.append(",".join(c.replace(",", " ").replace("，", " ").replace("\n", " ") for c in cells))
    return "\n".join(lines)


def unit_json(u) -> dict[str, Any]:
    """The JSON form of a registered unit."""
    return {
        "id": u.id,
        "name": u.name,
        "level": u.level,
        "parent": u.parent,
        "aliases": [a for a in (u.aliases or "").splitlines() if a.strip()],
    }


@router.post("/reports", summary="上传报告（一个或多个文件、zip 压缩包）")
def upload_reports(
    request: Request, files: Annotated[list[UploadFile], File()], s: DB, auth: ApiWriter
) -> dict:
    """上传报告（一个或多个文件、zip 压缩包）"""
    items = ingest_uploads(request, s, auth, files)
    return {
        "results": [asdict(i) for i in items],
        "stored": sum(1 for i in items if i.report_id and not i.duplicate),
        "failed": sum(1 for i in items if i.error),
    }


@router.get("/reports", summary="报告列表")
def get_reports(s: DB, auth: ApiUser, year: YearQuery = None, unit_id: IdQuery = None) -> dict:
    """报告列表"""
    return {"reports": service.list_reports(s, auth.actor, year=year, unit_id=unit_id)}


@router.get("/reports/status", summary="分析状态（分析中 / 已分析 / 失败 / 超出限制）")
def get_statuses(
    s: DB, auth: ApiUser, ids: Annotated[str, Query(max_length=2000, pattern=r"^[0-9,]+$")]
) -> dict:
    """分析状态（分析中 / 已分析 / 失败 / 超出限制）"""
    wanted = [int(x) for x in ids.split(",") if x and len(x) <= 18][:200]
    return {"statuses": {str(k): v for k, v in service.statuses(s, auth.actor, wanted).items()}}


@router.get("/reports/{report_id}", summary="一份报告：分析结果（JSON 约定）、问题的处理状态和审查记录")
def get_report(report_id: ReportId, s: DB, auth: ApiUser) -> dict:
    """一份报告：分析结果（JSON 约定）、问题的处理状态和审查记录"""
    view = service.report_view(s, auth.actor, report_id)
    view["history"] = service.history(s, auth.actor, report_id)
    return view


@router.get("/reports/{report_id}/history", summary="审查记录")
def get_history(report_id: ReportId, s: DB, auth: ApiUser) -> dict:
    """审查记录"""
    return {"history": service.history(s, auth.actor, report_id)}


@router.post("/reports/{report_id}/findings/{key}", summary="采纳或排除一个问题")
def post_finding(report_id: ReportId, key: str, body: ReviewIn, s: DB, auth: ApiWriter) -> dict:
    """采纳或排除一个问题"""
    st = service.review_finding(
        s, auth.actor, report_id, key, body.action, body.comment, body.expected_revision
    )
    return {
        "key": st.finding_key,
        "action": st.action,
        "comment": st.comment,
        "at": common.iso(st.at),
        "revision": st.revision,
    }


@router.post("/reports/{report_id}/rules/{rule}", summary="一次采纳或排除某条规则的全部问题")
def post_rule(report_id: ReportId, rule: str, body: ReviewIn, s: DB, auth: ApiWriter) -> dict:
    """一次采纳或排除某条规则的全部问题"""
    n = service.review_rule(s, auth.actor, report_id, rule, body.action, body.comment)
    return {"rule": rule, "action": body.action, "count": n}


@router.get("/reports/{report_id}/original", summary="下载报告原件（上传时的文件）")
def get_original(report_id: ReportId, s: DB, auth: ApiUser) -> Response:
    """下载报告原件（上传时的文件）"""
    name, data = service.original_file(s, auth.actor, report_id)
    return Response(data, media_type="application/octet-stream", headers=attachment(name.replace("/", "_")))


@router.post("/reports/{report_id}/verdict", summary="审查结论")
def post_verdict(report_id: ReportId, body: VerdictIn, s: DB, auth: ApiWriter) -> dict:
    """审查结论"""
    return {
        "report": common.doc_summary(service.set_verdict(s, auth.actor, report_id, body.verdict, body.note))
    }


@router.post("/reports/{report_id}/unit", summary="更正报告对应的单位")
def post_unit(report_id: ReportId, body: UnitIn, s: DB, auth: ApiWriter) -> dict:
    """更正报告对应的单位"""
    return {"report": common.doc_summary(service.set_unit(s, auth.actor, report_id, body.unit_id))}


@router.post("/reports/{report_id}/published", summary="标记为已公开（或取消）")
def post_published(report_id: ReportId, body: PublishedIn, s: DB, auth: ApiWriter) -> dict:
    """标记为已公开（或取消）"""
    return {"report": common.doc_summary(lifecycle.set_published(s, auth.actor, report_id, body.published))}


@router.post(
    "/reports/{report_id}/reanalyze",
    summary="重新分析（规则更新后；加入分析队列，状态见 /api/reports/status）",
)
def post_reanalyze(request: Request, report_id: ReportId, s: DB, auth: ApiWriter) -> dict:
    """重新分析（规则更新后；加入分析队列，状态见 /api/reports/status）"""
    doc = service.requeue(s, auth.actor, report_id)
    request.app.state.analysis.submit(report_id)
    return {"report": common.doc_summary(doc)}


@router.get("/units", summary="已登记的单位")
def get_units(s: DB, auth: ApiUser) -> dict:
    """已登记的单位"""
    return {"units": [unit_json(u) for u in service.list_units(s, auth.actor)]}


@router.post("/units", summary="登记某年度应报送的单位")
def post_units(body: UnitsIn, s: DB, auth: ApiWriter) -> dict:
    """登记某年度应报送的单位"""
    units = service.register_units(s, auth.actor, body.year, _listing(body))
    return {"year": body.year, "units": [unit_json(u) for u in units]}


@router.get("/season/{year}", summary="报送进度：各单位状态与截止日期")
def get_season(request: Request, year: YearPath, s: DB, auth: ApiUser) -> dict:
    """报送进度：各单位状态与截止日期"""
    return service.season(s, auth.actor, year, request.app.state.config)


@router.post("/season/{year}", summary="登记该年度应报送的单位，返回报送进度")
def post_season(request: Request, year: YearPath, body: SeasonIn, s: DB, auth: ApiWriter) -> dict:
    """登记该年度应报送的单位，返回报送进度"""
    service.register_units(s, auth.actor, year, _listing(body))
    return service.season(s, auth.actor, year, request.app.state.config)


@router.get("/corpus", summary="汇总表：单位×年度的评分、问题数和主要指标")
def get_corpus(
    s: DB,
    auth: ApiUser,
    year: YearQuery = None,
    level: str | None = None,
    parent: str | None = None,
    status: str | None = None,
    sort: str = "unit",
    format: Annotated[str, Query(pattern="^(json|xlsx)$")] = "json",
):
    """汇总表：单位×年度的评分、问题数和主要指标"""
    rows = corpus_service.corpus(
        s,
        auth.actor,
        year=year,
        level=clean(level) or None,
        parent=clean(parent) or None,
        status=status or None,
        sort=sort,
    )
    if format == "xlsx":
        return Response(tables.corpus_xlsx(rows), media_type=XLSX, headers=attachment("汇总.xlsx"))
    return {"rows": rows}


@router.get("/indicators", summary="指标明细（可导出 CSV 或 XLSX）")
def get_indicators(
    s: DB,
    auth: ApiUser,
    year: YearQuery = None,
    format: Annotated[str, Query(pattern="^(json|csv|xlsx)$")] = "json",
):
    """指标明细（可导出 CSV 或 XLSX）"""
    rows = corpus_service.indicator_rows(s, auth.actor, year=year)
    name = f"指标明细{'-' + str(year) if year else ''}"
    if format == "csv":
        return Response(
            "\ufeff" + tables.indicators_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers=attachment(name + ".csv"),
        )
    if format == "xlsx":
        return Response(tables.indicators_xlsx(rows), media_type=XLSX, headers=attachment(name + ".xlsx"))
    return {"rows": rows}


@router.get("/search", summary="全文检索")
def get_search(s: DB, auth: ApiUser, q: Annotated[str, Query(max_length=200)] = "") -> dict:
    """全文检索"""
    hits = corpus_service.search(s, auth.actor, clean(q))
    per_report = {h["report_id"]: h["report_hits"] for h in hits}
    return {"q": q, "hits": hits, "total": sum(per_report.values()), "reports": len(per_report)}
