"""Numbers written in Arabic digits, Chinese numerals or a mix (`1.2万`, `十余`, `百分之九十`): the one
home of numeral parsing and writing. Three readings, each for its caller's input: quantities
(`parse_number`, strict), dates (`date_value`, digit by digit for years) and heading or item numbers
(`heading_value`, lenient like cn2an); `to_chinese` writes a number in Chinese.

For quantities, only the numeral part of a quantity span is ever parsed here: the caller finds the span first
(number + measure word), so idioms like `统一` or `两三个` never reach a converter.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8}
CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
# The digits a date is written with (`二〇二四年`): every digit but `两`.
DATE_DIGITS = {c: v for c, v in DIGITS.items() if c != "两"}
ARABIC_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([十百千万亿]*)")


def as_number(x: float) -> int | float:
    """An int when the value is whole, else a float rounded to 6 places."""
    if abs(x - round(x)) < 1e-9:
        return int(round(x))
    return round(x, 6)


def parse_chinese(s: str) -> int | None:
    """Value of a standard Chinese numeral (`二十五`, `一千零五`, `十`), or None if malformed.

    Malformed on purpose: bare `百`/`千`/`万` (idioms: `万人`, `千家万户`), adjacent digits
    (`两三`, `十四五`) and colloquial abbreviations (`一百二`).
    """
    if not s:
        return None
    total = 0
    section = 0
    digit: int | None = None
    last_small = 10**9  # small units must descend inside a section (`十百` is malformed)
    zero = False  # a 零 was written: the digit after it stands alone (`一千零五`)
    for ch in s:
        if ch in DIGITS:
            if digit is not None and digit != 0:
                return None
            zero = zero or (digit == 0)
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_small:
                return None
            if digit is None:
                if ch != "十" or section or total:
                    return None
                digit = 1
            section += digit * unit
            digit = None
            last_small = unit
        elif ch in BIG_UNITS:
            section += digit or 0
            if section == 0:
                return None
            total += section * BIG_UNITS[ch]
            section, digit, last_small, zero = 0, None, 10**9, False
        else:
            return None
    if digit and not zero and 10 < last_small < 10**9:
        return None  # `一百二` means 120 colloquially: too ambiguous to guess
    return total + section + (digit or 0)


def parse_range(s: str) -> tuple[int, int] | None:
    """Two adjacent Chinese digits used as an estimate (`两三`, `七八十`, `三五百`): (low, high)."""
    m = re.fullmatch(r"([一二两三四五六七八九])([一二三四五六七八九])([十百千万]?)", s)
    if not m:
        return None
    lo, hi = DIGITS[m.group(1)], DIGITS[m.group(2)]
    if hi <= lo:
        return None
    mult = SMALL_UNITS.get(m.group(3)) or BIG_UNITS.get(m.group(3)) or 1
    return lo * mult, hi * mult


def parse_number(s: str) -> int | float | None:
    """Value of an Arabic, Chinese or mixed numeral (`1.2万` → 12000, `十` → 10), or None."""
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        m = ARABIC_RE.fullmatch(s)
        if not m:
            return None
        whole = m.group(1).replace(",", "")
        x = float(f"{whole}.{m.group(2)}") if m.group(2) else int(whole)
        for ch in m.group(3):
            x *= SMALL_UNITS.get(ch) or BIG_UNITS[ch]
        return as_number(x)
    if "点" in s:
        head, _, tail = s.partition("点")
        h = parse_chinese(head) if head else 0
        if h is None or not tail or any(c not in DIGITS for c in tail):
            return None
        return as_number(float(f"{h}.{''.join(str(DIGITS[c]) for c in tail)}"))
    return parse_chinese(s)


def date_value(s: str) -> int | None:
    """A date's year, month or day as int: digits, four Chinese digits read one by one, or 一 … 三十一."""
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(c in DATE_DIGITS for c in s):
        return int("".join(str(DATE_DIGITS[c]) for c in s))
    if "十" in s:
        a, _, b = s.partition("十")
        return (DATE_DIGITS.get(a, 1) if a else 1) * 10 + (DATE_DIGITS.get(b, 0) if b else 0)
    if len(s) == 1 and s in DATE_DIGITS:
        return DATE_DIGITS[s]
    return None


# Distinct numerals kept (heading and item numbers: 一 to 九十九, 1 to 99, a few hundred at most).
NUMERAL_CACHE_SIZE = 512


@lru_cache(maxsize=NUMERAL_CACHE_SIZE)
def heading_value(num: str) -> int | None:
    """The value of a heading or item number (`3`, `十二`), None when it is no number (cached: cn2an is slow)."""
    if num.isdigit():
        return int(num)
    try:
        return int(cn2an.cn2an(num, "smart"))
    except (ValueError, KeyError):
        return None


CN_DIGIT_CHARS = "零一二三四五六七八九"


def to_chinese(n: int, digits: str = CN_DIGIT_CHARS, units: str = "十百千") -> str:
    """`n` (1 to 9999) written in Chinese numerals (`十一`, `一百零五`); other values in Arabic digits."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = [], False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        if not (d == 1 and power == 1 and not out):  # 十一, not 一十一
            out.append(digits[d])
        if power:
            out.append(units[power - 1])
    return "".join(out)
