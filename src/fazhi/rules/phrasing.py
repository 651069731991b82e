"""Terminology rules added for real reports (issue 15): names of commemoration days, laws and
programmes written with a wrong, missing or extra word (TE101, data in fixed_phrases.tsv, found by the
shared automaton of kinds.py), and the statutory phrase 履行推进法治建设第一责任人职责 cut short or
reordered (TE102). Political and legal fixed phrases are TE001's (phrases.tsv); 法治思想 without 习近平
is TE011; institution names retired by the 2018 reform are TE010.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..config import Config
from ..model import Category, Severity
from . import kinds
from .base import Hit, rule
from .kinds import GUARD, WRONG, Entry


def _fixed_names() -> Iterator[Entry]:
    for r in kinds.rows("fixed_phrases.tsv"):
        wrong, right, note = ([c.strip() for c in r] + ["", ""])[:3]
        yield Entry("fixed_name", WRONG if right else GUARD, wrong, right, note)


kinds.register("fixed_name", _fixed_names)

_FIXED = kinds.PreferredForms("fixed_name", "“{wrong}”应为“{right}”（{note}）")


@rule(
    code="TE101",
    name="wrong-fixed-name",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="节日、法规或工作品牌的名称多字、少字或换字",
    bad=["借助“12·4”宪法日开展宣传。", "利用“8·29”测绘宣传日开展宣传。"],
    good=["借助“12·4”国家宪法日开展宣传，宪法日益深入人心。", "利用“8·29”测绘法宣传日开展宣传。"],
    fixable=True,
)
def wrong_fixed_name(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """纪念日、法规和工作品牌的名称写错了一个字或一个词（多了、少了或换了）。

    ## 检查内容
    fixed_phrases.tsv 收录的错误写法：“宪法日”（应为国家宪法日）、“测绘宣传日”（应为测绘法宣传日）、
    “世界消费者权益日”（应为国际消费者权益日）、《重大行政决策程序条例》（缺“暂行”）、
    “新时期‘枫桥经验’”（应为新时代）。其他节日名称见 TE006，政治、法治固定表述见 TE001。
    ## 为什么
    这些名称由法律、国务院或中央文件确定；报告照着口头说法写，少一个“法”字、多一个“保护”，就成了不存在的
    节日或法规，公开后容易被指出。
    ## 示例
    “利用‘12·4’宪法日、‘8·29’测绘宣传日开展宣传。”
    ## 建议写法
    “利用‘12·4’国家宪法日、‘8·29’测绘法宣传日开展宣传。”
    ## 误报与局限
    只认得表中收录的写法，每一条都在样本、干净语料和开发集上核对过。省去“国际”的通行简称
    （“消费者权益日”“禁毒日”）不报；“宪法日益”等字面重合由保护词排除。直接引用旧文件原文时可在
    `[lexicon] allowed` 中允许。
    """
    yield from _FIXED(report, cfg)


FIRST_RESPONSIBLE = "推进法治建设第一责任人职责"
# 履行 needs an object: `履行推进法治建设，` / `履行法治建设情况` stop where 第一责任人职责 should stand.
_DUTY_CUT = re.compile(r"履行(推进)?法治建设(?=[，,。；;]|情况)")
# The duty's words in the wrong order: `压实第一责任人法治建设职责`.
_DUTY_ORDER = re.compile(r"(?:推进)?第一责任人法治建设职责")


@rule(
    code="TE102",
    name="first-responsible-duty-incomplete",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="“履行推进法治建设第一责任人职责”残缺或语序颠倒",
    bad=[
        "镇党委书记切实履行推进法治建设，带头研究部署。",
        "把履行法治建设情况纳入年终考核。",
        "压实党政主要负责人第一责任人法治建设职责。",
    ],
    good=[
        "镇党委书记切实履行推进法治建设第一责任人职责，带头研究部署。",
        "把履行推进法治建设第一责任人职责情况纳入年终考核，推进法治建设，压实法治建设责任。",
    ],
    fixable=True,
)
def first_responsible_duty_incomplete(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """法定表述“履行推进法治建设第一责任人职责”写得残缺（缺“第一责任人职责”）或语序颠倒。

    ## 检查内容
    “履行推进法治建设”“履行法治建设”后面直接是逗号、句号或“情况”（“履行”缺了宾语）；
    “第一责任人法治建设职责”（语序颠倒）。
    ## 为什么
    这是中共中央办公厅、国务院办公厅《党政主要负责人履行推进法治建设第一责任人职责规定》确定的表述，
    也是年度报告的法定内容之一；“履行推进法治建设”缺了“第一责任人职责”，“履行”没有宾语，句子不通。
    ## 示例
    “镇党委书记切实履行推进法治建设，带头研究部署重要工作。”
    ## 建议写法
    “镇党委书记切实履行推进法治建设第一责任人职责，带头研究部署重要工作。”
    ## 误报与局限
    “履行法治建设职责”“压实法治建设责任”等另有宾语的说法不报；省去“推进”的“法治建设第一责任人职责”
    不报（通行说法）。
    """
    text, hits = report.text, []
    for m in _DUTY_CUT.finditer(text):
        fix = f"履行{FIRST_RESPONSIBLE}"
        hits.append(Hit(m.start(), m.end(), f"“{m.group()}”缺“第一责任人职责”，应为“{fix}”", suggestion=fix))
    for m in _DUTY_ORDER.finditer(text):
        hits.append(
            Hit(
                m.start(),
                m.end(),
                f"“{m.group()}”语序颠倒，应为“{FIRST_RESPONSIBLE}”",
                suggestion=FIRST_RESPONSIBLE,
            )
        )
    hits.sort(key=lambda h: h.start)
    yield from kinds.allowed_only(report, cfg, hits)
