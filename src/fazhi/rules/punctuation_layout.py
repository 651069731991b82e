"""Punctuation rules about layout (PU006–PU008): headings, dashes and paragraph ends."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, Severity
from ..text import CLOSERS, FULLWIDTH_CLOSERS
from ..vocab import HeadingStyle
from .base import Hit, rule
from .punctuation import CJK_RE

# A heading standing alone longer than this is a sentence set as a list item, not a heading.
MAX_HEADING_TITLE = 40
HEADING_STYLES = (HeadingStyle.CN, HeadingStyle.PAREN_CN, HeadingStyle.ARABIC, HeadingStyle.PAREN_ARABIC)


@rule(
    code="PU006",
    name="heading-full-stop",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="单独成行的标题末尾用了句号",
    bad=[
        "一、主要举措和成效\n（一）深化法治政府建设。\n全年开展培训12次，化解纠纷120件。",
        "一、主要举措和成效。\n全年开展培训12次，化解纠纷120件。",
    ],
    good=[
        "一、主要举措和成效\n（一）提升普法宣传力度。加强法律、政策的宣传解释工作。",
        "一、主要举措\n（一）行政审批\n1.审批服务\n（1）全面落实行政审批服务“马上办”。",
        "三、2024年工作安排\n（一）深化普法宣传，推动法律进社区。\n（二）加强执法队伍建设，组织全员培训。",
    ],
    fixable=True,
)
def heading_full_stop(report: Analysis) -> Iterator[Hit]:
    """单独成行的一、二级标题末尾用了句号。

    ## 检查内容
    “一、”“（一）”两级标题独占一行、以句号结尾，且下面还有正文或下级标题。
    ## 为什么
    标题不是句子，单独成行的标题末尾不加句号（GB/T 15834-2011 附录、党政机关公文惯例）。
    ## 示例
    “（一）深化法治政府建设。”单独一行，下接正文。
    ## 建议写法
    “（一）深化法治政府建设”。
    ## 误报与局限
    标题后接正文写在同一行（“（一）提升普法宣传力度。加强……”）时句号是必需的，不报；
    下面没有正文、一条接一条的“（一）……。（二）……。”是成句的列举项，不报；三、四级的“1.”“（1）”常是完整的句子，不报。
    """
    text = report.text
    for sec in report.sections():
        if sec.level > 2 or sec.style not in HEADING_STYLES or sec.marker is None:
            continue
        end = text.find("\n", sec.start)
        end = len(text) if end < 0 else end
        while end > sec.start and text[end - 1] == " ":
            end -= 1
        start = sec.marker[1]
        while start < end and text[start] == " ":
            start += 1
        # With nothing below it, a numbered line is an item of a list of sentences, not a heading.
        has_body = sec.end > text.find("\n", end) >= 0
        if has_body and sec.heading_end >= end and text[end - 1] == "。" and end - start <= MAX_HEADING_TITLE:
            yield Hit(start, end, "单独成行的标题末尾不加句号", text[start : end - 1])


OPENING = "“‘《（「『〈"


@rule(
    code="PU007",
    name="single-em-dash",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="破折号只用了一字线“—”",
    bad=["开展“宪法进万家”—2023年法治文艺演出活动。", "主题是—“弘扬宪法精神”。"],
    good=[
        "《法治政府建设实施纲要（2021—2025年）》",
        "开展“宪法进万家”——2023年法治文艺演出活动。",
        "2023年—2024年连续两年获评先进。",
        "“十三五”—“十四五”期间。",
    ],
    fixable=True,
)
def single_em_dash(report: Analysis) -> Iterator[Hit]:
    """用作破折号的单个一字线“—”，应为两字线“——”。

    ## 检查内容
    紧接在后引号、后书名号、后括号之后，或紧接在前引号、前书名号之前的单个“—”。
    ## 为什么
    GB/T 15834-2011 中破折号占两个字的位置（——）；单个“—”是连接号，只标示时间、地域等的起止。
    ## 示例
    “通过“民行千里·法致广大”—2023年荣昌区法治文艺演出活动”。
    ## 建议写法
    “通过“民行千里·法致广大”——2023年荣昌区法治文艺演出活动”。
    ## 误报与局限
    两个汉字之间的单个“—”可能是地域起止（北京—上海），两边都是引号时可能是时段起止，均不报。
    """
    text = report.text
    for m in re.finditer("—+", text):
        i = m.start()
        if m.end() - i != 1:
            continue
        left, right = text[i - 1 : i], text[i + 1 : i + 2]
        if left and left in FULLWIDTH_CLOSERS:
            ok = not right or right in OPENING or not right.isalnum()
        else:
            ok = not (right and right in OPENING and CJK_RE.match(left))
        if not ok:
            yield Hit(i, i + 1, "破折号应为两字线“——”", "——")


# A line shorter than this (in characters) may be a caption, a name list or a short note.
MIN_PARAGRAPH = 20
# Marks that may end a paragraph (a colon introduces a list; ASCII marks are PU001's concern).
PARAGRAPH_END = "。！？；：…!?;:."
# Lines that are labels rather than paragraphs.
LABEL_RE = re.compile(r"\s*(?:附件|附表|注[:：]|备注|联系人|联系电话|抄送|特此报告)")
# How much of a paragraph's last clause the finding quotes.
TAIL_CHARS = 12


@rule(
    code="PU008",
    name="paragraph-without-final-punctuation",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="段落末尾缺少句末标点",
    bad=[
        "一、存在的问题\n宣传形式较为单一，群众参与度较低，造成效果不佳\n二、下一步安排\n继续加强普法宣传。",
        "一、存在的问题\n执法人员数量不足，专业化程度不高，难以适应新形势的需要\n二、下一步安排\n加强执法队伍建设。",
    ],
    good=[
        "一、存在的问题\n宣传形式较为单一，群众参与度较低。\n二、下一步安排\n继续加强普法宣传。",
        "一、存在的问题\n（一）干部法治观念还不够强\n部分干部对法治建设的认识不够深入。",
    ],
    fixable=True,
)
def paragraph_without_final_punctuation(report: Analysis) -> Iterator[Hit]:
    """正文段落末尾没有句号等句末标点。

    ## 检查内容
    正文中较长、句内有标点、不是标题也不是表格行的段落，末尾没有句号、问号、叹号、分号、冒号或省略号。
    ## 为什么
    段末漏标点多是删改时把句号一并删掉，或段落被截断；读者难以判断句子是否完整。
    ## 示例
    “……渗透不足，造成效果不佳”之后直接是下一个标题。
    ## 建议写法
    “……渗透不足，造成效果不佳。”
    ## 误报与局限
    以逗号、顿号结尾的段落可能是被截断的，只提示不给出修改建议；附件、联系人等标注行不报。
    """
    text = report.text
    headings = {s.start: s.heading_end for s in report.sections()}
    for s, e in report.paragraphs:
        line = text[s:e].rstrip()
        e = s + len(line)
        if len(line) < MIN_PARAGRAPH or headings.get(s, -1) >= e or LABEL_RE.match(line):
            continue
        if "\t" in line or "|" in line or "  " in line or not re.search(r"[，,。；;]", line):
            continue
        body = line.rstrip(CLOSERS)
        if body[-1] in PARAGRAPH_END:
            continue
        if body[-1] in "，,、":
            yield Hit(s + len(body) - 1, s + len(body), "段落末尾应为句号，请核对段落是否完整")
            continue
        tail = max(s, e - TAIL_CHARS)
        cut = max(text.rfind(c, tail, e) for c in "，,、；;：:“《（(")
        start = cut + 1 if cut >= 0 else tail
        yield Hit(start, e, "段落末尾缺少句号", text[start:e] + "。")
