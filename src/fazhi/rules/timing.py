"""Timeliness rules added for real reports (issue 15): a relative year word that, in a report written
after its year, points at the wrong year (今年以来 in a 2024 report signed in 2025).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category, Report, Severity
from .base import Hit, rule

# 今年 / 今年度 said of the writing year (本年度 names the report's year and is fine; 本年 alone is left
# out: it ends words such as 基本年限).
_THIS_YEAR = re.compile(r"今年度?")
# What follows a 今年 that speaks of the writing year on purpose: the plans of the coming year
# (今年将…, 今年是“十五五”开局之年) are about the year the report was written in.
_FUTURE_AFTER = re.compile(r"^[^。；\n]{0,3}(?:将|要|计划|拟|力争|继续|是|为)")
# A 今年 inside a quotation belongs to the quoted text.
_QUOTED = re.compile(r"“[^”\n]*$")


def writing_year(report: Report) -> int | None:
    """The year the report was written in: of its signing date, else of its publication date."""
    for d in (report.date, report.published):
        if d and d[:4].isdigit():
            return int(d[:4])
    return None


def _in_plans(report: Report, pos: int) -> bool:
    part = report.parts.get("next_year")
    return (
        part is not None and part.start is not None and part.end is not None and part.start <= pos < part.end
    )


@rule(
    code="TM101",
    name="this-year-in-later-report",
    category=Category.TIMELINESS,
    severity=Severity.WARNING,
    summary="次年撰写的年度报告用“今年”指报告年度",
    bad=[
        "关于2023年法治政府建设情况的报告\n今年以来，我镇共开展学法活动12次。\n某某镇人民政府\n2024年1月16日",
    ],
    good=[
        "关于2023年法治政府建设情况的报告\n2023年，我镇共开展学法活动12次。\n某某镇人民政府\n2024年1月16日",
        "关于2023年法治政府建设情况的报告\n今年以来，我镇共开展学法活动12次。\n某某镇人民政府\n2023年12月20日",
    ],
    fixable=True,
)
def this_year_in_later_report(report: Report) -> Iterator[Hit]:
    """报告在所述年度之后撰写（成文或发布日期在次年），却用“今年”“今年以来”指报告年度。

    ## 检查内容
    报告年度为N、成文日期（没有时用发布日期）在N+1年或以后时，正文中的“今年”“今年度”。
    “下一年度工作安排”部分、引号内、后面紧跟“将”“要”“计划”“是”等说打算的“今年”不报。
    ## 为什么
    年度报告多在次年一、二月撰写和公开，读者读到“今年以来”会理解为撰写的那一年；套用年中材料或
    上一版本时最容易留下这种指代错误。写明年份（“2024年以来”“全年”）不会产生歧义。
    ## 示例
    2024年1月16日成文的2023年度报告写：“今年以来，我镇共开展学法活动12次。”
    ## 建议写法
    “2023年，我镇共开展学法活动12次。”
    ## 误报与局限
    需要报告年度和成文或发布日期；没有日期的报告不查（年底撰写的报告用“今年”是对的）。
    “去年”“上年”的指代不查。
    """
    year, written = report.year, writing_year(report)
    if not year or not written or written <= year:
        return
    text = report.text
    lo, hi = report.body_span if report.body_span[1] > report.body_span[0] else (0, len(text))
    for m in _THIS_YEAR.finditer(text, lo, hi):
        if _in_plans(report, m.start()) or _FUTURE_AFTER.match(text[m.end() : m.end() + 8]):
            continue
        if _QUOTED.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
            continue
        yield Hit(
            m.start(),
            m.end(),
            f"本报告为{year}年度报告、{written}年撰写，“{m.group()}”会被读作{written}年：应写明“{year}年”",
            suggestion=f"{year}年",
        )
