"""Punctuation rules (PU): GB/T 15834-2011 in Chinese text — full-width marks, marks in pairs, no
spaces inside quotes, no doubled marks, no 顿号 between quoted items, dashes, heading and paragraph ends.

Brackets and double quotes are paired once per line (`_lines`, cached per text) and shared by
PU001 (half-width marks) and PU002 (unpaired marks), so that each mark gets one finding only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType

from ..analysis import Analysis
from ..model import Category, Severity
from ..text import HAN, INNER_CLOSERS, is_han_basic
from .base import Hit, rule

# Han characters and full-width punctuation: what makes a neighbourhood Chinese.
CJK_RE = re.compile(f"[{HAN}\u3000-\u303f\uff01-\uff5e“”‘’—…·]")
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+|[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+")
# ASCII marks with a full-width form in Chinese text: (name, full-width form).
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
MARK_NAME_OF = {ch: name for ch, (name, _full) in ASCII_MARKS.items()}
# Marks whose full-width form does not depend on pairing: (message, fix).
SIMPLE_MARKS = {
    ch: (f"中文句子中应使用全角{name}“{full}”", full)
    for ch, (name, full) in ASCII_MARKS.items()
    if ch in ",;:?!"
}
# `1,000` and `8:30` are numbers, not Chinese punctuation.
DIGIT_JOINERS = ",:"
# Marks looked through when finding what a half-width mark stands next to.
TRANSPARENT = " ()\"'"
MARKS_ONLY = "()\"'"
OPENERS = {"（": "paren", "(": "paren", "《": "book", "〈": "angle", "【": "lent", "〔": "tort"}
CLOSERS_OF = {"）": "paren", ")": "paren", "》": "book", "〉": "angle", "】": "lent", "〕": "tort"}
# The full-width closer of each full-width opener, and back (half-width brackets are PU001's).
CLOSER_FOR = {"（": "）", "《": "》", "〈": "〉", "【": "】", "〔": "〕"}
OPENER_FOR = {c: o for o, c in CLOSER_FOR.items()}
BRACKET_NAMES = {"paren": "括号", "book": "书名号", "angle": "书名号", "lent": "方头括号", "tort": "六角括号"}
# A closing bracket after a one- or two-character number is a list marker (`1）`, `a)`), not a pair.
LIST_MARKER_RE = re.compile(r"(?<![^\n；;。，,：: ])[\dA-Za-z一二三四五六七八九十]{1,2}[）)]$")
DOUBLE_QUOTES_RE = re.compile('[“”"]')
SINGLE_QUOTES_RE = re.compile("[‘’]")
# Every mark that pairs: a line without any of them needs no pairing.
MARK_RE = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS_OF)) + '“”"‘’]')
NEWLINE_RE = re.compile("\n")
EMPTY: Mapping = MappingProxyType({})


class Line:
    """One line with its brackets paired and its double quotes given open/close roles (lines
    without any such mark keep the shared empty defaults)."""

    __slots__ = ("s", "e", "pairs", "unmatched", "kinds", "partner", "roles", "quotes_ok", "marked")

    def __init__(self, s: int, e: int) -> None:
        self.s, self.e = s, e
        self.pairs: list[tuple[int, int]] = []
        self.unmatched: list[tuple[int, str]] = []  # (position, "open" | "close")
        self.kinds: Mapping[int, str] = EMPTY
        self.partner: Mapping[int, int] = EMPTY
        self.roles: Mapping[int, str] = EMPTY
        self.quotes_ok, self.marked = True, False


@lru_cache(maxsize=4)
def _lines(text: str) -> tuple[list[int], list[Line]]:
    """Line starts and the analysed lines of text, in one pass over its marks (cached: the rules of
    one report share it)."""
    starts = [0, *(m.end() for m in NEWLINE_RE.finditer(text))]
    lines = [Line(s, e - 1) for s, e in zip(starts, [*starts[1:], len(text) + 1], strict=True)]
    group: list[re.Match] = []
    cur = lines[0]
    for m in MARK_RE.finditer(text):
        if m.start() > cur.e:
            if group:
                _pair(cur, group)
            group, cur = [], lines[bisect_right(starts, m.start()) - 1]
        group.append(m)
    if group:
        _pair(cur, group)
    return starts, lines


def _pair(ln: Line, marks: list[re.Match]) -> None:
    """Pair the brackets of one line and give its double quotes their roles."""
    ln.marked, ln.kinds, ln.partner, pairs, unmatched, stack = True, {}, {}, [], [], []
    for m in marks:
        i, ch = m.start(), m.group()
        if ch in OPENERS:
            ln.kinds[i] = OPENERS[ch]
            stack.append(i)
        elif ch in CLOSERS_OF:
            ln.kinds[i] = kind = CLOSERS_OF[ch]
            k = next((k for k in range(len(stack) - 1, -1, -1) if ln.kinds[stack[k]] == kind), None)
            if k is None:
                unmatched.append((i, "close"))
                continue
            unmatched += [(j, "open") for j in stack[k + 1 :]]
            pairs.append((stack[k], i))
            ln.partner[stack[k]], ln.partner[i] = i, stack[k]
            del stack[k:]
    ln.pairs, ln.unmatched = pairs, sorted(unmatched + [(j, "open") for j in stack])
    ln.roles, broken, open_at = _walk([(m.start(), m.group()) for m in marks if m.group() in '“”"'], "“")
    ln.quotes_ok = broken is None and open_at is None


def _walk(marks: list[tuple[int, str]], opener: str) -> tuple[dict[int, str], int | None, int | None]:
    """Alternate open/close over quote marks (a half-width quote takes the role that is due):
    the roles, the index of the first mark breaking the alternation, a quote left open at the end."""
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


def _quote_breaks(text: str, s: int, e: int) -> Iterator[tuple[int, str | None, bool]]:
    """(position, certain fix or None, left open) of the first unpaired double and single quote."""
    for rx, opener, closer in ((DOUBLE_QUOTES_RE, "“", "”"), (SINGLE_QUOTES_RE, "‘", "’")):
        marks = [(m.start(), m.group()) for m in rx.finditer(text, s, e)]
        if opener == "‘":  # ’ after a Latin letter is an apostrophe (China’s)
            marks = [(i, c) for i, c in marks if not (text[i - 1].isascii() and text[i - 1].isalpha())]
        _roles, broken, open_at = _walk(marks, opener)
        if broken is not None:
            i, ch = marks[broken]
            flipped = closer if ch == opener else opener
            _r, again, left = _walk(marks[:broken] + [(i, flipped)] + marks[broken + 1 :], opener)
            yield i, (flipped if again is None and left is None else None), False
        elif open_at is not None and text[open_at] != '"':
            yield open_at, None, True


def _near(text: str, ln: Line, i: int, step: int, through: str = TRANSPARENT) -> str:
    """The nearest character before (-1) or after (1) i in the line, looking through spaces and
    half-width quotes and brackets (`through`); "" at the line's edge."""
    j = i + step
    while ln.s <= j < ln.e and text[j] in through:
        j += step
    return text[j] if ln.s <= j < ln.e else ""


def _in_chinese(text: str, ln: Line, i: int, j: int | None) -> bool:
    """A half-width bracket or quote at i (its partner at j) stands in Chinese text: Chinese inside
    the pair, or touching it (a space between marks Latin typesetting: `见 (see Annex A) 说明`)."""
    o, c = (i, i) if j is None else (min(i, j), max(i, j))
    if o < c and CJK_RE.search(text, o + 1, c):
        return True
    before, after = _near(text, ln, o, -1, MARKS_ONLY), _near(text, ln, c, 1, MARKS_ONLY)
    if not text[ln.s : o].strip():  # a heading number at the line start: `(1) 明确责任`
        after = _near(text, ln, c, 1)
    return bool(CJK_RE.match(before) or CJK_RE.match(after))


def _ascii_hit(text: str, ln: Line, i: int) -> Hit | None:
    """The finding for the half-width mark at i, or None where it is not Chinese punctuation."""
    ch = text[i]
    if ch == '"':
        nxt = DOUBLE_QUOTES_RE.search(text, i + 1, ln.e) if ln.roles.get(i) == "open" else None
        if not _in_chinese(text, ln, i, nxt.start() if nxt else None):
            return None
        if not ln.quotes_ok:
            return Hit(i, i + 1, "中文句子中应使用全角引号“”（前后引号也不配对，请核对）")
        full = "“" if ln.roles[i] == "open" else "”"
        return Hit(i, i + 1, f"中文句子中应使用全角引号“{full}”", full)
    name, full = ASCII_MARKS[ch]
    if ch in "()":
        j = ln.partner.get(i)
        if (j is not None and text[j] not in "()") or not _in_chinese(text, ln, i, j):
            return None  # not in Chinese, or paired with a full-width bracket (PU002 reports that)
        return Hit(i, i + 1, f"中文句子中应使用全角{name}“{full}”", full)
    if ch in DIGIT_JOINERS and ln.s < i < ln.e - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
        return None
    # Chinese on the left, or right after the mark: in `Hello, world! 作为` the `!` ends a Latin phrase.
    if not (CJK_RE.match(_near(text, ln, i, -1)) or CJK_RE.match(text[i + 1 : i + 2])):
        return None
    end = i + 1
    while end < ln.e and text[end] == " ":
        end += 1
    return Hit(i, end, f"中文句子中应使用全角{name}“{full}”", full)


_MARK_NAMES = {
    "“": "前引号",
    "”": "后引号",
    "‘": "前单引号",
    "’": "后单引号",
    "《": "前书名号",
    "》": "后书名号",
    "〈": "前书名号",
    "〉": "后书名号",
}


def _mark_name(ch: str) -> str:
    """A reader's name for a quote mark or bracket (`前引号（“）`)."""
    return f"{_MARK_NAMES.get(ch, '标点')}（{ch}）"


@rule(
    code="PU001",
    name="ascii-punctuation-in-chinese",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="中文句子中使用了半角标点",
    bad=[
        "今年以来,共开展培训3次。",
        "现将有关情况报告如下:",
        '严格落实"谁执法谁普法"责任制。',
        "各村(社区)均配备法律顾问。",
    ],
    good=[
        "今年以来，共开展培训3次。",
        "罚款1,000元，用时3.5小时，会议于8:30开始。",
        "详见 http://www.gov.cn/a?b=1,2 的通知。",
        "引用英文原文 Hello, world! 作为示例。",
    ],
    fixable=True,
)
def ascii_punctuation(report: Analysis) -> Iterator[Hit]:
    """中文句子中使用了半角（英文）标点。

    ## 检查内容
    与汉字或全角标点相邻的半角逗号、分号、冒号、问号、叹号、括号和双引号。同一段中的半角标点合为一条，
    从第一处标到最后一处，说明共几处，建议写法是这一段全部改为全角后的文字（可一次改正）；
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
    前后引号不配对时只提示改为全角，不给出具体写法（这一处单独成条）。
    """
    text = report.text
    starts, _ = _lines(text)
    group: list[Hit] = []
    group_line = -1
    for h in _ascii_marks(report):
        if h.suggestion is None:  # no certain fix (unpaired quotes): a finding of its own
            yield h
            continue
        line = bisect_right(starts, h.start) - 1
        if group and line != group_line:
            yield _paragraph_hit(text, group)
            group = []
        group.append(h)
        group_line = line
    if group:
        yield _paragraph_hit(text, group)


def _paragraph_hit(text: str, group: list[Hit]) -> Hit:
    """One finding for the half-width marks of a paragraph: from the first mark to the last, the
    message counting them by name, the suggestion that stretch with every mark made full width."""
    if len(group) == 1:
        return group[0]
    s, e = group[0].start, group[-1].end
    out, pos = [], s
    counts: dict[str, int] = {}
    for h in group:
        out += [text[pos : h.start], h.suggestion]
        pos = h.end
        name = MARK_NAME_OF.get(text[h.start], "引号")
        counts[name] = counts.get(name, 0) + 1
    out.append(text[pos:e])
    names = "、".join(f"{n}{c}处" for n, c in counts.items())
    return Hit(s, e, f"本段有{len(group)}处半角标点（{names}），中文句子中应使用全角标点", "".join(out))


def _ascii_marks(report: Analysis) -> Iterator[Hit]:
    """One hit per half-width mark that stands in Chinese text, in text order."""
    text = report.text
    starts, lines = _lines(text)
    masked = {i for m in URL_RE.finditer(text) for i in range(m.start(), m.end())}
    for m in ASCII_RE.finditer(text):
        i, ch = m.start(), m.group()
        if i in masked:
            continue
        if ch in SIMPLE_MARKS and is_han_basic(text[i - 1 : i]) and text[i + 1 : i + 2] != " ":
            yield Hit(
                i, i + 1, SIMPLE_MARKS[ch][0], SIMPLE_MARKS[ch][1]
            )  # the common case, right after a Han
            continue
        hit = _ascii_hit(text, lines[bisect_right(starts, i) - 1], i)
        if hit:
            yield hit


@rule(
    code="PU002",
    name="unpaired-quote-or-bracket",
    category=Category.PUNCTUATION,
    severity=Severity.ERROR,
    summary="引号、括号或书名号不配对",
    bad=[
        "按照“三治结合“建设行动方案推进。",
        "落实《实施方案(2021—2025年）》要求。",
        "学习《民法典》和《宪法。",
        "开展“法律进乡村活动，效果良好。",
        "依照（行政处罚法》办理。",
        "落实《实施方案）要求。",
    ],
    good=[
        "开展“法律进乡村”活动，落实‘谁执法谁普法’责任。",
        "他说：“要把‘三治结合’落到实处。”",
        "学习《关于印发〈实施方案〉的通知》。",
        "1）加强学习；2）规范执法。",
    ],
    fixable=True,
)
def unpaired_quote_or_bracket(report: Analysis) -> Iterator[Hit]:
    """引号、括号或书名号前后不配对，或前半个与后半个一为半角、一为全角。

    ## 检查内容
    逐段检查双引号“”、单引号‘’、括号（）、书名号《》〈〉、方头括号【】、六角括号〔〕：
    连续出现两个前引号、缺少后半个或前半个、半角“(”与全角“）”混配、前半个与后半个不是同一种括号（“（…》”“《…）”）。
    ## 为什么
    GB/T 15834-2011 规定引号、括号、书名号成对使用，引号内再用引号时用单引号。不配对会让读者看不清引用的范围。
    ## 示例
    “按照“三治结合“建设行动方案”；“《实施方案(2021—2025年）》”。
    ## 建议写法
    “按照“三治结合”建设行动方案”；“《实施方案（2021—2025年）》”。
    ## 误报与局限
    按段落检查，跨段落的引文（每段以前引号开头）不报；“1）”式的序号不报；
    只有改一个字就能让全段配对时才给出修改建议；两种括号错配时改哪一半要看原意，只指出，不给改法。
    """
    text = report.text
    _starts, lines = _lines(text)
    for k, ln in enumerate(lines):
        if not ln.marked:
            continue
        for o, c in ln.pairs:
            if (text[o] == "(") != (text[c] == ")"):
                i = o if text[o] == "(" else c
                full = ASCII_MARKS[text[i]][1]
                yield Hit(i, i + 1, f"括号不配对：前后括号一为半角、一为全角，应为全角“{full}”", full)
        crossed = _crossed(text, ln)
        for o, c in crossed:
            a, b = BRACKET_NAMES[ln.kinds[o]], BRACKET_NAMES[ln.kinds[c]]
            yield Hit(
                o,
                c + 1,
                f"{a + '与' + b + '混配' if a != b else a + '不配对'}：前半个“{text[o]}”与后半个"
                f"“{text[c]}”不是一对，应为“{text[o]}…{CLOSER_FOR[text[o]]}”或“{OPENER_FOR[text[c]]}…{text[c]}”",
            )
        done = {i for pair in crossed for i in pair}
        for i, side in ln.unmatched:
            if i in done:
                continue
            if text[i] in "()" or (side == "close" and LIST_MARKER_RE.search(text, ln.s, i + 1)):
                continue  # half-width brackets are PU001's
            what = BRACKET_NAMES[ln.kinds[i]]
            years = _title_years(text, i, ln.e) if side == "open" and text[i] == "《" else None
            if years is not None:
                a, b = years
                name = text[i + 1 : a][:12]
                yield Hit(
                    a,
                    b,
                    f"{what}不配对：“《{name}”没有后半个，书名应在年份区间的括号后以“》”结束",
                    text[a:b] + "》",
                )
                continue
            yield Hit(
                i,
                i + 1,
                f"{what}不配对：“{text[i]}”" + ("没有对应的后半个" if side == "open" else "前面缺少前半个"),
            )
        nxt = text[lines[k + 1].s : lines[k + 1].e].lstrip() if k + 1 < len(lines) else ""
        for i, fix, unclosed in _quote_breaks(text, ln.s, ln.e):
            if unclosed and nxt.startswith(text[i]):
                continue  # a quotation running over several paragraphs (GB/T 15834 §4.5.3.3)
            if unclosed:
                yield Hit(i, i + 1, f"引号不配对：{_mark_name(text[i])}没有对应的后引号")
            elif fix:
                yield Hit(i, i + 1, f"引号不配对：此处应为{_mark_name(fix)}", fix)
            else:
                yield Hit(i, i + 1, "引号不配对：请核对前后引号（引号内再用引号时用单引号‘’）")


# The end of a plan's title: a bracketed year range (`（2021—2025年）`, `(2022-2025)`) closes the name of
# a plan or programme, so an unclosed 《 before one most likely lost its 》 right after it.
TITLE_YEARS_END_RE = re.compile(r"[（(](?:19|20)\d\d年?\s*[—–\-－~～至]\s*(?:19|20)\d\d年?[）)]")
# Marks that end the stretch in which the lost 》 is looked for.
TITLE_STOP = "《》。；！？\n"


def _title_years(text: str, i: int, line_end: int) -> tuple[int, int] | None:
    """The bracketed year range that ends the title opened by an unclosed 《 at i, if there is one."""
    stop = min((p for p in (text.find(c, i + 1, line_end) for c in TITLE_STOP) if p >= 0), default=line_end)
    m = TITLE_YEARS_END_RE.search(text, i + 1, stop)
    if m is None or text[m.end() : m.end() + 1] == "》":
        return None
    return m.start(), m.end()


def _crossed(text: str, ln: Line) -> list[tuple[int, int]]:
    """(opener, closer) of full-width brackets closed by another kind of mark (`（…》`, `《…）`): an
    unmatched opener whose next unmatched mark on the line is a closer of a different kind."""
    out = []
    for (o, side_o), (c, side_c) in zip(ln.unmatched, ln.unmatched[1:], strict=False):
        if side_o != "open" or side_c != "close" or text[o] not in CLOSER_FOR or text[c] not in OPENER_FOR:
            continue
        if ln.kinds[o] != ln.kinds[c] and not LIST_MARKER_RE.search(text, ln.s, c + 1):
            out.append((o, c))
    return out


INNER_OPENERS = "“‘《〈"


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
def space_inside_quotes(report: Analysis) -> Iterator[Hit]:
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
    text = report.text
    for m in re.finditer(" +", text):  # spaces are rare in normalized text: scan them, not the marks
        s, e = m.span()
        if s > 0 and text[s - 1] in INNER_OPENERS:
            yield Hit(s - 1, e, f"{_mark_name(text[s - 1])}内侧不应有空格", text[s - 1])
        elif e < len(text) and text[e] in INNER_CLOSERS:
            yield Hit(s, e + 1, f"{_mark_name(text[e])}内侧不应有空格", text[e])


DOUBLED_RE = re.compile(r"[。，、；：！？]{2,}")
# Doubled or combined 问号/叹号 mark strong feeling (GB/T 15834 §4.2.3, §4.3.3); only those are allowed.
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
def doubled_punctuation(report: Analysis) -> Iterator[Hit]:
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


ENUM_COMMA_RE = re.compile(r"[”》]\s*、\s*[“《]")
PAIRS = {"”": "“", "》": "《"}
# Between two joints of one enumeration lies one item; any of these between them starts a new list.
ITEM_BREAK_RE = re.compile(r"[“”《》。；！？\n]")


@rule(
    code="PU005",
    name="enumeration-comma-between-quotes",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="并列的引号或书名号之间用了顿号",
    bad=["推进“法律明白人”、“法治带头人”培养。", "学习《宪法》、《民法典》、《行政复议法》。"],
    good=[
        "推进“法律明白人”“法治带头人”培养。",
        "学习《宪法》（2018年修正）、《民法典》。",
        "开展“六进”宣讲、基层理论微宣讲。",
    ],
    fixable=True,
)
def enumeration_comma(report: Analysis) -> Iterator[Hit]:
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
        if PAIRS[m.group()[0]] != m.group()[-1]:
            continue
        last = runs[-1][-1] if runs else None
        if last and last.group()[0] == m.group()[0] and not ITEM_BREAK_RE.search(text, last.end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        fix, pos = [], run[0].start()
        for m in run:
            fix += [text[pos : m.start()], m.group()[0], m.group()[-1]]
            pos = m.end()
        kind = "引号" if run[0].group()[0] == "”" else "书名号"
        yield Hit(run[0].start(), run[-1].end(), f"并列的{kind}之间不用顿号", "".join(fix))
