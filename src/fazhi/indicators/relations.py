"""Relations between mentioned quantities, for the number-consistency and plausibility rules:
value ranges, rounding of written rates, ratios, `其中` breakdowns, change phrases.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice, takewhile

from .mapping import Mention, context, last_match
from .quantities import interval
from .taxonomy import load_data

PART_MARK = "其中"
# `其中：` opens a list whose items may be parted by semicolons; a full stop or a line ends it.
COLON_AFTER_MARK = re.compile(r"\s*[：:]")
LIST_BREAK = re.compile(r"[。！!？?\n]")
# How far back from a percentage its change words may start, in characters: the longest change
# phrase of the data file (`比上一年度同期减少`) is 9 characters, plus a filler or two.
MAX_CHANGE_PHRASE = 12


def fmt(x: float) -> str:
    """A number as a report writes it (`12`, `31.8`)."""
    return f"{x:.1f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def num(m: Mention) -> str:
    """Value and unit of a mention (`30件`)."""
    return f"{fmt(m.q.value)}{m.q.unit}"


def rounding(m: Mention) -> tuple[float, float]:
    """The values a written percentage stands for once rounded (`99%` → [98.5, 99.5])."""
    raw = str(m.q.value)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    half = 0.5 * 10**-decimals
    return float(m.q.value) - half, float(m.q.value) + half


def ratio(part: Mention, whole: Mention) -> tuple[float, float] | None:
    """The range of part ÷ whole in percent, given their qualifiers (None if unbounded)."""
    plo, phi = interval(part.q)
    wlo, whi = interval(whole.q)
    if wlo <= 0 or whi == float("inf"):
        return None
    return 100 * plo / whi, 100 * min(phi / wlo, 1.0) if phi != float("inf") else 100.0


def same_paragraph(ms: list[Mention], m: Mention) -> list[Mention]:
    """The other mentions of m's paragraph (ms in text order: a paragraph's mentions are neighbours, found
    by bisection instead of a scan of the whole report per mention)."""
    i = bisect_left(ms, m.q.start, key=lambda x: x.q.start)
    while i < len(ms) and ms[i] is not m:
        i += 1
    if i == len(ms):  # m not in ms: the plain scan
        return [x for x in ms if x.paragraph == m.paragraph]
    a, b = i, i + 1
    while a > 0 and ms[a - 1].paragraph == m.paragraph:
        a -= 1
    while b < len(ms) and ms[b].paragraph == m.paragraph:
        b += 1
    return [x for x in ms[a:b] if x is not m]


def breakdowns(ms: list[Mention], text: str) -> Iterator[tuple[Mention, list[Mention]]]:
    """(whole, parts) of every `…N件，其中A M件、B K件` in a sentence (parts in the whole's unit)."""
    for i, m in enumerate(ms):
        if m.change or m.per_unit or m.q.unit == "%":
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt is None or nxt.sentence != m.sentence:
            continue
        at = text.find(PART_MARK, m.q.end, nxt.q.start)
        if at < 0:
            continue
        # `其中：维持3件；撤销2件`: after 其中 and a colon the parts run on over semicolons.
        listed = COLON_AFTER_MARK.match(text, at + len(PART_MARK)) is not None
        near = takewhile(lambda x, s=m.sentence: x.sentence == s, islice(ms, i + 1, None))
        more = _semicolon_run(ms, i + 1, text) if listed else near
        parts = [x for x in more if x.q.unit == m.q.unit and not x.change and not x.per_unit]
        yield m, parts


def _semicolon_run(ms: list[Mention], first: int, text: str) -> list[Mention]:
    """The mentions from ms[first] on whose sentences are joined by semicolons only (no 。 or line break)."""
    run: list[Mention] = []
    for x in islice(ms, first, None):
        if run and x.sentence != run[-1].sentence and LIST_BREAK.search(text, run[-1].q.end, x.q.start):
            break
        run.append(x)
    return run


def change_span(text: str, m: Mention) -> tuple[int, int]:
    """The span of a change phrase (`同比减少31%`), from its change word."""
    lo = max(m.sentence[0], m.q.start - MAX_CHANGE_PHRASE)
    found = last_match(context().change.finditer(text, lo, m.q.start))
    return (found.start() if found else m.q.start), m.q.end


def qualifier_kinds() -> dict[str, str]:
    """Every approximation word of the data file and the qualifier it means."""
    quals = load_data()["qualifiers"]
    return {**quals["prefix"], **quals["infix"], **quals["suffix"]}
