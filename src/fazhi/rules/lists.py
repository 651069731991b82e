"""List numbering inside paragraphs and within one list (NU005, NU006): `一是…二是…` items run from 一
without repeats, and the items of one list use one separator (`1.` or `1、`, not both)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, Severity
from ..numerals import heading_value, to_chinese
from ..text import HAN_BASIC
from ..vocab import HeadingStyle
from .base import Hit, rule
from .numbering import _groups

# An inline item marker: `一是` … `十是` after the start of a line, a sentence or clause mark, or a
# quote; followed by the item's first character. `统一是`, `万一是` have a character before 一 and are
# no markers.
ITEM_RE = re.compile(
    rf"(?:(?<=^)|(?<=[\n。；;：:，,！!？?”\"）)]))\s*(?P<num>[一二三四五六七八九十]{{1,2}})是(?=[{HAN_BASIC}“\"《（(])"
)


# A jump of at most this many (一是 … 四是) inside one paragraph is a lost item; a larger one is more
# likely a marker of another list or a quotation.
MAX_SKIP = 3


def _items(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(value, start, end) of each inline item marker in text[start:end]."""
    out = []
    for m in ITEM_RE.finditer(text, start, end):
        v = heading_value(m.group("num"))
        if v is None:
            continue
        out.append((v, m.start("num"), m.end()))
    return out


@rule(
    code="NU005",
    name="item-sequence-in-paragraph",
    category=Category.NUMBERING,
    severity=Severity.WARNING,
    summary="段落中“一是、二是”的序号重复、跳号或不从“一是”开始",
    bad=[
        "（一）加强学习\n一是组织学法4次；二是开展培训3场；二是举办讲座2场。",
        "（一）加强学习\n一是组织学法4次；三是举办讲座2场。",
        "（一）加强学习\n全年开展学法活动，二是开展培训3场，三是举办讲座2场。",
    ],
    good=[
        "（一）加强学习\n一是组织学法4次；二是开展培训3场；三是举办讲座2场。",
        "（一）加强学习\n一是组织学法4次。\n二是开展培训3场。\n三是举办讲座2场。",
        "坚持统一是前提，规范是关键。",
    ],
)
def item_sequence_in_paragraph(report: Analysis) -> Iterator[Hit]:
    """段落中用“一是、二是、三是”列举时，序号应从“一是”开始依次递增，不重复。

    ## 检查内容
    同一段落里的“一是……二是……”：某个序号与前一个相同（“二是”之后又是“二是”），或比前一个大2至4
    （“一是”之后是“三是”，缺了“二是”），或段中第一个序号不是
    “一是”、而上一段也没有以前一个序号结尾（只有“二是”“三是”，没有“一是”）。
    ## 为什么
    改稿时增删一项后忘了改号，或把两段合并后序号重复，读者会以为漏了内容。
    ## 示例
    “一是组织学法4次；二是开展培训3场；二是举办讲座2场。”
    ## 建议写法
    “一是组织学法4次；二是开展培训3场；三是举办讲座2场。”
    ## 误报与局限
    每行开头的“一是”“二是”由标题编号规则（NU001）检查，本规则只看段落中的列举；
    段首的序号跳过（段落从“三是”开始而上一段以“一是”结尾）不报，因为引用上文时可能只提后几项；
    同一段落中两组列举首尾相接（前一组到“二是”、后一组从“四是”接着说）会误报。
    """
    text = report.text
    prev_last: int | None = None
    for s, e in report.paragraphs:
        items = _items(text, s, e)
        if not items:
            prev_last = None
            continue
        first_v, first_at, first_end = items[0]
        # A paragraph that opens with its item (`二是…` on its own line) continues the list above
        # (NU001 checks those); only a list that starts inside a paragraph must start from 一是.
        # The previous item may stand without its clause mark (`…环境一是积极…`): look for it as text.
        before = f"{to_chinese(first_v - 1)}是"
        if first_v > 1 and prev_last != first_v - 1 and first_at > s + 1 and before not in text[s:first_at]:
            yield Hit(first_at, first_end, f"段落中的列举从“{to_chinese(first_v)}是”开始，缺少“一是”")
        for (pv, _, _), (v, a, b) in zip(items, items[1:], strict=False):
            if v == pv:
                yield Hit(a, b, f"列举序号重复：此处应为“{to_chinese(pv + 1)}是”", f"{to_chinese(pv + 1)}是")
            elif pv + 1 < v <= pv + MAX_SKIP:
                yield Hit(
                    a,
                    b,
                    f"列举序号跳号：“{to_chinese(pv)}是”之后是“{to_chinese(v)}是”，缺少“{to_chinese(pv + 1)}是”",
                    f"{to_chinese(pv + 1)}是",
                )
        prev_last = items[-1][0]


# The separator after an arabic heading number: `1.` `1．` or `1、`.
_ARABIC_SEP_RE = re.compile(r"\d{1,2}\s*([.．、])")


@rule(
    code="NU006",
    name="mixed-list-separators",
    category=Category.NUMBERING,
    severity=Severity.WARNING,
    summary="同一组编号混用“1.”和“1、”",
    bad=[
        "一、主要举措\n1.加强学习\n全年学法4次。\n2、规范执法\n全年办案3件。",
        "主要做法：1.组织学法4次；2、开展培训3场；3.举办讲座2场。",
    ],
    good=[
        "一、主要举措\n1.加强学习\n全年学法4次。\n2.规范执法\n全年办案3件。",
        "一、主要举措\n1、加强学习\n全年学法4次。\n2、规范执法\n全年办案3件。",
        "主要做法：1.组织学法4次；2.开展培训3场。罚没款1.2万元，2、3月份各办案1件。",
    ],
    fixable=True,
)
def mixed_list_separators(report: Analysis) -> Iterator[Hit]:
    """同一组阿拉伯数字编号应使用同一种分隔符号（“1.”“2.”，不混用“2、”）。

    ## 检查内容
    同一上级标题下的“1.”“2.”一组编号中，有的用点号“.”、有的用顿号“、”，报告与第一个不同的那一个；
    段落里从1起连续编号的列举（“主要做法：1.组织学法……；2、开展培训……”）也一样。
    ## 为什么
    GB/T 9704—2012 第7.3.3条的第三层序数为“1.”；同一组里混用“1.”和“2、”是排版不统一，
    多由从不同稿件拼接造成。
    ## 示例
    “1.加强学习”之后是“2、规范执法”。
    ## 建议写法
    “2.规范执法”。
    ## 误报与局限
    只看同一上级标题下的一组编号和同一段落里从1起连续的编号；整组都用“1、”的不报（那是另一种习惯写法）。
    段落里的编号要在句首或冒号、分号、逗号之后且后面是汉字才算，“1.2万元”“2、3月份”不算。
    """
    text = report.text
    yield from _inline_mixed_separators(report)
    for _parent, children in _groups(report):
        seps = []
        for c in children:
            if c.style != HeadingStyle.ARABIC or not c.marker:
                continue
            m = _ARABIC_SEP_RE.fullmatch(text, *c.marker)
            if m:
                seps.append((m.group(1), m.start(1), m.end(1)))
        if not seps:
            continue
        first = seps[0][0]
        for sep, a, b in seps[1:]:
            if sep != first and {sep, first} != {".", "．"}:
                yield Hit(a, b, f"同一组编号混用“{first}”和“{sep}”：此处应为“{first}”", first)


# An inline list item `1.` `2、` at the start of a paragraph, a clause or a sentence, followed by its first
# character (so `1.2万元`, `2、3月份` are no items).
INLINE_ITEM_RE = re.compile(
    rf"(?:(?<=^)|(?<=[\n。；;：:，,]))\s*(?P<v>\d{{1,2}})(?P<sep>[.．、])(?=[{HAN_BASIC}“《])"
)


def _inline_mixed_separators(report: Analysis) -> Iterator[Hit]:
    """NU006 inside a paragraph: items numbered 1, 2, 3 … in one paragraph with `.` and `、` mixed."""
    text = report.text
    for s, e in report.paragraphs:
        run: list[re.Match] = []
        for m in INLINE_ITEM_RE.finditer(text, s, e):
            v = int(m.group("v"))
            if v == 1:
                run = [m]
            elif run and v == int(run[-1].group("v")) + 1:
                run.append(m)
            else:
                run = []
                continue
            first = run[0].group("sep")
            sep = m.group("sep")
            if len(run) > 1 and sep != first and {sep, first} != {".", "．"}:
                yield Hit(
                    m.start("sep"),
                    m.end("sep"),
                    f"同一组编号混用“{first}”和“{sep}”：此处应为“{first}”",
                    first,
                )
