"""An office's daily work on a report: received date, soft delete, versions, the season's list (pages and API)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from pydantic import Field

from ..store import common, lifecycle
from .api import Body
from .deps import DB, ApiUser, ApiWriter, PageUser, clean, form_csrf
from .limits import ReportId, YearPath, page_int, page_year
from .templating import flash

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["审查工作台"])
CSRF = [Depends(form_csrf)]


@pages.post("/reports/{report_id}/received", dependencies=CSRF)
def received(
    request: Request,
    s: DB,
    auth: PageUser,
    report_id: ReportId,
    received_date: Annotated[str, Form(max_length=10)] = "",
):
    """Record the date the report was actually received."""
    doc = lifecycle.set_received(s, auth.actor, report_id, clean(received_date).strip() or None)
    flash(
        request,
        f"收到日期已保存：{doc.received_date}" if doc.received_date else "已清除收到日期，按上传时间计算",
    )
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


@pages.post("/reports/{report_id}/delete", dependencies=CSRF)
def delete(
    request: Request,
    s: DB,
    auth: PageUser,
    report_id: ReportId,
    reason: Annotated[str, Form(max_length=500)] = "",
):
    """Delete a report (kept in the database with its history; the deletion is recorded)."""
    doc = lifecycle.delete_report(s, auth.actor, report_id, clean(reason).strip())
    flash(request, f"已删除报告 {doc.filename}（原件和审查记录仍保留）")
    return RedirectResponse("/reports", status_code=303)


@pages.post("/season/remove", dependencies=CSRF)
def season_remove(
    request: Request, s: DB, auth: PageUser, year: Annotated[str, Form()], unit_id: Annotated[str, Form()]
):
    """Take a unit off a year's list."""
    y, u = page_year(year), page_int(unit_id, "单位编号")
    if y is None or u is None:
        raise common.BadInput("请指定年度和单位")
    removed = lifecycle.remove_expected(s, auth.actor, y, u)
    flash(
        request,
        "已从应报送名单中移除该单位（其报告仍保留）" if removed else "该单位不在名单中",
        "ok" if removed else "warn",
    )
    return RedirectResponse(f"/season?year={y}", status_code=303)


class ReceivedIn(Body):
    """The date the report was received (null: use the upload time)."""

    received_date: str | None = Field(None, max_length=10, description="YYYY-MM-DD")


class DeleteIn(Body):
    """Why the report is deleted."""

    reason: str = Field("", max_length=500)


@api.post("/reports/{report_id}/received", summary="登记报告的实际收到日期")
def post_received(report_id: ReportId, body: ReceivedIn, s: DB, auth: ApiWriter) -> dict:
    """登记报告的实际收到日期"""
    return {
        "report": common.doc_summary(lifecycle.set_received(s, auth.actor, report_id, body.received_date))
    }


@api.post("/reports/{report_id}/delete", summary="删除报告（保留原件与审查记录）")
def post_delete(report_id: ReportId, body: DeleteIn, s: DB, auth: ApiWriter) -> dict:
    """删除报告（保留原件与审查记录）"""
    doc = lifecycle.delete_report(s, auth.actor, report_id, body.reason)
    return {"id": doc.id, "deleted_at": common.iso(doc.deleted_at)}


@api.get("/reports/{report_id}/versions", summary="同一单位同一年度的各个版本")
def get_versions(report_id: ReportId, s: DB, auth: ApiUser) -> dict:
    """同一单位同一年度的各个版本"""
    return {"versions": lifecycle.versions(s, auth.actor, report_id)}


@api.delete("/season/{year}/units/{unit_id}", summary="从该年度应报送名单中移除单位")
def delete_expected(year: YearPath, unit_id: int, s: DB, auth: ApiWriter) -> dict:
    """从该年度应报送名单中移除单位"""
    if not lifecycle.remove_expected(s, auth.actor, year, unit_id):
        raise common.NotFound(f"单位 {unit_id} 不在 {year} 年度名单中")
    return {"year": year, "unit_id": unit_id, "removed": True}
