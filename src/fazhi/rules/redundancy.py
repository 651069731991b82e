"""Small slips of wording that no term table holds (DU002, TY009, TY010): 等 written twice over one
list, a two-character word typed twice, the report's own unit name with a character lost."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, Severity
from ..text import HAN_BASIC, find_all
from .base import Hit, rule

# `民法典等法律法规等`: a second 等 closing the same list a few characters after the first, with no mark
# between. 等 inside a word (平等, 对等, 等级, 等于, 等待, 等同) is no list-closing 等.
_DENG = r"(?<![平对同相均优高中初上次特一何])等(?![级同于待候额量次])"
DOUBLE_DENG_RE = re.compile(rf"{_DENG}(?P<mid>[^，,。；;：:、“”《》（）()\s\d]{{1,8}}?){_DENG}")


@rule(
    code="DU002",
    name="double-deng",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    summary="同一列举用了两个“等”",
    bad=["将宪法、民法典等法律法规等纳入学习计划。", "通过标语、视频等多种方式等开展宣传。"],
    good=["将宪法、民法典等法律法规纳入学习计划。", "坚持平等保护各类市场主体等原则。", "对等开展交流。"],
    fixable=True,
)
def double_deng(report: Analysis) -> Iterator[Hit]:
    """一个列举的末尾连用了两个“等”。

    ## 检查内容
    “……等××等”：第一个“等”之后不超过8个字、中间没有标点，又出现一个“等”（“民法典等法律法规等”）。
    ## 为什么
    “等”表示列举未尽，一个列举只需要一个；两个“等”多是改稿时补了概括词、忘了删前一个“等”。
    ## 示例
    “将宪法、民法典等法律法规等纳入学习计划。”
    ## 建议写法
    “将宪法、民法典等法律法规纳入学习计划。”
    ## 误报与局限
    “平等”“对等”“等级”“等于”一类词中的“等”不算；两个不同列举恰好紧挨着时会误报。
    """
    text = report.text
    for m in DOUBLE_DENG_RE.finditer(text):
        end = m.end()
        yield Hit(m.start("mid"), end, f"“等”重复：“{text[m.start() : end]}”只需一个“等”", m.group("mid"))


# `组织组织居委干部`: a two-character word typed twice. AA-reduplication (天天, 人人) and verbs people
# really say twice (研究研究) are left alone.
# A unit of two to DOUBLED_MAX characters typed twice in a row (`组织组织`, `法治建设法治建设`): longer
# doubles are copy-paste slips, and no phrase of the genre repeats itself that way.
DOUBLED_MAX = 6
DOUBLED_WORD_RE = re.compile(rf"([{HAN_BASIC}]{{2,{DOUBLED_MAX}}}?)\1")
ACCEPTED_DOUBLES = frozenset(
    "研究研究 讨论讨论 学习学习 商量商量 看一看 了解了解 一个一个 一次一次 一项一项 一村一村".split()
)


@rule(
    code="TY009",
    name="doubled-word",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="一个词语连写了两遍",
    bad=["组织组织居委干部参加培训。", "推进法治建设法治建设向基层延伸。"],
    good=["组织居委干部参加培训。", "天天学法，人人守法。", "一项一项抓落实。"],
    fixable=True,
)
def doubled_word(report: Analysis) -> Iterator[Hit]:
    """一个词语紧接着重复写了一遍。

    ## 检查内容
    两个到六个字的词语紧接着又出现一次（“组织组织”“推进推进”“法治建设法治建设”）；同一个字的叠用
    （“天天”“人人”）不算。
    ## 为什么
    多由复制粘贴或输入法联想造成，公文中没有这种叠用。
    ## 示例
    “组织组织居委干部参加培训。”
    ## 建议写法
    “组织居委干部参加培训。”
    ## 误报与局限
    口语叠用（“研究研究”“一项一项”）不报；跨词的巧合重复（“县乡县乡”）少见，可在 `[lexicon] allowed` 中允许。
    """
    text = report.text
    for m in DOUBLED_WORD_RE.finditer(text):
        unit = m.group(1)
        if len(set(unit)) == 1 or m.group() in ACCEPTED_DOUBLES:
            continue
        yield Hit(m.start(), m.end(), f"“{unit}”重复了一遍", unit)


# A unit name this long has an inner character to lose (`鲁山县人民政府` → `鲁山人民政府`).
MIN_UNIT_NAME = 5


@rule(
    code="TY010",
    name="unit-name-missing-char",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="本单位名称缺了一个字",
    bad=["某山县人民政府关于2024年法治政府建设情况的报告\n2024年，某山人民政府坚持依法行政。"],
    good=["某山县人民政府关于2024年法治政府建设情况的报告\n2024年，某山县人民政府坚持依法行政。"],
    fixable=True,
)
def unit_name_missing_char(report: Analysis) -> Iterator[Hit]:
    """正文中写本单位名称时漏了中间一个字。

    ## 检查内容
    报告的发文单位（标题、落款或开头所写）名称在五个字以上时，正文中出现少了中间某一个字的写法
    （“鲁山县人民政府”写成“鲁山人民政府”）。
    ## 为什么
    本单位名称写错一个字很显眼，也会让读者怀疑指的是否是同一单位。
    ## 示例
    “2024年，某山人民政府坚持依法行政。”（单位为某山县人民政府）
    ## 建议写法
    “2024年，某山县人民政府坚持依法行政。”
    ## 误报与局限
    只查本单位名称；首字、末字缺失（“塘沽街”与“塘沽街道”）不查，因为常是简称。
    """
    text = report.text
    seen: set[str] = set()
    for name in report.units:
        if len(name) < MIN_UNIT_NAME:
            continue
        for i in range(1, len(name) - 1):
            short = name[:i] + name[i + 1 :]
            if short in seen or short in name:
                continue
            seen.add(short)
            for a, b in find_all(text, short):
                yield Hit(a, b, f"单位名称疑缺字：应为“{name}”", name)


# `具体的公开政府信息`, `积极的开展宣传`: an adverb of manner, 的, a verb with its object. After 得到,
# 取得, 实现 … the phrase is a noun (`得到全面的落实`), and a verb ending its clause is taken as a noun.
MANNER = (
    "认真|积极|有效|扎实|深入|全面|主动|及时|充分|广泛|持续|切实|严格|稳步|有序|大力|逐步|不断|具体|高效|迅速|彻底|依法"
    "|精准|稳妥|自觉|坚决"
)
ACTION = (
    "开展|推进|落实|化解|解决|处理|公开|执行|实施|推动|宣传|学习|贯彻|参与|履行|提升|做好|完成|加强|保障"
    "|维护|办理|整改|调处|排查|审查|监督|指导|完善|提高|增强|引导|组织|查处|回应|答复|协调|普及|宣讲|梳理|清理"
)
# Words added for unseen reports (issue 15): adjectives that are as often attributes (`规范的审查流程`) and
# verbs that as often head a noun phrase (`及时的报送机制`). A phrase using one of them is taken only when
# no noun head of NOUN_HEADS follows within HEAD_GAP characters of the verb.
MANNER_ADDED = "准确|规范|妥善|细致|周到|依规|耐心|热情"
ACTION_ADDED = "发布|报送|部署|受理|整治|收集|听取|征求|告知|接待"
HEAD_GAP = 3
NOUN_HEADS = "机制|体系|制度|流程|程序|情况|渠道|平台|方式|水平|能力|力度|效果|质量|标准|环节|过程|结果|行为|工作|意见|职责|事项"
_NOT_NOUN_BEFORE = r"(?<!得到)(?<!取得)(?<!实现)(?<!获得)(?<!给予)(?<!加以)"
DE_BEFORE_VERB_RE = re.compile(
    rf"{_NOT_NOUN_BEFORE}(?:{MANNER})(?P<de>的)(?:{ACTION})(?=[{HAN_BASIC}“])"
    rf"|{_NOT_NOUN_BEFORE}(?:{MANNER}|{MANNER_ADDED})(?P<de2>的)(?:{ACTION}|{ACTION_ADDED})"
    rf"(?![{HAN_BASIC}]{{0,{HEAD_GAP}}}(?:{NOUN_HEADS}))(?=[{HAN_BASIC}“])"
)


@rule(
    code="TY011",
    name="de-before-verb",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="状语后应用“地”",
    bad=["准确、全面、具体的公开政府信息。", "各村积极的开展普法宣传。", "严格规范的开展执法检查。"],
    good=[
        "准确、全面、具体地公开政府信息。",
        "各项措施得到全面的落实。",
        "工作取得了积极的推进。",
        "建立规范的审查流程和规范的监督管理体系。",
    ],
    fixable=True,
)
def de_before_verb(report: Analysis) -> Iterator[Hit]:
    """修饰动词的状语后面用了“的”。

    ## 检查内容
    “认真”“积极”“具体”“全面”等表示方式的词后面接“的”，再接带宾语的动词（“具体的公开政府信息”
    “积极的开展普法宣传”）。
    ## 为什么
    状语和动词之间用“地”，定语和名词之间用“的”（《现代汉语词典》及通行的公文校对规范）；“的”“地”不分是
    公文中常见的用字错误。
    ## 示例
    “准确、全面、具体的公开政府信息。”
    ## 建议写法
    “准确、全面、具体地公开政府信息。”
    ## 误报与局限
    只查常用的方式词和动词；“得到全面的落实”“取得积极的推进”中“的”后是名词性用法，不报；动词后直接是标点的不报。
    “准确”“规范”“妥善”“细致”“热情”和“发布”“报送”“受理”等常作定语、也常组成名词短语的词，后面三个字内有“机制”“流程”
    “体系”“工作”等中心词时不报（“规范的审查流程”“建立规范的监督管理体系”），这时“规范的开展普法宣传工作”
    一类真错会漏报。
    """
    for m in DE_BEFORE_VERB_RE.finditer(report.text):
        de = "de" if m.group("de") else "de2"
        yield Hit(m.start(de), m.end(de), "状语后应用“地”：“" + m.group() + "”", "地")
