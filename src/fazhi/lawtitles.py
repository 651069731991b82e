"""Real titles of laws and regulations (data/terms/law_titles.txt) and the one-edit search of TE012.

The list is built from the text of the laws themselves (scripts/build_law_titles.py), not by hand.
A title cited in a report that is not on it but is one edit away from exactly one title that is
(a character missing or stray, a homophone or look-alike for the right one, or two neighbours swapped) is most likely that title mistyped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib import resources

from .lm.confusion import candidates

FULL_PREFIX = "中华人民共和国"
# How a legislative text's title ends (laws, regulations, rules, interpretations, decisions).
LAW_ENDINGS = (
    "法",
    "法典",
    "条例",
    "规定",
    "办法",
    "细则",
    "规则",
    "决定",
    "解释",
    "决议",
    "修正案",
)
# How documents that are not laws end: a title ending so is never taken for a mistyped law.
NOT_LAW_ENDINGS = (
    "规划",
    "纲要",
    "意见",
    "方案",
    "通知",
    "计划",
    "要点",
    "清单",
    "报告",
    "目录",
    "指南",
    "标准",
)
# Sentence punctuation never stands in a title (顿号 does: `关于审理…、…案件适用法律若干问题的解释`).
NOT_IN_TITLE = re.compile(r"[，。；：！？,;:!?“”\"\s]")
# A revision note after a title: `（2019年修正）`, `(2021年修订)`.
REVISION = re.compile(
    r"\s*[（(]\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:修正|修订|修改|第[一二三四五六七八九十]+次修正)?[）)]$"
)
# Shortest cited title the search looks at for a missing or stray character (`招投标法`).
MIN_SEARCHED = 4
# Shortest title in which a wrong or swapped character is reported: a substitution turns a short title
# into another real one too easily (统计法 / 会计法 / 审计法), so those are left alone.
MIN_SUBSTITUTED = 6
# A place name opens a local regulation: an edit inside it names another place's regulation
# (杭州市… / 湖州市…), which the list may simply not hold, so edits there are never reported.
PLACE_END = re.compile(r"^[^《》]{1,12}?(?:省|自治区|市|自治州|地区|盟|县|自治县|旗|区|州)")
# Titles that open with a national issuer name no place.
NATIONAL = (FULL_PREFIX, "最高人民法院", "最高人民检察院", "国务院", "全国人民代表大会")
DIGITS = set("0123456789０１２３４５６７８９〇一二三四五六七八九十百")


def strip_revision(title: str) -> str:
    """The title without a trailing revision note (`（2019年修正）`)."""
    return REVISION.sub("", title.strip())


def is_law_title(title: str) -> bool:
    """Whether a string has the shape of a law's or regulation's title."""
    return 2 <= len(title) and not NOT_IN_TITLE.search(title) and title.endswith(LAW_ENDINGS)


def may_be_law_title(title: str) -> bool:
    """Whether a cited title may be a law's title, its ending perhaps mistyped (`条列`, `例条`).

    The endings of documents that are not laws (规划, 纲要, 意见, 方案, 通知 …) never count as a slip.
    """
    if is_law_title(title):
        return True
    if NOT_IN_TITLE.search(title) or len(title) < MIN_SEARCHED or title.endswith(NOT_LAW_ENDINGS):
        return False
    tail = title[-2:]
    return any(one_edit(tail, e) for e in LAW_ENDINGS if len(e) == 2 and len(tail) == 2)


@cache
def titles() -> frozenset[str]:
    """Every real title on the list (full and without 中华人民共和国)."""
    text = resources.files("fazhi.data.terms").joinpath("law_titles.txt").read_text(encoding="utf-8")
    return frozenset(ln for ln in text.splitlines() if ln and not ln.startswith("#"))


def _deletes(s: str) -> set[str]:
    return {s[:i] + s[i + 1 :] for i in range(len(s))}


def index_of(names: frozenset[str]) -> dict[str, list[str]]:
    """Each name and each name with one character deleted -> the names it comes from."""
    idx: dict[str, list[str]] = defaultdict(list)
    for t in sorted(names):
        if len(t) >= MIN_SEARCHED - 1:
            idx[t].append(t)
            for i in range(len(t)):
                idx[t[:i] + t[i + 1 :]].append(t)
    return dict(idx)


@cache
def _index() -> dict[str, list[str]]:
    """The one-edit index of the title list."""
    return index_of(titles())


def one_edit(a: str, b: str) -> tuple[int, int] | None:
    """The span of `a` that differs from `b` when they are one edit apart (OSA distance 1), else None.

    The span is where a reader must look: the wrong or stray character, the swapped pair, or (for a
    missing character) the empty place where it belongs.
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return i, i + 1
        if a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]:
            return i, i + 2
        return None
    if len(a) > len(b):
        return (i, i + 1) if a[i + 1 :] == b[i:] else None
    return (i, i) if a[i:] == b[i + 1 :] else None


def slip_of(wrong: str, right: str) -> bool:
    """Whether `wrong` is a character typed for `right` by the usual slips: a homophone, a near sound
    or a look-alike (the corrector's confusion table). Another word's character (公证法 for 公司法,
    医师法 for 律师法: both real laws) is not such a slip."""
    return any(c == wrong for c, _ in candidates(right))


def _safe(written: str, real: str, span: tuple[int, int]) -> bool:
    """Whether an edit may be reported: not inside the place name, not a change of number, and a
    substitution only in a title long enough not to turn into another real one."""
    if len(written) == len(real):
        if len(written) < MIN_SUBSTITUTED:
            return False
        in_prefix = real.startswith(FULL_PREFIX) and span[1] <= len(FULL_PREFIX)
        if span[1] - span[0] == 1 and not in_prefix and not slip_of(written[span[0]], real[span[0]]):
            return False  # inside 中华人民共和国 any wrong character is a slip: it names no other title
    place = None if real.startswith(NATIONAL) else PLACE_END.match(real)
    if place and "城市" not in place.group() and span[0] < place.end():
        return False
    changed = set(written[span[0] : span[1] + 1]) ^ set(real[span[0] : span[1] + 1])
    return not (changed & DIGITS)


def nearest(
    written: str, known: frozenset[str] | None = None, idx: dict[str, list[str]] | None = None
) -> tuple[str, tuple[int, int]] | None:
    """The one real title a cited title is a one-edit slip of, with the slip's span in `written`.

    None when the title is real, too short to judge, or near no title or to more than one. `known`
    and its index `idx` replace the shipped list (the build script checks citations against headings).
    """
    if known is None:
        known, idx = titles(), _index()
    if written in known or len(written) < MIN_SEARCHED:
        return None
    if written.startswith(FULL_PREFIX) and written[len(FULL_PREFIX) :] in known:
        return None  # a regulation cited with the state's name before it: not a slip of one character
    found: set[str] = set()
    for k in _deletes(written) | {written}:
        found.update(idx.get(k, ()))
    fits = {}
    for real in found:
        span = one_edit(written, real)
        if span is not None and _safe(written, real, span):
            fits[real] = span
    if len(fits) != 1:
        return None
    ((real, span),) = fits.items()
    return real, span
