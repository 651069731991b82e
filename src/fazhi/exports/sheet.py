"""The review sheet (审查意见): the findings a reviewer accepted, as a page's data and as a Word file."""

from __future__ import annotations

import io
from datetime import date

from .labels import VERDICT_ZH

CONTEXT_CHARS = 12


def quote_context(text: str, f: dict, n: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Up to n characters of the same line before and after a finding's quote (to find the spot)."""
    start, end = f.get("start"), f.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return "", ""
    before = text[max(0, start - n) : start].rsplit("\n", 1)[-1]
    after = text[end : end + n].split("\n", 1)[0]
    return before, after


# A rule with more accepted findings than this becomes one line of the review sheet ("全文共 240 处"):
# the unit fixes a mechanical slip throughout; a sheet of 240 rows would bury the real problems.
SHEET_GROUP = 5


def accepted_findings(view: dict) -> list[dict]:
    """The findings a reviewer accepted, i.e. what the unit must fix, in report order (with context)."""
    text = view["result"].get("text") or ""
    accepted = [f for f in view["result"]["findings"] if (f.get("review") or {}).get("action") == "accepted"]
    per_rule: dict[str, int] = {}
    for f in accepted:
        per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    out, grouped = [], set()
    for f in accepted:
        n = per_rule[f["rule"]]
        if n > SHEET_GROUP:
            if f["rule"] in grouped:
                continue
            grouped.add(f["rule"])
            f = {
                **f,
                "message": f"{f['message']}（全文同类问题共 {n} 处，此为第一处，请逐处改正）",
                "count": n,
            }
        before, after = quote_context(text, f)
        out.append({**f, "before": before, "after": after})
    return out


def review_counts(view: dict) -> dict[str, int]:
    """How many findings are accepted, dismissed and not yet decided."""
    out = {"accepted": 0, "dismissed": 0, "open": 0}
    for f in view["result"]["findings"]:
        action = (f.get("review") or {}).get("action")
        out[action if action in out else "open"] += 1
    return out


def sheet_fields(view: dict) -> list[tuple[str, str]]:
    """The heading fields of the review sheet, as (label, value)."""
    r = view["report"]
    return [
        ("报告单位", r.get("unit") or r.get("detected_unit") or "未识别"),
        ("报告年度", f"{r['year']}年度" if r.get("year") else "未识别"),
        ("报告标题", r.get("title") or r.get("filename") or ""),
        ("审查结论", VERDICT_ZH.get(r.get("verdict"), r.get("verdict") or "")),
        ("审查意见", r.get("verdict_note") or "无"),
    ]


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _east_asian(target, name: str) -> None:
    """Set a run's or style's font, East Asian text included (python-docx sets only the Latin name)."""
    from docx.oxml.ns import qn

    target.font.name = name
    rpr = target.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def review_docx(view: dict, today: date | None = None) -> bytes:
    """The printable review sheet as DOCX: title, unit, year, verdict, notes and the findings to fix."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.5), Cm(2.6), Cm(2.4)
    normal = doc.styles["Normal"]
    _east_asian(normal, "仿宋")
    normal.font.size = Pt(12)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("法治政府建设年度报告审查意见")
    _east_asian(run, "黑体")
    run.font.size, run.bold = Pt(20), True
    r = view["report"]
    if r.get("year"):
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.add_run(f"（{r['year']}年度）").font.size = Pt(14)

    fields = sheet_fields(view)
    table = doc.add_table(rows=len(fields), cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row, (label, value) in zip(table.rows, fields, strict=True):
        row.cells[0].width, row.cells[1].width = Cm(3.2), Cm(12.8)
        head = row.cells[0].paragraphs[0].add_run(label)
        _east_asian(head, "黑体")
        row.cells[1].paragraphs[0].add_run(value)

    todo = accepted_findings(view)
    h = doc.add_paragraph()
    h.paragraph_format.space_before = Pt(14)
    hr = h.add_run(f"需修改的问题（{len(todo)} 项）")
    _east_asian(hr, "黑体")
    hr.font.size = Pt(14)
    if not todo:
        doc.add_paragraph("无。")
    else:
        t = doc.add_table(rows=1, cols=4)
        t.style = "Table Grid"
        for cell, label in zip(t.rows[0].cells, ("序号", "原文", "问题", "修改建议"), strict=True):
            _east_asian(cell.paragraphs[0].add_run(label), "黑体")
        for n, f in enumerate(todo, start=1):
            cells = t.add_row().cells
            cells[0].text = str(n)
            if f.get("quote"):
                para = cells[1].paragraphs[0]
                para.add_run(f"…{f['before']}" if f["before"] else "")
                hit = para.add_run(f["quote"])
                hit.bold = hit.underline = True
                para.add_run(f"{f['after']}…" if f["after"] else "")
            else:
                cells[1].text = "（全文）"
            problem = f.get("message") or ""
            comment = (f.get("review") or {}).get("comment")
            cells[2].text = problem + (f"\n审查意见：{comment}" if comment else "")
            cells[3].text = f.get("suggestion") or ""
        for row in t.rows:
            for cell, w in zip(row.cells, (Cm(1.2), Cm(4.8), Cm(6.4), Cm(3.6)), strict=True):
                cell.width = w

    doc.add_paragraph()
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sign.add_run("审查单位（盖章）：\u3000\u3000\u3000\u3000\u3000\u3000")
    d = doc.add_paragraph()
    d.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_run(_cn_date(today or date.today()))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
