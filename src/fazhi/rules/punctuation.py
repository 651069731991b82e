"""Punctuation rules (PU): GB/T 15834-2011 in Chinese text — full-width marks, marks in pairs, no
spaces inside quotes, no doubled marks, no 顿号 between quoted items, dashes, heading and paragraph ends."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Category, Report, Severity
from ..text import HAN, lines_with_offsets
from .base import Hit, rule

# Han characters and full-width punctuation: what makes a neighbourhood Chinese.
CJK_RE = re.compile(f"[{HAN}\u3000-\u303f\uff01-\uff5e“”‘’—…·]")
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+|[\w.+-]+@[\w-]+\.[\w.-]+")
# A closing bracket after a one- or two-character number is a list marker (`1）`, `a)`), not a pair.
LIST_MARKER_RE = re.compile(r"(?<![^\n；;。，,：: ])[\dA-Za-z一二三四五六七八九十]{1,2}[）)]$")
# Marks looked through when finding what a half-width mark stands next to.
TRANSPARENT = " ()\"'"
OPENERS = {"（": "paren", "(": "paren", "《": "book", "〈": "angle", "【": "lent", "〔": "tort"}
CLOSERS_OF = {"）": "paren", ")": "paren", "》": "book", "〉": "angle", "】": "lent", "〕": "tort"}
BRACKET_RE = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS_OF)) + "]")
DOUBLE_QUOTES_RE = re.compile('[“”"]')
SINGLE_QUOTES_RE = re.compile("[‘’]")


def neighbour(text: str, s: int, e: int, i: int, step: int) -> str:
    """The nearest character before (step -1) or after (step 1) i in the line, looking through
    spaces and half-width quotes and brackets; "" at the line's edge."""
    j = i + step
    while s <= j < e and text[j] in TRANSPARENT:
        j += step
    return text[j] if s <= j < e else ""


@dataclass
class Brackets:
    """Bracket pairs of one line, and the marks left without a partner."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (position, "open" | "close")
    kinds: dict[int, str] = field(default_factory=dict)
    partner: dict[int, int] = field(default_factory=dict)


def bracket_pairs(text: str, s: int, e: int) -> Brackets:
    """Pair the brackets of text[s:e]; half- and full-width forms of one kind pair with each other."""
    b = Brackets()
    stack: list[int] = []
    for m in BRACKET_RE.finditer(text, s, e):
        i, ch = m.start(), m.group()
        if ch in OPENERS:
            b.kinds[i] = OPENERS[ch]
            stack.append(i)
            continue
        b.kinds[i] = kind = CLOSERS_OF[ch]
        k = next((k for k in range(len(stack) - 1, -1, -1) if b.kinds[stack[k]] == kind), None)
        if k is None:
            b.unmatched.append((i, "close"))
            continue
        b.unmatched += [(j, "open") for j in stack[k + 1 :]]
        b.pairs.append((stack[k], i))
        b.partner[stack[k]], b.partner[i] = i, stack[k]
        del stack[k:]
    b.unmatched += [(j, "open") for j in stack]
    b.unmatched.sort()
    return b


def _walk(marks: list[tuple[int, str]], opener: str) -> tuple[dict[int, str], int | None, int | None]:
    """Alternate open/close over quote marks; a half-width quote takes whichever role is due.

    Returns the roles, the index of the first mark that breaks the alternation, and the position
    of a quote left open at the end.
    """
    roles: dict[int, str] = {}
    open_at: int | None = None
    for idx, (i, ch) in enumerate(marks):
        if ch == '"':
            role = "close" if open_at is not None else "open"
        else:
            role = "open" if ch == opener else "close"
            if (role == "open") == (open_at is not None):
                return roles, idx, None
        roles[i] = role
        open_at = i if role == "open" else None
    return roles, None, open_at


def double_quote_roles(text: str, s: int, e: int) -> tuple[dict[int, str], bool]:
    """Open/close role of each double quote of the line, and whether they all pair up."""
    marks = [(m.start(), m.group()) for m in DOUBLE_QUOTES_RE.finditer(text, s, e)]
    roles, broken, open_at = _walk(marks, "“")
    return roles, broken is None and open_at is None


def quote_breaks(text: str, s: int, e: int) -> Iterator[tuple[int, str | None, bool]]:
    """(position, certain fix or None, left open) of the first unpaired double and single quote."""
    for rx, opener, closer in ((DOUBLE_QUOTES_RE, "“", "”"), (SINGLE_QUOTES_RE, "‘", "’")):
        marks = [(m.start(), m.group()) for m in rx.finditer(text, s, e)]
        if opener == "‘":  # ’ between Latin letters is an apostrophe (China’s)
            marks = [(i, c) for i, c in marks if not (text[i - 1 : i].isascii() and text[i - 1 : i].isalpha())]
        _roles, broken, open_at = _walk(marks, opener)
        if broken is not None:
            i, ch = marks[broken]
            flipped = closer if ch == opener else opener
            trial = marks[:broken] + [(i, flipped)] + marks[broken + 1 :]
            _r, again, left = _walk(trial, opener)
            yield i, (flipped if again is None and left is None else None), False
        elif open_at is not None and text[open_at] != '"':
            yield open_at, None, True

# ASCII marks that have a full-width form in Chinese text: (name, full-width form).
ASCII_MARKS = {
    ",": ("逗号", "，"),
    ";": ("分号", "；"),
    ":": ("冒号", "："),
    "?": ("问号", "？"),
    "!": ("叹号", "！"),
    "(": ("括号", "（"),
    ")": ("括号", "）"),
}
ASCII_RE = re.compile(r'[,;:?!()"]')
# `1,000` and `8:30` are numbers, not Chinese punctuation.
DIGIT_JOINERS = ",:"
BRACKET_NAMES = {"paren": "括号", "book": "书名号", "angle": "书名号", "lent": "方头括号", "tort": "六角括号"}


def _ascii_hits(text: str, s: int, e: int) -> Iterator[Hit]:
    masked = {i for m in URL_RE.finditer(text, s, e) for i in range(m.start(), m.end())}
    partner = bracket_pairs(text, s, e).partner
    roles, quotes_ok = double_quote_roles(text, s, e)
    for m in ASCII_RE.finditer(text, s, e):
        i = m.start()
        ch = text[i]
        if i in masked:
            continue
        if ch == '"':
            if not _quote_in_chinese(text, s, e, i, roles):
                continue
            if quotes_ok:
                full = "“" if roles[i] == "open" else "”"
                yield Hit(i, i + 1, f"中文句子中应使用全角引号“{full}”", full)
            else:
                yield Hit(i, i + 1, "中文句子中应使用全角引号“”（前后引号也不配对，请核对）")
            continue
        if ch in "()":
            j = partner.get(i)
            if j is not None and text[j] not in "()":
                continue  # half-width paired with full-width: PU002 reports it
            if not _bracket_in_chinese(text, s, e, i, j):
                continue
            name, full = ASCII_MARKS[ch]
            yield Hit(i, i + 1, f"中文句子中应使用全角{name}“{full}”", full)
            continue
        if ch in DIGIT_JOINERS and s < i < e - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        left, right = neighbour(text, s, e, i, -1), neighbour(text, s, e, i, 1)
        if not (CJK_RE.match(left) or CJK_RE.match(right)):
            continue
        end = i + 1
        while end < e and text[end] == " ":
            end += 1
        name, full = ASCII_MARKS[ch]
        yield Hit(i, end, f"中文句子中应使用全角{name}“{full}”", full)


def _quote_in_chinese(text: str, s: int, e: int, i: int, roles: dict[int, str]) -> bool:
    if CJK_RE.match(neighbour(text, s, e, i, -1)) or CJK_RE.match(neighbour(text, s, e, i, 1)):
        return True
    nxt = DOUBLE_QUOTES_RE.search(text, i + 1, e)
    return roles.get(i) == "open" and bool(CJK_RE.search(text, i + 1, nxt.start() if nxt else e))


def _bracket_in_chinese(text: str, s: int, e: int, i: int, j: int | None) -> bool:
    if CJK_RE.match(neighbour(text, s, e, i, -1)) or CJK_RE.match(neighbour(text, s, e, i, 1)):
        return True
    if j is None:
        return False
    o, c = min(i, j), max(i, j)
    return bool(CJK_RE.search(text, o + 1, c)) or bool(
        CJK_RE.match(neighbour(text, s, e, o, -1)) or CJK_RE.match(neighbour(text, s, e, c, 1))
    )


@rule(
    code="PU001",
    name="ascii-punctuation-in-chinese",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="中文句子中使用了半角标点",
    bad=["今年以来,共开展培训3次。", "现将有关情况报告如下:", '严格落实"谁执法谁普法"责任制。', "各村(社区)均配备法律顾问。"],
    good=["今年以来，共开展培训3次。", "罚款1,000元，用时3.5小时，会议于8:30开始。", "详见 http://www.gov.cn/a?b=1,2 的通知。",
          "引用英文原文 Hello, world! 作为示例。"],
    fixable=True,
)
def ascii_punctuation(report: Report) -> Iterator[Hit]:
    """中文句子中使用了半角（英文）标点。

    ## 检查内容
    与汉字或全角标点相邻的半角逗号、分号、冒号、问号、叹号、括号和双引号，每处一条，并给出对应的全角标点；
    半角双引号按前后顺序配对，分别建议改为“或”。
    ## 为什么
    GB/T 15834-2011 规定中文文本使用全角标点。半角标点多来自从网页、PDF 或英文输入法复制的文字，
    排版时间距不对，公开发布前应统一改正。
    ## 示例
    “今年以来,共开展培训3次。”中的“,”。
    ## 建议写法
    “今年以来，共开展培训3次。”
    ## 误报与局限
    网址、数字中的千分位逗号（1,000）、时间（8:30）以及前后都是西文的标点不报；
    前后引号不配对时只提示改为全角，不给出具体写法。
    """
    text = report.text
    for s, e in lines_with_offsets(text):
        yield from _ascii_hits(text, s, e)


@rule(
    code="PU002",
    name="unpaired-quote-or-bracket",
    category=Category.PUNCTUATION,
    severity=Severity.ERROR,
    summary="引号、括号或书名号不配对",
    bad=["按照“三治结合“建设行动方案推进。", "落实《实施方案(2021—2025年）》要求。", "学习《民法典》和《宪法。",
         "开展“法律进乡村活动，效果良好。"],
    good=["开展“法律进乡村”活动，落实‘谁执法谁普法’责任。", "他说：“要把‘三治结合’落到实处。”",
          "学习《关于印发〈实施方案〉的通知》。", "1）加强学习；2）规范执法。"],
    fixable=True,
)
def unpaired_quote_or_bracket(report: Report) -> Iterator[Hit]:
    """引号、括号或书名号前后不配对，或前半个与后半个一为半角、一为全角。

    ## 检查内容
    逐段检查双引号“”、单引号‘’、括号（）、书名号《》〈〉、方头括号【】、六角括号〔〕：
    连续出现两个前引号、缺少后半个或前半个、半角“(”与全角“）”混配。
    ## 为什么
    GB/T 15834-2011 规定引号、括号、书名号成对使用，引号内再用引号时用单引号。不配对会让读者看不清引用的范围。
    ## 示例
    “按照“三治结合“建设行动方案”；“《实施方案(2021—2025年）》”。
    ## 建议写法
    “按照“三治结合”建设行动方案”；“《实施方案（2021—2025年）》”。
    ## 误报与局限
    按段落检查，跨段落的引文（每段以前引号开头）不报；“1）”式的序号不报；
    只有改一个字就能让全段配对时才给出修改建议。
    """
    text = report.text
    spans = lines_with_offsets(text)
    for k, (s, e) in enumerate(spans):
        next_line = text[spans[k + 1][0] : spans[k + 1][1]] if k + 1 < len(spans) else ""
        yield from _bracket_hits(text, s, e)
        for i, fix, unclosed in quote_breaks(text, s, e):
            if unclosed and next_line.lstrip().startswith(text[i]):
                continue  # a quotation running over several paragraphs (GB/T 15834 §4.5.3.3)
            if unclosed:
                yield Hit(i, i + 1, f"引号不配对：“{text[i]}”没有对应的后引号")
            elif fix:
                yield Hit(i, i + 1, f"引号不配对：此处应为“{fix}”", fix)
            else:
                yield Hit(i, i + 1, "引号不配对：请核对前后引号（引号内再用引号时用单引号‘’）")


def _bracket_hits(text: str, s: int, e: int) -> Iterator[Hit]:
    b = bracket_pairs(text, s, e)
    for o, c in b.pairs:
        if (text[o] == "(") != (text[c] == ")"):
            i = o if text[o] == "(" else c
            full = ASCII_MARKS[text[i]][1]
            yield Hit(i, i + 1, f"括号不配对：前后括号一为半角、一为全角，应为全角“{full}”", full)
    for i, kind in b.unmatched:
        if text[i] in "()":
            continue  # half-width brackets are PU001's
        if kind == "close" and LIST_MARKER_RE.search(text, s, i + 1):
            continue
        what = BRACKET_NAMES.get(b.kinds[i], "括号")
        side = "没有对应的后半个" if kind == "open" else "前面没有对应的前半个"
        yield Hit(i, i + 1, f"{what}不配对：“{text[i]}”{side}")


SPACE_IN_QUOTES_RE = re.compile(r"([“‘《〈]) +|( +)([”’》〉])")


@rule(
    code="PU003",
    name="space-inside-quotes",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="引号或书名号内侧有空格",
    bad=["开展“ 宪法宣传周”活动。", "学习《民法典 》。"],
    good=["开展“宪法宣传周”活动。", "开展“学思践悟 青年微宣讲”活动。"],
    fixable=True,
)
def space_inside_quotes(report: Report) -> Iterator[Hit]:
    """引号或书名号的内侧多了空格。

    ## 检查内容
    前引号“‘、前书名号《〈之后，或后引号”’、后书名号》〉之前紧跟的空格。
    ## 为什么
    全角标点本身已占一个字的宽度，内侧再加空格会使引文和书名两端参差，多为录入时误敲。
    ## 示例
    “结合“ 禁毒宣传月”等重要宣传时间节点”。
    ## 建议写法
    “结合“禁毒宣传月”等重要宣传时间节点”。
    ## 误报与局限
    引号中间的空格（如活动名称中两部分之间）不报。
    """
    for m in SPACE_IN_QUOTES_RE.finditer(report.text):
        mark = m.group(1) or m.group(3)
        yield Hit(m.start(), m.end(), f"“{mark}”内侧不应有空格", mark)


DOUBLED_RE = re.compile(r"[。，、；：！？]{2,}")
# Doubled or combined 问号/叹号 mark strong feeling (GB/T 15834 §4.3.3, §4.2.3); only those are allowed.
EMPHATIC = set("？！")


@rule(
    code="PU004",
    name="doubled-punctuation",
    category=Category.PUNCTUATION,
    severity=Severity.ERROR,
    summary="标点符号重复或叠用",
    bad=["全年开展培训3次。。", "加强学习，，提高能力。", "完成任务，。"],
    good=["有关情况如下……", "真的完成了吗？！", "继续努力——建设法治政府。"],
    fixable=True,
)
def doubled_punctuation(report: Report) -> Iterator[Hit]:
    """同一位置连用了两个句内或句末点号。

    ## 检查内容
    连续出现的句号、逗号、顿号、分号、冒号（如“。。”“，，”“，。”）。
    ## 为什么
    一处停顿只用一个点号，叠用多是修改文字时遗留的，读起来像漏了内容。
    ## 示例
    “全年开展培训3次。。”
    ## 建议写法
    “全年开展培训3次。”
    ## 误报与局限
    省略号“……”、破折号“——”和表示强烈语气的“？！”不报；两个不同的点号连用时不给出修改建议。
    """
    for m in DOUBLED_RE.finditer(report.text):
        run = m.group()
        if set(run) <= EMPHATIC:
            continue
        if len(set(run)) == 1:
            yield Hit(m.start(), m.end(), f"标点“{run[0]}”重复，保留一个即可", run[0])
        else:
            yield Hit(m.start(), m.end(), f"点号“{run}”叠用，只保留一个")


ENUM_COMMA_RE = re.compile(r"”\s*、\s*“|》\s*、\s*《")
# Between two joints of one enumeration lies one item; a joint further away starts a new list.
ITEM_BREAK_RE = re.compile(r"[“”《》。；！？\n]")


@rule(
    code="PU005",
    name="enumeration-comma-between-quotes",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="并列的引号或书名号之间用了顿号",
    bad=["推进“法律明白人”、“法治带头人”培养。", "学习《宪法》、《民法典》、《行政复议法》。"],
    good=["推进“法律明白人”“法治带头人”培养。", "学习《宪法》（2018年修正）、《民法典》。", "开展“六进”宣讲、基层理论微宣讲。"],
    fixable=True,
)
def enumeration_comma(report: Report) -> Iterator[Hit]:
    """并列的引号之间、并列的书名号之间用了顿号。

    ## 检查内容
    “”、“”和》、《紧挨着出现时中间的顿号；同一组并列项只报一次。
    ## 为什么
    GB/T 15834-2011 第4.5.3.5条：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；
    只有在引号或书名号后还有括注等其他成分时才用顿号。
    ## 示例
    “学习《民法典》、《宪法》、《行政复议法》”。
    ## 建议写法
    “学习《民法典》《宪法》《行政复议法》”。
    ## 误报与局限
    引号与书名号混合并列（”、《）不报。
    """
    text = report.text
    runs: list[list[re.Match]] = []
    for m in ENUM_COMMA_RE.finditer(text):
        if runs and text[runs[-1][-1].start()] == m.group()[0] and not ITEM_BREAK_RE.search(
            text, runs[-1][-1].end(), m.start()
        ):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        s, e = run[0].start(), run[-1].end()
        fix, pos = [], s
        for m in run:
            fix += [text[pos : m.start()], m.group()[0], m.group()[-1]]
            pos = m.end()
        kind = "引号" if run[0].group()[0] == "”" else "书名号"
        yield Hit(s, e, f"并列的{kind}之间不用顿号", "".join(fix))


# A heading standing alone longer than this is a sentence set as a list item, not a heading.
MAX_HEADING_TITLE = 40
HEADING_STYLES = ("cn", "paren_cn", "arabic", "paren_arabic")


@rule(
    code="PU006",
    name="heading-full-stop",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="单独成行的标题末尾用了句号",
    bad=["一、主要举措和成效\n（一）深化法治政府建设。\n全年开展培训12次，化解纠纷120件。",
         "一、主要举措和成效。\n全年开展培训12次，化解纠纷120件。"],
    good=["一、主要举措和成效\n（一）提升普法宣传力度。加强法律、政策的宣传解释工作。",
          "一、主要举措\n（一）行政审批\n1.审批服务\n（1）全面落实行政审批服务“马上办”。"],
    fixable=True,
)
def heading_full_stop(report: Report) -> Iterator[Hit]:
    """单独成行的一、二级标题末尾用了句号。

    ## 检查内容
    “一、”“（一）”两级标题独占一行且以句号结尾。
    ## 为什么
    标题不是句子，单独成行的标题末尾不加句号（GB/T 15834-2011 标点用法，党政机关公文惯例）。
    ## 示例
    “（一）深化法治政府建设。”单独一行，下接正文。
    ## 建议写法
    “（一）深化法治政府建设”。
    ## 误报与局限
    标题后接正文写在同一行（“（一）提升普法宣传力度。加强……”）时句号是必需的，不报；
    三、四级的“1.”“（1）”常是完整的句子，不报。
    """
    text = report.text
    for sec in report.sections():
        if sec.level > 2 or sec.style not in HEADING_STYLES or sec.marker is None:
            continue
        line_end = text.find("\n", sec.start)
        line_end = len(text) if line_end < 0 else line_end
        while line_end > sec.start and text[line_end - 1] == " ":
            line_end -= 1
        if sec.heading_end < line_end or text[line_end - 1] != "。":
            continue
        start = sec.marker[1]
        while start < line_end and text[start] == " ":
            start += 1
        if line_end - start > MAX_HEADING_TITLE:
            continue
        yield Hit(start, line_end, "单独成行的标题末尾不加句号", text[start : line_end - 1])


DASH_RE = re.compile(r"(?<!—)—(?!—)")
CLOSING = "”’》）」』〉"
OPENING = "“‘《（「『〈"


@rule(
    code="PU007",
    name="single-em-dash",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="破折号只用了一字线“—”",
    bad=["开展“宪法进万家”—2023年法治文艺演出活动。", "主题是—“弘扬宪法精神”。"],
    good=["《法治政府建设实施纲要（2021—2025年）》", "开展“宪法进万家”——2023年法治文艺演出活动。",
          "2023年—2024年连续两年获评先进。", "“十三五”—“十四五”期间。"],
    fixable=True,
)
def single_em_dash(report: Report) -> Iterator[Hit]:
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
    for m in DASH_RE.finditer(text):
        i = m.start()
        left = text[i - 1] if i > 0 else ""
        right = text[i + 1] if i + 1 < len(text) else ""
        if left in CLOSING and right in OPENING:
            continue
        after_closer = left and left in CLOSING and bool(re.match(r"[\w]", right))
        before_opener = right and right in OPENING and bool(CJK_RE.match(left)) and left not in CLOSING
        if after_closer or before_opener:
            yield Hit(i, i + 1, "破折号应为两字线“——”", "——")


# A line shorter than this (in characters) may be a caption, a name list or a short note.
MIN_PARAGRAPH = 20
# Marks that may end a paragraph (a colon introduces a list; ASCII marks are PU001's concern).
PARAGRAPH_END = "。！？；：…!?;:."
CLOSERS = "”’」』）)》〉"
# Lines that are labels rather than paragraphs.
LABEL_RE = re.compile(r"^\s*(?:附件|附表|注[:：]|备注|联系人|联系电话|抄送|特此报告)")
# How much of a paragraph's last clause the finding quotes.
TAIL_CHARS = 12


@rule(
    code="PU008",
    name="paragraph-without-final-punctuation",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="段落末尾缺少句末标点",
    bad=["一、存在的问题\n宣传形式较为单一，群众参与度较低，造成效果不佳\n二、下一步安排\n继续加强普法宣传。",
         "一、存在的问题\n执法人员数量不足，专业化程度不高，难以适应新形势的需要\n二、下一步安排\n加强执法队伍建设。"],
    good=["一、存在的问题\n宣传形式较为单一，群众参与度较低。\n二、下一步安排\n继续加强普法宣传。",
          "一、存在的问题\n（一）干部法治观念还不够强\n部分干部对法治建设的认识不够深入。"],
    fixable=True,
)
def paragraph_without_final_punctuation(report: Report) -> Iterator[Hit]:
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
        cut = max((text.rfind(c, tail, e) for c in "，,、；;：:“《（("), default=-1)
        start = cut + 1 if cut >= 0 else tail
        yield Hit(start, e, "段落末尾缺少句号", text[start:e] + "。")
