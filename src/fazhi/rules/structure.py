"""Structure rules (ST): the five statutory parts of an annual report (法治政府建设与责任落实督察工作规定)."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis
from ..model import PART_NAMES, Category, PartStatus, Severity
from ..vocab import PART_KEYS, PartKey
from .base import Hit, rule

# Parts a report must carry; `other` (其他需要报告的情况) is optional in practice (domain.md).
REQUIRED_PARTS = tuple(k for k in PART_KEYS if k != PartKey.OTHER)

_FULL = (
    "一、主要举措和成效\n全年开展会前学法12次，组织执法培训3期，化解矛盾纠纷120件。\n"
    "二、存在的不足和原因\n执法队伍专业化程度不高，原因是人员编制不足。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，年终述法。\n"
    "四、下一年度主要安排\n下一步，我们将继续加强执法队伍建设。"
)


@rule(
    code="ST001",
    name="statutory-part-missing",
    category=Category.STRUCTURE,
    severity=Severity.ERROR,
    summary="缺少法定的报告内容",
    bad=[
        "一、主要举措和成效\n全年开展会前学法12次，组织执法培训3期，化解矛盾纠纷120件。\n"
        "二、下一年度主要安排\n继续加强执法队伍建设。",
        "一、工作成效\n全年开展会前学法12次。",
    ],
    good=[_FULL],
)
def statutory_part_missing(report: Analysis) -> Iterator[Hit]:
    """年度报告缺少《法治政府建设与责任落实督察工作规定》要求的某一部分。

    ## 检查内容
    主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度主要安排，
    四部分既没有单列的章节，正文中也找不到相应内容。
    ## 为什么
    督察工作规定第二十五条明确了年度报告应当包括的内容，缺项的报告应退回补充。
    ## 示例
    全文只有“主要举措和成效”和“下一年度主要安排”，没有写存在的不足。
    ## 建议写法
    增设“存在的不足和原因”一部分，既写不足，也写原因。
    ## 误报与局限
    按标题和关键表述识别，若内容用了很不常见的说法，可能误判为缺失，请对照原文。
    """
    for key in REQUIRED_PARTS:
        p = report.parts.get(key)
        if p is None or p.status == PartStatus.MISSING:
            yield Hit(None, None, f"报告缺少“{PART_NAMES[key]}”部分")


@rule(
    code="ST002",
    status="preview",
    name="statutory-part-embedded",
    category=Category.STRUCTURE,
    severity=Severity.INFO,
    summary="法定内容未单列成部分",
    bad=[
        "一、主要举措和成效\n全年开展会前学法12次。党政主要负责人切实履行推进法治建设第一责任人职责，带头学法。\n"
        "二、存在的不足和原因\n执法队伍专业化程度不高。\n三、下一年度主要安排\n继续加强执法队伍建设。",
    ],
    good=[_FULL],
)
def statutory_part_embedded(report: Analysis) -> Iterator[Hit]:
    """法定的某部分内容写在了其他部分之中，没有单列。

    ## 检查内容
    第一责任人履职情况、存在的不足、下一年度安排等内容有所涉及，但没有独立的标题。
    ## 为什么
    单列各部分便于审查和社会公众查阅，也便于上级汇总；评估机构常把“结构不统一”列为扣分项。
    ## 示例
    第一责任人履职情况只在“主要举措”中提了一句。
    ## 建议写法
    单列一部分：“二、党政主要负责人履行推进法治建设第一责任人职责情况”。
    ## 误报与局限
    只是提示；各地模板不同，把第一责任人情况并入其他部分在实践中较常见。
    """
    for key in REQUIRED_PARTS:
        p = report.parts.get(key)
        if p is not None and p.status == PartStatus.EMBEDDED:
            yield Hit(p.start, p.end, f"“{PART_NAMES[key]}”未单列，内容见于此段")
