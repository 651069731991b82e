"""Quantity recognition: number + measure word spans, their value, unit and approximation qualifier.

A quantity is found by one regular expression of number + measure word (or `%`); the numeral is
parsed only inside that span. Dates, document numbers, ordinals, plan periods, names with digits
and rules (`2人以上执法`) are filtered out here, so they never become indicators nor facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..model import Qualifier
from ..numerals import CN_CHARS, as_number, parse_number, parse_range
from .taxonomy import load_data

# Chinese numerals that stand alone as an article, not a count (`一个`, `一次`): dropped unless a
# qualifier makes them a count (`一千余`, `近一次` are fine).
ARTICLE_NUMERALS = frozenset({"一", "壹"})
# The law's rule of two officers (`2人以上执法`, `两名执法人员同时在场`): a number no larger than
# this followed by a rule word states the rule; a larger one counts people (`全乡45名执法人员`).
RULE_MAX = 2
# ... and it counts officers: `2期执法人员培训班` counts classes, not the rule.
RULE_UNITS = frozenset({"人", "名", "位"})
# A bare 百/千/万 is an idiom on its own (`万人`, `千家万户`) but a count with an approximation
# (`百余人`, `千余份`, `近万人`, `逾千人`): then it stands for this value.
BARE_UNITS = {"百": 100, "千": 1000, "万": 10**4}
# The prefixes that make a bare 百/千/万 a count (the data file's prefix qualifiers, as words).
BARE_PREFIXES = ("近", "将近", "接近", "逾", "超过", "约", "大约")
# How far a title's 《 and 》 are looked for around a quantity (characters): titles are short, and
# the bounded look keeps the finder linear.
TITLE_REACH = 40


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its measure word, as found in the text (start/end include qualifiers)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: int | float
    unit: str
    qualifier: Qualifier
    prefix: str = ""
    infix: str = ""
    suffix: str = ""
    kind: str = "count"  # count | money | percent | range
    high: int | float | None = None


class _Grammar:
    """The compiled quantity grammar of the data file."""

    def __init__(self) -> None:
        d = load_data()
        q, quals, ex = d["quantity"], d["qualifiers"], d["exclusions"]
        mws = sorted(q["measure_words"], key=len, reverse=True)
        self.money = set(q["money"])
        self.not_before = {k: re.compile(v) for k, v in q["not_before"].items()}
        self.prefix = sorted(quals["prefix"].items(), key=lambda kv: len(kv[0]), reverse=True)
        self.prefix_map = dict(quals["prefix"])
        self.prefix_blocked = quals["prefix_blocked_after"]
        self.infix = quals["infix"]
        self.suffix = quals["suffix"]
        self.blocked_before = sorted(ex["blocked_before"], key=len, reverse=True)
        # the same words grouped by length: a look-up of the characters before a position per length
        self.blocked_by_len: dict[int, frozenset[str]] = {
            n: frozenset(b for b in self.blocked_before if len(b) == n)
            for n in {len(b) for b in self.blocked_before}
        }
        self.rule_followers = re.compile("|".join(ex["rule_followers"]))
        self.open_quotes = ex["open_quotes"]
        self.close_quotes = ex["close_quotes"]
        self.vague_before = ex["vague_before"]
        self.fixed_re = re.compile(
            "|".join(map(re.escape, sorted(ex["fixed_expressions"], key=len, reverse=True)))
        )
        cn = f"[{CN_CHARS}]"
        arabic = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?[百千万亿]?"
        num = rf"(?:{arabic}|{cn}+)"
        infix = "|".join(map(re.escape, self.infix))
        suffix = "|".join(map(re.escape, sorted(self.suffix, key=len, reverse=True)))
        mw = "|".join(map(re.escape, mws))
        self.regex = re.compile(
            rf"(?<![\d.．A-Za-z{CN_CHARS}])"
            rf"(?:百分之(?P<pnum>[{CN_CHARS}点]+|\d+(?:\.\d+)?)"
            rf"|(?P<num>{num})(?:[-～~至](?P<num2>{num}))?(?P<infix>{infix})?(?P<mult>[万亿])?"
            rf"(?P<mw>[%％]|{mw})(?P<suffix>{suffix})?)"
        )


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    """The grammar, compiled once."""
    return _Grammar()


def find(text: str, lo: int = 0, hi: int | None = None) -> list[Quantity]:
    """Every quantity of text[lo:hi], in order."""
    hi = len(text) if hi is None else hi
    g = grammar()
    fixed = [(m.start(), m.end()) for m in g.fixed_re.finditer(text, lo, hi)]
    fixed_ends = [e for _s, e in fixed]  # finditer's matches do not overlap: starts and ends both ascend
    out = []
    for m in g.regex.finditer(text, lo, hi):
        q = _build(text, m, g)
        if q is None:
            continue
        i = bisect_right(fixed_ends, q.start)  # the first fixed phrase ending after q starts
        if i < len(fixed) and fixed[i][0] < q.end:
            continue
        out.append(q)
    return out


def _build(text: str, m: re.Match, g: _Grammar) -> Quantity | None:
    if m.group("pnum") is not None:
        # 百分之百: a bare 百 is 100 here
        value = 100 if m.group("pnum") == "百" else parse_number(m.group("pnum"))
        if value is None:
            return None
        return _finish(text, g, m.start(), m.end(), m.start("pnum"), m.end("pnum"), value, "%", "percent")
    num, num2 = m.group("num"), m.group("num2")
    unit = "%" if m.group("mw") in "%％" else m.group("mw")
    if unit in g.not_before and g.not_before[unit].match(text, m.end("mw")):
        return None
    infix, suffix = m.group("infix") or "", m.group("suffix") or ""
    if num in ARTICLE_NUMERALS and not infix and not num2:
        return None
    if not num[0].isdigit() and m.start() > 0 and text[m.start() - 1] in g.vague_before:
        return None
    value, high, kind = parse_number(num), None, "count"
    if value is None and num in BARE_UNITS and not num2 and _approximate(text, m.start(), infix, g):
        value = BARE_UNITS[num]
    if value is None:
        rng = parse_range(num)
        if rng is None:
            return None
        (value, high), kind = rng, "range"
    if num2 is not None:
        high = parse_number(num2)
        if high is None or high <= value:
            return None
        kind = "range"
    mult = {"万": 10**4, "亿": 10**8}.get(m.group("mult") or "", 1)
    value = as_number(value * mult)
    high = as_number(high * mult) if high is not None else None
    if kind == "count":
        kind = "percent" if unit == "%" else "money" if unit in g.money else "count"
    end = m.end()
    return _finish(
        text,
        g,
        m.start(),
        end,
        m.start("num"),
        m.end("num2") if num2 else m.end("num"),
        value,
        unit,
        kind,
        infix,
        suffix,
        high,
    )


def _approximate(text: str, start: int, infix: str, g: _Grammar) -> bool:
    """True when a bare 百/千/万 at start carries an approximation (`百余`, `近万`): a count."""
    if infix:
        return True
    for w in BARE_PREFIXES:
        ps = start - len(w)
        if (
            ps >= 0
            and text.startswith(w, ps)
            and not (ps > 0 and text[ps - 1] in g.prefix_blocked.get(w, ""))
        ):
            return True
    return False


def in_title(text: str, start: int, end: int) -> bool:
    """True when text[start:end] lies inside a 《…》 title (both marks within TITLE_REACH)."""
    o = text.rfind("《", max(0, start - TITLE_REACH), start)
    if o < 0 or "》" in text[o:start]:
        return False
    c = text.find("》", end, end + TITLE_REACH)
    return c >= 0 and "《" not in text[end:c]


def _blocked(text: str, pos: int, g: _Grammar) -> bool:
    """Whether one of the blocked words (exclusions.blocked_before) ends right before pos."""
    return any(pos >= n and text[pos - n : pos] in words for n, words in g.blocked_by_len.items())


def _finish(
    text, g, start, end, ns, ne, value, unit, kind, infix="", suffix="", high=None
) -> Quantity | None:
    if _blocked(text, start, g):
        return None
    if value <= RULE_MAX and unit in RULE_UNITS and g.rule_followers.match(text, end):
        return None
    if start > 0 and text[start - 1] in g.open_quotes:
        return None  # a quantity that opens a quoted name (`“两人”`) names something
    if (end < len(text) and text[end] in g.close_quotes) or in_title(text, start, end):
        return None  # it closes a quoted name (`“稳经济12条”`) or sits in a title (`《…10条措施》`)
    prefix = ""
    for word, _ in g.prefix:
        ps = start - len(word)
        if ps >= 0 and text.startswith(word, ps):
            if not (ps > 0 and text[ps - 1] in g.prefix_blocked.get(word, "")):
                prefix = word
            break
    if prefix:
        start -= len(prefix)
        if _blocked(text, start, g):
            return None
    if kind == "range":
        qual = Qualifier.ABOUT
    elif prefix:
        qual = Qualifier(g.prefix_map[prefix])
    elif infix or suffix:
        qual = Qualifier(g.infix[infix] if infix else g.suffix[suffix])
    else:
        qual = Qualifier.EXACT
    return Quantity(start, end, ns, ne, value, unit, qual, prefix, infix, suffix, kind, high)


# How far below its value an approximate quantity may be: `近700` and `约700` are taken to lie
# within 10% of 700 (written figures round to the nearest leading digits).
APPROX_SLACK = 0.1
OPEN_ENDED = ("以上", "超过", "逾")  # `400人以上`: no upper bound can be assumed


def _step(value: float) -> float:
    """Place value of the last nonzero digit of a whole number (420 → 10, 415 → 1, 1万 → 10000)."""
    v = int(round(value))
    if v <= 0 or v != value:
        return 1.0
    step = 1
    while v % 10 == 0:
        v //= 10
        step *= 10
    return float(step)


def interval(q: Quantity) -> tuple[float, float]:
    """The values the quantity may stand for (`420余` → [420, 430), `近700` → [630, 700])."""
    v = float(q.value)
    qual = q.qualifier
    if q.kind == "range" and q.high is not None:
        return v, float(q.high)
    if qual is Qualifier.EXACT:
        return v, v
    if qual is Qualifier.MORE_THAN:
        if q.suffix in OPEN_ENDED or q.prefix in OPEN_ENDED:
            return v, float("inf")
        return v, v + _step(v)
    if qual is Qualifier.NEARLY:
        return v * (1 - APPROX_SLACK), v
    if qual is Qualifier.ABOUT:
        return v * (1 - APPROX_SLACK), v * (1 + APPROX_SLACK)
    if qual is Qualifier.AT_LEAST:
        return v, float("inf")
    return 0.0, v
