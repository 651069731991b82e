"""Sentence shingles of a report and the boilerplate mask (the first half of copy detection).

A report's normalized `text` is reduced to its key: the Chinese characters, digits and Latin letters in
order (punctuation, spaces and line breaks dropped, so `，` and `,` or a re-wrapped line do not hide a
copy), each with its offset in `text`. A shingle is a run of SHINGLE_CHARS key characters inside one
sentence; it is kept as a 64-bit hash. A shingle is boilerplate, never evidence of copying, when
  - it is common across the corpus: found in at least `df_limit(n)` of the n reports (statutory headings,
    the 纲要 title, the fixed political formulas every report repeats), or
  - it lies inside a fixed expression of the project's term tables (规范表述, 纲要 and plan names,
    law names, the statutory part names), so two reports quoting the same formula share nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick
import numpy as np

from ..text import HAN, HAN_BASIC
from ..vocab import PART_NAMES

# Characters a shingle spans. Six Chinese characters are about two words: short enough that a copied
# clause of 20 characters gives 15 shingles, long enough that two unrelated reports rarely share one
# outside the common phrases the boilerplate mask removes.
SHINGLE_CHARS = 6
# A shingle found in this share of the corpus' reports is boilerplate: template text every unit
# writes (headings, the 纲要 title, fixed formulas), not a copy between two units.
BOILERPLATE_SHARE = 0.05
# ... but never on fewer reports than this: a passage shared by two reports is exactly what copy
# detection looks for, so a small corpus (two or five reports) decides boilerplate by the term tables.
BOILERPLATE_MIN_REPORTS = 3
# Term-table entries shorter than this are ordinary words (执法, 调解), not fixed formulas.
TERM_MIN_CHARS = 4
# The lexicon (lexicon.txt) is mostly the genre's ordinary vocabulary (执法文书, 权利义务): only its
# entries of at least this many characters are fixed formulas (习近平法治思想, 法治政府建设实施纲要);
# counting the short ones made a plain enforcement sentence look like a formula sentence.
LEXICON_FORMULA_CHARS = 6
# Sentence ends: a shingle never spans one (a copied sentence is found whatever follows it).
SENTENCE_BREAKS = "。！？!?；;\n"
# A shingle with at least this many of its SHINGLE_CHARS characters inside term-table expressions is
# boilerplate: the glue between two formulas (`习近平法治思想，严格规范…`) is formula too.
TERM_SHINGLE_CHARS = 4
# A sentence whose key characters are at least this share inside term-table expressions is a formula
# sentence (`坚持以习近平…为指导，全面贯彻党的二十大…精神，深入学习贯彻习近平法治思想`): all boilerplate.
FORMULA_SENTENCE_SHARE = 0.4
# Headings, the title, the addressee and the signature are boilerplate: a line (or the head of a line up
# to its first 。：) of at most this many characters that is numbered (一、（一）1.) or has no sentence end.
HEADING_MAX_CHARS = 40
_HEADING_RE = re.compile(
    r"^[ \t\u3000]*(?:(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])"
    rf"[^\n。：:]{{0,{HEADING_MAX_CHARS}}}(?:[。：:]|$)|[^\n。！？!?；;]{{1,{HEADING_MAX_CHARS}}}$)",
    re.M,
)

# A parallel enumeration (排比) of at least ENUM_MIN_ITEMS items of the same length (ENUM_ITEM_CHARS),
# separated by 、, is a formula: 职能科学、权责法定、执法严明、公开公正… or 重要工作亲自部署、重大问题亲自过问….
# Ordinary lists (执法事由、执法依据、权利义务等) have fewer items or items of different lengths.
ENUM_MIN_ITEMS = 4
ENUM_ITEM_CHARS = range(3, 9)
_ENUM_RES = [
    re.compile(rf"(?:[{HAN_BASIC}]{{{n}}}、){{{ENUM_MIN_ITEMS - 1},}}[{HAN_BASIC}]{{{n}}}(?![{HAN_BASIC}])")
    for n in ENUM_ITEM_CHARS
]

# text.HAN's ranges (`a-bc-d…`) as code point pairs: the Chinese characters a key keeps.
_HAN_RANGES = [(ord(HAN[i]), ord(HAN[i + 2])) for i in range(0, len(HAN), 3)]

_MULT = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime: the rolling polynomial's base
_MASK32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class Keyed:
    """A report's key characters and sentence shingles (arrays index the key, not the text)."""

    pos: np.ndarray  # int64: offset in `text` of each key character
    hashes: np.ndarray  # uint64: hash of the shingle starting at each key character
    valid: np.ndarray  # bool: the shingle lies inside one sentence
    sent: np.ndarray  # int64: sentence number of each shingle's first character
    term: np.ndarray  # bool: the shingle lies inside a term-table expression

    def __len__(self) -> int:
        """Number of shingle positions."""
        return len(self.hashes)

    def text_span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets in `text` of the shingles `first`..`last` (inclusive): from the first's first
        character to the last's last character."""
        return int(self.pos[first]), int(self.pos[last + SHINGLE_CHARS - 1]) + 1


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _key_mask(cp: np.ndarray) -> np.ndarray:
    han = np.zeros(len(cp), dtype=bool)
    for first, last in _HAN_RANGES:
        han |= (cp >= first) & (cp <= last)
    digit = (cp >= 0x30) & (cp <= 0x39)
    latin = ((cp >= 0x41) & (cp <= 0x5A)) | ((cp >= 0x61) & (cp <= 0x7A))
    return han | digit | latin


def _fold(cp: np.ndarray) -> np.ndarray:
    """Lower-case ASCII letters (`ABC` and `abc` are one shingle)."""
    upper = (cp >= 0x41) & (cp <= 0x5A)
    return np.where(upper, cp + 32, cp).astype(np.uint32)


def key_string(text: str) -> str:
    """The key of a string: its Chinese characters, digits and letters (lower-cased), in order."""
    cp = _codes(text)
    return _fold(cp[_key_mask(cp)]).tobytes().decode("utf-32-le")


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: spreads the polynomial hash over all 64 bits."""
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def keyed(text: str) -> Keyed:
    """The key and sentence shingles of a normalized text."""
    cp = _codes(text)
    keep = _key_mask(cp)
    breaks = np.isin(cp, _codes(SENTENCE_BREAKS))
    sent_of_char = np.cumsum(breaks)
    pos = np.flatnonzero(keep)
    codes = _fold(cp[keep]).astype(np.uint64)
    sent = sent_of_char[keep]
    n = len(codes) - SHINGLE_CHARS + 1
    if n <= 0:
        empty = np.zeros(0, dtype=np.uint64)
        return Keyed(pos, empty, np.zeros(0, bool), np.zeros(0, np.int64), np.zeros(0, bool))
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint64)
        for j in range(SHINGLE_CHARS):
            h = h * _MULT + codes[j : j + n]
        h = _mix(h)
    valid = sent[:n] == sent[SHINGLE_CHARS - 1 :]
    key = codes.astype(np.uint32).tobytes().decode("utf-32-le")
    boiler = _term_shingles(key, sent, n) | _heading_shingles(text, pos, n)
    return Keyed(pos, h, valid, sent[:n].astype(np.int64), boiler)


def _term_shingles(key: str, sent: np.ndarray, n: int) -> np.ndarray:
    """Which shingles are formula: mostly inside term-table expressions, or in a formula sentence."""
    chars = np.zeros(len(key), dtype=np.int64)
    for end, length in _terms_automaton().iter(key):
        chars[end - length + 1 : end + 1] = 1
    run = np.concatenate(([0], np.cumsum(chars)))
    per_shingle = run[SHINGLE_CHARS : SHINGLE_CHARS + n] - run[:n]
    # the share of each sentence's characters inside terms, spread back over its characters
    _, first, inverse = np.unique(sent, return_index=True, return_inverse=True)
    share = np.bincount(inverse, weights=chars) / np.bincount(inverse)
    formula = share[inverse] >= FORMULA_SENTENCE_SHARE
    return (per_shingle >= TERM_SHINGLE_CHARS) | formula[:n]


def _heading_shingles(text: str, pos: np.ndarray, n: int) -> np.ndarray:
    """Which shingles start inside a heading, a title, a signature line or a parallel enumeration."""
    marks = np.zeros(len(text) + 1, dtype=np.int64)
    for m in _HEADING_RE.finditer(text):
        marks[m.start()] += 1
        marks[m.end()] -= 1
    for rx in _ENUM_RES:
        for m in rx.finditer(text):
            marks[m.start()] += 1
            marks[m.end()] -= 1
    inside = np.cumsum(marks)[:-1] > 0
    return inside[pos[:n]] if len(pos) else np.zeros(0, dtype=bool)


def df_limit(n_reports: int) -> int:
    """In how many of n reports a shingle must be to count as boilerplate."""
    return max(BOILERPLATE_MIN_REPORTS, math.ceil(BOILERPLATE_SHARE * n_reports))


def common_shingles(docs: list[Keyed]) -> np.ndarray:
    """The sorted hashes of the shingles found in at least df_limit(len(docs)) reports."""
    if not docs:
        return np.zeros(0, dtype=np.uint64)
    per_doc = [np.unique(d.hashes[d.valid]) for d in docs]
    allh = np.concatenate(per_doc) if per_doc else np.zeros(0, dtype=np.uint64)
    values, counts = np.unique(allh, return_counts=True)
    return values[counts >= df_limit(len(docs))]


def own_mask(doc: Keyed, common: np.ndarray) -> np.ndarray:
    """The shingles of a report that can show copying: inside a sentence, not common, not a term."""
    if len(common):
        i = np.searchsorted(common, doc.hashes)
        i[i == len(common)] = 0
        is_common = common[i] == doc.hashes
    else:
        is_common = np.zeros(len(doc.hashes), dtype=bool)
    return doc.valid & ~is_common & ~doc.term


def hash32(h: np.ndarray) -> np.ndarray:
    """The 64-bit shingle hashes folded to 32 bits (what MinHash's affine32 scheme takes)."""
    return ((h >> np.uint64(32)) ^ (h & _MASK32)).astype(np.uint32)


def _table_terms() -> set[str]:
    """The fixed expressions of the term tables (their correct forms), as keys."""
    base = resources.files("fazhi.data") / "terms"
    terms: set[str] = set(PART_NAMES.values())
    columns = {
        "lexicon.txt": 0,  # canonical terms of the genre
        "phrases.tsv": 1,  # 规范表述: the correct form
        "fixed_phrases.tsv": 1,
        "institutions.tsv": 1,
        "days.tsv": 1,
        "plans.tsv": 0,  # 纲要 and plan names
        "laws.txt": 0,
        "sessions.tsv": 0,  # 党的二十大, 二十届三中全会
    }
    for name, col in columns.items():
        shortest = LEXICON_FORMULA_CHARS if name == "lexicon.txt" else TERM_MIN_CHARS
        for line in (base / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if col < len(cells) and len(cells[col].strip()) >= shortest:
                terms.add(cells[col].strip())
    return {k for k in (key_string(t) for t in terms) if len(k) >= TERM_MIN_CHARS}


@lru_cache(maxsize=1)
def _terms_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for t in _table_terms():
        auto.add_word(t, len(t))
    auto.make_automaton()
    return auto
