"""Validated request parameters (path and query) built from the input limits in store/common.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from ..store.common import MAX_ID, QUERY_MAX, YEAR_MAX, YEAR_MIN, BadInput

ReportId = Annotated[int, Path(ge=1, le=MAX_ID, description="报告编号")]
YearPath = Annotated[int, Path(ge=YEAR_MIN, le=YEAR_MAX, description="年度")]
YearQuery = Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX, description="年度")]
IdQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]
SearchQuery = Annotated[str, Query(max_length=QUERY_MAX * 2)]


def page_int(value: str | None, what: str, lo: int = 1, hi: int = MAX_ID) -> int | None:
    """A page's optional integer parameter: empty is None, anything else must be a number in range (400)."""
    if value is None or value.strip() == "":
        return None
    v = value.strip()
    if not (v.isascii() and v.lstrip("-").isdigit()) or len(v) > 12 or not lo <= int(v) <= hi:
        raise BadInput(f"参数 {what} 无效：应为 {lo}–{hi} 之间的整数")
    return int(v)


def page_year(value: str | None) -> int | None:
    """A page's optional year parameter (400 outside the limits)."""
    return page_int(value, "年度（year）", YEAR_MIN, YEAR_MAX)
