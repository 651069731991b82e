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

import numpy as np

from . import confusion
from .model import BOS, FIRST_CHAR_ID, ORDER, CharLM, encode, load

# Detection thresholds (log10 probability of a character given its four predecessors). A typo makes
# its own character or the next one improbable; -2.5 keeps the positions worth trying to ~15% of
# characters on report text while missing few injected typos (bench/bench_corrector.py).
DETECT_SELF = -2.5
DETECT_NEXT = -2.5
# Channel priors (log10): an input method's homophone is the usual slip, a look-alike the rarer one.
# Near pinyin is cheap to type but also where report jargon the laws never use sits (学思践悟 is no
# 学实践悟): it pays nearly as much as a look-alike.
PRIOR = {confusion.SAME_TONE: 0.0, confusion.TONELESS: -0.3, confusion.NEAR: -3.0, confusion.SHAPE: -2.0}
# Word bonus per character of the longest dictionary word through the position that the candidate
# gains over the original (log10 units), and the dictionary frequency a word needs to count.
WORD_BONUS = 1.5
WORD_MIN_FREQ = 50
_DICT_LINE = re.compile(r"^(\S{2,4}) (\d+) ?(\w*)", re.M)
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
HAN_LO, HAN_HI = "\u4e00", "\u9fff"


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
    src = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    return tuple((w, int(f), tag) for w, f, tag in _DICT_LINE.findall(src))


@lru_cache(maxsize=2)
def dictionary(min_freq: int = WORD_MIN_FREQ) -> frozenset[str]:
    """Words of two to four characters: jieba's dictionary (used at least min_freq times) and the lexicon."""
    words = {w for w, f, _tag in _jieba_words() if f >= min_freq}
    words.update(t for t, _fixed in lexicon_terms() if 2 <= len(t) <= 4)
    return frozenset(words)


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


def _term_candidates(text: str, p: int, lm: CharLM) -> str:
    """Characters that, put at p, complete a fixed phrase around p whose written form the model has
    never seen (a written form the laws use, such as 持续推动 next to 持续推进, is no slip)."""
    pats = term_patterns()
    found = ""
    for n in range(PATTERN_MIN_LEN, PATTERN_MAX_LEN + 1):
        for j in range(n):
            a = p - j
            if a < 0 or a + n > len(text):
                continue
            fill = pats.get(text[a:p] + "?" + text[p + 1 : a + n])
            if fill and not lm.seen(text[a : a + min(n, ORDER)]):
                found += fill
    return found


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


def _windows(ext: np.ndarray, pos: np.ndarray, center: np.ndarray | None) -> np.ndarray:
    """The ORDER n-gram rows that end at pos..pos+ORDER-1 (in `ext` coordinates, padded by ORDER-1),
    with the character at pos replaced by `center` when given. Shape [len(pos) * ORDER, ORDER]."""
    span = np.arange(2 * ORDER - 1)
    win = ext[pos[:, None] + span[None, :]]
    if center is not None:
        win = win.copy()
        win[:, ORDER - 1] = center
    rows = np.lib.stride_tricks.sliding_window_view(win, ORDER, axis=1)
    return np.ascontiguousarray(rows).reshape(-1, ORDER)


def candidates_at(text: str, ids: np.ndarray, lp: np.ndarray, protected: np.ndarray) -> np.ndarray:
    """Positions worth trying: unprotected Chinese characters the model finds unlikely."""
    n = len(text)
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    han = (chars >= ord(HAN_LO)) & (chars <= ord(HAN_HI)) & (ids >= FIRST_CHAR_ID) & ~protected
    nxt = np.append(lp[1:], 0.0)
    # the next character only counts when it is itself a character of the same line
    nxt[np.append(ids[1:], BOS) < FIRST_CHAR_ID] = 0.0
    flagged = han & ((lp < DETECT_SELF) | (nxt < DETECT_NEXT))
    return np.flatnonzero(flagged[:n])


def correct(text: str, protected: np.ndarray | None = None, lm: CharLM | None = None) -> list[Correction]:
    """Single-character corrections for `text` (protected[i] True: never change character i)."""
    lm = lm or load()
    if not text:
        return []
    if protected is None:
        protected = np.zeros(len(text), dtype=bool)
    ids = encode(text, lm.table)
    lp = lm.position_scores(ids)
    positions = [p for p in candidates_at(text, ids, lp, protected) if text[p] not in FROZEN]
    if not positions:
        return []
    pair_pos, pair_cand, pair_chan, pair_char = [], [], [], []
    for p in positions:
        cands = dict(confusion.candidates(text[p]))
        for o in _term_candidates(text, p, lm):
            cands.setdefault(o, TERM)
        for o, ch in cands.items():
            if (text[p], o) in NOT_SLIPS:
                continue
            cid = lm.char_id(o)
            if cid >= FIRST_CHAR_ID:
                pair_pos.append(p)
                pair_cand.append(cid)
                pair_chan.append(ch)
                pair_char.append(o)
    positions = sorted(set(pair_pos))
    if not positions:
        return []
    ext = np.concatenate([np.full(ORDER - 1, BOS), ids, np.full(ORDER - 1, BOS)])
    upos = np.array(positions)
    old = lm.score(_windows(ext, upos, None)).reshape(-1, ORDER).sum(axis=1)
    old_by_pos = dict(zip(positions, old.tolist(), strict=True))
    ppos = np.array(pair_pos)
    new = lm.score(_windows(ext, ppos, np.array(pair_cand))).reshape(-1, ORDER).sum(axis=1)
    best: dict[int, Correction] = {}
    words, any_words = dictionary(), dictionary(1)
    for k in range(len(pair_pos)):
        p = pair_pos[k]
        gain = new[k] - old_by_pos[p]
        # (a lower bar for completing a fixed phrase found 重大限度 in more contexts but also took
        # 持续推动 and 落实见效 for slips: every change must satisfy the model alone)
        if gain < MIN_GAIN:
            continue
        score = gain + (PRIOR_TERM if pair_chan[k] == TERM else PRIOR[pair_chan[k]])
        if score + WORD_BONUS * 3 < ACCEPT:
            continue
        a = max(0, p - 3)
        seg = text[a : p + 4]
        changed = seg[: p - a] + pair_char[k] + seg[p - a + 1 :]
        wl = (_word_len(seg, p - a, any_words), _word_len(changed, p - a, words))
        if wl[0] >= 2 and wl[1] <= wl[0]:
            continue  # the original is a word (even a rare one) and the change makes no longer one
        score += WORD_BONUS * (wl[1] - wl[0])
        if score > ACCEPT and (p not in best or score > best[p].score):
            best[p] = Correction(p, text[p], pair_char[k], pair_chan[k], float(gain), float(score), wl)
    return _one_per_window(sorted(best.values(), key=lambda c: -c.score))


def _one_per_window(found: list[Correction]) -> list[Correction]:
    """Keep the best correction of any ORDER-character window (a change rescores its neighbours)."""
    kept: list[Correction] = []
    for c in found:
        if all(abs(c.pos - k.pos) >= ORDER for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.pos)
