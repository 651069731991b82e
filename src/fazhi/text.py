"""Normalized text with an offset map back to the raw text (learned from spaCy's Doc.char_span)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

# Character classes shared by every stage.
# The CJK Unified Ideographs block: what the rules' patterns mean by "a Chinese character" (`[{HAN_BASIC}]`).
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"
HAN_BASIC = f"{HAN_FIRST}-{HAN_LAST}"
# Every Han character (Extension A and the compatibility ideographs too): normalization's wider class.
HAN = f"\u3400-\u4dbf{HAN_BASIC}\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2014\u2026\u00b7\u2018\u2019\u201c\u201d"
HAN_RE = re.compile(f"[{HAN}]")
# Closing marks, defined once. CLOSERS: every quote and bracket closer that may trail a sentence or a
# line (`。”`, `。）`). The variants below are deliberate subsets, kept as they were tuned:
CLOSERS = "”’」』）)》〉"
# …after a sentence's end mark (`。”`): a title mark `》〉` closes no sentence.
SENTENCE_CLOSERS = "”’」』）)"
# …full width only (the dash check: an ASCII `)` beside a dash is the ASCII-punctuation rules' concern).
FULLWIDTH_CLOSERS = CLOSERS.replace(")", "")
# …of quotes and title marks only, no brackets (spaces inside nested quotes and titles).
INNER_CLOSERS = "”’》〉"

# A year written in full, in Arabic or Chinese digits (`2024`, `二〇二四`).
YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"


def is_han_basic(ch: str) -> bool:
    """True when `ch` is a character of the CJK Unified Ideographs block (what `[{HAN_BASIC}]` matches)."""
    return HAN_FIRST <= ch <= HAN_LAST


class Alignment(StrEnum):
    """How a span in `text` maps onto the raw text."""

    EXACT = "exact"
    EXPANDED = "expanded"  # the raw span holds characters normalization removed
    CONTRACTED = "contracted"  # the raw span is shorter (normalization inserted characters)


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A span of the raw text and how faithfully it corresponds."""

    start: int
    end: int
    alignment: Alignment


class OffsetMap:
    """For every character of the normalized text, the index of the raw character it came from."""

    __slots__ = ("raw", "index")

    def __init__(self, raw: str, index: list[int] | None = None):
        self.raw = raw
        # index has len(text) + 1 entries; the last is the raw length (end sentinel).
        self.index = index if index is not None else list(range(len(raw) + 1))

    def char_span(self, start: int, end: int, text: str) -> RawSpan:
        """Map text[start:end] to the raw text, saying whether the mapping is exact."""
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
        if start == end:
            r = self.index[start]
            return RawSpan(r, r, Alignment.EXACT)
        rs = self.index[start]
        re_ = self.index[end - 1] + 1
        raw_piece = self.raw[rs:re_]
        piece = text[start:end]
        if raw_piece == piece:
            return RawSpan(rs, re_, Alignment.EXACT)
        if len(raw_piece) >= len(piece):
            return RawSpan(rs, re_, Alignment.EXPANDED)
        return RawSpan(rs, re_, Alignment.CONTRACTED)


def apply_edits(text: str, index: list[int], edits: Iterable[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Apply non-overlapping (start, end, replacement) edits, carrying the offset index along.

    Inserted characters map to the raw position of the first replaced character (or of the
    character that follows an insertion), so every output character keeps a raw origin.
    """
    out: list[str] = []
    idx: list[int] = []
    pos = 0
    for start, end, repl in sorted(edits):
        if start < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos:start])
        idx.extend(index[pos:start])
        if repl:
            anchor = index[start]
            if end - start == len(repl):
                idx.extend(index[start:end])
            else:
                idx.extend([anchor] * len(repl))
            out.append(repl)
        pos = end
    out.append(text[pos:])
    idx.extend(index[pos:])  # includes the end sentinel
    return "".join(out), idx


def lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of text, newline excluded."""
    return list(_line_spans(text))


# Texts whose line spans are kept: the stages of one analysis ask for the same text's lines a dozen times.
LINE_CACHE_SIZE = 4


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _line_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)


SENT_END = "。！？!?；;"
_SENT_RE = re.compile(rf"[^。！？!?；;\n]*(?:[。！？!?；;]+[{SENTENCE_CLOSERS}]*|$)")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (ending with 。！？； or the line end) inside text[start:end]."""
    end = len(text) if end is None else end
    out = []
    for m in _SENT_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \n":
            s += 1
        if e > s:
            out.append((s, e))
    return out


def find_all(text: str, needle: str) -> Iterator[tuple[int, int]]:
    """Non-overlapping occurrences (start, end) of a literal string, left to right: what
    `re.finditer(re.escape(needle), text)` finds, without compiling a pattern per string."""
    if not needle:
        raise ValueError("find_all needs a non-empty string")
    n = len(needle)
    i = text.find(needle)
    while i >= 0:
        yield i, i + n
        i = text.find(needle, i + n)


def han_before(text: str, words: Iterable[str], shortest: int, longest: int) -> list[tuple[int, int]]:
    """Spans of `shortest` to `longest` Chinese characters (U+4E00–U+9FFF) right before one of `words`:
    exactly what `re.finditer("[\\u4e00-\\u9fff]{shortest,longest}(?=w1|w2|…)", text)` finds (greedy,
    non-overlapping, left to right), found from the words' occurrences (str.find) instead of trying a
    match at every character."""
    after: set[int] = set()  # positions where one of the words starts
    for w in words:
        i = text.find(w)
        while i >= 0:
            after.add(i)
            i = text.find(w, i + 1)
    out: list[tuple[int, int]] = []
    last_end = 0
    for i in sorted({p - k for p in after for k in range(shortest, longest + 1) if p - k >= 0}):
        if i < last_end:
            continue
        for k in range(longest, shortest - 1, -1):
            if i + k in after and all(is_han_basic(c) for c in text[i : i + k]):
                out.append((i, i + k))
                last_end = i + k
                break
    return out
