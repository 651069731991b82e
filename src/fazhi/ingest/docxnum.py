"""Automatic list numbers of .docx paragraphs (numbering.xml), rendered as the reader of the page sees them.

Word turns a typed `一、` or `1.` into an automatic list, and the number is then not in the text at all;
without it the outline checks would see unnumbered headings. Common formats only: a level in an
unknown format gets no label rather than a possibly wrong one.
"""

from __future__ import annotations

from ..numerals import to_chinese

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
# Word has nine list levels (ilvl 0-8).
LEVELS = 9
# Level start when numbering.xml omits w:start (Word always writes it; 1 is what any reader expects).
DEFAULT_START = 1

_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _letters(n: int, base: str) -> str:
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _cycle(chars: str):
    return lambda n: chars[(n - 1) % len(chars)] if n > 0 else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "chineseCounting": to_chinese,
    "chineseCountingThousand": to_chinese,
    "taiwaneseCounting": to_chinese,
    "taiwaneseCountingThousand": to_chinese,
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: to_chinese(n, _CN_LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: to_chinese(n, _CN_LEGAL, "拾佰仟"),
    "ideographTraditional": _cycle(_TIANGAN),
    "ideographZodiac": _cycle(_DIZHI),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


def _int(el, default: int) -> int:
    try:
        return int(el.get(_VAL)) if el is not None else default
    except (TypeError, ValueError):
        return default


def _num_pr(ppr) -> tuple[str | None, int | None]:
    num_pr = ppr.find(_W + "numPr") if ppr is not None else None
    if num_pr is None:
        return None, None
    num_id = num_pr.find(_W + "numId")
    ilvl = num_pr.find(_W + "ilvl")
    return (num_id.get(_VAL) if num_id is not None else None), (_int(ilvl, 0) if ilvl is not None else None)


class Numbering:
    """List definitions of one document and the running counters while its paragraphs are read in order."""

    def __init__(self, numbering_el, styles_el=None):
        # abstractNumId -> ilvl -> (start, format, level text, suffix kind)
        self._levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self._level_style: dict[str, dict[str, int]] = {}  # abstractNumId -> pStyle -> ilvl
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        # styleId -> (basedOn, numId, ilvl)
        self._styles: dict[str, tuple[str | None, str | None, int | None]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()
        for an in numbering_el.iterfind(_W + "abstractNum"):
            aid = an.get(_W + "abstractNumId")
            levels, by_style = {}, {}
            for lvl in an.iterfind(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                suff = lvl.find(_W + "suff")
                levels[ilvl] = (
                    _int(lvl.find(_W + "start"), DEFAULT_START),
                    fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
                    text.get(_VAL, "") if text is not None else "",
                    suff.get(_VAL, "tab") if suff is not None else "tab",
                )
                pstyle = lvl.find(_W + "pStyle")
                if pstyle is not None:
                    by_style[pstyle.get(_VAL)] = ilvl
            self._levels[aid], self._level_style[aid] = levels, by_style
        for num in numbering_el.iterfind(_W + "num"):
            aid = num.find(_W + "abstractNumId")
            overrides = {}
            for ov in num.iterfind(_W + "lvlOverride"):
                start = ov.find(_W + "startOverride")
                if start is not None:
                    overrides[int(ov.get(_W + "ilvl", "0"))] = _int(start, DEFAULT_START)
            if aid is not None:
                self._nums[num.get(_W + "numId")] = (aid.get(_VAL), overrides)
        if styles_el is not None:
            for st in styles_el.iterfind(_W + "style"):
                based = st.find(_W + "basedOn")
                num_id, ilvl = _num_pr(st.find(_W + "pPr"))
                self._styles[st.get(_W + "styleId")] = (
                    based.get(_VAL) if based is not None else None,
                    num_id,
                    ilvl,
                )

    @classmethod
    def from_document(cls, document) -> Numbering | None:
        """The numbering of a python-docx Document, or None when it has no list definitions."""
        try:
            numbering_el = document.part.numbering_part.element
        except Exception:  # no numbering part: python-docx cannot create one and says so in various ways
            return None
        try:
            styles_el = document.styles.element
        except Exception:
            styles_el = None
        return cls(numbering_el, styles_el)

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            based, num_id, ilvl = self._styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl, style_id
            style_id = based
        return None, None, None

    def label(self, p) -> str:
        """The list number of paragraph `p` (advancing the counters), with its separator; '' if none."""
        ppr = p.find(_W + "pPr")
        num_id, ilvl = _num_pr(ppr)
        pstyle = ppr.find(_W + "pStyle") if ppr is not None else None
        s_num, s_ilvl, s_id = self._style_num(pstyle.get(_VAL) if pstyle is not None else None)
        if num_id is None:
            num_id = s_num
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        aid, overrides = self._nums[num_id]
        if ilvl is None:
            ilvl = s_ilvl if s_ilvl is not None else self._level_style.get(aid, {}).get(s_id, 0)
        levels = self._levels.get(aid, {})
        if ilvl not in levels or not 0 <= ilvl < LEVELS:
            return ""
        counters = self._counters.setdefault(aid, [None] * LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for k in overrides:
                if 0 <= k < LEVELS:
                    counters[k] = None

        def start(k: int) -> int:
            return overrides.get(k, levels.get(k, (DEFAULT_START,))[0])

        counters[ilvl] = start(ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for k in range(ilvl + 1, LEVELS):
            counters[k] = None
        _, fmt, text, suff = levels[ilvl]
        if fmt not in FORMATS or not text:
            return ""
        for k in range(LEVELS):
            if f"%{k + 1}" in text:
                kfmt = levels.get(k, (0, "decimal"))[1]
                if kfmt not in FORMATS:
                    return ""
                value = counters[k] if counters[k] is not None else start(k)
                text = text.replace(f"%{k + 1}", FORMATS[kfmt](value))
        sep = " " if suff != "nothing" and text[-1].isascii() else ""
        return text + sep
