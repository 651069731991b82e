"""The report's frame (title block, addressee, signature and date) and its metadata
(title, issuing unit and level, covered year, addressee, signing date)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import sources
from .model import UnitLevel
from .numerals import date_value
from .text import HAN_BASIC, YEAR, lines_with_offsets

# The title is one of the first TITLE_SEARCH_LINES lines; page lines the furniture step did not know may
# push it down to MAX_TITLE_SEARCH_LINES, but no further than the body's first line (a sentence, a numbered
# heading, an addressee). The first lines are searched whatever they hold: a page's notice above the title
# may carry a full stop.
TITLE_SEARCH_LINES = 4
MAX_TITLE_SEARCH_LINES = 8
MAX_TITLE = 70
MAX_SIGNATURE_LINE = 70
# How many lines at the end may form the signature block (units, date, notes such as 此件公开发布).
SIGNATURE_LINES = 4

ORG_RE = re.compile(
    rf"(?:中共|中国共产党)?[{HAN_BASIC}]{{2,30}}?"
    r"(?:人民政府|街道办事处|办事处|工作委员会|委员会|党工委|党委|司法局|[局厅委办]|人民法院|人民检察院)"
)
ORG_LINE_RE = re.compile(rf"^(?:{ORG_RE.pattern})(?:\s+(?:{ORG_RE.pattern}))*$")
DATE_RE = re.compile(
    r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
# The four municipalities directly under the central government are provincial; their districts and
# counties are county level (`北京市东城区人民政府`) and fall to the rules below.
MUNICIPALITY_RE = re.compile(r"(?:中共)?(?:北京|上海|天津|重庆)市(?:人民政府|委员会|委|人民政府办公厅)?")
ADDRESSEE_RE = re.compile(r"^(?P<a>[^。；！？.;!?]{2,40}?)[：:]$")
ADDRESSEE_WORDS = re.compile(r"委|政府|人大|办|局|领导|同志|部|院")
YEAR_RE = re.compile(r"(?<![\d\-—–～~])(20\d{2})\s*年(?!\s*[\-—–～~至])")
CN_YEAR_RE = re.compile(r"([〇○零一二三四五六七八九]{4})年")
# A title's prefix that names a body or a region (`静海区2023年度…报告` is the district's report).
TITLE_UNIT_END_RE = re.compile(r"(?:街道|镇|乡|区|县|旗|市|州|盟|省|自治区)$")
# The unit named as the subject of the opening sentence (`2024年，某某县人民政府坚持…`, `云南省委、省政府坚持…`,
# `鹤龙街坚持…`); `全县` `我镇` `各乡镇` are no names.
OPENING_UNIT_RE = re.compile(
    rf"(?:^|[，,。])\s*(?![全我本该各])(?P<u>[{HAN_BASIC}]{{1,20}}?(?:街道办事处|街道|街|镇|乡|区|县|旗|市|州|盟|省|局))"
    rf"(?P<s>人民政府|政府|办事处|党工委|党委|委)?(?:、[{HAN_BASIC}]{{0,6}}?(?:办事处|政府))?"
    r"(?:坚持|深入|认真|紧紧|全面|始终|紧扣|围绕|以|在)"
)


@dataclass
class Frame:
    """Where the title block, addressee, body and signature block are."""

    title_span: tuple[int, int] | None
    header_units: list[str]
    addressee_span: tuple[int, int] | None
    signature_span: tuple[int, int] | None
    signature_units: list[str]
    date_span: tuple[int, int] | None
    body: tuple[int, int]


# A signing date written with dots or dashes (`2024.2.5`, `2024-02-05`): not the standard form, but a date.
NUMERIC_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?P<sep>[.．/\-－])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
)


def is_date_line(line: str) -> bool:
    """A line that is only a date (`2024年1月16日`, `二〇二四年一月十六日`, `2024.2.5`)."""
    s = line.strip()
    return bool((DATE_RE.fullmatch(s) or NUMERIC_DATE_RE.fullmatch(s)) and parse_date(s))


def parse_date(s: str) -> str | None:
    """ISO date from `2024年1月16日`, `二〇二四年一月十六日` or `2024.1.16`, else None."""
    m = DATE_RE.search(s) or NUMERIC_DATE_RE.search(s)
    if not m:
        return None
    y, mo, d = (date_value(m.group(k)) for k in ("y", "m", "d"))
    if not (y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# A title ends with one of these (`…的报告`, `…工作情况`, `…工作总结`, `…（2024年度）`), within its last
# TITLE_END_WINDOW characters, and names the rule of law (法治 / 依法 / 法制 / 执法).
TITLE_END_RE = re.compile(rf"(?:报告|情况|总结|[（(]{YEAR}\s*年度?[）)])$")
TITLE_END_WINDOW = 6
TITLE_TOPIC_RE = re.compile(r"法治|依法|法制|执法")
# Lines that belong to the title block below the title: a subtitle (`——在……会议上`), the year in
# brackets (`（2024年度）`), the occasion of a speech (`2025年3月17日在……会议上`), a document number.
SUBTITLE_RE = re.compile(
    r"(?:——|—|--|－－).{2,60}"
    rf"|[（(][^（）()]{{0,20}}{YEAR}[^（）()]{{0,10}}[）)]"
    r"|.{0,60}(?:会议上|大会上)(?:的(?:报告|讲话|发言))?"
    rf"|{YEAR}\s*年.{{1,12}}日\s*在.{{2,60}}"
    rf"|[{HAN_BASIC}]{{1,10}}[〔\[［(（]\d{{4}}[〕\]］)）]\s*\d{{1,4}}\s*号"
)
# How many lines below the title may still belong to its block (units, a repeated title, a subtitle).
TITLE_BLOCK_EXTRA = 4


def _title_text(line: str) -> str:
    return line.strip().removesuffix("|").strip()


def is_title_line(line: str) -> bool:
    """A line that reads as a report title."""
    from .outline import starts_heading

    s = _title_text(line)
    return (
        len(s) <= MAX_TITLE
        and s[-1:] not in "。，,；;：:"
        and (
            bool(TITLE_END_RE.search(s[-TITLE_END_WINDOW - 4 :]))
            or "报告" in s[-TITLE_END_WINDOW:]
            or ("关于" in s and "情况" in s)
        )
        and bool(TITLE_TOPIC_RE.search(s))
        and not starts_heading(s)
    )


def _is_body_line(line: str) -> bool:
    """A sentence, a numbered heading or an addressee: the report has begun."""
    from .outline import parse_heading

    s = line.strip()
    return "。" in s or parse_heading(s, 0, len(s)) is not None or bool(ADDRESSEE_RE.match(s))


def _in_title_block(line: str, title: str) -> bool:
    """A line below the title that still belongs to the title block."""
    s = _title_text(line)
    compact, whole = re.sub(r"\s+", "", s), re.sub(r"\s+", "", title)
    return bool(
        ORG_LINE_RE.match(s)
        and len(s) <= MAX_SIGNATURE_LINE
        or is_title_line(s)
        or SUBTITLE_RE.fullmatch(s)
        or (len(compact) >= 4 and compact in whole)
    )


TITLE_AND_ADDRESSEE_RE = re.compile(
    r"(?P<t>[^\n]{6,70}?报告)[ \t\u3000]*(?P<a>[^。；！？.;!?\n]{2,40}?)[：:][ \t]*$", re.M
)


def is_addressee(names: str) -> bool:
    """`区委、区政府`, `中共某某县委员会，某某县人民政府` — every listed body names an organ."""
    return all(ADDRESSEE_WORDS.search(x) for x in re.split(r"[、，,]", names))


def _org_lines_units(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The organs named by the organ lines among spans (`中共某某镇委员会 某某镇人民政府` gives two)."""
    out: list[str] = []
    for a, b in spans:
        line = text[a:b].strip()
        if ORG_LINE_RE.match(line):
            out.extend(re.split(r"\s+", line))
    return out


def find_frame(text: str) -> Frame:
    """Locate title block, addressee and signature block; the body lies between."""
    lines = [(s, e) for s, e in lines_with_offsets(text) if text[s:e].strip()]
    if not lines:
        return Frame(None, [], None, None, [], None, (0, len(text)))
    title_span = None
    addressee_span = None
    header_units: list[str] = []
    first_body = 0
    for i, (s, e) in enumerate(lines[:MAX_TITLE_SEARCH_LINES]):
        if i >= TITLE_SEARCH_LINES and any(_is_body_line(text[a:b]) for a, b in lines[:i]):
            break  # the report has begun: a line below the body's first is no title
        glued = TITLE_AND_ADDRESSEE_RE.match(text, s, e)
        if glued and is_title_line(glued.group("t")) and is_addressee(glued.group("a")):
            # `…的报告 区委、区政府：` — a title and its addressee on one line (a page's text run together)
            title_span = (s, s + len(glued.group("t")))
            addressee_span = (glued.start("a"), glued.start("a") + len(glued.group("a")))
            header_units = _org_lines_units(text, lines[:i])
            first_body = i + 1
            break
        if is_title_line(text[s:e]):
            title = _title_text(text[s:e])
            title_span = (s, s + len(text[s:e]) - len(text[s:e].lstrip()) + len(title))
            header_units = _org_lines_units(text, lines[:i])
            # `某某镇人民政府` / `关于…的报告`: the issuing organs typeset above `关于…` open the title
            # (GB/T 9704: 发文机关名称 + 事由 + 文种); `Report.title` joins the lines.
            k = i
            while (
                title.startswith("关于")
                and k > 0
                and ORG_LINE_RE.match(text[lines[k - 1][0] : lines[k - 1][1]].strip())
            ):
                k -= 1
            if k < i:
                title_span = (lines[k][0], title_span[1])
            first_body = i + 1
            # A page shows the title, then the document repeats it with its units or a subtitle.
            while first_body < min(len(lines), i + 1 + TITLE_BLOCK_EXTRA):
                a, b = lines[first_body]
                if not _in_title_block(text[a:b], title):
                    break
                if ORG_LINE_RE.match(text[a:b].strip()) and not header_units:
                    header_units = re.split(r"\s+", text[a:b].strip())
                first_body += 1
            break
    if addressee_span is None and first_body < len(lines):
        s, e = lines[first_body]
        m = ADDRESSEE_RE.match(text[s:e].strip())
        if m and is_addressee(m.group("a")):
            addressee_span = (s, s + len(m.group("a")))
            first_body += 1
    date_span = None
    signature_span = None
    signature_units: list[str] = []
    last_body = len(lines)
    skip_to = None
    for j in range(len(lines) - 1, max(first_body, len(lines) - SIGNATURE_LINES - 1) - 1, -1):
        if skip_to is not None and j >= skip_to:
            continue
        s, e = lines[j]
        line = text[s:e].strip()
        if date_span is None and is_date_line(line):
            date_span = (s, e)
            last_body = j
        elif date_span is None and j > first_body and is_date_line(text[lines[j - 1][0] : e]):
            # a date in Chinese numerals broken over two lines (`二〇二四年` / `一月十六日`)
            date_span = (lines[j - 1][0], e)
            last_body = j - 1
            skip_to = j - 1
        elif len(line) <= MAX_SIGNATURE_LINE and ORG_LINE_RE.match(line):
            signature_units = re.split(r"\s+", line) + signature_units
            signature_span = (s, signature_span[1] if signature_span else e)
            last_body = j
        elif re.fullmatch(r"[（(][^）)]{2,20}[）)]", line):  # （此件公开发布）
            last_body = j
        else:
            break
    body_start = lines[first_body][0] if first_body < len(lines) else len(text)
    body_end = lines[last_body - 1][1] if last_body > first_body else body_start
    return Frame(
        title_span,
        header_units,
        addressee_span,
        signature_span,
        signature_units,
        date_span,
        (body_start, body_end),
    )


def unit_level(unit: str | None) -> UnitLevel:
    """Administrative level of a unit name."""
    if not unit:
        return UnitLevel.UNKNOWN
    u = unit.split("、")[-1]
    if re.search(
        r"(街道|镇|乡)(人民政府|办事处|党委|党工委|工作委员会|委员会)?$|街道办事处$|(镇|乡|街道)$|[^大]街$", u
    ):
        return UnitLevel.TOWNSHIP
    if re.search(r"(省|自治区)(人民政府|委员会|委)$", u) or MUNICIPALITY_RE.fullmatch(u):
        return UnitLevel.PROVINCE
    if re.search(r"(局|厅|委员会|办公室|中心|院)$", u) and not re.search(r"(区|县|市|省)委员会$|中共", u):
        return UnitLevel.DEPARTMENT
    if re.search(r"(区|县|旗)(人民政府|政府|委员会|委)?$", u):
        return UnitLevel.COUNTY
    if re.search(r"(市|州|盟)(人民政府|政府|委员会|委)?$", u):
        return UnitLevel.CITY
    if re.search(r"(省|自治区)$", u):
        return UnitLevel.PROVINCE
    return UnitLevel.UNKNOWN


def find_units(text: str, frame: Frame, title: str | None) -> list[str]:
    """The issuing bodies: from the signature, the lines above the title, the title, or the opening."""
    if frame.signature_units:
        return frame.signature_units
    if frame.header_units:
        return frame.header_units
    if title:
        # `X关于2023年…的报告` or `X2023年度法治政府建设…报告`: X is the issuing body as written.
        m = re.match(rf"^(?P<u>.+?)(?:关于|(?={YEAR}\s*年))", title)
        # `2023年度某某镇人民政府法治政府建设情况报告`: the year first, then the unit.
        m = m or re.match(rf"^{YEAR}\s*年度?(?P<u>.+?)(?=法治|依法|法制|关于)", title)
        if m and (ORG_RE.fullmatch(m.group("u")) or TITLE_UNIT_END_RE.search(m.group("u"))):
            return [u for u in re.split(r"\s+|、", m.group("u")) if u]
    b0, b1 = frame.body
    para_end = text.find("\n", b0, b1)
    opening = text[b0 : para_end if para_end > 0 else b1]
    m = OPENING_UNIT_RE.search(opening)
    if m:
        return [m.group("u") + (m.group("s") or "")]
    return []


def covered_year(title: str | None, text: str, body: tuple[int, int]) -> int | None:
    """The year the report covers: the title's year, else the body's dominant year."""
    if title:
        m = YEAR_RE.search(title) or re.search(r"(20\d{2})\s*年", title)
        if m:
            return int(m.group(1))
        m = CN_YEAR_RE.search(title)
        if m:
            return date_value(m.group(1))
    counts = Counter(int(m.group(1)) for m in YEAR_RE.finditer(text, body[0], body[1]))
    if not counts:
        return None
    best = max(counts.values())
    return min(y for y, c in counts.items() if c == best)


def fallback_title(source: str, html_title: str | None) -> str | None:
    """The inferred title when the report has none: the page's title, else a file name that reads as a title."""
    if html_title and html_title.strip():
        # Site titles append `_栏目_站点` or ` - 站点`; the article's own title comes first.
        return re.split(r"\s*[_|｜]\s*|\s+[-—]\s+", html_title.strip())[0] or None
    stem = sources.stem(source) if source else ""
    # `004_06c408b12b9745fb` is no title; `某镇2023年法治政府建设情况报告.docx` is one.
    return stem if stem and is_title_line(stem) else None
