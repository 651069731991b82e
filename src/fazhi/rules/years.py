"""Years written wrong or left out (TM004, TY012) and the shortened name of Xi Jinping Thought on the Rule
of Law (TE011): slips that come from reusing last year's text or from typing fast."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, Severity
from ..text import HAN_BASIC
from ..vocab import HeadingStyle
from .base import Hit, rule

_TITLE = "某某镇2024年法治政府建设情况报告\n"
_BODY = "二、存在的不足和原因\n执法力量不足。\n三、2025年工作安排\n继续努力。"

# A year in a level-1 heading (`一、2024年法治政府建设基本情况`): not a range (`2021—2025年`), not
# `2021年以来`, not inside a book title.
HEADING_YEAR_RE = re.compile(r"(?<![\d—\-－–~～至])(20\d{2})\s*年(?!\s*[—\-－–~～至]|以来|来|至今)")


@rule(
    code="TM004",
    name="heading-year-differs-from-report-year",
    category=Category.TIMELINESS,
    severity=Severity.WARNING,
    summary="一级标题中的年份与报告年度不符",
    bad=[_TITLE + "一、2023年法治政府建设主要举措和成效\n全年办理案件12件。\n" + _BODY],
    good=[
        _TITLE + "一、2024年法治政府建设主要举措和成效\n全年办理案件12件。\n" + _BODY,
        _TITLE + "一、2021年以来法治政府建设成效\n全年办理案件12件。\n" + _BODY,
        _TITLE + "一、贯彻《法治政府建设实施纲要（2021—2025年）》情况\n全年办理案件12件。\n" + _BODY,
    ],
    fixable=True,
)
def heading_year_differs(report: Analysis) -> Iterator[Hit]:
    """一级标题写的年份既不是报告所述年度，也不是下一年度。

    ## 检查内容
    标题（报告名称）写明了所述年度时，一级标题（“一、”）中的“××××年”既不是该年度，也不是下一年度（工作安排）。
    ## 为什么
    年度报告常在上一年的稿子上改写，标题年份改了，正文一级标题里的年份却忘了改，读者会以为写的是另一年。
    ## 示例
    《某某镇2024年法治政府建设情况报告》中的“一、2023年法治政府建设主要举措和成效”。
    ## 建议写法
    “一、2024年法治政府建设主要举措和成效”。
    ## 误报与局限
    只查一级标题；“2021年以来”、年份区间和书名号内的年份不查；标题不写年度时不查。
    """
    if not (report.year and report.title and str(report.year) in report.title):
        return
    text = report.text
    for s in report.outline:
        if s.style != HeadingStyle.CN:
            continue
        for m in HEADING_YEAR_RE.finditer(text, s.start, s.heading_end):
            if text.rfind("《", s.start, m.start()) > text.rfind("》", s.start, m.start()):
                continue
            y = int(m.group(1))
            if y not in (report.year, report.year + 1):
                yield Hit(
                    m.start(), m.end(), f"报告年度为{report.year}年，标题中却写作{y}年", f"{report.year}年"
                )


# `某某街道2024法治政府建设年度报告`: a year in the title without 年.
TITLE_BARE_YEAR_RE = re.compile(rf"(?<![\d〔\[（(])(20\d{{2}})(?![\d年—\-－–~～至〕\]）)])(?=[{HAN_BASIC}])")


@rule(
    code="TY012",
    name="title-year-without-nian",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="标题中的年份后缺“年”字",
    bad=["某某街道2024法治政府建设年度报告\n一、主要举措和成效\n全年办理案件12件。"],
    good=["某某街道2024年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件12件。"],
    fixable=True,
)
def title_year_without_nian(report: Analysis) -> Iterator[Hit]:
    """报告标题中的年份后面缺少“年”字。

    ## 检查内容
    标题中的“2024法治政府建设……”：四位年份后直接接汉字，没有“年”或“年度”。
    ## 为什么
    公文标题中的年份写作“2024年”或“2024年度”；缺“年”字多是录入时漏打。
    ## 示例
    “某某街道2024法治政府建设年度报告”。
    ## 建议写法
    “某某街道2024年法治政府建设年度报告”。
    ## 误报与局限
    只查标题；发文字号（〔2024〕）不查。
    """
    if not report.title_span:
        return
    s0, e0 = report.title_span
    for m in TITLE_BARE_YEAR_RE.finditer(report.text, s0, e0):
        yield Hit(m.start(), m.end(), f"标题中的年份应写作“{m.group(1)}年”", f"{m.group(1)}年")


# `以法治思想引领`, `学习贯彻法治思想`: the thought named without 习近平. Only after the verbs that take
# it as an object, so `社会主义法治思想` and other general uses stay silent.
SHORT_THOUGHT_RE = re.compile(
    r"(?:以|把|将|学习|贯彻|践行|深化|宣传|宣讲|研读|领会|落实|运用|用)(?P<t>法治思想)"
)


@rule(
    code="TE011",
    name="xi-thought-without-name",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="“习近平法治思想”省作“法治思想”",
    bad=["全面学习贯彻法治思想。", "（一）以法治思想引领基层治理"],
    good=["全面学习贯彻习近平法治思想。", "（一）以习近平法治思想引领基层治理", "树立社会主义法治思想。"],
    fixable=True,
)
def xi_thought_without_name(report: Analysis) -> Iterator[Hit]:
    """“习近平法治思想”是专有名称，不能省作“法治思想”。

    ## 检查内容
    “学习”“贯彻”“践行”“以”“把”“将”等之后直接写“法治思想”，前面没有“习近平”。
    ## 为什么
    习近平法治思想是2020年中央全面依法治国工作会议确立的专有名称，公文中应写全称；“法治思想”单说是泛称，
    在年度报告里读者会以为漏了字。
    ## 示例
    “全面学习贯彻法治思想。”
    ## 建议写法
    “全面学习贯彻习近平法治思想。”
    ## 误报与局限
    只在上述动词之后检查；同一句前文已写全称、随后承前省略的写法也会报告。
    """
    for m in SHORT_THOUGHT_RE.finditer(report.text):
        yield Hit(m.start("t"), m.end("t"), "应写全称“习近平法治思想”", "习近平法治思想")
