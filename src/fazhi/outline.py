"""The heading outline: numbered headings of the four GB/T 9704 levels, `一是` items, and
unnumbered headings that stand alone on a line, built into a tree.

A heading numbered in the wrong style (`（4）` after `（三）`) keeps its number as written and takes
the place its number gives it: the sibling of the heading numbered one less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import TITLE_END_MARKS, Section
from .numerals import heading_value
from .text import HAN_BASIC, lines_with_offsets
from .vocab import HeadingStyle

# style -> (regex, level). Level 5 (`一是`) is relative: it plays one below its parent.
STYLES: tuple[tuple[HeadingStyle, re.Pattern, int], ...] = (
    (HeadingStyle.CN, re.compile(r"(?P<num>[一二三四五六七八九十百]{1,3})\s*[、]"), 1),
    (HeadingStyle.PAREN_CN, re.compile(r"[（(]\s*(?P<num>[一二三四五六七八九十百]{1,3})\s*[）)]"), 2),
    (HeadingStyle.ARABIC, re.compile(r"(?P<num>\d{1,2})\s*[.．、](?![\d.．])"), 3),
    (HeadingStyle.PAREN_ARABIC, re.compile(r"[（(]\s*(?P<num>\d{1,2})\s*[）)]"), 4),
    (HeadingStyle.ORDINAL, re.compile(rf"(?P<num>[一二三四五六七八九十]{{1,3}})是(?=[{HAN_BASIC}“\"《])"), 5),
)
STYLE_LEVEL = {name: level for name, _, level in STYLES}
# Conversion debris in front of a heading or item (`- 一是`, `• 1.`).
BULLET_RE = re.compile(r"[-•·●▪◆■*]\s*")
# An unnumbered heading is a short line with no sentence punctuation (`主要举措和成效`).
MAX_UNNUMBERED_HEADING = 30
MIN_UNNUMBERED_HEADING = 4
UNNUMBERED_BAD_CHARS = re.compile(r"[，,、；;。！？!?：:\s|\t]")
# The title of an inline heading (`（一）提升普法宣传力度。加强…`) ends at the first of these (model.py).
TITLE_END_RE = re.compile(f"[{TITLE_END_MARKS}]")
# Item titles (`一是…`) longer than this are cut at the first comma.
MAX_ITEM_TITLE = 40


@dataclass
class Heading:
    """A heading line before it is placed in the tree."""

    style: str
    number: str | None
    value: int | None
    title: str
    start: int  # line start
    heading_end: int
    line_end: int
    marker_start: int = 0
    marker_end: int = 0
    level: int = 0
    misstyled: bool = False
    children: list[Heading] = field(default_factory=list)
    end: int = 0


def parse_heading(text: str, start: int, end: int) -> Heading | None:
    """A numbered heading or item starting the line text[start:end], else None."""
    pos = start
    m = BULLET_RE.match(text, pos, end)
    if m and m.end() < end and not text[m.end()].isdigit():
        pos = m.end()
    for style, rx, _level in STYLES:
        m = rx.match(text, pos, end)
        if not m:
            continue
        num = m.group("num")
        body_start = m.end()
        while body_start < end and text[body_start] == " ":
            body_start += 1
        if body_start >= end:
            return None
        title, t_end = _title(text, body_start, end, style)
        if style == HeadingStyle.ARABIC and re.match(r"\d", text[body_start]):
            continue
        return Heading(
            style=style,
            number=num,
            value=heading_value(num),
            title=title,
            start=start,
            heading_end=t_end,
            line_end=end,
            marker_start=m.start(),
            marker_end=m.end(),
        )
    return None


def _title(text: str, s: int, e: int, style: str) -> tuple[str, int]:
    m = TITLE_END_RE.search(text, s, e)
    t_end = m.start() if m else e
    if style == HeadingStyle.ORDINAL and t_end - s > MAX_ITEM_TITLE:
        c = re.compile(r"[，,]").search(text, s, t_end)
        if c:
            t_end = c.start()
    title = text[s:t_end].strip()
    return title, (m.end() if m and m.start() == t_end else t_end)


def starts_heading(line: str) -> bool:
    """Whether a line starts with a heading or item marker (`一、` `（二）` `3.` `（4）` `一是` `- `)."""
    line = line.strip()
    return parse_heading(line, 0, len(line)) is not None or bool(BULLET_RE.match(line))


def is_unnumbered_heading(line: str) -> bool:
    """A short stand-alone line without sentence punctuation that reads as a heading."""
    s = line.strip()
    return (
        MIN_UNNUMBERED_HEADING <= len(s) <= MAX_UNNUMBERED_HEADING
        and not UNNUMBERED_BAD_CHARS.search(s)
        and not re.search(r"\d{4}\s*年\s*\d{1,2}\s*月", s)
        and bool(re.search(rf"[{HAN_BASIC}]{{4}}", s))
    )


def find_headings(text: str, body: tuple[int, int]) -> list[Heading]:
    """Every heading line inside the body span, in order."""
    out: list[Heading] = []
    lines = [(s, e) for s, e in lines_with_offsets(text) if s >= body[0] and e <= body[1] and e > s]
    for i, (s, e) in enumerate(lines):
        h = parse_heading(text, s, e)
        if h is None and i + 1 < len(lines) and is_unnumbered_heading(text[s:e]):
            h = Heading(HeadingStyle.NONE, None, None, text[s:e].strip(), s, e, e)
        if h is not None:
            out.append(h)
    return out


def build_tree(headings: list[Heading], body_end: int) -> list[Heading]:
    """Place headings in a tree; set each heading's level and section end."""
    numbered_levels = [
        STYLE_LEVEL[h.style] for h in headings if h.style not in (HeadingStyle.ORDINAL, HeadingStyle.NONE)
    ]
    top_level = min(numbered_levels, default=1)
    roots: list[Heading] = []
    stack: list[Heading] = []

    def attach(h: Heading, depth: int) -> None:
        del stack[depth:]
        (stack[-1].children if stack else roots).append(h)
        stack.append(h)

    placed_styles: set[str] = set()  # styles already used in their own place (not as a misstyling)
    for h in headings:
        same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].style == h.style), None)
        if same is not None:
            h.level = stack[same].level
            attach(h, same)
            continue
        # `（4）` after `（三）` is a sibling in the wrong style, unless the document already uses that
        # style one level down (`3.` under `（二）` continuing `1.` `2.` under `（一）` is a child).
        if h.style != HeadingStyle.ORDINAL and h.value and h.value > 1 and h.style not in placed_styles:
            prev = next(
                (
                    i
                    for i in range(len(stack) - 1, -1, -1)
                    if stack[i].value == h.value - 1
                    and stack[i].style not in (HeadingStyle.ORDINAL, HeadingStyle.NONE)
                ),
                None,
            )
            if prev is not None:
                h.level = stack[prev].level
                h.misstyled = True
                attach(h, prev)
                continue
        placed_styles.add(h.style)
        if h.style == HeadingStyle.ORDINAL:
            h.level = (stack[-1].level + 1) if stack else top_level
            attach(h, len(stack))
            continue
        h.level = top_level if h.style == HeadingStyle.NONE else STYLE_LEVEL[h.style]
        depth = next((i for i, x in enumerate(stack) if x.level >= h.level), len(stack))
        attach(h, depth)
    _set_ends(roots, body_end)
    return roots


def _set_ends(nodes: list[Heading], end: int) -> None:
    for i, h in enumerate(nodes):
        h.end = nodes[i + 1].start if i + 1 < len(nodes) else end
        _set_ends(h.children, h.end)


def to_sections(nodes: list[Heading], text: str) -> tuple[Section, ...]:
    """Freeze heading nodes into Section records (trailing newlines trimmed from spans)."""
    out = []
    for h in nodes:
        end = h.end
        while end > h.start and text[end - 1] == "\n":
            end -= 1
        out.append(
            Section(
                level=h.level,
                number=h.number,
                title=h.title,
                start=h.start,
                end=end,
                heading_end=h.heading_end,
                style=h.style,
                children=to_sections(h.children, text),
                marker=(h.marker_start, h.marker_end) if h.style != HeadingStyle.NONE else None,
            )
        )
    return tuple(out)
