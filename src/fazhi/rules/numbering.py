"""Numbering rules (NU): heading numbers run in sequence, each level in its own style, no level skipped."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, Section, Severity
from ..numerals import heading_value, to_chinese
from ..outline import STYLE_LEVEL
from ..vocab import STYLE_NAMES, HeadingStyle
from .base import Hit, rule

NUMBERED = (
    HeadingStyle.CN,
    HeadingStyle.PAREN_CN,
    HeadingStyle.ARABIC,
    HeadingStyle.PAREN_ARABIC,
    HeadingStyle.ORDINAL,
)


def _groups(report: Analysis) -> Iterator[tuple[Section | None, list[Section]]]:
    """(parent, children) for the roots and every section with children."""
    yield None, list(report.outline)
    for s in report.sections():
        if s.children:
            yield s, list(s.children)


def _value(s: Section) -> int | None:
    return None if s.number is None else heading_value(s.number)


def _marker(style: str, n: int) -> str:
    cn = to_chinese(n)
    return {
        HeadingStyle.CN: f"{cn}、",
        HeadingStyle.PAREN_CN: f"（{cn}）",
        HeadingStyle.ARABIC: f"{n}.",
        HeadingStyle.PAREN_ARABIC: f"（{n}）",
        HeadingStyle.ORDINAL: f"{cn}是",
    }[style]


def _dominant_style(children: list[Section]) -> str | None:
    styles = [c.style for c in children if c.style in NUMBERED]
    if not styles:
        return None
    return max(set(styles), key=lambda st: (styles.count(st), -styles.index(st)))


def _span(s: Section, text: str) -> tuple[int, int]:
    if s.marker:
        return s.marker
    line_end = text.find("\n", s.start)
    return s.start, (line_end if line_end >= 0 else len(text))


@rule(
    code="NU001",
    name="numbering-sequence",
    category=Category.NUMBERING,
    severity=Severity.WARNING,
    summary="标题编号不连续或重复",
    bad=[
        "一、主要举措和成效\n做了很多工作。\n二、存在的不足和原因\n还有差距。\n四、下一年度主要安排\n继续努力。",
        "一、主要举措\n（一）加强学习\n内容。\n（二）规范执法\n内容。\n（二）化解纠纷\n内容。",
    ],
    good=[
        "一、主要举措和成效\n做了很多工作。\n二、存在的不足和原因\n还有差距。\n三、下一年度主要安排\n继续努力。",
        "一、主要举措\n（一）加强学习\n内容。\n（二）规范执法\n内容。\n二、问题\n（一）队伍\n内容。",
    ],
)
def numbering_sequence(report: Analysis) -> Iterator[Hit]:
    """同级标题的编号应依次连续，不跳号、不重号。

    ## 检查内容
    同一上级标题下、同一样式的各级标题编号（一、二、三；（一）（二）；1. 2.；（1）（2）；一是、二是）是否从一起依次递增。
    ## 为什么
    编号跳号或重号通常是增删段落后忘了改号，读者会以为漏了内容，公开发布前必须改正。
    ## 示例
    “二、存在的不足和原因”之后直接是“四、下一年度主要安排”。
    ## 建议写法
    按顺序重新编号：“三、下一年度主要安排”。
    ## 误报与局限
    缺少编号的标题（见 NU003）不计入序列；样式写错但序号正确的标题（见 NU002）按其序号参与检查。
    跨节连续编号（“（一）”下 1. 2.，“（二）”下接 3.）不报；没有标题、且第一个一级标题不是“一、”的文本视为节选，
    不报开头的缺号。
    """
    text = report.text
    # The last number of each style in document order: some reports number `1.` `2.` under `（一）`
    # and go on with `3.` under `（二）` (continuous numbering), which is no gap.
    last_of_style: dict[str, int] = {}
    for _parent, children in sorted(_groups(report), key=lambda g: g[1][0].start if g[1] else 0):
        style = _dominant_style(children)
        if style is None:
            continue
        prev: int | None = None
        first = next((c for c in children if c.style == style), None)
        v0 = _value(first) if first else None
        if v0 and v0 > 1 and last_of_style.get(style) == v0 - 1:
            prev = v0 - 1
        elif v0 and v0 > 1 and _parent is None and report.title_span is None:
            # No title and the first top heading is `三、`: a fragment (a page of an excerpt, an
            # attachment), not a report that skipped 一、二、.
            prev = v0 - 1
        for c in children:
            if c.style in NUMBERED and _value(c) is not None:
                last_of_style[c.style] = _value(c)
            v = _value(c)
            if c.style == HeadingStyle.NONE or v is None:
                # An unnumbered heading still takes a place in the sequence (NU003 reports it).
                prev = (prev or 0) + 1
                continue
            expected = 1 if prev is None else prev + 1
            if v != expected:
                s, e = _span(c, text)
                kind = "重复" if prev is not None and v == prev else "不连续"
                yield Hit(
                    s,
                    e,
                    f"标题编号{kind}：此处应为“{_marker(c.style if c.style in NUMBERED else style, expected)}”",
                    None,
                )
            prev = v


@rule(
    code="NU002",
    name="numbering-wrong-style",
    category=Category.NUMBERING,
    severity=Severity.ERROR,
    summary="标题编号样式与同级标题不一致",
    bad=[
        "一、主要举措\n（一）加强学习\n内容。\n（二）规范执法\n内容。\n（3）化解纠纷\n内容。",
        "一、主要举措\n做了工作。\n（二）存在问题\n还有差距。\n三、下步安排\n继续努力。",
    ],
    good=[
        "一、主要举措\n（一）加强学习\n内容。\n（二）规范执法\n内容。\n（三）化解纠纷\n内容。",
        "一、主要举措\n（一）加强学习\n1.学习宪法\n内容。\n2.学习民法典\n内容。",
    ],
    fixable=True,
)
def numbering_wrong_style(report: Analysis) -> Iterator[Hit]:
    """同级标题应使用同一种编号样式（GB/T 9704：一、→（一）→1.→（1））。

    ## 检查内容
    某个标题的序号接续了同级标题（如接在“（三）”之后的“（4）”），但编号样式属于另一层级。
    ## 为什么
    样式混用会让层级关系看不清，通常是从别的文件复制段落时带来的。
    ## 示例
    “（一）……（二）……（三）……（4）加快建设法治社会。”
    ## 建议写法
    改为同级样式：“（四）加快建设法治社会。”
    ## 误报与局限
    只在序号与相邻同级标题衔接时判断为同级；若本意就是下一层级，请核对结构。
    """
    text = report.text
    for _parent, children in _groups(report):
        style = _dominant_style(children)
        if style is None:
            continue
        for c in children:
            if (
                c.style in NUMBERED
                and c.style != style
                and c.style != HeadingStyle.ORDINAL
                and style != HeadingStyle.ORDINAL
            ):
                v = _value(c)
                s, e = _span(c, text)
                fix = _marker(style, v) if v is not None else None
                yield Hit(
                    s,
                    e,
                    f"编号样式与同级标题不一致：同级用“{STYLE_NAMES[style]}”样式"
                    + (f"，此处应为“{fix}”" if fix else ""),
                    fix,
                )


@rule(
    code="NU003",
    name="numbering-missing",
    category=Category.NUMBERING,
    severity=Severity.WARNING,
    summary="同级标题有编号而此标题没有",
    bad=[
        "主要举措和成效\n做了很多工作。\n二、存在的不足和原因\n还有差距。\n三、下一年度主要安排\n继续努力。",
        "一、主要举措和成效\n做了很多工作。\n存在的不足和原因\n还有差距。\n三、下一年度主要安排\n继续努力。",
    ],
    good=[
        "一、主要举措和成效\n做了很多工作。\n二、存在的不足和原因\n还有差距。\n三、下一年度主要安排\n继续努力。",
        "主要举措和成效\n做了很多工作。\n存在的不足和原因\n还有差距。\n下一年度主要安排\n继续努力。",
    ],
    fixable=True,
)
def numbering_missing(report: Analysis) -> Iterator[Hit]:
    """同级标题都有编号时，单独一行的无编号标题漏了编号。

    ## 检查内容
    一组同级标题中，其余标题有编号（如“二、”“三、”），某个单独成行的标题却没有。
    ## 为什么
    漏编号多因复制或格式转换丢失，读者会误以为它属于上一部分。
    ## 示例
    “主要举措和成效”之后是“二、存在的不足和原因”“三、下一年度工作的主要安排”。
    ## 建议写法
    补上编号：“一、主要举措和成效”。
    ## 误报与局限
    全部标题都不编号的报告不报此项。
    """
    text = report.text
    for _parent, children in _groups(report):
        style = _dominant_style(children)
        if style is None or style == HeadingStyle.ORDINAL:
            continue
        for i, c in enumerate(children):
            if c.style != HeadingStyle.NONE:
                continue
            nxt = next((_value(x) for x in children[i + 1 :] if x.style == style), None)
            prv = next((_value(x) for x in reversed(children[:i]) if x.style == style), None)
            n = (nxt - 1) if nxt else (prv + 1 if prv else None)
            fix = _marker(style, n) if n and n > 0 else None
            line_end = text.find("\n", c.start)
            e = line_end if line_end >= 0 else len(text)
            yield Hit(
                c.start,
                e,
                "同级标题都有编号，此标题缺少编号" + (f"，应为“{fix}{c.title}”" if fix else ""),
                (fix + text[c.start : e]) if fix else None,
            )


# Skipping one level (`一、` then `1.`, `（一）` then `（1）`) is accepted practice when a document has few
# levels; a child three levels below its parent (`一、` then `（1）`) is reported.
MIN_LEVEL_JUMP = 3


@rule(
    code="NU004",
    name="numbering-level-skipped",
    category=Category.NUMBERING,
    severity=Severity.INFO,
    summary="标题层次跳级",
    bad=[
        "一、主要举措\n（1）加强学习\n内容。\n（2）规范执法\n内容。",
    ],
    good=[
        "一、主要举措\n（一）加强学习\n1.学习宪法\n内容。",
        "一、主要举措\n（一）加强学习\n内容。\n（二）规范执法\n内容。",
        "一、主要举措\n1.加强学习\n内容。\n2.规范执法\n内容。",
        "一、主要举措\n（一）加强学习\n（1）学习宪法\n内容。",
    ],
)
def numbering_level_skipped(report: Analysis) -> Iterator[Hit]:
    """标题层次序数可以越一级使用，但不宜从“一、”直接跳到“（1）”。

    ## 检查内容
    下级标题的编号样式比上级标题低了三级（“一、”之下直接用“（1）”）。
    ## 为什么
    GB/T 9704—2012 第7.3.3条规定结构层次序数依次使用“一、”“（一）”“1.”“（1）”；层次较少时越一级使用
    （“一、”下用“1.”，“（一）”下用“（1）”）是公文中通行的写法，不报；连跳两级则层次关系难以辨认。
    ## 示例
    “一、主要举措”之下直接是“（1）加强学习”。
    ## 建议写法
    改为“（一）加强学习”或“1.加强学习”。
    ## 误报与局限
    “一是、二是”不计入层级；编号样式写错的标题见 NU002。越一级使用不报告。
    """
    text = report.text
    for parent, children in _groups(report):
        if (
            parent is None
            or parent.style not in STYLE_LEVEL
            or parent.style in (HeadingStyle.ORDINAL, HeadingStyle.NONE)
        ):
            continue
        for c in children:
            if c.style in (HeadingStyle.ORDINAL, HeadingStyle.NONE) or c.style not in STYLE_LEVEL:
                continue
            if (
                STYLE_LEVEL[c.style] >= STYLE_LEVEL[parent.style] + MIN_LEVEL_JUMP
                and c.level == STYLE_LEVEL[c.style]
            ):
                s, e = _span(c, text)
                want = [k for k, v in STYLE_LEVEL.items() if v == STYLE_LEVEL[parent.style] + 1][0]
                yield Hit(
                    s, e, f"标题层次跳级：“{STYLE_NAMES[parent.style]}”之下应使用“{STYLE_NAMES[want]}”样式"
                )
                break
