"""Year rules added for real reports (issue 15): a heading naming another year than the report's
(TM101), and a year written without 年 (FM102). (今年 in a report signed the next year is TM003.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category, Report, Severity
from .base import Hit, rule


def _in_plans(report: Report, pos: int) -> bool:
    part = report.parts.get("next_year")
    return (
        part is not None and part.start is not None and part.end is not None and part.start <= pos < part.end
    )


# A numbered heading about one year's work: `一、2024年推进法治政府建设的主要举措和成效`.
_HEADING_YEAR = re.compile(r"((?:19|20)\d\d)年度?(?=推进|法治|依法|党政|主要|工作|存在)")
# A heading on the next year's plans names the following year on purpose.
_PLAN_WORDS = re.compile(r"安排|打算|计划|思路|目标|展望|谋划")


@rule(
    code="TM101",
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
