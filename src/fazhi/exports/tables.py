"""The tables fazhi exports: the corpus table and the indicator rows, one schema for CLI and workspace.

`INDICATOR_COLUMNS` is the one indicator export schema: `fazhi indicators -o` (CLI) and the workspace's
downloads (/api/indicators, 指标明细) write the same column names in the same order; each leaves out
the one column it cannot fill (the CLI has no database, so no 报告编号; the store keeps no 所在章节).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..indicators.export import pivot
from ..model import LEVEL_ZH
from ..tables import csv_text, write_atomic, xlsx_bytes
from .labels import VERDICT_ZH

# The indicators the corpus table (and its charts) shows beside each report's score.
KEY_INDICATORS = (
    "mediation.cases",
    "enforcement.cases",
    "enforcement.fines",
    "study.sessions",
    "publicity.events",
)


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
    ("id", "报告编号", 10),
    ("unit_name", "单位", 30),
    ("parent", "上级", 14),
    ("unit_level", "层级", 12),
    ("year", "年度", 8),
    ("title", "报告标题", 40),
    ("score", "评分", 8),
    ("errors", "错误", 8),
    ("warnings", "警告", 8),
    ("infos", "提示", 8),
    ("parts_missing", "缺失部分", 10),
    ("verdict", "审查结论", 12),
    ("is_published", "已公开", 8),
    ("filename", "文件", 30),
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


# The one indicator export schema: (row key, column name, XLSX width), in column order.
INDICATOR_COLUMNS = (
    ("report_id", "报告编号", 10),
    ("unit", "单位", 30),
    ("year", "年度", 8),
    ("id", "指标编号", 24),
    ("name", "指标", 22),
    ("value", "数值", 12),
    ("unit_of_measure", "计量单位", 10),
    ("qualifier", "约数", 12),
    ("quote", "原文", 50),
    ("section", "所在章节", 20),
    ("file", "文件", 30),
)
WORKSPACE_OMITS = ("section",)  # the store keeps no section of an indicator
CLI_OMITS = ("report_id",)  # the CLI has no database: its reports have no number
ROWS_SHEET = "指标明细"
PIVOT_SHEET = "汇总"


def indicator_table(
    rows: list[dict], omit: tuple[str, ...] = WORKSPACE_OMITS
) -> tuple[list[str], list[list[Any]], list[int]]:
    """Header, body and column widths of the indicator rows export (the schema less the `omit` keys)."""
    cols = [c for c in INDICATOR_COLUMNS if c[0] not in omit]
    header = [h for _, h, _ in cols]
    widths = [w for _, _, w in cols]
    body = [[_number(r.get(k)) for k, _, _ in cols] for r in rows]
    return header, body, widths


def corpus_xlsx(rows: list[dict]) -> bytes:
    """The corpus table as an XLSX workbook (sheet 汇总)."""
    header, body, widths = corpus_table(rows)
    return xlsx_bytes([("汇总", header, body, widths)])


def indicators_xlsx(rows: list[dict]) -> bytes:
    """The workspace's indicator rows as an XLSX workbook (sheet 指标明细)."""
    header, body, widths = indicator_table(rows)
    return xlsx_bytes([(ROWS_SHEET, header, body, widths)])


def indicators_csv(rows: list[dict]) -> str:
    """The workspace's indicator rows as CSV text (the caller adds a BOM for Excel)."""
    header, body, _ = indicator_table(rows)
    return csv_text(header, body)


def write_indicator_table(
    path: Path, rows: list[dict], on_rows: Callable[[int], None] | None = None
) -> list[Path]:
    """The CLI's indicator table: the rows (and the units × indicators pivot) to .xlsx or .csv; the files written.

    on_rows(n) is told as XLSX rows are written (the details, then the pivot): a progress bar's advance.
    """
    header, body, widths = indicator_table(rows, CLI_OMITS)
    p_header, p_body = pivot(rows)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        pivot_path = path.with_name(f"{path.stem}.pivot.csv")
        # the byte-order mark: Excel opens a CSV file as UTF-8 only with it
        write_atomic(path, "\ufeff" + csv_text(header, body))
        write_atomic(pivot_path, "\ufeff" + csv_text(p_header, p_body))
        return [path, pivot_path]
    if suffix == ".xlsx":
        sheets = [(ROWS_SHEET, header, body, widths), (PIVOT_SHEET, p_header, p_body, None)]
        write_atomic(path, xlsx_bytes(sheets, on_rows))
        return [path]
    raise ValueError(f"不支持的输出格式“{path.suffix}”：请用 .xlsx 或 .csv")
