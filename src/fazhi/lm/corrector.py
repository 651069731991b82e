"""The statistical typo corrector: single-character substitutions the language model is sure of.

Detection first: the model scores every character given the four before it; only a Chinese character
that the model finds unlikely (or after which the next character becomes unlikely) is tried. For such
a position each confusable character (lm/confusion.py) is put in its place and the five n-grams that
cover it are scored again. A candidate wins when

    gain (log10, new window - old window) + channel prior + word bonus  >  ACCEPT

and the raw gain alone clears MIN_GAIN. The channel prior makes a homophone cheaper than a
look-alike; the word bonus rewards a candidate that completes a word of jieba's dictionary the
original breaks (城所 -> 场所). Positions the caller marks protected (titles, names, terms) and
non-Chinese characters are never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol, TypeVar

import numpy as np

from ..text import HAN_FIRST, HAN_LAST
from . import confusion
from .model import BOS, DATA, FIRST_CHAR_ID, LOG_FLOOR, ORDER, CharLM, encode, load, pack

# Detection thresholds (log10 probability of a character given its four predecessors). A typo makes
# its own character or the next one improbable; at -4.0 about 20% of characters are tried and 98% of
# the injected typos the corrector fixes are still among them (bench/bench_corrector.py, tuning half).
DETECT_SELF = -3.5
DETECT_NEXT = -3.3
# ... or the one after that is very unlikely (重大限度: 限 is where the model stumbles).
DETECT_NEXT2 = -4.8
# Between two characters a candidate must also form a trigram the model has seen. On the tuning half
# this costs recall (0.67 -> 0.60) for precision (0.974 -> 0.982, no clean sentence changed) and
# speed (the stage takes a third less time): the whole analysis stays within 3x jieba.
TRIGRAM_FILTER = True
# Channel priors (log10): an input method's homophone is the usual slip, a look-alike the rarer one.
# Near pinyin is cheap to type but also where report jargon the laws never use sits (学思践悟 is no
# 学实践悟): it pays nearly as much as a look-alike.
PRIOR = {confusion.SAME_TONE: 0.0, confusion.TONELESS: -0.3, confusion.NEAR: -3.0, confusion.SHAPE: -2.0}
# Word bonus per character of the longest dictionary word through the position that the candidate
# gains over the original (log10 units), and the dictionary frequency a word needs to count.
WORD_BONUS = 1.5
WORD_MIN_FREQ = 50
# The original character counts as part of a word (which vetoes a change that makes no longer word)
# when the word is in jieba's dictionary with at least this count: rarer entries (政大, 服务化) are
# mostly abbreviations and fragments that a slip creates by chance.
OLD_WORD_MIN_FREQ = 5
# Lines of jieba's dict.txt with a word of two to four characters used at least OLD_WORD_MIN_FREQ
# (a single digit) times: the rarer words, never used here, are not even parsed (load time).
_DICT_LINE = re.compile(rf"^(\S{{2,4}}) (\d\d+|[{OLD_WORD_MIN_FREQ}-9]) ?(\w*)", re.M)
# A candidate that completes a fixed phrase (`重大限度` -> `最大限度`) is tried even when no
# confusion set links the two characters; its prior is that of a look-alike. Only fixed phrases
# (idioms, the lexicon's 固定 entries): a term such as 依法治国 is productive (依法治街, 依法治校).
# Phrases of 4 to 8 characters: shorter ones match by chance too often.
TERM = 4
PRIOR_TERM = -1.2
PATTERN_MIN_LEN, PATTERN_MAX_LEN = 4, 8
# A change is proposed when gain + prior + bonus exceeds ACCEPT and the model gain alone exceeds
# MIN_GAIN: the model must prefer the candidate strongly, priors only break near-ties. Tuned on the
# tuning half of the injected-typo set for precision (bench/bench_corrector.py).
ACCEPT = 4.5
MIN_GAIN = 4.0
# A candidate must gain PRE_GAIN on the HEAD n-grams that end at it and the next two characters
# (added for speed, when only those candidates were scored further; the tuning half lost no
# correction to it, and it stays so that every decision stays as it was measured).
HEAD = 3
PRE_GAIN = 1.0
# Never rewrite these: numerals and function characters whose confusions are grammar, not typos.
# Administrative level characters stand for the reporting unit itself (全县, 我乡, 依法治街): the
# laws prefer 省 and 国, which is no reason to change them.
# Function characters (还, 不, 也, 和 ...) are grammar, not spelling: a wrong one is no typo this
# model can judge.
FROZEN = frozenset(
    "〇一二三四五六七八九十百千万亿两零壹贰叁肆伍陆柒捌玖拾的地得在再做作省市县区乡镇村街局旗盟州厅"
    "不没也还都就才又和与及或并而但了着过把被让给对向从"
)
# Pairs that are two standing words, not a slip: 法治/法制, 明察/明查 belong to the terminology rules.
NOT_SLIPS = frozenset({("治", "制"), ("制", "治"), ("察", "查"), ("查", "察")})
# ASCII punctuation typed in Chinese text stands for its full-width form, the form the laws (the
# model's training text) use: 原则,重大限度 was scored as an unseen context (`,最大限` is no stored
# n-gram, `，最大限` is), which halved the gain of 重->最 (2.9 instead of 5.0). Next to a Chinese
# character the model reads these as their full-width forms (offsets unchanged: one for one). The
# full stop stays: `.` is a decimal point as often.
ASCII_FOLD = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


@dataclass(frozen=True, slots=True)
class Correction:
    """One proposed change: position, the character found, the one proposed, channel and scores."""

    pos: int
    wrong: str
    right: str
    channel: int
    gain: float
    score: float
    words: tuple[int, int] = (1, 1)


@lru_cache(maxsize=1)
def lexicon_terms() -> tuple[tuple[str, bool], ...]:
    """The accepted terms of data/terms/lexicon.txt, each with whether it is a fixed phrase (固定)."""
    src = resources.files("fazhi.data.terms").joinpath("lexicon.txt").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in src.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple((r[0].strip(), len(r) > 1 and r[1].strip() == "固定") for r in rows)


@lru_cache(maxsize=1)
def _jieba_words() -> tuple[tuple[str, int, str], ...]:
    """Words of jieba's dictionary (two to four characters, used OLD_WORD_MIN_FREQ times or more)."""
    src = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    return tuple((w, int(f), tag) for w, f, tag in _DICT_LINE.findall(src))


@lru_cache(maxsize=2)
def dictionary(min_freq: int = WORD_MIN_FREQ) -> frozenset[str]:
    """Words of two to four characters: jieba's dictionary (used at least min_freq >= OLD_WORD_MIN_FREQ
    times), the lexicon and the report jargon of genre_words()."""
    words = {w for w, f, _tag in _jieba_words() if f >= min_freq}
    words.update(t for t, _fixed in lexicon_terms() if 2 <= len(t) <= 4)
    words.update(genre_words())
    return frozenset(words)


@lru_cache(maxsize=1)
def genre_words() -> tuple[str, ...]:
    """Report jargon missing from jieba's dictionary (data/lm/genre_words.txt): 建强, 走深走实 ..."""
    src = resources.files(DATA).joinpath("genre_words.txt").read_text(encoding="utf-8")
    return tuple(w for ln in src.splitlines() if 2 <= len(w := ln.strip()) <= 4 and not w.startswith("#"))


@lru_cache(maxsize=1)
def fixed_phrases() -> tuple[str, ...]:
    """Phrases that admit no variation: the lexicon's fixed phrases and jieba's four-character idioms."""
    idioms = [w for w, f, tag in _jieba_words() if len(w) == 4 and tag == "i" and f >= WORD_MIN_FREQ]
    return tuple(t for t, fixed in lexicon_terms() if fixed) + tuple(idioms)


@lru_cache(maxsize=1)
def term_patterns() -> dict[str, str]:
    """Fixed phrases with one character blanked (`?大限度`) -> the characters that fill the blank."""
    out: dict[str, str] = {}
    for t in fixed_phrases():
        if PATTERN_MIN_LEN <= len(t) <= PATTERN_MAX_LEN:
            for j in range(len(t)):
                key = t[:j] + "?" + t[j + 1 :]
                if t[j] not in out.get(key, ""):
                    out[key] = out.get(key, "") + t[j]
    return out


@lru_cache(maxsize=1)
def _phrase_bigrams() -> frozenset[str]:
    """Every two-character stretch of a fixed phrase: a window that completes one holds one of them
    right before or right after the blank."""
    return frozenset(t[i : i + 2] for t in fixed_phrases() for i in range(len(t) - 1))


@lru_cache(maxsize=2)
def _slip_table(lm: CharLM) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The confusion sets as CSR arrays over model ids: offsets, candidate ids, channels.

    Characters that are FROZEN, and candidates the model does not know, are left out."""
    offsets = np.zeros(len(lm.vocab) + FIRST_CHAR_ID + 1, dtype=np.int64)
    ids: list[int] = []
    chans: list[int] = []
    for i in range(len(lm.vocab) + FIRST_CHAR_ID):
        ch = lm.vocab[i - FIRST_CHAR_ID] if i >= FIRST_CHAR_ID else ""
        if ch and ch not in FROZEN:
            for o, chan in confusion.candidates(ch):
                cid = lm.char_id(o)
                if (ch, o) not in NOT_SLIPS and cid >= FIRST_CHAR_ID:
                    ids.append(cid)
                    chans.append(chan)
        offsets[i + 1] = len(ids)
    return offsets, np.array(ids, dtype=np.int64), np.array(chans, dtype=np.int64)


@lru_cache(maxsize=1)
def _patterns_by_neighbours() -> dict[tuple[str, str], tuple[tuple[str, int, int, str], ...]]:
    """term_patterns as (pattern, blank index, length, fills), indexed by the characters left and
    right of the blank ("" at a phrase's edge): a position looks only at the patterns that fit its
    neighbours."""
    out: dict[tuple[str, str], list[tuple[str, int, int, str]]] = {}
    for key, fill in term_patterns().items():
        j, n = key.index("?"), len(key)
        out.setdefault((key[j - 1] if j else "", key[j + 1] if j < n - 1 else ""), []).append(
            (key, j, n, fill)
        )
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _phrase_bigram_codes() -> np.ndarray:
    """_phrase_bigrams as sorted codes (first code point << 21 | second)."""
    return np.array(sorted((ord(b[0]) << 21) | ord(b[1]) for b in _phrase_bigrams()), dtype=np.int64)


def _near_phrase(text: str, positions: np.ndarray) -> np.ndarray:
    """The positions right after or right before two characters of a fixed phrase (where
    _term_candidates may find something), without a Python loop over every position."""
    cps = np.append(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64), 0)
    known = _phrase_bigram_codes()

    def is_bigram(i: np.ndarray) -> np.ndarray:  # text[i:i+2] (for 0 <= i < len(text) - 1)
        codes = (cps[i] << 21) | cps[i + 1]
        return known[np.minimum(np.searchsorted(known, codes), len(known) - 1)] == codes

    n = len(text)
    before = (positions >= 2) & is_bigram(np.maximum(positions - 2, 0))
    after = (positions + 2 < n) & is_bigram(np.minimum(positions + 1, max(n - 2, 0)))
    return positions[before | after]


def _term_candidates(text: str, p: int, lm: CharLM) -> list[int]:
    """Characters that, put at p, complete a fixed phrase around p whose written form the model has
    never seen (a written form the laws use, such as 持续推动 next to 持续推进, is no slip)."""
    bigrams = _phrase_bigrams()
    if text[p] in FROZEN or (text[max(0, p - 2) : p] not in bigrams and text[p + 1 : p + 3] not in bigrams):
        return []
    index = _patterns_by_neighbours()
    found = ""
    for left in {text[p - 1] if p else "", ""}:
        for right in {text[p + 1] if p + 1 < len(text) else "", ""}:
            for key, j, n, fill in index.get((left, right), ()):
                a = p - j
                if a < 0 or a + n > len(text) or text[a:p] + "?" + text[p + 1 : a + n] != key:
                    continue
                if not lm.seen(text[a : a + min(n, ORDER)]):
                    found += fill
    return [cid for o in sorted(set(found)) if o != text[p] and (cid := lm.char_id(o)) >= FIRST_CHAR_ID]


def _word_len(s: str, i: int, words: frozenset[str]) -> int:
    """Length of the longest dictionary word in s that covers position i (1 if none)."""
    best = 1
    for n in (4, 3, 2):
        if n <= best:
            break
        for a in range(max(0, i - n + 1), min(i, len(s) - n) + 1):
            if s[a : a + n] in words:
                return n
    return best


def prepare(lm: CharLM | None = None) -> None:
    """Load every table the corrector uses (the first correction in a process does it otherwise)."""
    lm = lm or load()
    _ = lm.bigram_index
    lm.hash_index()
    _slip_table(lm)
    _ascii_fold(lm)
    dictionary()
    dictionary(OLD_WORD_MIN_FREQ)
    term_patterns()
    _patterns_by_neighbours()
    _phrase_bigrams()
    _phrase_bigram_codes()


def model_ids(text: str, lm: CharLM) -> np.ndarray:
    """The model's character ids for `text`, ASCII punctuation next to a Chinese character read as
    its full-width form (ASCII_FOLD)."""
    ids = encode(text, lm.table)
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    at = np.flatnonzero(cps < 128)
    if not len(at):
        return ids
    folded = _ascii_fold(lm)[cps[at]]
    at, folded = at[folded >= 0], folded[folded >= 0]
    prev, nxt = cps[np.maximum(at - 1, 0)], cps[np.minimum(at + 1, len(cps) - 1)]
    han = lambda c: (c >= ord(HAN_FIRST)) & (c <= ord(HAN_LAST))  # noqa: E731
    beside = ((at > 0) & han(prev)) | ((at < len(cps) - 1) & han(nxt))
    ids[at[beside]] = folded[beside]
    return ids


@lru_cache(maxsize=2)
def _ascii_fold(lm: CharLM) -> np.ndarray:
    """ASCII code point -> id of its full-width form (ASCII_FOLD), -1 for the others."""
    table = np.full(128, -1, dtype=np.int64)
    for a, b in ASCII_FOLD.items():
        table[ord(a)] = lm.char_id(b)
    return table


def candidates_at(text: str, ids: np.ndarray, lp: np.ndarray, protected: np.ndarray) -> np.ndarray:
    """Positions worth trying: unprotected Chinese characters the model finds unlikely."""
    n = len(text)
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    han = (chars >= ord(HAN_FIRST)) & (chars <= ord(HAN_LAST)) & (ids >= FIRST_CHAR_ID) & ~protected
    # the next characters only count when they are characters of the same line
    nxt = np.append(lp[1:], 0.0)
    nxt[np.append(ids[1:], BOS) < FIRST_CHAR_ID] = 0.0
    nxt2 = np.append(nxt[1:], 0.0)
    nxt2[np.append(ids[1:], BOS) < FIRST_CHAR_ID] = 0.0
    flagged = han & ((lp < DETECT_SELF) | (nxt < DETECT_NEXT) | (nxt2 < DETECT_NEXT2))
    return np.flatnonzero(flagged[:n])


def correct(text: str, protected: np.ndarray | None = None, lm: CharLM | None = None) -> list[Correction]:
    """Single-character corrections for `text` (protected[i] True: never change character i)."""
    lm = lm or load()
    if not text:
        return []
    if protected is None:
        protected = np.zeros(len(text), dtype=bool)
    ids = model_ids(text, lm)
    lp = lm.position_scores(ids)
    positions = candidates_at(text, ids, lp, protected)
    if not len(positions):
        return []
    offsets, flat_ids, flat_chans = _slip_table(lm)
    pid = ids[positions]
    counts = offsets[pid + 1] - offsets[pid]
    ppos = np.repeat(positions, counts)
    # CSR expansion: for each pair, its index in the flat candidate arrays
    within = np.arange(len(ppos)) - np.repeat(np.cumsum(counts) - counts, counts)
    flat = np.repeat(offsets[pid], counts) + within
    pcand, pchan = flat_ids[flat], flat_chans[flat]
    near_phrase = _near_phrase(text, positions).tolist()
    extra = [(p, cid) for p in near_phrase for cid in _term_candidates(text, p, lm)]
    if extra:
        ppos = np.concatenate([ppos, [p for p, _ in extra]]).astype(np.int64)
        pcand = np.concatenate([pcand, [c for _, c in extra]]).astype(np.int64)
        pchan = np.concatenate([pchan, np.full(len(extra), TERM)]).astype(np.int64)
    if not len(ppos):
        return []
    # a candidate must join both neighbours into bigrams the model has seen
    ext = np.concatenate([np.full(ORDER - 1, BOS), ids, np.full(ORDER - 1, BOS)])
    left, right = ext[ppos + ORDER - 2], ext[ppos + ORDER]
    known = lm.bigram_index
    ok = ((left < FIRST_CHAR_ID) | (known[left, pcand] >= 0)) & (
        (right < FIRST_CHAR_ID) | (known[pcand, right] >= 0)
    )
    keep = np.flatnonzero(ok)
    if not len(keep):
        return []
    ppos, pcand, pchan, left, right = ppos[keep], pcand[keep], pchan[keep], left[keep], right[keep]
    if TRIGRAM_FILTER:
        # ... and, between two characters, a trigram the model has seen
        inner = (left >= FIRST_CHAR_ID) & (right >= FIRST_CHAR_ID)
        tri = np.stack([left, pcand, right], axis=1)
        seen3 = lm.seen_keys(3, pack(tri))
        keep = np.flatnonzero(~inner | seen3)
        if not len(keep):
            return []
        ppos, pcand, pchan = ppos[keep], pcand[keep], pchan[keep]
    # the original windows are the rows position_scores already scored (past the end: LOG_FLOOR,
    # as a row that predicts a line start scores)
    lp_ext = np.concatenate([lp, np.full(ORDER - 1, LOG_FLOOR)])
    old_at = np.lib.stride_tricks.sliding_window_view(lp_ext, ORDER).sum(axis=1)[ppos]
    # each candidate's stretch of text: the ORDER-1 characters before it, itself, the ORDER-1 after
    seqs = ext[ppos[:, None] + np.arange(2 * ORDER - 1)[None, :]]
    seqs[:, ORDER - 1] = pcand
    # the n-grams where a slip shows most (ending at the character and the next two) must already
    # gain PRE_GAIN; all five are scored in one pass (one call costs less than two on report text)
    lp2 = sum(lp_ext[ppos + j] for j in range(HEAD))
    scores = lm.scores_along(seqs, ORDER - 1)
    head = np.ascontiguousarray(scores[:, :HEAD]).sum(axis=1)
    keep = np.flatnonzero(head - lp2 > PRE_GAIN)
    if not len(keep):
        return []
    ppos, pcand, pchan, old_at, head = ppos[keep], pcand[keep], pchan[keep], old_at[keep], head[keep]
    tail = np.ascontiguousarray(scores[keep, HEAD:]).sum(axis=1)
    gains = head + tail - old_at
    prior = np.where(
        pchan == TERM, PRIOR_TERM, np.array([PRIOR.get(int(c), PRIOR_TERM) for c in range(TERM + 1)])[pchan]
    )
    # (a lower bar for completing a fixed phrase found 重大限度 in more contexts but also took
    # 持续推动 and 落实见效 for slips: every change must satisfy the model alone)
    maybe = np.flatnonzero((gains >= MIN_GAIN) & (gains + prior + WORD_BONUS * 3 >= ACCEPT))
    best: dict[int, Correction] = {}
    words, any_words = dictionary(), dictionary(OLD_WORD_MIN_FREQ)
    for k in maybe.tolist():
        p, gain, o = int(ppos[k]), float(gains[k]), lm.vocab[int(pcand[k]) - FIRST_CHAR_ID]
        score = gain + float(prior[k])
        a = max(0, p - 3)
        seg = text[a : p + 4]
        changed = seg[: p - a] + o + seg[p - a + 1 :]
        wl = (_word_len(seg, p - a, any_words), _word_len(changed, p - a, words))
        if wl[0] >= 2 and wl[1] <= wl[0]:
            continue  # the original is a word (even a rare one) and the change makes no longer one
        score += WORD_BONUS * (wl[1] - wl[0])
        if score > ACCEPT and (p not in best or score > best[p].score):
            best[p] = Correction(p, text[p], o, int(pchan[k]), gain, score, wl)
    return one_per_window(sorted(best.values(), key=lambda c: -c.score))


class _Placed(Protocol):
    pos: int


_P = TypeVar("_P", bound=_Placed)


def one_per_window(found: list[_P]) -> list[_P]:
    """The best change (input sorted best first) of any ORDER-character window, in text order."""
    kept: list[_P] = []
    for c in found:
        if all(abs(c.pos - k.pos) >= ORDER for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.pos)
