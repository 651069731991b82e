"""Institution names the 2018 reform of party and state institutions retired (TE010), with their year."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis
from ..config import Config
from ..model import Category, Severity
from . import kinds
from .base import Hit, rule
from .kinds import WRONG, Entry


def _institutions() -> Iterator[Entry]:
    for old, new, year, note in kinds.rows("institutions.tsv"):
        yield Entry("institution", WRONG, old, new, note, year)


kinds.register("institution", _institutions)
_RETIRED = kinds.PreferredForms("institution", "“{wrong}”已不再使用，现为“{right}”（{note}）", suggest=False)
# `原安监局`, `原国土资源局`: a name given as history.
HISTORY_MARKS = ("原", "前")


@rule(
    code="TE010",
    name="retired-institution-name",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="使用了机构改革后已不再使用的机构名称",
    bad=[
        "关于2023年法治政府建设情况的报告\n会同县安监局开展安全检查。",
        "关于2022年法治政府建设情况的报告\n县政府法制办公室审核规范性文件3件。",
    ],
    good=[
        "关于2023年法治政府建设情况的报告\n会同县应急管理局开展安全检查，原安监局的档案已移交。",
        "关于2017年法治政府建设情况的报告\n会同县安监局开展安全检查。",
        "关于2023年法治政府建设情况的报告\n依托镇综治中心调处纠纷。",
    ],
)
def retired_institution_name(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """报告所述年度已经撤销或更名的机构，仍用旧名称。

    ## 检查内容
    institutions.tsv 收录的机构改革前名称（安监局、综治委、政府法制办公室、县法制办、工商局、国土资源局、环保局、
    卫计委、国税局、纪委监察局、检验检疫局、公安消防大队、粮食局、扶贫办等），所述年度不早于该名称停用的年度
    （多数为地方机构改革完成的2019年，扶贫办为更名为乡村振兴局后的2022年）时报告；前面有“原”字的不报。
    ## 为什么
    2018年党和国家机构改革撤销、整合了这些机构，地方改革于2019年基本完成；年度报告仍写旧名称，说明材料沿用了
    旧稿，也会让读者找不到对应的现行机构。
    ## 示例
    2023年度报告：“会同县安监局开展安全检查。”
    ## 建议写法
    “会同县应急管理局开展安全检查。”
    ## 误报与局限
    报告年度未知时不查。只收能说出停用年份的名称；“监察局”（劳动保障监察局、矿山安全监察局仍在使用）、
    “旅游局”（文化和旅游局）等与现行名称重合的简称不收。“综治中心”“安监站（办）”和基层的“综治办”等各地仍在使用的名称不收；个别地方保留旧名称的机构，
    可在 fazhi.toml 的 `[lexicon] allowed` 中允许。不给自动修改建议：现名称因地方而异。
    """
    year = report.year
    if year is None:
        return
    text = report.text

    def keep(m: kinds.Match) -> bool:
        return year >= int(m.entry.extra) and text[m.start - 1 : m.start] not in HISTORY_MARKS

    yield from _RETIRED(report, cfg, keep)
