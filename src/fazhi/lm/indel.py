"""Missing and doubled characters: one character inserted or deleted where the language model is sure.

The substitution corrector (lm/corrector.py) keeps a sentence's length; this channel changes it by one.

- Insertion at gap g (a character lost: 民主决、 for 民主决策、, 为 dropped before its object): a gap
  after a Chinese character is tried when the character after it (or the one after that) is unlikely
  given the four before. The candidates are a small closed set of function characters (FUNCTION) and
  the characters that complete a word of three or four characters of the dictionary
  (lm/corrector.dictionary) around the gap; a candidate must make bigrams and a trigram the model has
  seen with its neighbours. The new line scores the inserted character and the ORDER-1 after it.
- Deletion at position p: only a character that repeats a neighbour (亲自推推动) is tried (see
  DELETE_SINGLE); the new line scores the ORDER-1 characters after p with p gone.

Both compare log10 P(line) before and after, so an insertion pays for its own character and a
deletion saves its own; the thresholds are tuned on injected edits (bench/bench_corrector.py indel,
tuning part) and on the clean reports (samples/ and the dev files of ../shared/corpus) for no change
of clean text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..text import HAN_FIRST, HAN_LAST
from .corrector import FROZEN, OLD_WORD_MIN_FREQ, _word_len, dictionary, model_ids, one_per_window
from .model import BOS, FIRST_CHAR_ID, LOG_FLOOR, ORDER, CharLM, encode, load, pack

# Function characters a writer drops most (a preposition or marker before its object, a connective).
# 的, 之, 其, 是 are left out: a report may drop them by choice (考核重要内容 next to 考核的重要内容).
FUNCTION = "为以和与及对在将由于从向并等"
# A gap is tried when the character after it is this unlikely (log10) or the one after that is: a
# lost character makes its successor improbable (民主决、: 、 after 民主决). Tightening to -3.5/-3.9
# lost four correct insertions of the bench (加强党的领导, 法治建设) for a fifth less time.
DETECT_GAP = -3.0
DETECT_GAP_NEXT = -3.5
# With DELETE_SINGLE, a character is tried for deletion when it or its successor is this unlikely.
DETECT_DEL = -3.0
DETECT_DEL_NEXT = -3.0
# Minimum gain (log10 of the ratio of the line's probabilities) for an insertion and a deletion.
# An insertion already pays its own character's probability; a deletion gains it back, so its bar is
# higher. Tuned on the tuning part of injected deletions/insertions for no change on clean sentences.
INS_GAIN = 3.0
DEL_GAIN = 3.0
# Word bonus per character the longest dictionary word through the edit gains (as in corrector.py).
WORD_BONUS = 1.0
ACCEPT_INS = 4.0
ACCEPT_DEL = 5.0
# Words of this many characters may be completed by an inserted character (a two-character word
# completed from one side would admit almost any character).
FILL_MIN_LEN, FILL_MAX_LEN = 3, 4
INSERT, DELETE = "insert", "delete"
# Whether a character that repeats no neighbour may be deleted. Off: on the clean reports (samples
# and the dev files of ../shared/corpus) every such proposal was report jargon or a name the
# law-trained model does not know (以上率下, 抓线, 扛在肩上, 身兼多职, a village name), 1.2 false
# alarms per 10,000 characters, for 12 of 346 injected edits on the tuning part.
DELETE_SINGLE = False
# A doubled character breaks the word it belongs to, so the word bonus says nothing about it: its
# score is the gain plus DOUBLED_BONUS (1.0; 1.5 found more doubled characters on the tuning part,
# 57/85 for 48/85, but also took 工作作重点 and 作作出 for slips), minus REDUPLICATION_COST when both
# copies are meant (a reduplicated word 处处/等等, an idiom 息息相关, two words 重要|要求).
REDUPLICATION_COST = 3.0
DOUBLED_BONUS = 1.0
# A character right after a numeral is a measure word (三期, 两项): the model knows measure words
# poorly, and dropping one always looks like a gain (二、三期项目 -> 二、三项目 on clean text).
NUMERALS = frozenset("〇一二三四五六七八九十百千万亿两零0123456789")


@dataclass(frozen=True, slots=True)
class Edit:
    """One proposed edit: insert `char` before position pos, or delete the character at pos."""

    pos: int
    op: str
    char: str
    gain: float
    score: float


@lru_cache(maxsize=1)
def _fills() -> dict[tuple[str, str], str]:
    """(left part, right part) of a dictionary word of FILL_MIN_LEN..FILL_MAX_LEN characters with one
    character taken out -> the characters that fill it (负责|'' -> 人)."""
    out: dict[tuple[str, str], str] = {}
    for w in dictionary():
        if FILL_MIN_LEN <= len(w) <= FILL_MAX_LEN:
            for j in range(len(w)):
                key = (w[:j], w[j + 1 :])
                if w[j] not in out.get(key, ""):
                    out[key] = out.get(key, "") + w[j]
    return out


@lru_cache(maxsize=1)
def _fill_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sorted two-character codes a gap must show for _fill_chars to find anything: the characters
    either side of an inner blank, the two after a blank that starts a word, the two before a blank
    that ends one (code: first code point << 21 | second)."""
    inner, head, tail = set(), set(), set()
    for left, right in _fills():
        if left and right:
            inner.add((ord(left[-1]) << 21) | ord(right[0]))
        elif right:
            head.add((ord(right[0]) << 21) | ord(right[1]))
        else:
            tail.add((ord(left[-2]) << 21) | ord(left[-1]))
    return tuple(np.array(sorted(x), dtype=np.int64) for x in (inner, head, tail))


def _may_fill(text: str, gaps: np.ndarray) -> np.ndarray:
    """The gaps where _fill_chars may find a character (a cheap necessary condition, vectorised)."""
    cps = np.concatenate([[0, 0], np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), [0, 0]])
    cps = cps.astype(np.int64)
    at = gaps + 2  # index of text[g] in cps

    def member(codes: np.ndarray, table: np.ndarray) -> np.ndarray:
        return table[np.minimum(np.searchsorted(table, codes), len(table) - 1)] == codes

    inner, head, tail = _fill_pairs()
    return gaps[
        member((cps[at - 1] << 21) | cps[at], inner)
        | member((cps[at] << 21) | cps[at + 1], head)
        | member((cps[at - 2] << 21) | cps[at - 1], tail)
    ]


def _fill_chars(text: str, g: int) -> str:
    """Characters that, put in the gap before g, complete a dictionary word of 3-4 characters."""
    fills = _fills()
    found = ""
    for n in range(FILL_MIN_LEN, FILL_MAX_LEN + 1):
        for j in range(n):  # the missing character is the word's j-th
            left, right = text[max(0, g - j) : g], text[g : g + n - 1 - j]
            if len(left) == j and len(right) == n - 1 - j:
                found += fills.get((left, right), "")
    return found


def _han(text: str) -> np.ndarray:
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return (chars >= ord(HAN_FIRST)) & (chars <= ord(HAN_LAST))


def edits(text: str, protected: np.ndarray | None = None, lm: CharLM | None = None) -> list[Edit]:
    """Insertions and deletions of one character the model prefers strongly (see the module doc)."""
    lm = lm or load()
    n = len(text)
    if n < 3:
        return []
    if protected is None:
        protected = np.zeros(n, dtype=bool)
    ids = model_ids(text, lm)
    lp = lm.position_scores(ids)
    ok = _han(text) & (ids >= FIRST_CHAR_ID) & ~protected
    ext = np.concatenate([np.full(ORDER - 1, BOS), ids, np.full(ORDER - 1, BOS)])
    lp_ext = np.concatenate([lp, np.full(ORDER, LOG_FLOOR)])
    found = _insertions(text, ids, lp, lp_ext, ext, ok, protected, lm)
    found += _deletions(text, ids, lp, lp_ext, ext, ok, lm)
    return one_per_window(sorted(found, key=lambda e: -e.score))


@lru_cache(maxsize=2)
def _function_ids(lm: CharLM) -> np.ndarray:
    """The model ids of FUNCTION."""
    return np.array([lm.char_id(c) for c in FUNCTION], dtype=np.int64)


def _insertions(text, ids, lp, lp_ext, ext, ok, protected, lm: CharLM) -> list[Edit]:
    """Insertions of one character: gap g sits before text[g]."""
    # gaps: after a free Chinese character, before a character of the line (a lost character may end
    # a clause: 审理机，for 审理机制，)
    nxt = np.append(lp[1:], 0.0)
    after = np.append(False, ok[:-1]) & (ids >= FIRST_CHAR_ID) & ~protected
    gaps = np.flatnonzero(after & ((lp < DETECT_GAP) | (nxt < DETECT_GAP_NEXT)))
    if not len(gaps):
        return []
    fids = _function_ids(lm)
    rows = [np.repeat(gaps, len(fids))]
    cands = [np.tile(fids, len(gaps))]
    fill_rows, fill_chars = [], []
    for g in _may_fill(text, gaps).tolist():
        if fill := _fill_chars(text, g):
            fill_rows += [g] * len(fill)
            fill_chars.append(fill)
    if fill_rows:
        rows.append(np.array(fill_rows, dtype=np.int64))
        cands.append(encode("".join(fill_chars), lm.table))
    g, cand = np.concatenate(rows), np.concatenate(cands)
    # each (gap, character) once, in gap order; never a character equal to a neighbour
    key = np.unique(g * len(lm.table) + cand)
    g, cand = key // len(lm.table), key % len(lm.table)
    keep = (cand >= FIRST_CHAR_ID) & (cand != ids[g - 1]) & (cand != ids[g])
    # ... and one that makes bigrams the model has seen with both neighbours (a lost character
    # leaves two neighbours it joins; the decisions on the bench did not change with this filter)
    known = lm.bigram_index
    keep &= known[ids[g - 1], cand] >= 0
    keep &= (ids[g] < FIRST_CHAR_ID) | (known[cand, ids[g]] >= 0)
    g, cand = g[keep], cand[keep]
    # ... and, before a character, a trigram the model has seen
    inner = ids[g] >= FIRST_CHAR_ID
    tri = lm.seen_keys(3, pack(np.stack([ids[g - 1], cand, ids[g]], axis=1)))
    keep = ~inner | tri
    g, cand = g[keep], cand[keep]
    if not len(g):
        return []
    seqs = np.concatenate(
        [
            ext[g[:, None] + np.arange(ORDER - 1)[None, :]],
            cand[:, None],
            ext[g[:, None] + ORDER - 1 + np.arange(ORDER - 1)[None, :]],
        ],
        axis=1,
    )
    gains = lm.scores_along(seqs, ORDER - 1).sum(axis=1) - sum(lp_ext[g + j] for j in range(ORDER - 1))
    words, any_words = dictionary(), dictionary(OLD_WORD_MIN_FREQ)
    found = []
    for k in np.flatnonzero(gains >= INS_GAIN).tolist():
        p, ch = int(g[k]), lm.vocab[int(cand[k]) - FIRST_CHAR_ID]
        a = max(0, p - 3)
        seg = text[a : p + 3]
        changed = seg[: p - a] + ch + seg[p - a :]
        before = max(_word_len(seg, p - a - 1, any_words), _word_len(seg, p - a, any_words))
        after_len = _word_len(changed, p - a, words)
        score = float(gains[k]) + WORD_BONUS * (after_len - before)
        if ch not in FUNCTION and after_len < FILL_MIN_LEN:
            continue  # a content character must complete a word
        if score >= ACCEPT_INS:
            found.append(Edit(p, INSERT, ch, float(gains[k]), score))
    return found


def _deletions(text, ids, lp, lp_ext, ext, ok, lm: CharLM) -> list[Edit]:
    """Deletions of one free Chinese character between two characters."""
    n = len(text)
    inner = ok.copy()
    inner[0] = inner[-1] = False
    same = np.zeros(n, dtype=bool)  # a character equal to a neighbour: always tried
    same[:-1] = ids[:-1] == ids[1:]
    same[1:] |= same[:-1].copy()
    tried = same
    if DELETE_SINGLE:
        nxt = np.append(lp[1:], 0.0)
        tried = same | (lp < DETECT_DEL) | (nxt < DETECT_DEL_NEXT)
    words = dictionary()
    dels = np.array(
        [
            p
            for p in np.flatnonzero(inner & tried).tolist()
            if text[p] not in NUMERALS
            and text[p - 1] not in NUMERALS
            and (same[p] or text[p] not in FROZEN)
            and _joins(text, p, words)
        ],
        dtype=np.int64,
    )
    if not len(dels):
        return []
    seqs = np.concatenate(
        [
            ext[dels[:, None] + np.arange(ORDER - 1)[None, :]],
            ext[dels[:, None] + ORDER + np.arange(ORDER - 1)[None, :]],
        ],
        axis=1,
    )
    gains = lm.scores_along(seqs, ORDER - 1).sum(axis=1) - sum(lp_ext[dels + j] for j in range(ORDER))
    found = []
    for k in np.flatnonzero(gains >= DEL_GAIN).tolist():
        p = int(dels[k])
        a = max(0, p - 3)
        seg = text[a : p + 4]
        changed = seg[: p - a] + seg[p - a + 1 :]
        before = _word_len(seg, p - a, dictionary(OLD_WORD_MIN_FREQ))
        after_len = max(_word_len(changed, p - a - 1, words), _word_len(changed, p - a, words))
        score = float(gains[k]) + WORD_BONUS * (after_len - before)
        if _doubled(text, p):
            # a doubled character breaks the word it belongs to: no word bonus either way
            score = float(gains[k]) + DOUBLED_BONUS - REDUPLICATION_COST * _reduplication(text, p)
        if score >= ACCEPT_DEL:
            found.append(Edit(p, DELETE, text[p], float(gains[k]), score))
    return found


def _joins(text: str, p: int, words: frozenset[str]) -> bool:
    """Whether text[p] is in no word with its neighbours (保驾护航, 契机 stay) and deleting it undoes a
    doubled character or joins its neighbours in a word."""
    if _doubled(text, p):
        return True
    if (
        not DELETE_SINGLE
        or _word_len(text[max(0, p - 3) : p + 4], min(p, 3), dictionary(OLD_WORD_MIN_FREQ)) > 1
    ):
        return False
    s = text[max(0, p - 3) : p] + text[p + 1 : p + 4]
    i = min(p, 3)  # index of text[p+1] in s
    return any(
        s[a : a + m] in words for m in (2, 3, 4) for a in range(max(0, i - m + 1), i) if a + m <= len(s)
    )


def _doubled(text: str, p: int) -> bool:
    """Whether text[p] repeats a neighbour."""
    return text[p] in (text[p - 1 : p] + text[p + 1 : p + 2])


def _reduplication(text: str, p: int) -> bool:
    """Whether text[p] and the neighbour it repeats are both meant: a word of the dictionary holds
    both (常常, 处处, 息息相关), or one word ends with the first and another starts with the second
    (重要|要求, 学习|习近平 is protected)."""
    words = dictionary(OLD_WORD_MIN_FREQ)
    for a in (p - 1, p):
        if a < 0 or a + 1 >= len(text) or text[a] != text[a + 1]:
            continue
        seg_a = max(0, a - 3)
        seg = text[seg_a : a + 5]
        i = a - seg_a  # the first copy in seg
        if any(seg[s : s + m] in words for m in (2, 3, 4) for s in range(max(0, i + 2 - m), i + 1)):
            return True
        ends = any(seg[i + 1 - m : i + 1] in words for m in (2, 3, 4) if i + 1 - m >= 0)
        starts = any(seg[i + 1 : i + 1 + m] in words for m in (2, 3, 4))
        if ends and starts:
            return True
    return False


def apply(text: str, found: list[Edit]) -> str:
    """`text` with the edits made."""
    out = text
    for e in sorted(found, key=lambda e: -e.pos):
        out = out[: e.pos] + e.char + out[e.pos :] if e.op == INSERT else out[: e.pos] + out[e.pos + 1 :]
    return out
