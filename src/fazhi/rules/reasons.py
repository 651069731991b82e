"""Structure rule added for real reports (issue 15): the shortcomings part lists problems but gives no
reason for any of them (ST101). The statutory part is 存在的不足和原因: the reasons are half of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, PartStatus, Severity
from .base import Hit, rule

# Words that give a cause or an analysis of one. One of them anywhere in the part (heading included)
# is enough: the rule only reports a part that never turns from what went wrong to why.
REASONS = re.compile(
    r"原因|由于|因为|导致|造成|究其|根源|所致|受制于|缘于|源于|主观上|客观上|归结|在于|主要是|受到?[^，。；\n]{0,12}影响|制约"
)
# A part shorter than this is a stub or cut by an excerpt: too little to judge.
MIN_PART_CHARS = 60


@rule(
    code="ST101",
    name="shortcomings-without-reasons",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    summary="“存在的不足”只列问题，没有分析原因",
    bad=[
        "一、主要举措和成效\n全年开展学法12次。\n二、存在的问题\n一是学法还不够深入，理解的深度和广度还有差距。"
        "二是执法队伍建设还不到位，执法流程还不完整。三是法治宣传形式单一，针对性不强。\n"
        "三、下一年度主要安排\n继续推进。"
    ],
    good=[
        "一、主要举措和成效\n全年开展学法12次。\n二、存在的不足和原因\n一是学法还不够深入，主要是学习计划执行不严。"
        "二是执法队伍建设还不到位，原因在于专业人员少。三是法治宣传形式单一，针对性不强。\n"
        "三、下一年度主要安排\n继续推进。"
    ],
)
def shortcomings_without_reasons(report: Analysis) -> Iterator[Hit]:
    """“存在的不足和原因”部分只列了问题，没有一处分析原因。

    ## 检查内容
    单列的“存在的不足”（“存在的问题”“存在的困难和问题”）部分的正文中找不到任何说明原因的词语：原因、由于、
    因为、导致、造成、究其、根源、在于、主要是、受……影响、制约等。
    ## 为什么
    法治政府建设年度报告的法定内容是“存在的不足和原因”（《法治政府建设与责任落实督察工作规定》），
    只罗列问题、不分析原因，下一年度的安排就没有针对性，督察和评估时会被指出。
    ## 示例
    “二、存在的问题　一是学法还不够深入……二是执法队伍建设还不到位……三是法治宣传形式单一……”
    ## 建议写法
    标题写“存在的不足和原因”，每个问题后写明原因：“一是学法还不够深入，主要是学习计划执行不严……”
    ## 误报与局限
    只看有没有说明原因的词语，不判断原因写得好不好；原因写在别的部分里、或不用这些词语说明原因时会误报。
    标题写了“存在的不足和原因”、正文却只列问题的，标题中的“原因”就算作分析了原因，不报（漏报）：真实报告常用
    “……后，……增加，但……”这样的叙述交代原因，这些写法无法与只列问题区分。不足部分没有单列
    （并入其他部分）或不足60字时不查。仅为提示（info）。
    """
    part = report.parts.get("shortcomings")
    if part is None or part.status != PartStatus.DEDICATED or part.start is None or part.end is None:
        return
    body = report.text[part.start : part.end]
    if len(body) < MIN_PART_CHARS or REASONS.search(body):
        return
    heading_end = report.text.find("\n", part.start, part.end)
    end = heading_end if heading_end > 0 else part.end
    yield Hit(part.start, end, "“存在的不足”部分只列了问题，没有分析原因：法定内容是“存在的不足和原因”")
