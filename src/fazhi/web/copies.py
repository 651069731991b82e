"""Copy detection in the workspace: two reports side by side with their shared passages marked (page and
its JSON twin), and the list of reports sharing passages with one report (store/copies.py)."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..store import copies
from .deps import DB, ApiUser, PageUser
from .limits import ReportId
from .templating import render

api = APIRouter(prefix="/api", tags=["审查工作台"])
pages = APIRouter(include_in_schema=False)


def marked_html(text: str, spans: list[tuple[int, int, int]], side: str) -> str:
    """The text escaped, each shared passage (start, end, n) in a <mark> anchored `{side}{n}`."""
    out, pos = [], 0
    for start, end, n in sorted(spans):
        if start < pos:  # overlapping passages: the earlier mark wins
            start = pos
        if start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(
            f'<mark class="copy" id="{side}{n}" title="雷同段落 {n}">'
            f'<a class="copy-n" href="#{"b" if side == "a" else "a"}{n}">{n}</a>{escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


@api.get("/reports/{report_id}/copies", summary="与这份报告有雷同段落的其他报告（审查人员可见）")
def get_copies(report_id: ReportId, s: DB, auth: ApiUser) -> dict:
    """与这份报告有雷同段落的其他报告（审查人员可见）"""
    return {"report_id": report_id, "copies": copies.copies_of(s, auth.actor, report_id)}


@api.get("/reports/{report_id}/copies/{other_id}", summary="两份报告对照：全文和雷同段落在各自文中的位置")
def get_compare(report_id: ReportId, other_id: ReportId, s: DB, auth: ApiUser) -> dict:
    """两份报告对照：全文和雷同段落在各自文中的位置"""
    return copies.compare(s, auth.actor, report_id, other_id)


@pages.get("/reports/{report_id}/copies/{other_id}", response_class=HTMLResponse)
def compare_page(request: Request, report_id: ReportId, other_id: ReportId, s: DB, auth: PageUser):
    """Both texts side by side, the shared passages marked and numbered (each links to its twin)."""
    view = copies.compare(s, auth.actor, report_id, other_id)
    a_spans = [(p["a"]["start"], p["a"]["end"], p["n"]) for p in view["passages"]]
    b_spans = [(p["b"]["start"], p["b"]["end"], p["n"]) for p in view["passages"]]
    return render(
        request,
        "copies.html",
        auth,
        active="reports",
        a=view["a"],
        b=view["b"],
        passages=view["passages"],
        a_html=marked_html(view["a"]["text"], a_spans, "a"),
        b_html=marked_html(view["b"]["text"], b_spans, "b"),
    )
