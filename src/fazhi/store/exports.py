"""Files the workspace hands out: the corpus and indicator tables (XLSX, CSV) and the review sheet (DOCX).

Every builder takes what a service call returned (`corpus`, `indicator_rows`, `report_view`) and gives
bytes or text; nothing here touches the database.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ..tables import csv_text, xlsx_bytes
from ..vocab import ACTION_ZH, LEVEL_ZH, ROLE_ZH, VERDICT_ZH  # noqa: F401 (pages import them from here)
from .service import KEY_INDICATORS


def indicator_names() -> dict[str, str]:
    """Chinese names of the indicator ids (from the taxonomy data file)."""
    try:
        from ..indicators.taxonomy import load_data

        return {raw["id"]: raw["name"] for raw in load_data().get("indicator", [])}
    except Exception:  # the names are a nicety: an unreadable data file must not break an export
        return {}


def key_indicator_columns() -> list[tuple[str, str]]:
    """(id, name) of the key indicators of the corpus table."""
    names = indicator_names()
    return [(k, names.get(k, k)) for k in KEY_INDICATORS]


def _number(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


# ---------------------------------------------------------------- XLSX / CSV tables


CORPUS_COLUMNS = (
    ("id", "报告编号", 10), ("unit_name", "单位", 30), ("parent", "上级", 14), ("unit_level", "层级", 12),
    ("year", "年度", 8), ("title", "报告标题", 40), ("score", "评分", 8), ("errors", "错误", 8),
    ("warnings", "警告", 8), ("infos", "提示", 8), ("parts_missing", "缺失部分", 10),
    ("verdict", "审查结论", 12), ("is_published", "已公开", 8), ("filename", "文件", 30),
)


def corpus_table(rows: list[dict]) -> tuple[list[str], list[list[Any]], list[int]]:
    """Header, body and column widths of the corpus table (units × years)."""
    keys = key_indicator_columns()
    header = [h for _, h, _ in CORPUS_COLUMNS] + [name for _, name in keys]
    widths = [w for _, _, w in CORPUS_COLUMNS] + [14 for _ in keys]
    body = []
    for r in rows:
        line = []
        for key, _, _ in CORPUS_COLUMNS:
            v = r.get(key)
            if key == "unit_level":
                v = LEVEL_ZH.get(v or "unknown", v)
            elif key == "verdict":
                v = VERDICT_ZH.get(v, v)
            elif key == "is_published":
                v = "是" if v else "否"
            line.append(_number(v))
        line += [_number((r.get("indicators") or {}).get(k)) for k, _ in keys]
        body.append(line)
    return header, body, widths


INDICATOR_COLUMNS = (
    ("report_id", "报告编号", 10), ("unit", "单位", 30), ("year", "年度", 8), ("id", "指标编号", 24),
    ("name", "指标", 22), ("value", "数值", 12), ("unit_of_measure", "计量单位", 10),
    ("qualifier", "约数", 12), ("quote", "原文", 50), ("file", "文件", 30),
)


def indicator_table(rows: list[dict]) -> tuple[list[str], list[list[Any]], list[int]]:
    """Header, body and column widths of the indicator rows export."""
    header = [h for _, h, _ in INDICATOR_COLUMNS]
    widths = [w for _, _, w in INDICATOR_COLUMNS]
    body = [[_number(r.get(k)) for k, _, _ in INDICATOR_COLUMNS] for r in rows]
    return header, body, widths


def corpus_xlsx(rows: list[dict]) -> bytes:
    """The corpus table as an XLSX workbook (sheet 汇总)."""
    header, body, widths = corpus_table(rows)
    return xlsx_bytes([("汇总", header, body, widths)])


def indicators_xlsx(rows: list[dict]) -> bytes:
    """The indicator rows as an XLSX workbook (sheet 指标明细)."""
    header, body, widths = indicator_table(rows)
    return xlsx_bytes([("指标明细", header, body, widths)])


def indicators_csv(rows: list[dict]) -> str:
    """The indicator rows as CSV text (the caller adds a BOM for Excel)."""
    header, body, _ = indicator_table(rows)
    return csv_text(header, body)


# ---------------------------------------------------------------- the review sheet (审查意见)


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
            f = {**f, "message": f"{f['message']}（全文同类问题共 {n} 处，此为第一处，请逐处改正）", "count": n}
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
