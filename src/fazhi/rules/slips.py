"""Typo rule added for real reports (issue 15): 的 where an adverbial before a verb needs 地 (TY101).

It reads the text with one regular expression; what it may not report is listed as named exceptions,
each with the reason it is correct Chinese. (A word typed twice is TY009.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category, Report, Severity
from . import kinds
from .base import Hit, rule

_HAN = "\u4e00-\u9fff"
# Adverbials that describe how something is done; before a verb they take 地, not 的.
ADVERBIALS = (
    "认真|积极|扎实|有效|切实|全面|深入|大力|主动|及时|严格|稳步|有序|广泛|不断|持续|充分|具体|高效|"
    "快速|迅速|妥善|规范|准确|依法|公开|公正|扎扎实实|实实在在|认认真真"
)
VERBS = (
    "开展|推进|落实|履行|学习|贯彻|提升|提高|加强|推动|实施|执行|维护|化解|解决|宣传|公开|参与|组织|"
    "完成|处理|整改|运行|发挥|促进|增强|办理|审查|调解|答复|回应"
)
# After such a verb a noun head makes the whole a noun phrase, where 的 is right (有效的保障机制).
NOUN_HEADS = (
    "机制|体系|制度|工作|情况|水平|能力|作用|力度|措施|方式|者|度|率|性|力|效果|意识|氛围|格局|局面|目标|"
    "要求|任务|计划|方案|成效|成果|平台|队伍|渠道|环境|内容|过程|活动|事项|结果|问题"
)
_DE_VERB = re.compile(rf"(?:{ADVERBIALS})(的)(?:{VERBS})(?!{NOUN_HEADS})")
# Verbs that take a noun object made of adjective + 的 + verb (得到了全面的落实, 进行了具体的整改).
_LIGHT_VERB_BEFORE = re.compile(
    r"(?:得到|受到|进行|作出|做出|给予|加以|获得|实现|予以|有了|得以|取得|开展了|实行)[了过]?[^，。；：\n]{0,16}$"
)


@rule(
    code="TY101",
    name="de-before-verb",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="状语修饰动词应用“地”",
    bad=["各部门及时、准确、具体的公开政府信息。", "各村积极的开展法治宣传活动。"],
    good=["各部门及时、准确、具体地公开政府信息。", "各项制度得到了全面的落实，形成有效的保障机制。"],
    fixable=True,
)
def de_before_verb(report: Report) -> Iterator[Hit]:
    """“认真、积极、全面、具体”等词作状语修饰后面的动词时，应写“地”，误写成了“的”。

    ## 检查内容
    表示做法的词（认真、积极、扎实、有效、切实、全面、深入、及时、具体……）+“的”+动词（开展、推进、落实、
    公开、学习……）。动词后接“机制、工作、情况、水平”等名词（有效的保障机制），或前面有“得到、受到、进行、
    给予”等带名词宾语的动词（得到了全面的落实）时，“的”是对的，不报。
    ## 为什么
    《现代汉语词典》和国家语委的用法规范：定语后用“的”，状语后用“地”。“具体的公开政府信息”中，
    “具体”修饰动词“公开”，应写“具体地公开”。
    ## 示例
    “各部门及时、准确、具体的公开政府信息。”
    ## 建议写法
    “各部门及时、准确、具体地公开政府信息。”
    ## 误报与局限
    只认得表中的状语和动词；名词用法未被排除时（“积极的参与”作宾语）会误报，可在 `[lexicon] allowed` 中允许。
    """
    text, hits = report.text, []
    for m in _DE_VERB.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _LIGHT_VERB_BEFORE.search(text, line_start, m.start()):
            continue
        hits.append(Hit(m.start(1), m.end(1), f"“{m.group()}”中状语修饰动词，应用“地”", suggestion="地"))
    yield from kinds.allowed_only(report, hits)
