"""Year rules added for real reports (issue 15): a relative year word that, in a report written after
its year, points at the wrong year (TM101: 今年以来 in a 2024 report signed in 2025), a heading naming
another year than the report's (TM102), and a year written without 年 (FM102).
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


# A numbered heading about one year's work: `一、2024年推进法治政府建设的主要举措和成效`.
_HEADING_YEAR = re.compile(r"((?:19|20)\d\d)年度?(?=推进|法治|依法|党政|主要|工作|存在)")
# A heading on the next year's plans names the following year on purpose.
_PLAN_WORDS = re.compile(r"安排|打算|计划|思路|目标|展望|谋划")


@rule(
    code="TM102",
    name="heading-year-differs",
    category=Category.TIMELINESS,
    severity=Severity.WARNING,
    summary="标题中的年份与报告年度不一致",
    bad=["关于2024年法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n全年开展学法12次。"],
    good=[
        "关于2024年法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n全年开展学法12次。\n"
        "二、2025年工作安排\n继续推进。"
    ],
    fixable=True,
)
def heading_year_differs(report: Report) -> Iterator[Hit]:
    """编号的小标题写了另一个年份（2025年度报告的“一、2024年法治政府建设基本情况”）。

    ## 检查内容
    带编号的各级标题中“N年（度）推进法治政府建设……”“N年主要工作……”一类写法，N与报告年度不同时报告；
    “下一年度工作安排”一类标题写次年是对的，不报。
    ## 为什么
    标题年份写错，多是套用上一年的报告时没有改全，读者会怀疑整段内容是不是上一年的。
    ## 示例
    2025年度报告中的“一、2024年法治政府建设基本情况”。
    ## 建议写法
    “一、2025年法治政府建设基本情况”。
    ## 误报与局限
    需要识别出报告年度（标题或正文首句）；报告年度本身识别错时会误报。标题中回顾往年的写法
    （“2023年以来”）不报。
    """
    year = report.year
    if not year:
        return
    text = report.text
    for s in report.sections():
        if s.number is None:
            continue
        heading = text[s.start : s.heading_end]
        for m in _HEADING_YEAR.finditer(heading):
            n = int(m.group(1))
            if n == year or (n == year + 1 and (_in_plans(report, s.start) or _PLAN_WORDS.search(heading))):
                continue
            a, b = s.start + m.start(1), s.start + m.end(1)
            msg = f"本报告为{year}年度报告，此标题却写{n}年：请核对"
            yield Hit(a, b, msg, suggestion=str(year))


# A year written without 年 before the words a year names (街道2024法治政府建设情况报告): a count would be
# followed by a measure word, so only these followers are judged.
_YEAR_NO_NIAN = re.compile(r"(?<![\d.．])((?:19|20)\d\d)(?=(?:法治|依法|工作要点|工作报告|工作总结|以来|度))")


@rule(
    code="FM102",
    name="year-without-nian",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    summary="年份后面漏了“年”字",
    bad=["某某街道2024法治政府建设情况报告", "2023以来，我镇共开展学法12次。"],
    good=["某某街道2024年法治政府建设情况报告", "2023年以来，我镇共发放资料2023份。"],
    fixable=True,
)
def year_without_nian(report: Report) -> Iterator[Hit]:
    """四位年份后面直接接“法治”“工作要点”“以来”等词，漏了“年”字（2024法治政府建设）。

    ## 检查内容
    1900～2099之间的四位数，后面紧接“法治”“依法”“工作要点”“工作报告”“工作总结”“以来”“度”。
    ## 为什么
    年份在汉语中要带“年”字（GB/T 15835—2011）；漏字多出现在标题和句首，格外醒目。
    ## 示例
    “某某街道2024法治政府建设情况报告”
    ## 建议写法
    “某某街道2024年法治政府建设情况报告”
    ## 误报与局限
    只查这几种后续词；年份后接量词（2023份）是计数，不报。“2024度”按漏“年”报告（应为2024年度）。
    """
    for m in _YEAR_NO_NIAN.finditer(report.text):
        yield Hit(m.start(1), m.end(1), f"“{m.group(1)}”后面漏了“年”字", suggestion=f"{m.group(1)}年")
