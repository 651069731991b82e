"""Terminology rules added for real reports (issue 15): wrong fixed phrases and names, and the short
form of 习近平法治思想.

TE102 is data (fixed_phrases.tsv) found by the shared automaton of kinds.py; TE101 reads the context
of its trigger, because 法治思想 is a correct phrase after 习近平. (Institution names retired by the 2018
reform are TE010, rules/institutions.py.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category, Report, Severity
from . import kinds
from .base import Hit, rule
from .kinds import GUARD, TRIGGER, WRONG, Entry

THOUGHT = "法治思想"
FULL_THOUGHT = "习近平法治思想"


def _fixed_phrases() -> Iterator[Entry]:
    for r in kinds.rows("fixed_phrases.tsv"):
        wrong, right, note = ([c.strip() for c in r] + ["", ""])[:3]
        yield Entry("fixed_phrase", WRONG if right else GUARD, wrong, right, note)


kinds.register("fixed_phrase", _fixed_phrases)
kinds.register("thought", lambda: [Entry("thought", TRIGGER, THOUGHT)])

_FIXED = kinds.PreferredForms("fixed_phrase", "“{wrong}”应为“{right}”（{note}）")

# Before 法治思想: the leader's name (correct), a title TE001 already reports (习近平总书记法治思想), or a
# modifier that makes it a generic notion (中华传统法治思想, 马克思主义法治思想, 古代的法治思想).
_NAMED_BEFORE = re.compile(r"(?:习近平|总书记|同志)$")
_GENERIC_BEFORE = re.compile(r"(?:的|传统|古代|中华|马克思主义|西方|法家|先秦|朴素|现代|近代|儒家)$")
# After it: 法治思想观念 / 法治思想意识 is the generic "way of thinking", not the theory's name.
_GENERIC_AFTER = re.compile(r"观念|意识|素养")
# A list that shares the name: 习近平新时代中国特色社会主义思想和法治思想 (the name is written before).
_SHARED_NAME = re.compile(r"习近平[^。；;！？\n]*(?:、|和|及|以及)$")
# An open book-title mark before the phrase: it is part of a title (《…法治思想…》), quoted as written.
_IN_TITLE = re.compile(r"《[^《》\n]*$")


@rule(
    code="TE101",
    name="xi-fazhi-thought-shortened",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="“习近平法治思想”简写成了“法治思想”",
    bad=["全镇干部深入学习贯彻法治思想。", "（一）以法治思想引领法治政府建设"],
    good=["全镇干部深入学习贯彻习近平法治思想。", "研究中华传统法治思想，增强群众的法治思想观念。"],
    fixable=True,
)
def xi_fazhi_thought_shortened(report: Report) -> Iterator[Hit]:
    """“习近平法治思想”不宜简称为“法治思想”。

    ## 检查内容
    “法治思想”前面没有“习近平”，且不是“中华传统法治思想”“马克思主义法治思想”“法治思想观念”这类泛指用法时报告，
    如“学习贯彻法治思想”“以法治思想引领”“把法治思想作为必修课”。
    ## 为什么
    “习近平法治思想”是2020年中央全面依法治国工作会议确立的专有名称，是全面依法治国的指导思想；
    省去“习近平”改变了名称，公开的报告中属于政治表述不规范，审查时一定会被指出。
    ## 示例
    “二是将法治思想作为理论学习中心组学习的重要内容。”
    ## 建议写法
    “二是将习近平法治思想作为理论学习中心组学习的重要内容。”
    ## 误报与局限
    同一句前文已写“习近平……思想、法治思想”这类共用名字的并列不报；书名号内不报。
    泛指古今法治思想而又不带修饰语（“树立法治思想”）时会误报，可在 `[lexicon] allowed` 中允许。
    “习近平总书记法治思想”由 TE001 报告，本规则不重复。
    """
    text, hits = report.text, []
    for m in kinds.triggers(report, "thought"):
        before = text[max(0, m.start - 40) : m.start]
        if _NAMED_BEFORE.search(before) or _GENERIC_BEFORE.search(before) or _IN_TITLE.search(before):
            continue
        if _GENERIC_AFTER.match(text, m.end) or _SHARED_NAME.search(before):
            continue
        hits.append(Hit(m.start, m.end, f"“{THOUGHT}”应写全称“{FULL_THOUGHT}”", suggestion=FULL_THOUGHT))
    yield from kinds.allowed_only(report, hits)


@rule(
    code="TE102",
    name="wrong-fixed-phrase",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="规范表述、节日或文件名称多字、少字或换字",
    bad=["党政主要负责人履行推进法治政府建设第一责任人职责。", "利用“3·15”消费者权益保护日开展宣传。"],
    good=["党政主要负责人履行推进法治建设第一责任人职责。", "利用“3·15”国际消费者权益日开展宣传。"],
    fixable=True,
)
def wrong_fixed_phrase(report: Report) -> Iterator[Hit]:
    """规范表述、纪念日名称和法规名称写错了一个字或一个词（多了、少了、换了或颠倒了）。

    ## 检查内容
    fixed_phrases.tsv 收录的错误写法：“推进法治政府建设第一责任人”（多了“政府”）、“普法明白人”（应为法律明白人）、
    “理论中心学习组”（词序颠倒）、“重要批示指示精神”、“消费者权益保护日”“宪法日”“测绘宣传日”（节日名称）、
    《招投标法》《重大行政决策程序条例》（法规名称）、“新时期‘枫桥经验’”等。
    ## 为什么
    这些表述和名称有中央文件或法律确定的唯一写法；报告照着习惯说法写，多一个词、少一个字，意思就变了，
    如“法治政府建设第一责任人”把党政主要负责人的职责从法治建设缩小到法治政府建设。
    ## 示例
    “切实履行推进法治政府建设第一责任人职责。”
    ## 建议写法
    “切实履行推进法治建设第一责任人职责。”
    ## 误报与局限
    只认得表中收录的写法，每一条都在样本和干净语料上核对过。“国际消费者权益日”“国际禁毒日”省去“国际”的
    通行简称不报。直接引用旧文件原文时可在 `[lexicon] allowed` 中允许。
    """
    yield from _FIXED(report)
