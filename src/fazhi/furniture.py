"""Web-page furniture: the lines a government site puts around a report's text.

Breadcrumbs (`当前位置：首页 > 政务公开 > …`), metadata rows (`索引号：…` `发布机构：…` `发布日期：…`,
also as table rows `| 索引号 | … |`), navigation words (`无障碍` `网站地图` `返回首页`), font and print
controls (`【字体：大 中 小】` `打印` `关闭` `分享`), web timestamps (`发布时间：2025-03-28 10:28`) and
bare index numbers or dates. Extracted HTML and text pasted from a page carry them alike, so the
normalizer drops them (no finding, heading or title comes from them) and both readers take the
publication date from them.

The furniture of a page sits in its prologue, the lines above the report's first real content
(addressee, numbered heading or a body sentence); there every furniture line goes, and so does
everything above a breadcrumb (the site's header). After the prologue only the unmistakable controls
(`【字体：大 中 小】`, `打印本页`, pagers, …) and web timestamps (a date with its clock, a publication row)
are dropped, wherever they stand; the page's tail below the report is fazhi.pagetail's.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources

# Publication dates outside these years are taken for noise (a year in a URL, a copyright line).
MIN_YEAR, MAX_YEAR = 1990, 2100
# A navigation or bullet item of the prologue is at most this many characters (`• 政务公开`).
MAX_NAV_ITEM = 10
# A site's menu line has at least this many short items (a joint signature has two or three organ names,
# none of them a navigation word).
MIN_MENU_ITEMS = 3
# A line of the site's header (a column or special-topic name) is at most this long.
MAX_HEADER_LINE = 20
# A column's name has at most this many characters before its topic word (`年度法治政府建设情况报告`); a title
# names its unit there (`某某镇法治政府建设情况报告`).
COLUMN_PREFIX = 2
# A value cell below its label (`发布机构：` / `某某县司法局`) is at most this long.
MAX_VALUE_LINE = 40
# Labels whose value may be an organ's name (a value line below any other label is never an organ line:
# `浏览次数：` is often left empty, and the report's own unit lines may follow it).
ORGAN_LABELS = frozenset(
    "发布机构 发文机关 发文单位 发布单位 所属机构 信息来源 文章来源 来源 作者 供稿 供稿单位 信息提供 提供单位".split()
)
# A body sentence that ends the prologue: this long and carrying sentence punctuation.
MIN_BODY_LINE = 30
# The prologue is never looked for beyond this many non-empty lines (site headers are shorter).
MAX_PROLOGUE_LINES = 40

BULLETS = "•·●▪◆■*-－|｜"
_DATE = r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})(?!\d)"
DATE_RE = re.compile(_DATE)
# A weekday some sites print between date and clock (`2025年03月28日 星期五 10:28`).
_WEEKDAY = r"(?:\s*(?:星期|周)[一二三四五六日天])?"
_CLOCK = r"(?:\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?|\d{1,2}\s*时\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?)"
_TIME = rf"(?:\s*(?:日\s*)?{_WEEKDAY}\s*{_CLOCK})?"
# Labels that state when a page was published, strongest first. `成文日期` (when the report was signed)
# and `更新时间` are deliberately not among them.
LABELLED_DATE_RES = (
    re.compile(rf"(?:发布|发表|公开|发稿|上传|发文)\s*(?:时\s*间|日\s*期)\s*[:：|]?\s*[\[【(（]?\s*{_DATE}"),
    re.compile(rf"(?<![成印签新止效行施文])(?:时\s*间|日\s*期)\s*[:：]\s*{_DATE}"),
)
# A line that is only a date, with or without a clock time (`2025-02-28`, `2026.03.05 10:28`).
# Only the web's forms with - / . count: `2024年1月16日` alone on a line is a signing date.
_WEB_DATE = r"((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"
BARE_DATE_RE = re.compile(rf"[\[【(（]?\s*{_WEB_DATE}{_TIME}\s*[\]】)）]?")
# A date with a clock time (`2025年03月28日 10:28`, `2025-03-28 10:28:00`) is a web timestamp in any date
# form: a report's own dates (signing date, dates of events) never carry the minute.
STAMP_RE = re.compile(rf"[\[【(（]?\s*{_DATE}\s*日?{_WEEKDAY}\s*{_CLOCK}\s*[\]】)）]?")
CLOCK_END_RE = re.compile(rf"{_CLOCK}\s*[\]】)）]?$")
# A row that states when the page was published or updated (`发布时间：…`, `[更新日期:…]`).
STAMP_LABEL_RE = re.compile(
    r"[\[【(（]?\s*(?:发\s*布|发\s*表|更\s*新|发\s*稿|上\s*传|录\s*入|公\s*开)\s*(?:时\s*间|日\s*期)\s*[:：]?\s*"
)
# A date with its optional weekday and clock at the start of a row; `clock` is set when the clock is there.
STAMP_PREFIX_RE = re.compile(rf"{_DATE}\s*日?{_WEEKDAY}(?:\s*(?P<clock>{_CLOCK}))?")
_WEB_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*[-/.]")
# Where a web date or a bracketed row may start inside a line (`…报告2025-03-28`, `…报告【发布时间`).
STAMP_START_RE = re.compile(r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]|[\[【(（]")
# What follows a date that is a web timestamp: the rest of the day, a weekday, the clock.
STAMP_TAIL_RE = re.compile(rf"\s*日?{_WEEKDAY}\s*{_CLOCK}")
# A publication label is looked for this many characters before a date (`[发 布 时 间 ：`).
STAMP_LABEL_REACH = 16
# The site's greeting and its calendar line (`欢迎访问某某县人民政府网站！`, `今天是2025年3月28日 星期五`).
WELCOME_RE = re.compile(rf"欢迎(?:访问|来到|光临|您)|今天是\s*{_DATE}")
# An index number alone on a line (`3701030006/2025-6637169`, `lsx31/2025-00001`).
INDEX_NUMBER_RE = re.compile(r"[A-Za-z0-9]{2,30}[/／-]\d{4}-\d{3,12}")
# `当前位置：` `您当前所在的位置:` `您现在的位置是：` `位置：首页>…`, or `首页 > …` anywhere on the line.
ARROWS = r"(?:>>|->|-->|=>|>|＞|»|›|→|⇒|＞＞)"
BREADCRUMB_RE = re.compile(
    rf"^[^，,。；;]{{0,10}}位置\s*(?:是\s*)?[:：]|当前位置|(?:^|\s)(?:网站)?首页\s*(?:{ARROWS}|/|[-－]\s*\S)"
)
BREADCRUMB_SEP_RE = re.compile(rf"\s*{ARROWS}\s*")
# `【字体：大 中 小】`, `字体大小:【大】 【中】 【小】`, `【字号:`, `[打印] [关闭]`.
CONTROL_RE = re.compile(
    r"(?:[【\[]?\s*(?:字体大小|文字大小|字体|字号)\s*[:：]?\s*(?:[【\[]?\s*(?:[大中小]|A\+|A-|A|T|默认)\s*[】\]]?\s*)*[】\]]?"
    r"|[【\[]?\s*(?:打印(?:本页|此页|内容|整页|文章|页面|正文)?|关闭(?:窗口|本页|此页|页面)?|分享到|分享|收藏(?:本页)?"
    r"|我要纠错|纠错|返回顶部|返回)"
    r"\s*[】\]]?\s*[:：]?)"
)
_CONTROL_WORD_RE = re.compile(r"字体|字号|打印|关闭|分享|纠错")
# A pager between the pages of a long article or below it (`共3页 首页 上一页 1 2 3 下一页 尾页`).
PAGER_RE = re.compile(
    r"(?:共\s*\d+\s*页|第\s*\d+\s*页|[上下]一页|首页|尾页|末页|\d{1,3}|[\s|｜\[\]【】<>《》])+"
)
# A line of page controls is short (`【字体：大 中 小】 【打印】 【关闭】` has about 20 characters).
MAX_CONTROL_LINE = 40
_LABEL_SEP = ":：|｜"
SENTENCE_RE = re.compile(r"[。；;！!？?]")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(metadata labels, navigation words) from data/furniture.txt."""
    labels: set[str] = set()
    nav: set[str] = set()
    src = resources.files("fazhi.data").joinpath("furniture.txt").read_text(encoding="utf-8")
    for line in src.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, words = line.partition(":")
        (labels if kind == "label" else nav).update(words.split())
    return frozenset(labels), frozenset(nav)


def _strip_bullets(line: str) -> str:
    return line.strip().strip(BULLETS + " \t").strip()


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern:
    """Any metadata label at the start, spaces allowed between its characters (`索 引 号`), longest first."""
    labels, _ = _words()
    alts = sorted(labels, key=len, reverse=True)
    return re.compile("|".join(r"[ \u3000]*".join(map(re.escape, lab)) for lab in alts))


def _label_at(s: str, i: int) -> str | None:
    """The metadata label starting at s[i] if it stands as a label (before a separator, spaces, another
    label or the end), else None."""
    m = _label_re().match(s, i)
    if not m:
        return None
    end = m.end()
    rest = s[end:].lstrip(" \u3000")
    if not rest or rest[0] in _LABEL_SEP or end < len(s) and s[end] in " \u3000" or _label_re().match(rest):
        return m.group()
    return None


def _row_text(line: str) -> str:
    """A line without bullets, cell bars and the bracket a row may open with (`[来源:…]`, `（责任编辑：…）`)."""
    return _strip_bullets(line).lstrip("[【(（〔 \u3000").strip()


def is_metadata_row(line: str) -> bool:
    """A row of the page's metadata table (`索 引 号：…`, `| 发布机构 | 某镇 |`, `来源：本网 发布日期：…`)."""
    s = _row_text(line)
    return bool(s) and _label_at(s, 0) is not None


def row_label(line: str) -> str | None:
    """The label a metadata row starts with, white space removed (`发 布 日 期：…` gives `发布日期`), else None."""
    lab = _label_at(_row_text(line), 0)
    return re.sub(r"\s+", "", lab) if lab is not None else None


def row_labels(line: str) -> list[str] | None:
    """The labels of a row made of labels only, with no value (`索引号`, `发布机构：`, `索 引 号 发布机构`), else None."""
    s = _row_text(line)
    out: list[str] = []
    i = 0
    while i < len(s):
        if s[i] in _LABEL_SEP + " \u3000\t":
            i += 1
            continue
        lab = _label_at(s, i)
        if lab is None:
            return None
        out.append(re.sub(r"\s+", "", lab))
        i += len(lab)
    return out or None


def glued_body_start(line: str) -> int | None:
    """Where report text begins in a metadata row it was run together with (`发布时间：2025-03-28 10:28
    来源：本站 2024年，我局…。`): the first space-separated piece that is neither a label, a label's value
    nor a date or clock. None when the line is furniture throughout or holds no sentence."""
    if "。" not in line or not is_metadata_row(line):
        return None
    expect_value = False
    for m in re.finditer(r"[^ \u3000\t]+", line):
        piece = m.group().strip("[]【】()（）|｜")
        if not piece:
            continue
        lab = _label_at(_row_text(piece), 0)
        if lab is not None:
            expect_value = not re.sub(r"\s+", "", _row_text(piece))[len(re.sub(r"\s+", "", lab)) :].strip(
                _LABEL_SEP
            )
            continue
        if expect_value and "。" not in piece or DATE_RE.fullmatch(piece) or re.fullmatch(_CLOCK, piece):
            expect_value = False
            continue
        if CONTROL_RE.fullmatch(piece):
            continue
        return m.start()
    return None


def title_row_start(line: str) -> int | None:
    """Where page rows begin on a title's line (`某县2024年法治政府建设情况报告 发布时间：2025-03-28 来源：本站`,
    `…情况报告2025-03-28 10:28`): the first label or web date after which the rest of the line is furniture
    and before which the line reads as a title. None otherwise."""
    from .meta import is_title_line

    starts = sorted(
        {m.start() for m in _label_re().finditer(line)} | {m.start() for m in STAMP_START_RE.finditer(line)}
    )
    for p in starts:
        head, rest = line[:p].strip(), line[p:].strip()
        if head and rest and is_title_line(head) and (is_timestamp_line(rest) or is_metadata_row(rest)):
            return p
    return None


def is_timestamp_line(line: str) -> bool:
    """A web timestamp wherever it stands: a date with its clock time alone on a line, or a publication or
    update row (`发布时间：2025年03月28日 10:28 来源：…`) — never a report's own date."""
    s = _row_text(line)
    if SENTENCE_RE.search(s):
        return False
    if STAMP_RE.fullmatch(_strip_bullets(line)):
        return True
    # `发布时间2025-03-28 10:28 来源：本站`, `2025-03-28 10:28 来源：某某县司法局`: a (labelled) stamp, then
    # nothing but other rows or controls.
    m = STAMP_LABEL_RE.match(s)
    start = m.end() if m else 0
    d = STAMP_PREFIX_RE.match(s, start)
    if not d:
        return False
    rest = s[d.end() :].strip(" \u3000\t]】)）|｜")
    # A bare date alone (`2024.1.6`) may be the signing date: a stamp needs a label, a clock or a row after it.
    if not (m or d.group("clock") or rest and _WEB_DATE_RE.match(s, start)):
        return False
    return not rest or is_metadata_row(rest) or is_control_line(rest)


def is_breadcrumb(line: str) -> bool:
    """`当前位置：首页 > 政务公开 > …` or `首页 >> 通知公告 >> …`."""
    s = line.strip()
    if BREADCRUMB_RE.search(s):
        return True
    parts = [p for p in BREADCRUMB_SEP_RE.split(s) if p]
    return len(parts) >= 3 and all(len(p) <= 15 for p in parts)


def is_control_line(line: str) -> bool:
    """A line made only of page controls (`【字体：大 中 小】`, `打印 关闭`, `打印整页 打印内容 分享`)."""
    s = line.strip()
    return bool(s) and not CONTROL_RE.sub("", s).strip(" \u3000|｜:：【】[]")


def is_nav_line(line: str) -> bool:
    """A line of navigation words only (`无障碍 一网搜 登录| 注册`, `繁体丨简体丨网站地图`, `政府信息公开`), or a
    site's menu: several short items one of which is a navigation word (`首页 走进某县 政务公开 互动交流`)."""
    _, nav = _words()
    tokens = [t.rstrip(":：") for t in re.split(r"[\s\u3000|｜丨/]+", line.strip()) if t]
    if tokens and all(t in nav or CONTROL_RE.fullmatch(t) for t in tokens):
        return True
    return (
        len(tokens) >= MIN_MENU_ITEMS
        and all(len(t) <= MAX_NAV_ITEM and not re.search(r"[，,。；;、]", t) for t in tokens)
        and any(t in nav for t in tokens)
    )


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture wherever it stands in the prologue."""
    s = line.strip()
    if not s:
        return False
    bare = _strip_bullets(s)
    return (
        is_metadata_row(s)
        or is_breadcrumb(s)
        or is_control_line(s)
        or is_nav_line(s)
        or bool(BARE_DATE_RE.fullmatch(bare))
        or is_timestamp_line(s)
        or bool(INDEX_NUMBER_RE.fullmatch(bare))
        or bool(WELCOME_RE.match(bare))
        or bool(
            re.fullmatch(
                r".{0,12}网站|.{0,6}链接|本(?:专题|栏目|页)(?:内容|信息)?由.{1,20}(?:发布|提供|维护)", bare
            )
        )
    )


def is_web_timestamp_at(text: str, start: int, end: int) -> bool:
    """Whether the date text[start:end] is a web timestamp: its clock time follows (`2025年03月28日 10:28`)
    or a publication or update label stands before it on its line (`发布日期：2025年03月28日`)."""
    if STAMP_TAIL_RE.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    head = text[max(line_start, start - STAMP_LABEL_REACH) : start]
    return bool(re.search(STAMP_LABEL_RE.pattern + r"$", head))


def is_control_anywhere(line: str) -> bool:
    """Controls dropped wherever they stand (`【字体：大 中 小】`, `[打印] [关闭]`, `上一页 1 2 3 下一页`): never
    report text."""
    s = line.strip()
    if PAGER_RE.fullmatch(s) and re.search(r"[上下]一页", s):
        return True
    return len(s) <= MAX_CONTROL_LINE and bool(_CONTROL_WORD_RE.search(s)) and is_control_line(s)


def _is_bullet_item(line: str) -> bool:
    s = line.strip()
    return (
        bool(s)
        and s[0] in BULLETS
        and 0 < len(_strip_bullets(s)) <= MAX_NAV_ITEM
        and not re.search(r"[，,。；;]", s)
    )


def _is_content(line: str) -> bool:
    """A line that starts the report proper: an addressee, a numbered heading or a body sentence."""
    from .meta import is_title_line
    from .outline import parse_heading

    s = line.strip()
    if re.fullmatch(r"[^。；！？!?]{2,40}[：:]", s):  # addressee `区委、区政府：`
        return True
    if is_title_line(s):  # a title (even a long one with commas) opens the report, the page's rows may follow
        return False
    if parse_heading(s, 0, len(s)) is not None and s[0] not in BULLETS:
        return True
    return "。" in s or len(s) >= MIN_BODY_LINE and bool(re.search(r"[，,；;]", s))


def prologue_furniture(lines: list[str]) -> set[int]:
    """Indices of the furniture lines among the first lines of a text (blank lines count as lines)."""
    return set(_prologue_furniture(tuple(lines)))  # a fresh set: callers add to it


# Texts whose prologue is kept: normalize, the publication date and the title row read the same lines.
PROLOGUE_CACHE_SIZE = 4


@lru_cache(maxsize=PROLOGUE_CACHE_SIZE)
def _prologue_furniture(lines: tuple[str, ...]) -> frozenset[int]:
    drop: set[int] = set()
    seen = 0
    last_crumb = -1
    prologue_end = len(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > MAX_PROLOGUE_LINES:
            prologue_end = i
            break
        if is_furniture(line):
            drop.add(i)
            if is_breadcrumb(line):
                last_crumb = i
            labels = row_labels(line)
            value = _next_nonempty(lines, i)
            if labels and value is not None and _is_value(lines[value], labels[-1]):
                drop.add(value)
            continue
        if i in drop:
            continue
        if _is_content(line):
            prologue_end = i
            break
        if _is_bullet_item(line):
            drop.add(i)
    # Everything above the last breadcrumb is the site's header (its name, menus, special columns).
    drop.update(i for i in range(last_crumb) if lines[i].strip())
    drop.update(_header_lines(lines, drop, prologue_end))
    drop.update(_column_titles(lines, drop, prologue_end))
    drop.update(_site_names(lines, drop, prologue_end))
    return frozenset(drop)


def _column_titles(lines: list[str], drop: set[int], end: int) -> list[int]:
    """A column's name that reads like a title (`法治政府建设年度报告`) above the report's own title: it names
    neither a year nor a unit, and a title that names a year follows it in the prologue."""
    from .meta import is_title_line
    from .text import YEAR

    titles = [i for i in range(min(end, len(lines))) if i not in drop and is_title_line(lines[i])]
    out = []
    for k, i in enumerate(titles):
        s = lines[i].strip()
        m = re.search(r"法治|依法|法制|执法", s)
        named = re.search(YEAR, s) or (m and m.start() > COLUMN_PREFIX)
        if not named and any(re.search(YEAR, lines[j]) for j in titles[k + 1 :]):
            out.append(i)
    return out


def _header_lines(lines: list[str], drop: set[int], end: int) -> list[int]:
    """Short lines of the site's header left above furniture and the title (a column's name such as
    `法定主动公开内容`): kept are organ lines and any line that is or begins the title."""
    from .meta import ORG_LINE_RE, is_title_line

    nonempty = [i for i in range(min(end, len(lines))) if lines[i].strip()]
    title = next((i for i in nonempty if i not in drop and is_title_line(lines[i])), None)
    if title is None:
        return []
    last_furniture = max((i for i in drop if i < title), default=-1)
    out = []
    for k, i in enumerate(nonempty):
        if i >= last_furniture:
            break
        s = lines[i].strip()
        nxt = lines[nonempty[k + 1]].strip()
        if i in drop or ORG_LINE_RE.match(s) or s.endswith("关于") or is_title_line(s + nxt):
            continue
        if len(s) <= MAX_HEADER_LINE and not re.search(r"[，,。；;：:]", s):
            out.append(i)
    return out


def _next_nonempty(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)


def _is_value(line: str, label: str) -> bool:
    """Whether a line is the value cell of the label-only row above it (`发布机构：` / `某某县司法局`)."""
    from .meta import ORG_LINE_RE, is_title_line

    s = line.strip()
    if len(s) > MAX_VALUE_LINE or SENTENCE_RE.search(s) or is_title_line(s) or is_furniture(s):
        return False
    if ORG_LINE_RE.match(s):
        return label in ORGAN_LABELS
    from .outline import parse_heading

    return parse_heading(s, 0, len(s)) is None and not re.fullmatch(r"[^。；！？!?]{2,40}[：:]", s)


def _site_names(lines: list[str], drop: set[int], end: int) -> list[int]:
    """Organ names that belong to the page, not the report: an organ line whose next line is furniture
    (the site's name above `政府信息公开`, the publisher's cell between the index number and the date).
    A report's own unit lines are followed by the title or by another unit line."""
    from .meta import ORG_LINE_RE

    out = []
    nonempty = [i for i in range(min(end, len(lines))) if lines[i].strip()]
    for i, nxt in zip(nonempty, nonempty[1:], strict=False):
        if i not in drop and nxt in drop and ORG_LINE_RE.match(lines[i].strip()):
            out.append(i)
    return out


def row_value(text: str, label: str) -> str | None:
    """The value of a metadata row of the prologue (`标  题：某镇2024年度法治政府建设情况报告`), else None."""
    lines = text.splitlines()
    pattern = re.compile(r"\s*".join(map(re.escape, label)) + r"\s*[:：|｜]\s*([^|｜]+)")
    for i in sorted(prologue_furniture(lines)):
        m = pattern.match(_strip_bullets(lines[i]))
        if m and m.group(1).strip():
            return m.group(1).strip()
    return None


def labelled_date(text: str) -> str | None:
    """The publication date a page states with a label (`发布日期：2024-03-28`), as ISO, else None."""
    for pattern in LABELLED_DATE_RES:
        for m in pattern.finditer(text):
            found = ymd(*m.groups())
            if found:
                return found
    return None


def published_date(text: str) -> str | None:
    """The publication date in a text's furniture: a labelled date, else a bare date line of the prologue."""
    lines = text.splitlines()
    drop = prologue_furniture(lines)
    furniture = [lines[i] for i in sorted(drop)]
    found = labelled_date("\n".join(furniture))
    if found:
        return found
    for line in furniture:
        m = BARE_DATE_RE.fullmatch(_strip_bullets(line))
        if m:
            found = ymd(*m.groups())
            if found:
                return found
    return None


def ymd(y: str, m: str, d: str) -> str | None:
    """ISO date of year, month, day strings if it is a real date in the accepted years."""
    try:
        day = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None
