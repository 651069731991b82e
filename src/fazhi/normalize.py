"""Normalization: named steps that turn raw text into canonical `text`, each recording its edits.

Steps, in order (NORMALIZERS): newlines, invisible, spaces, furniture, web_debris, broken_title, glued_title,
wrapped_lines, cjk_spaces, blank_lines. Punctuation is never rewritten: the checker must still see
an ASCII comma in Chinese text. Every step keeps the offset map exact (text.apply_edits).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from . import furniture, pagetail
from .meta import DATE_RE, is_addressee, is_title_line
from .outline import starts_heading
from .text import CJK_PUNCT, CLOSERS, HAN, YEAR, OffsetMap, apply_edits, lines_with_offsets

Edits = list[tuple[int, int, str]]

# A line shorter than this is never taken for a hard-wrapped body line (short lines are headings,
# unit names, signatures); PDF and copy-paste wraps in the seeds are 20-40 characters wide.
MIN_WRAP_LINE = 15
# A numbered heading line longer than this is a heading with its paragraph run on (may be wrapped).
MAX_HEADING_LINE = 40
# Hard-wrapped text (a PDF's text layer) has most long lines of one width: a line that fills it and ends
# mid-sentence continues on the next line even when it starts like a heading (`(5)优化…打通经` / `济循环`).
# Full-width punctuation makes wrapped lines a character or two shorter than the width.
WRAP_SLACK = 2
WRAPPED_SHARE = 0.4
MIN_WRAPPED_LINES = 5
# The title block is looked for in this many first non-empty lines.
TITLE_BLOCK_LINES = 4

# The title is looked for this far down when only furniture-like lines stand above it.
HEAD_LINES = 8

# A title joined from two lines is at most this long (the longest titles of the seeds are about 40).
MAX_TITLE_JOIN = 60
BRACKETED_YEAR_RE = re.compile(rf"[（(]\s*{YEAR}\s*年度?\s*[）)]")

SENTENCE_END_RE = re.compile(r"[。；;！!？?]")
TERMINAL = "。！？!?；;：:…"
BODY_PUNCT_RE = re.compile(r"[，,、；;。]")
ORG_SUFFIX_RE = re.compile(r"(?:委员会|人民政府|政府|办事处|党委|党工委|工委|[区县市省]委|局|办公室)$")


def _newlines(text: str) -> Edits:
    return [(m.start(), m.end(), "\n") for m in re.finditer(r"\r\n|[\r\u2028\u2029\f\v\x85]", text)]


def _invisible(text: str) -> Edits:
    return [
        (m.start(), m.end(), "")
        for m in re.finditer(r"[\ufeff\u200b-\u200d\u2060\x00-\x08\x0e-\x1f\x7f]", text)
    ]


def _spaces(text: str) -> Edits:
    edits: Edits = []
    # Every run of horizontal white space becomes one ASCII space; at line ends it goes.
    for m in re.finditer(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+", text):
        s, e = m.start(), m.end()
        at_start = s == 0 or text[s - 1] == "\n"
        at_end = e == len(text) or text[e] == "\n"
        if at_start or at_end:
            edits.append((s, e, ""))
        elif m.group() != " ":
            edits.append((s, e, " "))
    return edits


@lru_cache(maxsize=1)
def _debris_patterns() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    trailing, anywhere = [], []
    src = resources.files("fazhi.data").joinpath("web_debris.txt").read_text(encoding="utf-8")
    for line in src.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("anywhere:"):
            anywhere.append(re.compile(line[len("anywhere:") :]))
        else:
            trailing.append(re.compile(line))
    return tuple(trailing), tuple(anywhere)


def _web_debris(text: str) -> Edits:
    trailing, anywhere = _debris_patterns()
    spans = lines_with_offsets(text)
    edits: Edits = []
    drop = set()
    for i, (s, e) in enumerate(spans):
        line = text[s:e].strip()
        if line and any(p.fullmatch(line) for p in anywhere):
            drop.add(i)
    i = len(spans) - 1
    while i >= 0:
        s, e = spans[i]
        line = text[s:e].strip()
        if (
            not line
            or i in drop
            or any(p.fullmatch(line) for p in trailing)
            or pagetail.is_tail_furniture(line)
        ):
            if line:
                drop.add(i)
            i -= 1
            continue
        break
    tail = pagetail.tail_start([text[s:e] for s, e in spans])
    if tail is not None:
        drop.update(range(tail, len(spans)))
    for i in sorted(drop):
        s, e = spans[i]
        edits.append((s, e, ""))
    return edits


def _furniture(text: str) -> Edits:
    """Drop web-page furniture: the prologue's breadcrumbs, metadata rows and controls (fazhi.furniture)."""
    spans = lines_with_offsets(text)
    lines = [text[s:e] for s, e in spans]
    drop = furniture.prologue_furniture(lines)
    drop.update(
        i
        for i, line in enumerate(lines)
        if furniture.is_control_anywhere(line) or furniture.is_timestamp_line(line)
    )
    edits: Edits = []
    # A title with the page's rows run on after it (`…情况报告 发布时间：2025-03-28`) keeps the title only.
    for i, line in enumerate(lines[: furniture.MAX_PROLOGUE_LINES]):
        cut = None if i in drop else furniture.title_row_start(line)
        if cut is not None:
            edits.append((spans[i][0] + cut, spans[i][1], ""))
    for i in sorted(drop):
        s, e = spans[i]
        # A metadata row run together with the first sentence loses the row only.
        body = furniture.glued_body_start(lines[i])
        edits.append((s, s + body if body else e, ""))
    return sorted(edits)


def _nonempty_lines(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e in lines_with_offsets(text) if text[s:e].strip()]


def _broken_title(text: str) -> Edits:
    """Join a title broken over two lines (`…关于2023年法治政府` / `建设情况的报告`, `…工作` / `情况`,
    `…年度报告` / `（2024年度）`)."""
    lines = _nonempty_lines(text)[:HEAD_LINES]
    # Beyond the title block only while no body line stands above (unknown page lines before the title).
    body = next(
        (k for k, (s, e) in enumerate(lines) if "。" in text[s:e] or starts_heading(text[s:e])), len(lines)
    )
    lines = lines[: max(TITLE_BLOCK_LINES, min(body, len(lines)))]
    for (s1, e1), (s2, e2) in zip(lines, lines[1:], strict=False):
        a, b = text[s1:e1].strip(), text[s2:e2].strip()
        if len(a) + len(b) > MAX_TITLE_JOIN or a[-1:] in TERMINAL + "，,、" or starts_heading(b):
            continue
        if is_title_line(a):
            if BRACKETED_YEAR_RE.fullmatch(b):
                return [(e1, s2, "")]
            continue
        # `某某市人民政府关于` / `2023年度…的报告`: a line ending in 关于 always goes on.
        if (
            a.endswith("关于")
            and is_title_line(a + b)
            or (("关于" in a or "年" in a) and not is_title_line(b) and is_title_line(a + b))
        ):
            return [(e1, s2, "")]
    return []


# `…情况的报告 区委、区政府：2024年，…`: a page's text run together into one line.
GLUED_HEAD_RE = re.compile(
    r"(?P<t>[^\n]{6,70}?报告)[ \t]*(?P<a>[^。；！？.;!?\n：:]{2,40}?[：:])[ \t]*(?=\S[^\n]{20,})"
)


def _glued_title(text: str) -> Edits:
    """Break a first line that carries the title, the addressee and the body apart (a run-together page)."""
    lines = _nonempty_lines(text)[:1]
    if not lines:
        return []
    s, e = lines[0]
    m = GLUED_HEAD_RE.match(text, s, e)
    if not (m and is_title_line(m.group("t")) and is_addressee(m.group("a")[:-1])):
        return []
    return [(m.end("t"), m.start("a"), "\n"), (m.end("a"), m.end(), "\n")]


def _is_head_title(line: str) -> bool:
    """A line of the head that reads as the report's title and holds no sentence."""
    return is_title_line(line) and not SENTENCE_END_RE.search(line)


def _ends_sentence(line: str) -> bool:
    line = line.rstrip(CLOSERS)
    return not line or line[-1] in TERMINAL


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The line width of hard-wrapped text (PDF), if most long lines share it; else None."""
    lengths = [len(text[s:e].strip()) for s, e in lines]
    long = [n for n in lengths if n >= MIN_WRAP_LINE]
    if len(long) < MIN_WRAPPED_LINES:
        return None
    width = max(set(long), key=long.count)
    near = sum(1 for n in long if width - WRAP_SLACK <= n <= width)
    return width if near >= WRAPPED_SHARE * len(long) and near >= MIN_WRAPPED_LINES else None


def _wrapped_lines(text: str) -> Edits:
    """Join lines broken inside a sentence (PDF and copy-paste hard wraps, page breaks)."""
    lines = _nonempty_lines(text)
    title_block = set(range(min(TITLE_BLOCK_LINES - 1, len(lines))))
    width = _wrap_width(text, lines)
    edits: Edits = []
    for i in range(len(lines) - 1):
        (s1, e1), (s2, e2) = lines[i], lines[i + 1]
        a, b = text[s1:e1].strip(), text[s2:e2].strip()
        full = width is not None and len(a) >= width - WRAP_SLACK
        # Title-block lines (title, unit names) carry no sentence punctuation; body lines do.
        if i in title_block and len(a) < MAX_HEADING_LINE and not re.search(r"[，,、；;]", a):
            continue
        if len(a) < MIN_WRAP_LINE or _ends_sentence(a):
            continue
        # The title (also a long one with a comma between joint units) and a row ending in a web
        # timestamp's clock (`…10:28`) never run on into the first paragraph.
        if not full and (i < HEAD_LINES and _is_head_title(a) or furniture.CLOCK_END_RE.search(a)):
            continue
        # A numbered line is a heading unless it fills a hard-wrapped width; a long one too when no
        # sentence ends inside it (`一、…第一责任人职责,加强…的有关情况` stays apart from its paragraph).
        if starts_heading(a) and not full and (len(a) <= MAX_HEADING_LINE or not SENTENCE_END_RE.search(a)):
            continue
        if starts_heading(b) or DATE_RE.fullmatch(b) or DATE_RE.fullmatch(a):
            continue
        # A unit's name alone on a line (signature, title block) ends in 政府/办事处/委员会 and has no
        # sentence punctuation; a body line that wraps after `法治政府` has commas or fills the width.
        if ORG_SUFFIX_RE.search(a) and not full and not BODY_PUNCT_RE.search(a):
            continue
        if "\t" in a or " | " in a or " | " in b:
            continue
        # A number broken over two lines is one number (`意见书3` / `2份`); two Latin words keep a space.
        sep = " " if re.match(r"[A-Za-z]", a[-1]) and re.match(r"[A-Za-z0-9]", b[0]) else ""
        edits.append((e1, s2, sep))
    return edits


_CJK_SPACE_RE = re.compile(rf"(?<=[{HAN}{CJK_PUNCT}A-Za-z0-9%]) (?=[{HAN}{CJK_PUNCT}A-Za-z0-9])")
_QUOTE_MARKS = "“”‘’「」『』《》〈〉（）()\"'"


def _cjk_spaces(text: str) -> Edits:
    """Remove spaces next to CJK characters (`依 法护 航` → `依法护航`, `关于 2023 年`).

    Kept: spaces touching quote marks or brackets (a checker reports those), spaces between two
    Latin/digit words, and a space after an organisation name (`…委员会 …人民政府` in a joint
    signature), which separates two bodies.
    """
    edits: Edits = []
    for m in _CJK_SPACE_RE.finditer(text):
        i = m.start()
        left, right = text[i - 1], text[i + 1]
        if left in _QUOTE_MARKS or right in _QUOTE_MARKS:
            continue
        if not (_is_cjk(left) or _is_cjk(right)):
            continue
        line_start = text.rfind("\n", 0, i) + 1
        if ORG_SUFFIX_RE.search(text[line_start:i]):
            continue
        edits.append((i, i + 1, ""))
    return edits


def _is_cjk(ch: str) -> bool:
    return bool(re.match(f"[{HAN}{CJK_PUNCT}]", ch))


def _blank_lines(text: str) -> Edits:
    edits: Edits = [(m.start(), m.end(), "\n") for m in re.finditer(r"\n{2,}", text)]
    m = re.match(r"\n+", text)
    if m:
        edits = [(0, m.end(), "")] + [x for x in edits if x[0] >= m.end()]
    m = re.search(r"\n+\Z", text)
    if m:
        edits = [x for x in edits if x[0] < m.start()] + [(m.start(), m.end(), "")]
    return edits


NORMALIZERS: tuple[tuple[str, Callable[[str], Edits]], ...] = (
    ("newlines", _newlines),
    ("invisible", _invisible),
    ("spaces", _spaces),
    ("furniture", _furniture),
    ("web_debris", _web_debris),
    ("spaces_again", _spaces),
    ("broken_title", _broken_title),
    ("glued_title", _glued_title),
    ("wrapped_lines", _wrapped_lines),
    ("cjk_spaces", _cjk_spaces),
    ("blank_lines", _blank_lines),
)


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Run every normalization step; return the canonical text and its map to `raw`."""
    text = raw
    index = list(range(len(raw) + 1))
    for _name, step in NORMALIZERS:
        edits = step(text)
        if edits:
            text, index = apply_edits(text, index, edits)
    return text, OffsetMap(raw, index)
